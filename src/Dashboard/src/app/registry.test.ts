import { expect, test } from "vitest";
import type { Slice } from "./model";
import { HEADER, reached, TILES } from "./registry";

const names = (...changes: Slice[]) => reached([HEADER, ...TILES], new Set(changes)).map((e) => e.name);

test("a brush move reaches only the views that show the selection", () => {
  expect(names("selection")).toEqual(["kpis", "confusion", "classification", "parallel", "datamap", "suspects", "runcompare"]);
});

test("the axis filters and the score vectors reach the same views as the selection, but for the run comparison", () => {
  expect(names("filters")).toEqual(["kpis", "confusion", "classification", "parallel", "datamap", "suspects"]);
  expect(names("vectors")).toEqual(names("filters"));
});

test("a new epoch reaches every view; new dynamics only the data map", () => {
  expect(names("data")).toEqual(["header", ...TILES.map((t) => t.name)]);
  expect(names("dynamics")).toEqual(["datamap"]);
});

test("the header follows the slicers' own choices, never the selection or the theme", () => {
  expect(names("compare")).toEqual(["header"]);
  expect(names("theme")).not.toContain("header");
});
