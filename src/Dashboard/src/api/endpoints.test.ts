import { expect, test } from "vitest";
import { SCORE_BATCH_BYTES, scoreBatches } from "./endpoints";

test("score requests are split so that no body nears the 1 MiB limit", () => {
  const ids = Array.from({ length: 200_000 }, (_, i) => `sample-${i}`);
  const batches = scoreBatches(ids);
  expect(batches.length).toBeGreaterThan(1);
  expect(batches.flat()).toEqual(ids);
  for (const b of batches) expect(JSON.stringify({ split: "validation", sampleIds: b }).length).toBeLessThan(SCORE_BATCH_BYTES + 100);
});

test("a small selection is one request", () => {
  expect(scoreBatches([1, 2, 3])).toEqual([[1, 2, 3]]);
});
