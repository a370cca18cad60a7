/**
 * Loads by key, shared by everyone who asks and kept for quick returns (the
 * epoch slider, play): at most `capacity` of them, the least recently used
 * dropped first. A load stops (its fetch is aborted) when it is dropped, when
 * `clear` is called, or when every asker that passed a signal gave up and no
 * prefetch or signal-less asker wants it: dragging the slider past ten epochs
 * does not download ten epochs.
 */
interface Entry<V> {
  promise: Promise<V>;
  controller: AbortController;
  /** Askers with a signal still waiting for it. */
  waiting: number;
  /** Wanted whatever the askers do: prefetched, or asked without a signal. */
  kept: boolean;
  settled: boolean;
}

export class SharedLoads<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(private readonly load: (key: K, signal: AbortSignal) => Promise<V>, private readonly capacity: number) {}

  /** The value for `key`, loading it unless it is loaded or loading; `signal` gives this asker up (rejects with its reason). */
  get(key: K, signal?: AbortSignal): Promise<V> {
    const entry = this.entry(key);
    if (!signal) { entry.kept = true; return entry.promise; }
    if (signal.aborted) return Promise.reject(signal.reason);
    entry.waiting++;
    return new Promise<V>((resolve, reject) => {
      const giveUp = () => {
        entry.waiting--;
        reject(signal.reason);
        if (!entry.kept && entry.waiting === 0 && !entry.settled) this.drop(key, entry);
      };
      signal.addEventListener("abort", giveUp, { once: true });
      const done = () => { signal.removeEventListener("abort", giveUp); entry.waiting--; };
      entry.promise.then((v) => { done(); resolve(v); }, (e) => { done(); reject(e); });
    });
  }

  /** Starts loading what is likely asked for next, without waiting for it. */
  prefetch(keys: Iterable<K>): void {
    for (const key of keys) if (!this.entries.has(key)) this.entry(key).kept = true;
  }

  /** Drops everything, aborting what is still loading. */
  clear(): void {
    for (const [key, entry] of this.entries) this.drop(key, entry);
  }

  private entry(key: K): Entry<V> {
    let entry = this.entries.get(key);
    // Most recently used last, so that eviction drops the oldest.
    if (entry) this.entries.delete(key);
    else {
      const controller = new AbortController();
      const created: Entry<V> = { controller, waiting: 0, kept: false, settled: false, promise: this.load(key, controller.signal) };
      created.promise.then(() => (created.settled = true), () => {
        created.settled = true;
        // A failed load is not kept: the next ask tries again.
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
      entry = created;
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const [oldest, dropped] = this.entries.entries().next().value!;
      this.drop(oldest, dropped);
    }
    return entry;
  }

  private drop(key: K, entry: Entry<V>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
    if (!entry.settled) entry.controller.abort();
  }
}
