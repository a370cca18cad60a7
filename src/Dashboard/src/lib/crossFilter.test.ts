import { describe, expect, test } from "vitest";
import { activeSelection, classMask, countOnes, describeAxisFilter, passesAxes } from "./crossFilter";

describe("cross filters", () => {
  test("the class filter keeps samples predicted as the chosen classes", () => {
    expect([...classMask([0, 1, 2, 1], [1], 3)]).toEqual([0, 1, 0, 1]);
    expect(countOnes(classMask([0, 1, 2], null, 3))).toBe(3);
  });

  test("an axis filter keeps score vectors inside every range", () => {
    const scores = Float32Array.from([0.6, 0.4, 0.2, 0.8]);
    const filter = [{ cls: 1, lo: 0.3, hi: 1 }];
    expect(passesAxes(scores, 2, 0, filter)).toBe(true);
    expect(passesAxes(scores, 2, 1, [{ cls: 1, lo: 0.9, hi: 1 }])).toBe(false);
  });

  test("the active selection is the selection minus the samples the axes filter out", () => {
    const selected = Uint8Array.from([1, 1, 1, 0]);
    const rowOf = Int32Array.from([0, 1, -1, -1]);
    const scores = Float32Array.from([0.7, 0.3, 0.9, 0.1]);
    const active = activeSelection(selected, rowOf, scores, 2, [{ cls: 1, lo: 0.3, hi: 1 }]);
    // Sample 2 has no scores yet and keeps its place.
    expect([...active]).toEqual([1, 0, 1, 0]);
  });

  test("a filter reads the way the paper states it", () => {
    expect(describeAxisFilter({ cls: 0, lo: 0.3, hi: 1 }, ["C50.8"])).toBe("score of C50.8 ≥ 0.30");
  });
});
