/**
 * The columnar answers (samples, dynamics) as the dashboard holds them: decoded from JSON or Arrow into typed
 * arrays, one entry per sample. Their wire shapes are EpochSampleColumns and EpochDynamicsColumns in ./types.
 */
import type { SampleId } from "../lib/selection";

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
  /** cleanlab's ranking scores: no view draws them, so the dashboard does not ask for them (present when asked). */
  selfConfidence?: Float32Array;
  normalizedMargin?: Float32Array;
  /** 1 = likely label issue (aum < 0). */
  suspect: Uint8Array;
}
