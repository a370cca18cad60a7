import { describe, expect, test } from "vitest";
import { findClass, mergeAxes, largestClasses, topScoringClasses } from "./axisChoice";

const none = { added: [], removed: new Set<number>(), filtered: [] };

describe("the selection's top classes", () => {
  // Three rows of four classes.
  const scores = Float32Array.from([
    0.7, 0.2, 0.1, 0.0,
    0.1, 0.6, 0.3, 0.0,
    0.0, 0.5, 0.4, 0.1,
  ]);

  test("classes rank by their total score over the selected rows, ties by index", () => {
    expect(topScoringClasses(scores, 4, [0, 1, 2], [0, 1, 2, 3], 3)).toEqual([1, 2, 0]);
    expect(topScoringClasses(scores, 4, [0], [0, 1, 2, 3], 4)).toEqual([0, 1, 2, 3]);
  });

  test("only the allowed classes (the class slicer's) are ranked", () => {
    expect(topScoringClasses(scores, 4, [0, 1, 2], [0, 3], 3)).toEqual([0, 3]);
  });

  test("a large selection is ranked from rows spread evenly over it", () => {
    // 10,000 rows: the first half favour class 0, the second class 1 (slightly more).
    const C = 2, n = 10_000;
    const big = new Float32Array(n * C);
    for (let r = 0; r < n; r++) { big[r * C] = r < n / 2 ? 0.9 : 0.1; big[r * C + 1] = r < n / 2 ? 0.1 : 0.95; }
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    expect(topScoringClasses(big, C, rows, [0, 1], 1, 100)).toEqual([1]);
    expect(topScoringClasses(big, C, rows.subarray(0, n / 2), [0, 1], 1, 100)).toEqual([0]);
  });

  test("the largest values' classes (before anything is selected, the most predicted), ties by index", () => {
    expect(largestClasses([5, 9, 9, 1], [0, 1, 2, 3], 2)).toEqual([1, 2]);
  });
});

describe("merging the axes", () => {
  test("the automatic choice, without what the user removed, with what they added and what is filtered", () => {
    expect(mergeAxes([], [4, 2, 7], { added: [9], removed: new Set([2]), filtered: [5, 4] })).toEqual([4, 7, 9, 5]);
  });

  test("axes already shown keep their place, new ones come after", () => {
    expect(mergeAxes([7, 3, 4], [4, 7, 8], none)).toEqual([7, 4, 8]);
  });

  test("an unchanged set of axes is the same array, so nothing is redrawn", () => {
    const current = [7, 4];
    expect(mergeAxes(current, [4, 7], none)).toBe(current);
  });
});

describe("finding the class a user typed", () => {
  const names = ["C50.4", "C50.8", "C34.9", "n01440764 tench"];
  test("an exact name in any case, else the only name that contains the text", () => {
    expect(findClass(names, "c50.4")).toBe(0);
    expect(findClass(names, "tench")).toBe(3);
    expect(findClass(names, " 34 ")).toBe(2);
  });
  test("nothing for text that matches no class or several", () => {
    expect(findClass(names, "C50")).toBeNull();
    expect(findClass(names, "zebra")).toBeNull();
    expect(findClass(names, "  ")).toBeNull();
  });
});
