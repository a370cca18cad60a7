import { lruMemoize } from "reselect";
import type { EpochDynamics, SampleId } from "../api/types";
import { alignRows } from "../lib/alignRows";
import { changedPredictions } from "../lib/changedPredictions";
import { classColors } from "../lib/classColors";
import { compareRuns } from "../lib/compareRuns";
import { activeSelection, classMask, countOnes, type AxisFilter } from "../lib/crossFilter";
import { filterOrder } from "../lib/filterOrder";
import { MARK_STATISTICS, markedMask, type MarkStatistic } from "../lib/markRule";
import type { ClassOrder } from "../lib/classOrder";
import type { LoadedEpoch } from "./epochCache";
import type { DashboardModel, Vectors } from "./model";
import type { OtherRunSamples } from "./otherRun";
import type { DashboardState } from "./state";

/**
 * The model of a state. Each derived field is memoized on its inputs (by
 * identity, last call only), so it is computed once per change of what it
 * reads, never per brush move, and keeps its identity otherwise: that is
 * what changedSlices compares. One deriver per dashboard.
 */
export function modelDeriver(): (s: DashboardState) => DashboardModel {
  const colors = lruMemoize((classCount: number) => classColors(classCount));
  const changed = lruMemoize((d: LoadedEpoch, b: LoadedEpoch | null) => (b ? changedPredictions(d.data.ids, d.data.predicted, b.data.ids, b.data.predicted) : null));
  const order = lruMemoize((d: LoadedEpoch, changedMask: Uint8Array | null) => (changedMask ? filterOrder(d.order, changedMask) : d.order));
  const counts = lruMemoize((o: ClassOrder, classCount: number) => {
    const out = new Int32Array(classCount);
    for (let c = 0; c < classCount; c++) out[c] = o.starts[c + 1] - o.starts[c];
    return out;
  });
  const shownClasses = lruMemoize((filter: number[] | null, classCount: number) => filter ?? Array.from({ length: classCount }, (_, c) => c));
  const classKeep = lruMemoize((d: LoadedEpoch, filter: number[] | null, classCount: number) => classMask(d.data.predicted, filter, classCount));
  const keep = lruMemoize((kept: Uint8Array, changedMask: Uint8Array | null) => (changedMask ? kept.map((v, i) => v & changedMask[i]) : kept));
  const compare = lruMemoize((changedMask: Uint8Array | null, b: LoadedEpoch | null) => (changedMask && b ? { epoch: b.data.epoch, changed: countOnes(changedMask) } : null));
  const rows = lruMemoize((d: LoadedEpoch, dyn: EpochDynamics | null) => (dyn ? alignRows(d.data.ids, dyn.ids) : null));
  const dynamics = lruMemoize((dyn: EpochDynamics | null, r: Int32Array | null) => (dyn && r ? { data: dyn, rows: r } : null));
  const marked = lruMemoize((d: LoadedEpoch, stat: MarkStatistic, t: number, dyn: EpochDynamics | null, r: Int32Array | null) => markedMask(stat, t, d.data.mispredictions, dyn, r));
  const selectedCount = lruMemoize((mask: Uint8Array) => countOnes(mask));
  const active = lruMemoize((selected: Uint8Array, v: Vectors | null, filters: AxisFilter[], classCount: number) =>
    (v && filters.length ? activeSelection(selected, v.rowOf, v.scores, classCount, filters) : selected));
  const activeCount = lruMemoize((mask: Uint8Array) => countOnes(mask));
  // Only a pair from the same split counts: during a split change the other run's old split is not compared.
  const comparison = lruMemoize((d: LoadedEpoch, other: OtherRunSamples | null) => (other && other.data.split === d.data.split ? compareRuns(d.data, other.data) : null));
  const runCompare = lruMemoize((run: string | null, other: OtherRunSamples | null, status: string | null, c: ReturnType<typeof comparison>) =>
    (run === null ? null : { run, epoch: other?.epoch ?? null, comparison: c, status: status ?? (other ? null : `Loading ${run}…`) }));
  const detail = lruMemoize((d: LoadedEpoch, id: SampleId | null) => (id === null ? -1 : d.data.ids.findIndex((x) => String(x) === String(id))));

  return (s) => {
    const C = s.run.classes.length;
    const changedMask = changed(s.loaded, s.compareData);
    const r = rows(s.loaded, s.dynamics);
    // The paper's rule reads only the samples: new dynamics then leave the triangles as they are.
    const byDynamics = s.mark !== "mispredictions";
    const selected = s.selected, act = active(selected, s.vectors, s.filters, C);
    const o = order(s.loaded, changedMask);
    return {
      runs: s.runs, run: s.run, classNames: s.run.classes, colors: colors(C), split: s.split, epochs: s.epochs, epoch: s.epoch,
      threshold: s.threshold, mark: s.mark, markText: MARK_STATISTICS[s.mark].describe(s.threshold),
      marked: marked(s.loaded, s.mark, s.threshold, byDynamics ? s.dynamics : null, byDynamics ? r : null),
      dynamics: dynamics(s.dynamics, r), dynamicsError: s.dynamicsError,
      data: s.loaded.data, order: o, counts: counts(o, C),
      compareEpoch: s.compareEpoch, compare: compare(changedMask, s.compareData),
      compareRun: s.compareRun, runCompare: runCompare(s.compareRun, s.otherRun, s.otherRunStatus, comparison(s.loaded, s.otherRun)),
      shownClasses: shownClasses(s.classFilter, C), classFilter: s.classFilter, keep: keep(classKeep(s.loaded, s.classFilter, C), changedMask),
      selected, selectedCount: selectedCount(selected), active: act, activeCount: act === selected ? selectedCount(selected) : activeCount(act),
      vectors: s.vectors, filters: s.filters, layout: s.layout, theme: s.theme, detail: detail(s.loaded, s.detailId),
    };
  };
}
