import type { EpochDynamics, RunDetail, RunListItem, SampleId } from "../api/types";
import type { AxisFilter } from "../lib/crossFilter";
import type { LayoutKind } from "../lib/sampleLayout";
import { MARK_STATISTICS, type MarkStatistic } from "../lib/markRule";
import { servedEpochs } from "../lib/servedEpochs";
import type { UrlState } from "../lib/urlState";
import type { Theme } from "../ui/theme";
import type { LoadedEpoch } from "./epochCache";
import type { OtherRunSamples } from "./otherRun";
import type { Vectors } from "./model";

/**
 * The dashboard's state, kept in one store: what the user chose and what has
 * been loaded for it. Actions write it; the tiles' model is derived from it
 * (derive.ts) and the URL is a view of it (urlView.ts).
 */
export interface DashboardState {
  runs: RunListItem[];
  run: RunDetail;
  /** The run's served epochs. */
  epochs: number[];
  split: string;
  /** The epoch shown: it changes when its samples have arrived, together with `loaded`. */
  epoch: number;
  loaded: LoadedEpoch;
  mark: MarkStatistic;
  threshold: number;
  /** Classes the class slicer keeps; null = all. */
  classFilter: number[] | null;
  filters: AxisFilter[];
  layout: LayoutKind;
  theme: Theme;
  /** 1 for each selected sample of `loaded`. */
  selected: Uint8Array;
  /** The sample open in the detail view. */
  detailId: SampleId | null;
  /** Score vectors of the selected samples, as fetched so far. */
  vectors: Vectors | null;
  /** Epoch B of "epoch A vs epoch B" (null = off), and its samples once loaded. */
  compareEpoch: number | null;
  compareData: LoadedEpoch | null;
  /** Training dynamics of the epoch (those of the previous epoch until they arrive), or why they are missing. */
  dynamics: EpochDynamics | null;
  dynamicsError: string | null;
  /** Run A vs run B: the run chosen (null = none), its samples once loaded, and what is happening meanwhile. */
  compareRun: string | null;
  otherRun: OtherRunSamples | null;
  otherRunStatus: string | null;
}

/** What a link asks for, checked against the run: anything it cannot show falls back to the default. */
export type Choices = Pick<DashboardState, "run" | "epochs" | "split" | "epoch" | "mark" | "threshold" | "classFilter" | "filters" | "layout" | "compareEpoch" | "compareRun" | "detailId">;

export function choicesFromUrl(url: UrlState, run: RunDetail, runs: readonly RunListItem[]): Choices {
  const epochs = servedEpochs(run);
  const mark = url.mark ?? "mispredictions";
  return {
    run, epochs, mark,
    split: pickSplit(run, url.split),
    epoch: epochs.includes(url.epoch ?? -1) ? url.epoch! : epochs.at(-1)!,
    threshold: validThreshold(mark, url.threshold, epochs.length),
    classFilter: validClasses(url.classes, run.classes.length),
    filters: (url.filters ?? []).filter((f) => f.cls < run.classes.length),
    layout: url.view ?? "columns",
    compareEpoch: epochs.includes(url.vs ?? -1) ? url.vs! : null,
    // Kept only if the API lists it.
    compareRun: runs.some((r) => r.run === url.cmp) ? url.cmp! : null,
    detailId: url.sample ?? null,
  };
}

/** The split asked for if the run has it, else validation if it has that, else its first. */
export function pickSplit(run: RunDetail, wanted?: string): string {
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
