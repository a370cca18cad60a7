import type { ApiClient } from "../api/client";
import { getAttention, getConfusionGrowth, getConfusionOverTime, getDynamics, getHistory, getKeywords, getRun, getSamples, getSuspects, postScores } from "../api/endpoints";
import type { EpochDynamics, RunDetail, RunListItem, SampleId } from "../api/types";
import { ApiError } from "../api/client";
import { classColors } from "../lib/classColors";
import { activeSelection, classMask, countOnes, type AxisFilter } from "../lib/crossFilter";
import { changedPredictions } from "../lib/changedPredictions";
import { filterOrder } from "../lib/filterOrder";
import { applyPick, indicesOf, maskOfIds, remapMask } from "../lib/selection";
import { formatUrlState, MAX_SELECTION_IN_URL, type UrlState } from "../lib/urlState";
import type { LayoutKind } from "../lib/sampleLayout";
import { applyTheme, initialTheme, type Theme } from "../ui/theme";
import { h } from "../ui/dom";
import { EpochCache, type LoadedEpoch } from "./epochCache";
import { DynamicsCache } from "./dynamicsCache";
import { alignRows } from "../lib/alignRows";
import { MARK_STATISTICS, markedMask, type MarkStatistic } from "../lib/markRule";
import { VectorStore } from "./vectorStore";
import type { Change, DashboardActions, DashboardModel } from "./model";
import { slicers } from "../views/slicers";
import { kpiCards } from "../views/kpiCards";
import { accuracyChart } from "../views/accuracyChart";
import { classificationView } from "../views/classificationView";
import { parallelCoordinates } from "../views/parallelCoordinates";
import { confusionMatrix } from "../views/confusionMatrix";
import { detailView } from "../views/detailView";
import { dataMap } from "../views/dataMap";
import { suspectsTable } from "../views/suspectsTable";
import { confusionTrends } from "../views/confusionTrends";
import { runComparison } from "../views/runComparison";
import { compareRuns } from "../lib/compareRuns";
import { OtherRunLoader, type OtherRunSamples } from "./otherRun";

/**
 * The report: owns the state (run, split, epoch, threshold, filters,
 * selection), loads what it needs, derives one DashboardModel and hands it to
 * every tile with the list of what changed. Tiles talk back only through
 * DashboardActions, which is what makes them cross-filter each other.
 */
export interface DashboardOptions { api: ApiClient; runs: RunListItem[]; initial: UrlState; mount: HTMLElement }

export async function startDashboard(o: DashboardOptions): Promise<DashboardHandle> {
  const { api } = o;
  const runName = o.initial.run ?? newest(o.runs).run;
  if (!o.runs.some((r) => r.run === runName)) throw new ApiError("not-found", `Run '${runName}' was not found. Available runs: ${o.runs.map((r) => r.run).join(", ")}.`, 404);

  let theme: Theme = initialTheme();
  applyTheme(theme);
  let run: RunDetail = await getRun(api, runName);
  let split = pickSplit(run, o.initial.split);
  let okEpochs = run.epochs.filter((e) => e.status === "ok").map((e) => e.epoch);
  if (!okEpochs.length) throw new ApiError("http", `Run '${run.run}' has no ingested epoch yet${run.epochs[0]?.error ? `: ${run.epochs[0].error}` : "."}`);
  let epoch = okEpochs.includes(o.initial.epoch ?? -1) ? o.initial.epoch! : okEpochs.at(-1)!;
  let mark: MarkStatistic = o.initial.mark ?? "mispredictions";
  let threshold = validThreshold(mark, o.initial.threshold, okEpochs.length);
  let classFilter: number[] | null = validClasses(o.initial.classes, run.classes.length);
  let filters: AxisFilter[] = (o.initial.filters ?? []).filter((f) => f.cls < run.classes.length);
  let layout: LayoutKind = o.initial.view ?? "columns";
  let colors = classColors(run.classes.length);
  let cache = newCache();
  let compareEpoch: number | null = okEpochs.includes(o.initial.vs ?? -1) ? o.initial.vs! : null;
  let compareData: LoadedEpoch | null = null;
  let dynamicsCache = newDynamicsCache();
  // Run A vs run B: the chosen run (kept only if the API lists it), its samples at the matching epoch, and why they are missing.
  let compareRun: string | null = o.runs.some((r) => r.run === o.initial.cmp) ? o.initial.cmp! : null;
  let otherRun: OtherRunSamples | null = null, otherRunStatus: string | null = null, otherRunRequest = 0;
  const otherRunLoader = new OtherRunLoader((r) => getRun(api, r), (r, e, s) => getSamples(api, r, e, s));
  let dynamics: EpochDynamics | null = null, dynamicsError: string | null = null, dynamicsRequest = 0;
  let loaded: LoadedEpoch;
  let selected: Uint8Array = new Uint8Array(0);
  let pendingSelection: string[] | undefined = o.initial.selection;
  let detailId: SampleId | null = o.initial.sample ?? null;
  let vectors: VectorStore;
  let model: DashboardModel | null = null;
  let epochRequest = 0;

  const progressBar = h("div");
  const progress = h("div", { class: "progress" }, progressBar);
  const banner = h("div", { class: "banner", role: "alert", hidden: true });

  const actions: DashboardActions = {
    setEpoch: (e) => void changeEpoch(e),
    pick(indices, mode, transient = false) {
      selected = applyPick(selected, indices, mode);
      emit(["selection"]);
      if (!transient) void loadVectors();
    },
    setFilters(next) { filters = next; emit(["filters"]); },
    openDetail(i) { detailId = loaded.data.ids[i]; emit(["detail"]); },
    setLayout(kind) { layout = kind; emit(["layout"]); },
  };

  const header = slicers({
    onRun: (r) => { location.search = formatUrlState({ run: r }); },
    onSplit: (s) => void changeSplit(s),
    onEpoch: (e) => void changeEpoch(e),
    onThreshold: (t) => { threshold = t; emit(["threshold"]); },
    onCompare: (e) => { compareEpoch = e; void loadCompare(); },
    onCompareRun: (r) => { compareRun = r; void loadOtherRun(); },
    onMark: (stat) => { mark = stat; threshold = MARK_STATISTICS[stat].initial(okEpochs.length); emit(["threshold"]); },
    onClasses: (c) => { classFilter = c; emit(["classes"]); },
    onToggleTheme: () => { theme = theme === "dark" ? "light" : "dark"; applyTheme(theme); emit(["theme"]); },
    onShare: () => void navigator.clipboard?.writeText(location.href).catch(() => undefined),
  });
  const kpis = kpiCards();
  const accuracy = accuracyChart({ onSelectEpoch: (e) => void changeEpoch(e) });
  // Every off-diagonal pair (at most the API's 1000) for the matrix's hover sparklines.
  const confusion = confusionMatrix({ actions, loadHistory: () => getConfusionOverTime(api, run.run, split, Math.min(1000, Math.max(1, run.classes.length * (run.classes.length - 1)))) });
  const classification = classificationView({
    actions,
    loadKeywords: (top) => getKeywords(api, run.run, epoch, split, top).catch((e) => { if (e instanceof ApiError && e.kind === "not-found") return null; throw e; }),
  });
  const parallel = parallelCoordinates({ actions });
  const detail = detailView({
    loadHistory: (id) => getHistory(api, run.run, id, split),
    loadAttention: (id) => getAttention(api, run.run, id, split, epoch).catch((e) => { if (e instanceof ApiError && e.kind === "not-found") return null; throw e; }),
    loadScores: (id) => postScores(api, run.run, epoch, split, [id]).then((r) => r.scores[0] ?? null),
  });
  const cartography = dataMap({ actions });
  const suspects = suspectsTable({ actions, loadSuspects: (e, limit) => getSuspects(api, run.run, e, split, limit) });
  const trends = confusionTrends({
    actions,
    loadOverTime: (top) => getConfusionOverTime(api, run.run, split, top),
    loadGrowth: (k, top) => getConfusionGrowth(api, run.run, split, k, top),
  });
  const runCompareTile = runComparison({ actions });
  const report = h("main", { class: "report" }, kpis.root, accuracy.tile.root, confusion.tile.root, classification.tile.root, parallel.tile.root, detail.tile.root,
    cartography.tile.root, suspects.tile.root, trends.tile.root, runCompareTile.tile.root);
  o.mount.replaceChildren(progress, header.root, banner, report);

  function newCache() {
    return new EpochCache((e) => getSamples(api, run.run, e, split, (done, total) => showProgress(done, total)), run.classes.length);
  }

  function newDynamicsCache() {
    return new DynamicsCache((e) => getDynamics(api, run.run, e, split));
  }

  /** The dynamics follow the epoch a moment later: the tiles draw the samples first, never wait for them. */
  async function loadDynamics() {
    const request = ++dynamicsRequest, e = epoch;
    try {
      const next = await dynamicsCache.get(e);
      if (request !== dynamicsRequest) return;
      dynamics = next; dynamicsError = null;
    } catch (err) {
      if (request !== dynamicsRequest) return;
      dynamics = null; dynamicsError = err instanceof Error ? err.message : String(err);
    }
    // Triangles drawn from a dynamics statistic change with them.
    emit(mark === "mispredictions" ? ["dynamics"] : ["dynamics", "threshold"]);
  }

  /** Epoch B's samples (from the same cache as the slider's), then the views redraw with only the changed ones. */
  async function loadCompare() {
    const wanted = compareEpoch;
    try {
      const next = wanted === null ? null : await cache.get(wanted);
      if (wanted !== compareEpoch) return;
      compareData = next;
      // "layout": the columns change membership, not positions, so they redraw instead of animating.
      emit(["data", "layout"]);
    } catch (err) { showError(err); }
  }

  /** The other run's samples at the matching epoch and the same split; follows the slider, the split and the choice. */
  async function loadOtherRun() {
    const request = ++otherRunRequest, wanted = compareRun;
    if (wanted === null) { otherRun = null; otherRunStatus = null; emit(["runCompare"]); return; }
    if (!otherRun || otherRun.run !== wanted) { otherRun = null; otherRunStatus = `Loading ${wanted}…`; emit(["runCompare"]); }
    try {
      const next = await otherRunLoader.get(wanted, epoch, split);
      if (request !== otherRunRequest) return;
      otherRun = next; otherRunStatus = null;
    } catch (err) {
      if (request !== otherRunRequest) return;
      otherRun = null; otherRunStatus = `Could not load ${wanted}: ${err instanceof Error ? err.message : String(err)}`;
    }
    emit(["runCompare"]);
  }

  function showProgress(done: number, total: number | null) {
    progressBar.style.width = total ? `${Math.min(100, (100 * done) / total)}%` : "60%";
    if (total && done >= total) setTimeout(() => (progressBar.style.width = "0"), 200);
  }

  function showError(e: unknown) {
    banner.hidden = false;
    banner.textContent = e instanceof Error ? e.message : String(e);
  }

  async function loadEpoch(e: number) {
    const request = ++epochRequest;
    const next = await cache.get(e);
    if (request !== epochRequest) return false;
    const previousIds = loaded?.data.ids;
    loaded = next;
    epoch = e;
    selected = previousIds ? remapMask(selected, previousIds, next.data.ids) : new Uint8Array(next.data.ids.length);
    if (selected.length !== next.data.ids.length) selected = new Uint8Array(next.data.ids.length);
    if (pendingSelection) { selected = maskOfIds(next.data.ids, pendingSelection); pendingSelection = undefined; }
    vectors = new VectorStore(next.data.ids, run.classes.length);
    const k = okEpochs.indexOf(e);
    cache.prefetch([okEpochs[k + 1], okEpochs[k - 1]].filter((x) => x !== undefined));
    return true;
  }

  async function changeEpoch(e: number) {
    try {
      if (!(await loadEpoch(e))) return;
      banner.hidden = true;
      emit(["data"]);
      void loadVectors();
      void loadDynamics();
      if (compareEpoch !== null) void loadCompare();
      if (compareRun !== null) void loadOtherRun();
    } catch (err) { showError(err); }
  }

  async function changeSplit(s: string) {
    split = s;
    cache = newCache();
    dynamicsCache = newDynamicsCache();
    dynamics = null;
    compareData = null;
    otherRun = null;
    loaded = undefined as unknown as LoadedEpoch;
    detailId = null;
    await changeEpoch(epoch);
    if (compareEpoch !== null) void loadCompare();
  }

  async function loadVectors() {
    const need = vectors.missing(indicesOf(selected));
    if (!need.length) return;
    const store = vectors;
    try {
      const answer = await postScores(api, run.run, epoch, split, need.map((i) => loaded.data.ids[i]));
      if (store !== vectors) return;
      if (store.add(need, answer)) emit(["vectors"]);
    } catch (err) { showError(err); }
  }

  // Derived once per input change, not per brush move.
  const keepMemo = memo((d: LoadedEpoch, classes: number[] | null) => classMask(d.data.predicted, classes, run.classes.length));
  const changedMemo = memo((d: LoadedEpoch, b: LoadedEpoch | null) => (b ? changedPredictions(d.data.ids, d.data.predicted, b.data.ids, b.data.predicted) : null));
  const orderMemo = memo((d: LoadedEpoch, changed: Uint8Array | null) => (changed ? filterOrder(d.order, changed) : d.order));
  const shownMemo = memo((classKeep: Uint8Array, changed: Uint8Array | null) => (changed ? classKeep.map((v, i) => v & changed[i]) : classKeep));
  const rowsMemo = memo((d: LoadedEpoch, dyn: EpochDynamics | null) => (dyn ? alignRows(d.data.ids, dyn.ids) : null));
  const markedMemo = memo((d: LoadedEpoch, stat: MarkStatistic, t: number, dyn: EpochDynamics | null, rows: Int32Array | null) => markedMask(stat, t, d.data.mispredictions, dyn, rows));
  // Only a pair from the same split counts: during a split change the other run's old split is not compared.
  const runCmpMemo = memo((d: LoadedEpoch, other: OtherRunSamples | null) => (other && other.data.split === d.data.split ? compareRuns(d.data, other.data) : null));
  const detailMemo = memo((d: LoadedEpoch, id: SampleId | null) => (id === null ? -1 : d.data.ids.findIndex((x) => String(x) === String(id))));

  function buildModel(): DashboardModel {
    const C = run.classes.length, d = loaded.data;
    const changed = changedMemo(loaded, compareData), order = orderMemo(loaded, changed);
    const counts = new Int32Array(C);
    for (let c = 0; c < C; c++) counts[c] = order.starts[c + 1] - order.starts[c];
    const shownClasses = classFilter ?? Array.from({ length: C }, (_, c) => c);
    const v = vectors.vectors;
    const active = v && filters.length ? activeSelection(selected, v.rowOf, v.scores, C, filters) : selected;
    const rows = rowsMemo(loaded, dynamics);
    return {
      run, classNames: run.classes, colors, split, epoch, threshold, data: d,
      mark, marked: markedMemo(loaded, mark, threshold, dynamics, rows), markText: MARK_STATISTICS[mark].describe(threshold),
      dynamics: dynamics && rows ? { data: dynamics, rows } : null, dynamicsError, order, counts,
      runCompare: compareRun === null ? null : {
        run: compareRun, epoch: otherRun?.epoch ?? null, comparison: runCmpMemo(loaded, otherRun),
        status: otherRunStatus ?? (otherRun ? null : `Loading ${compareRun}…`),
      },
      compare: changed && compareData ? { epoch: compareData.data.epoch, changed: countOnes(changed) } : null,
      shownClasses, keep: shownMemo(keepMemo(loaded, classFilter), changed), selected, selectedCount: countOnes(selected),
      active, activeCount: countOnes(active), vectors: v, filters, layout, detail: detailMemo(loaded, detailId),
    };
  }

  const timings: Record<string, number> = {};
  function timed(name: string, f: () => void) {
    const t = performance.now();
    f();
    timings[name] = performance.now() - t;
  }

  function emit(changes: Change[]) {
    const set = new Set<Change>(changes);
    timed("model", () => (model = buildModel()));
    timed("header", () => header.update({ runs: o.runs, run: run.run, runTitle: run.name, splits: run.splits, split, epochs: okEpochs, epoch, threshold, mark, compare: compareEpoch, compareRun, classNames: run.classes, colors, classes: classFilter }));
    timed("kpis", () => kpis.update(model!));
    if (!set.has("selection") || set.size > 1) timed("accuracy", () => accuracy.update(run, epoch, split));
    timed("classification", () => classification.update(model!, set));
    timed("confusion", () => confusion.update(model!, set));
    timed("parallel", () => parallel.update(model!, set));
    timed("datamap", () => cartography.update(model!, set));
    timed("suspects", () => suspects.update(model!, set));
    timed("trends", () => trends.update(model!, set));
    timed("runcompare", () => runCompareTile.update(model!, set));
    if (set.has("detail") || set.has("data")) detail.update(model!);
    scheduleUrl();
  }

  // The URL follows the state, but not at every brush move: browsers throttle replaceState.
  let urlTimer: ReturnType<typeof setTimeout> | null = null;
  function scheduleUrl() {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = setTimeout(() => { urlTimer = null; writeUrl(); }, 150);
  }

  function writeUrl() {
    const sel = model!.selectedCount <= MAX_SELECTION_IN_URL ? Array.from(indicesOf(selected), (i) => String(loaded.data.ids[i])) : undefined;
    const url = formatUrlState({
      run: run.run, split, epoch, threshold, mark, classes: classFilter ?? undefined, filters,
      selection: sel, vs: compareEpoch ?? undefined, cmp: compareRun ?? undefined, sample: detailId === null ? undefined : String(detailId), view: layout,
    });
    if (url !== location.search) history.replaceState(null, "", url || location.pathname);
  }

  await loadEpoch(epoch);
  emit(["data", "classes", "layout", "threshold", "filters"]);
  if (selected.some((v) => v)) void loadVectors();
  void loadDynamics();
  if (compareEpoch !== null) void loadCompare();
  if (compareRun !== null) void loadOtherRun();

  return {
    /** For tests and the speed bench: change the epoch and resolve once the tiles have drawn it. */
    async setEpoch(e: number) {
      await changeEpoch(e);
      await nextFrame();
    },
    model: () => model,
    actions,
    timings,
  };
}

export interface DashboardHandle {
  setEpoch(e: number): Promise<void>;
  model(): DashboardModel | null;
  actions: DashboardActions;
  /** Milliseconds each part took in the last update: what the speed bench reports. */
  timings: Record<string, number>;
}

/** Remembers the last result for the last arguments (compared by identity). */
function memo<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null, last: R;
  return (...args) => {
    if (!lastArgs || args.some((a, i) => a !== lastArgs![i])) { last = f(...args); lastArgs = args; }
    return last;
  };
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

function newest(runs: RunListItem[]): RunListItem {
  return [...runs].sort((a, b) => (a.updated < b.updated ? 1 : -1))[0];
}

function pickSplit(run: RunDetail, wanted?: string): string {
  if (wanted && run.splits.includes(wanted)) return wanted;
  return run.splits.includes("validation") ? "validation" : run.splits[0];
}

/** The threshold from a link if it lies in the statistic's slider range, else the statistic's starting value. */
function validThreshold(stat: MarkStatistic, t: number | undefined, epochs: number): number {
  const { min, max } = MARK_STATISTICS[stat].range(epochs);
  return t !== undefined && t >= min && t <= max ? t : MARK_STATISTICS[stat].initial(epochs);
}

function validClasses(classes: number[] | undefined, count: number): number[] | null {
  const ok = (classes ?? []).filter((c) => c < count);
  return ok.length ? [...new Set(ok)].sort((a, b) => a - b) : null;
}

