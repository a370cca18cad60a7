import { expect, test } from "vitest";
import { SCORE_BATCH_BYTES, SCORE_BATCH_IDS, sampleIdSegment, scoreBatches } from "./endpoints";

test("score requests are split so that no body nears the 1 MiB limit", () => {
  const ids = Array.from({ length: 200_000 }, (_, i) => `sample-${i}`);
  const batches = scoreBatches(ids);
  expect(batches.length).toBeGreaterThan(1);
  expect(batches.flat()).toEqual(ids);
  for (const b of batches) expect(JSON.stringify({ split: "validation", sampleIds: b }).length).toBeLessThan(SCORE_BATCH_BYTES + 100);
});

test("no score request asks for more than the route's 10,000 ids, however short they are", () => {
  const ids = Array.from({ length: 25_000 }, (_, i) => i);
  const batches = scoreBatches(ids);
  expect(batches.map((b) => b.length)).toEqual([SCORE_BATCH_IDS, SCORE_BATCH_IDS, 5_000]);
  expect(batches.flat()).toEqual(ids);
});

test("a small selection is one request", () => {
  expect(scoreBatches([1, 2, 3])).toEqual([[1, 2, 3]]);
});

test("sample ids of dots survive the URL parser that fetch uses", () => {
  const path = (id: string) => new URL(`/api/runs/r/samples/${sampleIdSegment(id)}?split=validation`, "http://127.0.0.1:7071").pathname;
  expect(path("..")).toBe("/api/runs/r/samples/~..");
  expect(path(".")).toBe("/api/runs/r/samples/~.");
  // What the API takes the "~" off must stay apart from ids that really start with "~".
  expect(sampleIdSegment("~..")).toBe("~~..");
  expect(sampleIdSegment("~x")).toBe("~x");
  expect(sampleIdSegment("...")).toBe("...");
  expect(sampleIdSegment("a/b")).toBe("a%2Fb");
  expect(sampleIdSegment(42)).toBe("42");
});
