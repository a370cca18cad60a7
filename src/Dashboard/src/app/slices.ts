import type { DashboardModel, Slice } from "./model";

/**
 * The slices each field of the model belongs to: when a field's value is no
 * longer the same object (or number, or string), its slices changed. A field
 * with no slice of its own changes only together with fields that have one
 * (`keep` follows the data, the class filter and epoch B; `active` the
 * selection, the vectors and the axis filters). The Record makes a new field
 * name its slices.
 */
export const FIELD_SLICES: Record<keyof DashboardModel, readonly Slice[]> = {
  runs: [], run: ["data"], classNames: ["data"], colors: ["data"], split: ["data"], epochs: ["data"], epoch: ["data"],
  data: ["data"], order: ["data"], counts: ["data"],
  threshold: ["threshold"], mark: ["threshold"], marked: ["threshold"], markText: ["threshold"],
  dynamics: ["dynamics"], dynamicsError: ["dynamics"],
  compareEpoch: ["compare"],
  // Epoch B changes which samples the columns hold, not where they go: they redraw instead of animating.
  compare: ["data", "layout"],
  compareRun: ["runCompare"], runCompare: ["runCompare"],
  shownClasses: ["classes"], classFilter: ["classes"], keep: [],
  selected: ["selection"], selectedCount: ["selection"], active: [], activeCount: [],
  vectors: ["vectors"], filters: ["filters"], layout: ["layout"], theme: ["theme"], detail: ["detail"],
};

export const ALL_SLICES: readonly Slice[] = ["data", "dynamics", "selection", "threshold", "classes", "layout", "theme", "detail", "vectors", "filters", "compare", "runCompare"];

/** The slices whose fields differ between two models; every slice for the first model. */
export function changedSlices(previous: DashboardModel | null, next: DashboardModel): Set<Slice> {
  if (!previous) return new Set(ALL_SLICES);
  const changed = new Set<Slice>();
  for (const field of Object.keys(FIELD_SLICES) as (keyof DashboardModel)[]) {
    if (previous[field] !== next[field]) for (const slice of FIELD_SLICES[field]) changed.add(slice);
  }
  return changed;
}
