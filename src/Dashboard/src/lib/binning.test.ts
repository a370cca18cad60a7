import { expect, test } from "vitest";
import { axisBins, binOpacity, binSegments, histogram, SegmentCounter } from "./binning";

test("segments between neighbouring axes are counted by (from, to) bin", () => {
  // Two rows, three classes; axes shown in the order 2, 0.
  const scores = Float32Array.from([0.05, 0.9, 0.05, 0.95, 0.0, 0.05]);
  const bins = binSegments(scores, 3, [0, 1], [2, 0], 10);
  expect(bins.counts).toHaveLength(1);
  expect(bins.counts[0][0 * 10 + 0]).toBe(1);
  expect(bins.counts[0][0 * 10 + 9]).toBe(1);
  expect(bins.max).toBe(1);
});

test("a score of exactly 1 falls in the top bin", () => {
  expect(histogram([0, 0.1, 1])).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
});

test("bin opacity grows with the count and keeps single lines visible", () => {
  expect(binOpacity(0, 100)).toBe(0);
  expect(binOpacity(1, 1000)).toBeGreaterThan(0.08);
  expect(binOpacity(1000, 1000)).toBeCloseTo(1);
});

test("the incremental counter agrees with a full count as rows come and go", () => {
  let seed = 3;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const rows = 500, C = 6, axes = [5, 0, 2, 3];
  const scores = Float32Array.from({ length: rows * C }, random);
  const counter = new SegmentCounter(axisBins(scores, C, rows, axes, 8), rows, axes.length, 8);
  for (const keep of [0.5, 0.2, 0.9]) {
    const include = Uint8Array.from({ length: rows }, () => (random() < keep ? 1 : 0));
    counter.update(include);
    const chosen = [...include.keys()].filter((r) => include[r]);
    expect(counter.segments).toEqual(binSegments(scores, C, chosen, axes, 8));
  }
});
