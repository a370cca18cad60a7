import type { StoreApi } from "zustand/vanilla";
import type { ApiClient } from "../api/client";
import { postScores } from "../api/endpoints";
import { MARK_STATISTICS } from "../lib/markRule";
import { applyPick, indicesOf, remapMask } from "../lib/selection";
import { formatUrlState } from "../lib/urlState";
import { applyTheme } from "../ui/theme";
import type { DashboardData } from "./dashboardData";
import { LatestRequest, SUPERSEDED } from "./latest";
import type { DashboardActions } from "./model";
import type { DashboardState } from "./state";
import { VectorStore } from "./vectorStore";
import { errorText } from "../lib/errorText";

/**
 * The dashboard's actions: each turns a user's intent into one change of the
 * store, and starts what that change needs loaded. Every kind of load is
 * "latest request wins" (a newer one aborts the older), so a slow answer
 * never overwrites a newer choice.
 */
export interface ActionsContext {
  store: StoreApi<DashboardState>;
  api: ApiClient;
  data: DashboardData;
  /** Shows what went wrong over the report; null hides it. */
  showError(e: unknown): void;
}

export interface Dashboard extends DashboardActions {
  /** Shows an epoch of a split (the split's caches are swapped when it changes); resolves once the store holds it. */
  showEpoch(split: string, epoch: number): Promise<void>;
  /** Starts what the shown epoch needs besides its samples (at start-up, and after each epoch change). */
  loadFollowers(): void;
}

export function dashboardActions({ store, api, data, showError }: ActionsContext): Dashboard {
  const get = store.getState, set = store.setState;
  const epochRequest = new LatestRequest(), dynamicsRequest = new LatestRequest(), compareRequest = new LatestRequest();
  const otherRunRequest = new LatestRequest(), vectorsRequest = new LatestRequest();
  let vectorStore = new VectorStore(get().loaded.data.ids, get().run.classes.length);

  async function showEpoch(split: string, epoch: number) {
    try {
      const next = await epochRequest.run((signal) => data.epoch(split, epoch, signal));
      if (next === SUPERSEDED) return;
      const s = get(), ids = next.data.ids, sameSplit = split === s.split;
      // The selection follows its samples into the new epoch; another split starts afresh.
      let selected = sameSplit ? remapMask(s.selected, s.loaded.data.ids, ids) : new Uint8Array(ids.length);
      if (selected.length !== ids.length) selected = new Uint8Array(ids.length);
      vectorStore = new VectorStore(ids, s.run.classes.length);
      showError(null);
      set({
        split, epoch, loaded: next, selected, vectors: null,
        ...(sameSplit ? {} : { dynamics: null, dynamicsError: null, compareData: null, otherRun: null, detailId: null }),
      });
      loadFollowers();
      // After the store change, which drew the KPIs and the classification view: the neighbours never delay them.
      data.prefetchAround(split, epoch, s.epochs);
    } catch (err) { showError(err); }
  }

  /** What follows the epoch: the selection's vectors, the dynamics (a moment later: the tiles never wait for them) and the comparisons. */
  function loadFollowers() {
    void loadVectors();
    void loadDynamics();
    if (get().compareEpoch !== null) void loadCompare();
    if (get().compareRun !== null) void loadOtherRun();
  }

  async function loadDynamics() {
    const { split, epoch } = get();
    try {
      const next = await dynamicsRequest.run((signal) => data.dynamicsOf(split, epoch, signal));
      if (next !== SUPERSEDED) set({ dynamics: next, dynamicsError: null });
    } catch (err) {
      set({ dynamics: null, dynamicsError: errorText(err) });
    }
  }

  /** Epoch B's samples, from the same cache as the slider's. */
  async function loadCompare() {
    const { split, compareEpoch } = get();
    if (compareEpoch === null) return;
    try {
      const next = await compareRequest.run((signal) => data.epoch(split, compareEpoch, signal));
      if (next !== SUPERSEDED) set({ compareData: next });
    } catch (err) { showError(err); }
  }

  /** The other run's samples at the matching epoch and the same split; follows the slider, the split and the choice. */
  async function loadOtherRun() {
    const { compareRun, epoch, split } = get();
    if (compareRun === null) return;
    try {
      const next = await otherRunRequest.run((signal) => data.otherRuns.get(compareRun, epoch, split, signal));
      if (next !== SUPERSEDED) set({ otherRun: next, otherRunStatus: null });
    } catch (err) {
      set({ otherRun: null, otherRunStatus: `Could not load ${compareRun}: ${errorText(err)}` });
    }
  }

  /** Score vectors of the selected samples not fetched yet, for this epoch. */
  async function loadVectors() {
    const s = get(), vectors = vectorStore;
    const need = vectors.missing(indicesOf(s.selected));
    if (!need.length) return;
    try {
      const answer = await vectorsRequest.run((signal) => postScores(api, s.run.run, s.epoch, s.split, need.map((i) => s.loaded.data.ids[i]), signal));
      if (answer !== SUPERSEDED && vectors === vectorStore && vectors.add(need, answer)) set({ vectors: vectors.vectors });
    } catch (err) { showError(err); }
  }

  return {
    showEpoch,
    loadFollowers,
    setEpoch: (epoch) => void showEpoch(get().split, epoch),
    setSplit: (split) => void showEpoch(split, get().epoch),
    pick(indices, mode, transient = false) {
      set({ selected: applyPick(get().selected, indices, mode) });
      if (!transient) void loadVectors();
    },
    setFilters: (filters) => set({ filters }),
    openDetail: (index) => set({ detailId: get().loaded.data.ids[index] }),
    setLayout: (layout) => set({ layout }),
    setRun: (run) => { location.search = formatUrlState({ run }); },
    setThreshold: (threshold) => set({ threshold }),
    setMark: (mark) => set({ mark, threshold: MARK_STATISTICS[mark].initial(get().epochs.length) }),
    setCompareEpoch(compareEpoch) {
      if (compareEpoch === null) compareRequest.cancel();
      set({ compareEpoch, ...(compareEpoch === null ? { compareData: null } : {}) });
      void loadCompare();
    },
    setCompareRun(compareRun) {
      if (compareRun === null) otherRunRequest.cancel();
      // Another run's comparison is not shown under this one's name while it loads.
      const stale = get().otherRun?.run !== compareRun;
      set({ compareRun, ...(stale ? { otherRun: null, otherRunStatus: compareRun === null ? null : `Loading ${compareRun}…` } : {}) });
      void loadOtherRun();
    },
    setClasses: (classFilter) => set({ classFilter }),
    toggleTheme() {
      const theme = get().theme === "dark" ? "light" : "dark";
      applyTheme(theme);
      set({ theme });
    },
    share: () => void navigator.clipboard?.writeText(location.href).catch(() => undefined),
  };
}
