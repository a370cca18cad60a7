import type { Progress } from "./client";

/**
 * A response's whole body as one byte array, reporting progress chunk by chunk: one reader for the page
 * (ApiClient.bytes, where no worker runs) and for the worker that reads large answers (bodyReader.worker.ts).
 */
export async function bodyBytes(res: Response, onProgress?: Progress): Promise<Uint8Array> {
  if (!res.body || !onProgress) return new Uint8Array(await res.arrayBuffer());
  const lengthHeader = res.headers.get("content-length");
  const total = lengthHeader ? Number(lengthHeader) : null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
  return bytes;
}
