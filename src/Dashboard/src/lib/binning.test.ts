import { expect, test } from "vitest";
import { axisBins, binOpacity, SegmentCounter } from "./binning";

test("segments between neighbouring axes are counted by (from, to) bin", () => {
  // Two rows, three classes; axes shown in the order 2, 0.
  const scores = Float32Array.from([0.05, 0.9, 0.05, 0.95, 0.0, 0.05]);
  const counter = new SegmentCounter(axisBins(scores, 3, 2, [2, 0], 10), 2, 2, 10);
  counter.update(Uint8Array.from([1, 1]));
  const { counts, max } = counter.segments;
  expect(counts).toHaveLength(1);
  expect(counts[0][0 * 10 + 0]).toBe(1);
  expect(counts[0][0 * 10 + 9]).toBe(1);
  expect(max).toBe(1);
});

test("a score of exactly 1 falls in the top bin", () => {
  expect(Array.from(axisBins(Float32Array.from([0, 0.1, 1]), 1, 3, [0], 10))).toEqual([0, 1, 9]);
});

test("bin opacity grows with the count and keeps single lines visible", () => {
  expect(binOpacity(0, 100)).toBe(0);
  expect(binOpacity(1, 1000)).toBeGreaterThan(0.08);
  expect(binOpacity(1000, 1000)).toBeCloseTo(1);
});

test("the incremental counter agrees with a count from scratch as rows come and go", () => {
  let seed = 3;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const rows = 500, C = 6, axes = [5, 0, 2, 3], bins = 8;
  const scores = Float32Array.from({ length: rows * C }, random);
  const binsOf = axisBins(scores, C, rows, axes, bins);
  const counter = new SegmentCounter(binsOf, rows, axes.length, bins);
  for (const keep of [0.5, 0.2, 0.9]) {
    const include = Uint8Array.from({ length: rows }, () => (random() < keep ? 1 : 0));
    counter.update(include);
    const expected = Array.from({ length: axes.length - 1 }, () => new Uint32Array(bins * bins));
    for (let row = 0; row < rows; row++) {
      if (!include[row]) continue;
      for (let a = 0; a + 1 < axes.length; a++) expected[a][binsOf[a * rows + row] * bins + binsOf[(a + 1) * rows + row]]++;
    }
    expect(counter.segments.counts).toEqual(expected);
    expect(counter.segments.max).toBe(Math.max(...expected.flatMap((g) => Array.from(g))));
  }
});
