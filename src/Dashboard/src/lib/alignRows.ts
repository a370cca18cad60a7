import { sameIds, type SampleId } from "./selection";

/**
 * Row of each sample of the epoch in another route's columns (-1 when absent).
 * Both routes serve the split sorted by id, so this is usually the identity;
 * when the lists differ (a sample missing from one) rows are matched by id.
 */
export function alignRows(sampleIds: ArrayLike<SampleId>, rowIds: ArrayLike<SampleId>): Int32Array {
  const out = new Int32Array(sampleIds.length);
  if (sameIds(sampleIds, rowIds)) {
    for (let i = 0; i < out.length; i++) out[i] = i;
    return out;
  }
  const rowOf = new Map<string, number>();
  for (let r = 0; r < rowIds.length; r++) rowOf.set(String(rowIds[r]), r);
  for (let i = 0; i < out.length; i++) out[i] = rowOf.get(String(sampleIds[i])) ?? -1;
  return out;
}
