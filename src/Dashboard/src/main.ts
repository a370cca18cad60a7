import "./styles.css";
import { loadConfig } from "./api/config";
import { ApiClient, ApiError } from "./api/client";
import { listRuns } from "./api/endpoints";
import { storedKey, storeKey } from "./api/functionKey";
import { SigningIn } from "./api/auth/bearer";
import type { EntraSession } from "./api/auth/entraSession";
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
  let session: EntraSession | null = null;
  if (config.auth === "entra") {
    try {
      if (typeof config.entra === "string") throw new Error(config.entra);
      // MSAL is loaded only where the API takes Entra ID tokens.
      const { EntraSession } = await import("./api/auth/entraSession");
      session = await EntraSession.start(config.entra!);
    } catch (e) {
      return showSignInProblem(`Signing in failed: ${(e as Error).message}`, null);
    }
  }
  const api = new ApiClient(config, session);
  try {
    mount.replaceChildren(h("div", { class: "notice", id: "loading" }, h("h2", {}, "Loading…"), h("p", {}, `Reading the runs from ${config.apiBase}`)));
    const runs = await listRuns(api);
    if (!runs.length) { mount.replaceChildren(emptyContainerNotice()); finish(); return; }
    const dashboard = await startDashboard({ api, runs, initial: parseUrlState(location.search), mount });
    window.__cvc!.dashboard = dashboard;
    // Two frames: the tiles draw in their ResizeObserver callbacks, which run after the first frame's rAF.
    requestAnimationFrame(() => requestAnimationFrame(() => finish()));
  } catch (e) {
    if (e instanceof SigningIn) return; // the browser is on its way to the sign-in page
    if (e instanceof ApiError && e.kind === "auth") {
      if (config.auth === "key") return start(true);
      // Never back to the sign-in page by itself: that is how sign-in loops start. The user may ask.
      if (config.auth === "entra") return showSignInProblem(e.message, session);
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

function showSignInProblem(message: string, session: EntraSession | null): void {
  const again = h("button", { type: "button", class: "icon-button", id: "sign-in-again", onclick: () => { void session?.signIn(true).catch(() => location.reload()); } }, "Sign in again");
  mount.replaceChildren(errorNotice("Sign-in needed", message, session ? [h("p", {}, again)] : []));
  window.__cvc!.error = message;
  finish();
}

function finish() {
  window.__cvc!.ready = true;
  window.__cvc!.renderedAt = performance.now();
  document.body.dataset.ready = "true";
}

void start();
