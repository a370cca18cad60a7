import { describe, expect, test } from "vitest";
import { compareRuns, indicesInCategory, matchingEpoch } from "./compareRuns";

const run = (ids: (string | number)[], label: number[], predicted: number[]) => ({ ids, label, predicted });

describe("run A vs run B", () => {
  test("a run compared with itself has only stable errors and samples correct in both", () => {
    const a = run(["a", "b", "c", "d"], [0, 1, 2, 0], [0, 2, 2, 1]);
    const cmp = compareRuns(a, a);
    expect(cmp.counts).toEqual({ stable: 2, thisOnly: 0, otherOnly: 0, bothCorrect: 2, missing: 0 });
    expect(indicesInCategory(cmp, "stable")).toEqual([1, 3]);
  });

  test("ids in a different order are matched by id, not by row", () => {
    const a = run(["a", "b", "c", "d"], [0, 0, 0, 0], [1, 1, 0, 0]); // wrong: a, b
    const b = run(["d", "c", "b", "a"], [0, 0, 0, 0], [1, 0, 0, 1]); // wrong: d, a
    const cmp = compareRuns(a, b);
    expect(cmp.counts).toEqual({ stable: 1, thisOnly: 1, otherOnly: 1, bothCorrect: 1, missing: 0 });
    expect(indicesInCategory(cmp, "stable")).toEqual([0]);
    expect(indicesInCategory(cmp, "thisOnly")).toEqual([1]);
    expect(indicesInCategory(cmp, "otherOnly")).toEqual([3]);
    expect(indicesInCategory(cmp, "bothCorrect")).toEqual([2]);
  });

  test("samples absent from the other run are counted apart, extra ones of the other run are ignored", () => {
    const a = run(["a", "b", "c"], [0, 0, 0], [1, 0, 1]);
    const b = run(["c", "z"], [0, 0], [1, 1]);
    const cmp = compareRuns(a, b);
    expect(cmp.counts).toEqual({ stable: 1, thisOnly: 0, otherOnly: 0, bothCorrect: 0, missing: 2 });
    expect(indicesInCategory(cmp, "missing")).toEqual([0, 1]);
  });

  test("integer ids of one run match string ids of the other", () => {
    const a = run([1, 2, 3], [0, 1, 1], [0, 0, 1]);
    const b = run(["3", "2", "1"], [1, 1, 0], [0, 0, 1]);
    const cmp = compareRuns(a, b);
    // 1: right here, wrong there; 2: wrong in both; 3: right here, wrong there.
    expect(cmp.counts).toEqual({ stable: 1, thisOnly: 0, otherOnly: 2, bothCorrect: 0, missing: 0 });
    expect(Array.from(cmp.category)).toEqual([2, 0, 2]);
  });

  test("an empty run compares to nothing", () => {
    expect(compareRuns(run([], [], []), run(["a"], [0], [1])).counts).toEqual({ stable: 0, thisOnly: 0, otherOnly: 0, bothCorrect: 0, missing: 0 });
  });
});

describe("the other run's epoch", () => {
  test("the other run's epoch is the same one when it has it, else its last", () => {
    expect(matchingEpoch(5, [1, 2, 5, 8])).toBe(5);
    expect(matchingEpoch(9, [1, 2, 3])).toBe(3);
    expect(matchingEpoch(1, [])).toBeNull();
  });
});
