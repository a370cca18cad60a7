import { createStore } from "zustand/vanilla";
import { ApiError, type ApiClient } from "../api/client";
import { getRun } from "../api/endpoints";
import type { RunListItem } from "../api/types";
import { maskOfIds } from "../lib/selection";
import { servedEpochs } from "../lib/servedEpochs";
import type { UrlState } from "../lib/urlState";
import { h } from "../ui/dom";
import { applyTheme, initialTheme } from "../ui/theme";
import { dashboardActions } from "./actions";
import { DashboardData } from "./dashboardData";
import { modelDeriver } from "./derive";
import type { DashboardActions, DashboardModel, Slice } from "./model";
import { HEADER, reached, TILES, type TileContext, type TileEntry } from "./registry";
import { changedSlices } from "./slices";
import { choicesFromUrl, type DashboardState } from "./state";
import { followUrl } from "./urlView";
import { errorText } from "../lib/errorText";

/**
 * The report: one store holds the state (state.ts); actions change it and
 * load what it needs (actions.ts); each change derives the model (derive.ts)
 * and updates the views of the registry whose slices changed (registry.ts,
 * slices.ts); the URL follows the state (urlView.ts).
 */
export interface DashboardOptions { api: ApiClient; runs: RunListItem[]; initial: UrlState; mount: HTMLElement }

export async function startDashboard(o: DashboardOptions): Promise<DashboardHandle> {
  const { api } = o;
  const runName = o.initial.run ?? newest(o.runs).run;
  if (!o.runs.some((r) => r.run === runName)) throw new ApiError("not-found", `Run '${runName}' was not found. Available runs: ${o.runs.map((r) => r.run).join(", ")}.`, 404);

  const theme = initialTheme();
  applyTheme(theme);
  const run = await getRun(api, runName);
  if (!servedEpochs(run).length) throw new ApiError("http", `Run '${run.run}' has no ingested epoch yet${run.epochs[0]?.error ? `: ${run.epochs[0].error}` : "."}`);
  const choices = choicesFromUrl(o.initial, run, o.runs);

  const progressBar = h("div");
  const progress = h("div", { class: "progress" }, progressBar);
  const banner = h("div", { class: "banner", role: "alert", hidden: true });
  const showProgress = (done: number, total: number | null) => {
    progressBar.style.width = total ? `${Math.min(100, (100 * done) / total)}%` : "60%";
    if (total && done >= total) setTimeout(() => (progressBar.style.width = "0"), 200);
  };
  const showError = (e: unknown) => {
    banner.hidden = e === null;
    banner.textContent = e === null ? "" : errorText(e);
  };

  const data = new DashboardData(api, run, showProgress);
  const loaded = await data.epoch(choices.split, choices.epoch);
  const store = createStore<DashboardState>()(() => ({
    ...choices, runs: o.runs, theme, loaded,
    selected: o.initial.selection ? maskOfIds(loaded.data.ids, o.initial.selection) : new Uint8Array(loaded.data.ids.length),
    vectors: null, compareData: null, dynamics: null, dynamicsError: null, otherRun: null, otherRunStatus: null,
  }));
  const actions = dashboardActions({ store, api, data, showError });

  const ctx: TileContext = {
    api, actions,
    scope: () => {
      const s = store.getState();
      const hasAttention = s.run.epochs.find((e) => e.epoch === s.epoch)?.attention?.status === "ok";
      return { run: s.run.run, split: s.split, epoch: s.epoch, classCount: s.run.classes.length, hasAttention };
    },
  };
  const mount = (entry: TileEntry) => ({ ...entry, view: entry.create(ctx) });
  const header = mount(HEADER), tiles = TILES.map(mount);
  o.mount.replaceChildren(progress, header.view.root, banner, h("main", { class: "report" }, ...tiles.map((t) => t.view.root)));

  const derive = modelDeriver();
  const writeUrl = followUrl(store.getState);
  let model: DashboardModel | null = null;
  let timings: Record<string, number> = {};
  const timed = (name: string, f: () => void) => {
    const t = performance.now();
    f();
    timings[name] = performance.now() - t;
  };

  // The tiles that are not `first`: the slices that changed since each last drew, drawn one per task.
  const later = new Map<(typeof tiles)[number], Set<Slice>>();
  let laterScheduled = false;
  const drained: (() => void)[] = [];
  function drawLater() {
    laterScheduled = false;
    const next = tiles.find((t) => t.loads && later.has(t)) ?? tiles.find((t) => later.has(t));
    if (next && model) {
      const changes = later.get(next)!;
      later.delete(next);
      timed(next.name, () => next.view.update(model!, changes));
      drawn(next.view.root);
    }
    if (later.size) scheduleLater(true);
    else drained.splice(0).forEach((f) => f());
  }
  // While a brush moves only the selection changes, every frame: the other tiles follow at most every
  // SELECTION_FOLLOW_MS (as the parallel coordinates' own brush shares its filters), and at once otherwise.
  let selectionDrawnAt = 0;
  function scheduleLater(continuing = false) {
    if (laterScheduled) return;
    laterScheduled = true;
    const selectionOnly = !continuing && [...later.values()].every((c) => [...c].every((s) => s === "selection"));
    const wait = selectionOnly ? Math.max(0, selectionDrawnAt + SELECTION_FOLLOW_MS - performance.now()) : 0;
    setTimeout(() => { if (selectionOnly) selectionDrawnAt = performance.now(); drawLater(); }, wait);
  }
  /** When the tile first drew (for the speed bench). */
  const drawn = (el: HTMLElement) => { el.dataset.drawnAt ??= String(Math.round(performance.now())); };

  // A view that acts while it updates (none does today) would change the store mid-render: that
  // change renders once this one is done, so no view is handed an older model after a newer one.
  let rendering = false, pending = false;
  function render() {
    if (rendering) { pending = true; return; }
    rendering = true;
    try {
      do { pending = false; renderState(store.getState()); } while (pending);
    } finally { rendering = false; }
  }

  function renderState(state: DashboardState) {
    timings = {};
    let next!: DashboardModel;
    timed("model", () => (next = derive(state)));
    const changes = changedSlices(model, next);
    model = next;
    if (!changes.size) return;
    for (const entry of reached([header, ...tiles], changes)) {
      if (entry.first) { timed(entry.name, () => entry.view.update(next, changes)); drawn(entry.view.root); continue; }
      const pendingChanges = later.get(entry) ?? new Set<Slice>();
      changes.forEach((c) => pendingChanges.add(c));
      later.set(entry, pendingChanges);
    }
    if (later.size) scheduleLater();
    writeUrl();
  }

  store.subscribe(render);
  render();
  actions.loadFollowers();
  // The neighbouring epochs are fetched once the first view is painted, never before it.
  requestAnimationFrame(() => setTimeout(() => { const s = store.getState(); data.prefetchAround(s.split, s.epoch, s.epochs); }, 0));

  return {
    async setEpoch(e: number) {
      await actions.showEpoch(store.getState().split, e);
      await new Promise<void>((resolve) => (later.size ? drained.push(resolve) : resolve()));
      await nextFrame();
    },
    model: () => model,
    actions,
    get timings() { return timings; },
  };
}

export interface DashboardHandle {
  /** For tests and the speed bench: change the epoch and resolve once the tiles have drawn it. */
  setEpoch(e: number): Promise<void>;
  model(): DashboardModel | null;
  actions: DashboardActions;
  /** Milliseconds each part took in the last update (only the parts it reached): what the speed bench reports. */
  readonly timings: Record<string, number>;
}

const SELECTION_FOLLOW_MS = 120;

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function newest(runs: RunListItem[]): RunListItem {
  return [...runs].sort((a, b) => (a.updated < b.updated ? 1 : -1))[0];
}

