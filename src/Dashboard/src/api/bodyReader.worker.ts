/// <reference lib="webworker" />
import type { BodyReply, BodyRequest } from "./workerBytes";
import { bodyBytes } from "./bodyBytes";

/**
 * Fetches a large answer and reads its body here, off the main thread. Chromium hands a body to the page through a
 * small pipe that only the reading thread drains: read on a main thread busy decoding and painting (a first view at a
 * million samples), a 40 MB answer took 1.4–1.9 s to arrive from a host that had it ready in 12 ms. The bytes are
 * moved (transferred) to the page at the end; progress is posted as they come.
 */
const running = new Map<number, AbortController>();

self.onmessage = async (ev: MessageEvent<BodyRequest>) => {
  const request = ev.data;
  if ("abort" in request) { running.get(request.id)?.abort(); return; }
  const aborter = new AbortController();
  running.set(request.id, aborter);
  const post = (reply: BodyReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);
  try {
    const res = await fetch(request.url, { headers: request.headers, credentials: "same-origin", signal: aborter.signal });
    const type = res.headers.get("content-type") ?? "";
    if (!res.ok) { post({ id: request.id, status: res.status, type, text: await res.text().catch(() => "") }); return; }
    const bytes = await bodyBytes(res, (loaded, total) => post({ id: request.id, progress: { loaded, total } }));
    post({ id: request.id, status: res.status, type, bytes }, [bytes.buffer]);
  } catch (e) {
    post({ id: request.id, failure: (e as Error).name === "AbortError" ? "abort" : "network" });
  } finally {
    running.delete(request.id);
  }
};
