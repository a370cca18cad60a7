import { expect, test } from "vitest";
import { changedPredictions } from "./changedPredictions";

test("marks the samples whose predicted class differs at the other epoch, matched by id", () => {
  expect(Array.from(changedPredictions(["a", "b", "c"], [0, 1, 2], ["a", "b", "c"], [0, 2, 2]))).toEqual([0, 1, 0]);
  // "c" is missing from B: nothing to compare, not marked.
  expect(Array.from(changedPredictions(["a", "b", "c"], [0, 1, 2], ["b", "a"], [1, 1]))).toEqual([1, 0, 0]);
});
