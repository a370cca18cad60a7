import { expect, test } from "vitest";
import { VectorStore } from "./vectorStore";

test("vectors are fetched once per sample and found again by sample index", () => {
  const store = new VectorStore(["a", "b", "c"], 2);
  expect(store.missing([0, 2])).toEqual([0, 2]);
  expect(store.add([0, 2], { sampleIds: ["c", "a"], scores: [[0.1, 0.9], [0.8, 0.2]] })).toBe(2);
  expect(store.missing([0, 1, 2])).toEqual([1]);
  const v = store.vectors!;
  expect(Array.from(v.scores.subarray(v.rowOf[2] * 2, v.rowOf[2] * 2 + 2))).toEqual([Math.fround(0.1), Math.fround(0.9)]);
});
