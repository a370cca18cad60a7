import { alignRows } from "./alignRows";
import type { SampleId } from "./selection";

/**
 * Epoch A vs epoch B: 1 for each sample of A whose predicted class at B is a
 * different one. A sample missing from B has no prediction to compare and
 * stays 0.
 */
export function changedPredictions(idsA: ArrayLike<SampleId>, predictedA: ArrayLike<number>, idsB: ArrayLike<SampleId>, predictedB: ArrayLike<number>): Uint8Array {
  const rows = alignRows(idsA, idsB);
  const out = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i] >= 0 && predictedB[rows[i]] !== predictedA[i] ? 1 : 0;
  return out;
}
