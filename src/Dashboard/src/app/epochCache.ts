import type { EpochSamples } from "../api/types";
import { classOrder, type ClassOrder } from "../lib/classOrder";
import { sameIds } from "../lib/selection";

/**
 * Loaded epochs of one run and split, with their class order, kept for quick
 * epoch changes (the slider, play). Epochs that list the same samples share
 * one id array, which lets the selection and the animation carry over by index.
 */
export interface LoadedEpoch { data: EpochSamples; order: ClassOrder }

export class EpochCache {
  private readonly entries = new Map<string, Promise<LoadedEpoch>>();

  constructor(private readonly load: (epoch: number) => Promise<EpochSamples>, private readonly classCount: number, private readonly capacity = 6) {}

  get(epoch: number): Promise<LoadedEpoch> {
    const key = String(epoch);
    let entry = this.entries.get(key);
    if (entry) {
      // Most recently used last, so eviction drops the oldest.
      this.entries.delete(key);
    } else {
      entry = this.load(epoch).then((data) => this.prepare(data));
      entry.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** Loads epochs the user is likely to ask for next, without waiting for them. */
  prefetch(epochs: number[]): void {
    for (const e of epochs) if (!this.entries.has(String(e))) void this.get(e).catch(() => undefined);
  }

  private lastIds: EpochSamples["ids"] | null = null;

  private prepare(data: EpochSamples): LoadedEpoch {
    if (this.lastIds && sameIds(this.lastIds, data.ids)) data.ids = this.lastIds;
    this.lastIds = data.ids;
    return { data, order: classOrder(data.predicted, data.score, this.classCount) };
  }
}
