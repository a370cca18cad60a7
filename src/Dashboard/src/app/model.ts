import type { EpochDynamics, EpochSamples, RunDetail, RunListItem } from "../api/types";
import type { MarkStatistic } from "../lib/markRule";
import type { ClassOrder } from "../lib/classOrder";
import type { AxisFilter } from "../lib/crossFilter";
import type { LayoutKind } from "../lib/sampleLayout";
import type { RunComparison } from "../lib/compareRuns";
import type { Theme } from "../ui/theme";

/** Score vectors fetched for the selected samples (parallel coordinates, axis filters). */
export interface Vectors {
  /** Sample index of each row. */
  rows: Int32Array;
  /** Row of each sample index, -1 when not loaded. */
  rowOf: Int32Array;
  /** rows x C, row-major. */
  scores: Float32Array;
}

/**
 * Everything a view reads to draw one epoch of one split, derived from the
 * store's state (derive.ts). A field keeps its identity until its inputs
 * change, which is how the dashboard knows which slices changed (slices.ts).
 */
export interface DashboardModel {
  runs: RunListItem[];
  run: RunDetail;
  classNames: string[];
  colors: string[];
  split: string;
  /** The run's served epochs. */
  epochs: number[];
  epoch: number;
  threshold: number;
  /** The statistic the threshold applies to. */
  mark: MarkStatistic;
  /** 1 for the samples the triangles mark (lib/markRule). */
  marked: Uint8Array;
  /** The rule in words ("mispredicted in > 3 epochs"). */
  markText: string;
  /** Training dynamics of this epoch, with the row of each sample in them (-1 = absent); null until loaded. */
  dynamics: { data: EpochDynamics; rows: Int32Array } | null;
  /** Why the dynamics could not be loaded, or null. */
  dynamicsError: string | null;
  data: EpochSamples;
  order: ClassOrder;
  /** Epoch B chosen in "Changed vs epoch" (null = off), before and after its samples arrive. */
  compareEpoch: number | null;
  /** Epoch A vs epoch B: the other epoch and how many samples changed prediction (only those are shown); null when off. */
  compare: { epoch: number; changed: number } | null;
  /** The run chosen in "Compare with run" (null = none). */
  compareRun: string | null;
  /** Run A vs run B: once loaded its epoch and each sample's category; null when no run is chosen. */
  runCompare: { run: string; epoch: number | null; comparison: RunComparison | null; status: string | null } | null;
  /** Samples predicted per class (shown ones). */
  counts: Int32Array;
  /** Classes the class-filter slicer keeps, in class order. */
  shownClasses: number[];
  /** The class slicer's choice: null = every class. */
  classFilter: number[] | null;
  /** 1 for samples shown: predicted class shown and, when comparing epochs, prediction changed. */
  keep: Uint8Array;
  selected: Uint8Array;
  selectedCount: number;
  /** Selected and passing the axis filters: what every tile highlights. */
  active: Uint8Array;
  activeCount: number;
  vectors: Vectors | null;
  filters: AxisFilter[];
  layout: LayoutKind;
  theme: Theme;
  /** The sample open in the detail view (index into data), or -1. */
  detail: number;
}

/**
 * The parts of the model a tile can depend on. A tile names the slices it
 * reads and is updated only when one of them changed, with the set of all
 * that changed (so it can tell a brush move from a new epoch).
 */
export type Slice = "data" | "dynamics" | "selection" | "threshold" | "classes" | "layout" | "theme" | "detail" | "vectors" | "filters" | "compare" | "runCompare";

/** What the header and the tiles can ask of the dashboard; each is a cross-filter, a choice or a navigation. */
export interface DashboardActions {
  setEpoch(epoch: number): void;
  /** transient: while a brush moves; the expensive followers (score vectors) wait for the final pick. */
  pick(indices: ArrayLike<number>, mode: "replace" | "toggle" | "add", transient?: boolean): void;
  setFilters(filters: AxisFilter[]): void;
  openDetail(index: number): void;
  setLayout(layout: LayoutKind): void;
  /** Another run: the page reopens on it. */
  setRun(run: string): void;
  setSplit(split: string): void;
  setThreshold(threshold: number): void;
  /** The statistic the threshold applies to; the threshold restarts at the statistic's starting value. */
  setMark(stat: MarkStatistic): void;
  /** Epoch B of "epoch A vs epoch B", null = off. */
  setCompareEpoch(epoch: number | null): void;
  /** Run A vs run B: another run to compare errors with, null = none. */
  setCompareRun(run: string | null): void;
  /** null = every class. */
  setClasses(classes: number[] | null): void;
  toggleTheme(): void;
  /** Copies the link of this view. */
  share(): void;
}
