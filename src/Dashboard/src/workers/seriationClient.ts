import type { SeriationAnswer, SeriationRequest } from "./seriation.worker";

/**
 * Asks the seriation worker (started at the first request) for an order; the
 * latest request wins: the answer to an older one is dropped.
 */
export class SeriationClient {
  private worker: Worker | null = null;
  private latest = 0;
  private pending: { id: number; resolve(order: number[] | null): void; reject(e: Error): void } | null = null;

  /** The seriated classes, or null when a newer request replaced this one. */
  order(matrix: Uint32Array, classCount: number, classes: readonly number[]): Promise<number[] | null> {
    const worker = this.start();
    this.pending?.resolve(null);
    const id = ++this.latest;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      const request: SeriationRequest = { id, matrix, classCount, classes: [...classes] };
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./seriation.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }: MessageEvent<SeriationAnswer>) => {
      const p = this.pending;
      if (!p || p.id !== data.id) return;
      this.pending = null;
      if (data.order) p.resolve(data.order); else p.reject(new Error(`The seriation failed: ${data.error ?? "no answer"}`));
    };
    worker.onerror = (ev) => { this.pending?.reject(new Error(`The seriation worker stopped: ${ev.message}`)); this.pending = null; };
    return (this.worker = worker);
  }
}
