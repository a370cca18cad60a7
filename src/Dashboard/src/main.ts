import "./styles.css";
import { loadConfig } from "./api/config";
import { ApiClient, ApiError } from "./api/client";
import { listRuns } from "./api/endpoints";
import { storedKey, storeKey } from "./api/functionKey";
import { parseUrlState } from "./lib/urlState";
import { startDashboard, type DashboardHandle } from "./app/dashboard";
import { emptyContainerNotice, errorNotice, functionKeyPrompt } from "./views/notices";
import { applyTheme, initialTheme } from "./ui/theme";
import { h } from "./ui/dom";
import { errorText } from "./lib/errorText";

/**
 * Start-up: runtime config, sign-in, the run list, then the report; or a page
 * that says what went wrong (never a blank page).
 */
declare global {
  interface Window { __cvc?: { ready: boolean; startedAt: number; renderedAt?: number; dashboard?: DashboardHandle; error?: string } }
}

const mount = document.getElementById("app")!;
window.__cvc = { ready: false, startedAt: performance.now() };
applyTheme(initialTheme());

async function start(keyRefused = false): Promise<void> {
  const config = await loadConfig();
  if (config.auth === "key" && !storedKey()) {
    mount.replaceChildren(functionKeyPrompt((key) => { storeKey(key); void start(); }, keyRefused));
    return;
  }
  const api = new ApiClient(config);
  try {
    mount.replaceChildren(h("div", { class: "notice", id: "loading" }, h("h2", {}, "Loading…"), h("p", {}, `Reading the runs from ${config.apiBase}`)));
    const runs = await listRuns(api);
    if (!runs.length) { mount.replaceChildren(emptyContainerNotice()); finish(); return; }
    const dashboard = await startDashboard({ api, runs, initial: parseUrlState(location.search), mount });
    window.__cvc!.dashboard = dashboard;
    // Two frames: the tiles draw in their ResizeObserver callbacks, which run after the first frame's rAF.
    requestAnimationFrame(() => requestAnimationFrame(() => finish()));
  } catch (e) {
    if (e instanceof ApiError && e.kind === "auth") {
      if (config.auth === "key") return start(true);
      if (config.auth === "entra") { location.href = `${config.loginPath}?post_login_redirect_uri=${encodeURIComponent(location.pathname + location.search)}`; return; }
    }
    const message = errorText(e);
    const title = e instanceof ApiError && e.kind === "network" ? "The API is not reachable" : e instanceof ApiError && e.kind === "not-found" ? "Not found" : "Something went wrong";
    const retry = h("button", { type: "button", class: "icon-button", onclick: () => location.reload() }, "Retry");
    const home = h("a", { href: location.pathname }, "Open the newest run");
    mount.replaceChildren(errorNotice(title, message, [h("p", {}, retry, " ", home)]));
    window.__cvc!.error = message;
    finish();
  }
}

function finish() {
  window.__cvc!.ready = true;
  window.__cvc!.renderedAt = performance.now();
  document.body.dataset.ready = "true";
}

void start();
