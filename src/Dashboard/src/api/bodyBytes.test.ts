import { expect, test } from "vitest";
import { bodyBytes } from "./bodyBytes";

/** A response whose body arrives in the given chunks. */
function chunked(chunks: number[][], length?: number): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) { for (const x of chunks) c.enqueue(Uint8Array.from(x)); c.close(); },
  });
  return new Response(body, { headers: length === undefined ? {} : { "content-length": String(length) } });
}

test("the chunks are joined in order and progress is reported after each, with the announced length", async () => {
  const seen: [number, number | null][] = [];
  const bytes = await bodyBytes(chunked([[1, 2], [3], [4, 5, 6]], 6), (loaded, total) => seen.push([loaded, total]));
  expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(seen).toEqual([[2, 6], [3, 6], [6, 6]]);
});

test("without a length the total is null; without a listener the body is read whole", async () => {
  const seen: (number | null)[] = [];
  await bodyBytes(chunked([[7], [8]]), (_, total) => seen.push(total));
  expect(seen).toEqual([null, null]);
  expect(Array.from(await bodyBytes(chunked([[9], [10, 11]])))).toEqual([9, 10, 11]);
});
