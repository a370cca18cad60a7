import type { EpochDynamics } from "../api/types";

/**
 * The training dynamics of the epochs last shown, of one run and split (a new
 * cache per split), so going back and forth with the slider asks the API once.
 */
export class DynamicsCache {
  private readonly entries = new Map<number, Promise<EpochDynamics>>();

  constructor(private readonly load: (epoch: number) => Promise<EpochDynamics>, private readonly capacity = 4) {}

  get(epoch: number): Promise<EpochDynamics> {
    let entry = this.entries.get(epoch);
    if (entry) this.entries.delete(epoch);
    else {
      entry = this.load(epoch);
      entry.catch(() => this.entries.delete(epoch));
    }
    // Most recently used last, so eviction drops the oldest.
    this.entries.set(epoch, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
