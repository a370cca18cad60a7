import type { EpochSamples, RunDetail } from "../api/types";
import type { ClassOrder } from "../lib/classOrder";
import type { AxisFilter } from "../lib/crossFilter";
import type { LayoutKind } from "../lib/sampleLayout";

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
  data: EpochSamples;
  order: ClassOrder;
  /** Samples predicted per class. */
  counts: Int32Array;
  /** Classes the class-filter slicer keeps, in class order. */
  shownClasses: number[];
  /** 1 for samples whose predicted class is shown. */
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
export type Change = "data" | "selection" | "threshold" | "classes" | "layout" | "theme" | "detail" | "vectors" | "filters";
