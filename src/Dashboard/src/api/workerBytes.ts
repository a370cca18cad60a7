import type { Progress } from "./client";

/**
 * A request whose body is read in a Web Worker (bodyReader.worker.ts), so that a busy main thread does not hold back
 * its arrival; the page gets the status, the type and the bytes (moved, not copied). Where no worker can run (unit
 * tests in Node), null: the caller reads the body itself.
 */
export type BodyRequest = { id: number; url: string; headers: [string, string][] } | { id: number; abort: true };
export type BodyReply =
  | { id: number; progress: { loaded: number; total: number | null } }
  | { id: number; status: number; type: string; bytes?: Uint8Array; text?: string }
  | { id: number; failure: "abort" | "network" };

export interface BodyAnswer { status: number; type: string; bytes?: Uint8Array; text?: string }

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve(a: BodyAnswer): void; reject(e: Error): void; onProgress?: Progress }>();

function reader(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL("./bodyReader.worker.ts", import.meta.url), { type: "module" });
  w.onmessage = (ev: MessageEvent<BodyReply>) => {
    const reply = ev.data, p = waiting.get(reply.id);
    if (!p) return;
    if ("progress" in reply) { p.onProgress?.(reply.progress.loaded, reply.progress.total); return; }
    waiting.delete(reply.id);
    if ("failure" in reply) p.reject(reply.failure === "abort" ? new DOMException("The request was aborted.", "AbortError") : new TypeError("Failed to fetch"));
    else p.resolve(reply);
  };
  w.onerror = (ev) => {
    for (const p of waiting.values()) p.reject(new TypeError(`Failed to fetch: ${ev.message}`));
    waiting.clear();
  };
  return (worker = w);
}

export function fetchInWorker(url: string, headers: Headers, onProgress?: Progress, signal?: AbortSignal): Promise<BodyAnswer> | null {
  if (typeof Worker === "undefined") return null;
  if (signal?.aborted) return Promise.reject(new DOMException("The request was aborted.", "AbortError"));
  const id = ++nextId;
  // Absolute: the worker resolves a relative URL against its own script's address, not the page's.
  const request: BodyRequest = { id, url: new URL(url, location.href).href, headers: [...headers] };
  const abort = () => reader().postMessage({ id, abort: true } satisfies BodyRequest);
  signal?.addEventListener("abort", abort, { once: true });
  const answer = new Promise<BodyAnswer>((resolve, reject) => {
    waiting.set(id, { resolve, reject, onProgress });
    reader().postMessage(request);
  });
  // Once settled, a later abort of a long-lived signal has nothing to stop: the listener goes with the request.
  const settled = () => signal?.removeEventListener("abort", abort);
  answer.then(settled, settled);
  return answer;
}
