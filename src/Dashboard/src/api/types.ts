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
