/**
 * "Latest request wins": starting a request aborts the one before it (its
 * fetch stops, its answer and its errors are dropped), so an answer that
 * arrives late can never overwrite a newer one. One per thing that loads.
 */
export const SUPERSEDED: unique symbol = Symbol("superseded");

export class LatestRequest {
  private controller: AbortController | null = null;

  /** Runs `load` with a fresh signal after aborting the previous load; SUPERSEDED when a newer one started meanwhile. */
  async run<T>(load: (signal: AbortSignal) => Promise<T>): Promise<T | typeof SUPERSEDED> {
    this.controller?.abort();
    const mine = new AbortController();
    this.controller = mine;
    try {
      const value = await load(mine.signal);
      return mine.signal.aborted ? SUPERSEDED : value;
    } catch (e) {
      // Aborted from elsewhere too (the cache it shared was dropped): someone newer took over.
      if (mine.signal.aborted || (e instanceof Error && e.name === "AbortError")) return SUPERSEDED;
      throw e;
    } finally {
      if (this.controller === mine) this.controller = null;
    }
  }

  /** Aborts the request in flight, if any: its answer will be SUPERSEDED. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
