import type { EpochDynamics, EpochSamples, RunDetail } from "../api/types";
import type { MarkStatistic } from "../lib/markRule";
import type { ClassOrder } from "../lib/classOrder";
import type { AxisFilter } from "../lib/crossFilter";
import type { LayoutKind } from "../lib/sampleLayout";
import type { RunComparison } from "../lib/compareRuns";

/** Score vectors fetched for the selected samples (parallel coordinates, axis filters). */
export interface Vectors {
  /** Sample index of each row. */
  rows: Int32Array;
  /** Row of each sample index, -1 when not loaded. */
  rowOf: Int32Array;
  /** rows x C, row-major. */
  scores: Float32Array;
}

/** Everything a view needs to draw one epoch of one split: derived once per change, shared by all tiles. */
export interface DashboardModel {
  run: RunDetail;
  classNames: string[];
  colors: string[];
  split: string;
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
  /** Epoch A vs epoch B: the other epoch and how many samples changed prediction (only those are shown); null when off. */
  compare: { epoch: number; changed: number } | null;
  /** Run A vs run B: the run chosen in "Compare with run" (null = none), and once loaded its epoch and each sample's category. */
  runCompare: { run: string; epoch: number | null; comparison: RunComparison | null; status: string | null } | null;
  /** Samples predicted per class (shown ones). */
  counts: Int32Array;
  /** Classes the class-filter slicer keeps, in class order. */
  shownClasses: number[];
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
  /** The sample open in the detail view (index into data), or -1. */
  detail: number;
}

/** What the tiles can ask of the dashboard; each is a cross-filter or a navigation. */
export interface DashboardActions {
  setEpoch(epoch: number): void;
  /** transient: while a brush moves; the expensive followers (score vectors) wait for the final pick. */
  pick(indices: readonly number[], mode: "replace" | "toggle" | "add", transient?: boolean): void;
  setFilters(filters: AxisFilter[]): void;
  openDetail(index: number): void;
  setLayout(layout: LayoutKind): void;
}

/** Which parts of the model changed, so tiles can skip work. */
export type Change = "data" | "dynamics" | "selection" | "threshold" | "classes" | "layout" | "theme" | "detail" | "vectors" | "filters" | "runCompare";
