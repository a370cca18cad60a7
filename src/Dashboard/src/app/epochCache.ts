import type { EpochSamples } from "../api/types";
import type { ClassOrder } from "../lib/classOrder";
import { sameIds } from "../lib/selection";
import { SharedLoads } from "./sharedLoads";
import { sortInWorker } from "./sortInWorker";

/**
 * Loaded epochs of one run and split, with their class order (sorted in a
 * worker: sortInWorker), kept for quick epoch changes (the slider, play).
 * Epochs that list the same samples share one id array, which lets the
 * selection and the animation carry over by index.
 */
export interface LoadedEpoch { data: EpochSamples; order: ClassOrder }

export function epochCache(load: (epoch: number, signal: AbortSignal) => Promise<EpochSamples>, classCount: number, capacity = 6): SharedLoads<number, LoadedEpoch> {
  let lastIds: EpochSamples["ids"] | null = null;
  return new SharedLoads(async (epoch, signal) => {
    const data = await load(epoch, signal);
    if (lastIds && sameIds(lastIds, data.ids)) data.ids = lastIds;
    lastIds = data.ids;
    return { data, order: await sortInWorker(data.predicted, data.score, classCount) };
  }, capacity);
}
