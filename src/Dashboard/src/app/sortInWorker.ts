import { classOrder, type ClassOrder } from "../lib/classOrder";

/**
 * The class order of an epoch (lib/classOrder), computed in a Web Worker: at
 * 800,000 samples the radix sort takes 50–220 ms, which on the main thread
 * delays the first view and janks the slider whenever a prefetched epoch
 * arrives. The arrays are copied once and moved (transferred) both ways.
 * Where no worker can run (unit tests in Node), it sorts in place.
 */
export interface OrderRequest { id: number; predicted: Int32Array; score: Float32Array; classCount: number }
export type OrderReply = { id: number; starts: Int32Array; order: Int32Array } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve(o: ClassOrder): void; reject(e: Error): void }>();

function sorter(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./classOrder.worker.ts", import.meta.url), { type: "module" });
  w.onmessage = (ev: MessageEvent<OrderReply>) => {
    const r = ev.data, p = waiting.get(r.id);
    waiting.delete(r.id);
    if (!p) return;
    if ("error" in r) p.reject(new Error(`Sorting the samples failed: ${r.error}`));
    else p.resolve({ starts: r.starts, order: r.order });
  };
  w.onerror = (ev) => {
    for (const p of waiting.values()) p.reject(new Error(`Sorting the samples failed: ${ev.message}`));
    waiting.clear();
  };
  return (worker = w);
}

export function sortInWorker(predicted: Int32Array, score: Float32Array, classCount: number): Promise<ClassOrder> {
  if (typeof Worker === "undefined") return Promise.resolve(classOrder(predicted, score, classCount));
  const id = ++nextId;
  const request: OrderRequest = { id, predicted: predicted.slice(), score: score.slice(), classCount };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    sorter().postMessage(request, [request.predicted.buffer, request.score.buffer]);
  });
}
