/** Shapes of the HTTP API (shared/API.md, v1). Fields may be added server-side; none are renamed. */
import type { SampleId } from "../lib/selection";
export type { SampleId };

export interface RunListItem {
  run: string; name: string; classes: number; epochs: number; lastEpoch: number;
  samples: number; updated: string; status: "ok" | "pending" | "failed";
}

export interface SplitStats { samples: number; correct: number; accuracy: number; loss: number }

export interface EpochInfo {
  epoch: number;
  status: "ok" | "failed" | "pending";
  error: string | null;
  attention: null | { status: "ok" | "failed" | "pending"; error: string | null };
  splits: Record<string, SplitStats>;
}

export interface RunDetail {
  run: string; name: string; description: string; scoreKind: string;
  classes: string[]; splits: string[];
  manifest: { status: string; error: string | null };
  epochs: EpochInfo[];
}

/** One epoch of one split, as columns; the dashboard's working set. */
export interface EpochSamples {
  split: string;
  epoch: number;
  ids: SampleId[];
  label: Int32Array;
  predicted: Int32Array;
  score: Float32Array;
  mispredictions: Int32Array;
}

export interface ScoreVectors { sampleIds: SampleId[]; scores: number[][] }

export interface HistoryPoint { epoch: number; predicted: number; score: number; correct: boolean; mispredictions: number }
export interface SampleHistory { sampleId: SampleId; split: string; label: number; history: HistoryPoint[] }

export interface Attention { sentences: { weight: number; tokens: { text: string; weight: number }[] }[] }

export interface Keywords { classes: { index: number; name: string; keywords: { text: string; weight: number }[] }[] }

export interface Confusion { classes: string[]; matrix: number[][] }

/** Training dynamics of one split over the logged epochs <= epoch, as columns (one row per sample, the route's order). */
export interface EpochDynamics {
  split: string;
  epoch: number;
  ids: SampleId[];
  confidence: Float32Array;
  variability: Float32Array;
  correctness: Float32Array;
  forgettings: Int32Array;
  /** The epoch from which the sample stayed learned; -1 when none. */
  firstLearned: Int32Array;
  aum: Float32Array;
  selfConfidence: Float32Array;
  normalizedMargin: Float32Array;
  /** 1 = likely label issue (aum < 0). */
  suspect: Uint8Array;
}

export interface Suspect {
  sampleId: SampleId; label: number; labelName: string; likely: number; likelyName: string;
  aum: number; confidence: number; mispredictions: number;
}
export interface Suspects { split: string; epoch: number; total: number; suspects: Suspect[] }

/** A confusion pair (class names) with its count at each epoch of the answer's `epochs`. */
export interface ConfusionPairSeries { true: string; predicted: string; counts: number[]; growth?: number }
export interface ConfusionOverTime { split: string; epochs: number[]; pairs: ConfusionPairSeries[] }
export interface ConfusionGrowth { split: string; k: number; from: number; to: number; epochs: number[]; pairs: (ConfusionPairSeries & { growth: number })[] }
