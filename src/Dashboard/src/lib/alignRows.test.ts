import { describe, expect, test } from "vitest";
import { alignRows } from "./alignRows";

describe("rows of the dynamics aligned to the samples", () => {
  test("the same ids in the same order map to themselves", () => {
    expect(Array.from(alignRows(["a", "b", "c"], ["a", "b", "c"]))).toEqual([0, 1, 2]);
  });
  test("other orders and missing samples are matched by id, absent ones get -1", () => {
    expect(Array.from(alignRows(["a", "b", "c"], ["c", "a"]))).toEqual([1, -1, 0]);
  });
  test("numeric and string ids of the same sample match", () => {
    expect(Array.from(alignRows([1, 2], ["2", "1"]))).toEqual([1, 0]);
  });
});
