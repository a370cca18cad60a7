import { describe, expect, test } from "vitest";
import { cellRanges, countRange, matrixPixels, nonZeroCells, positions, type MatrixColors } from "./matrixPixels";

// Colors that spell the count: red = errors, green = correct counts, blue 9 = empty.
const colors: MatrixColors = { wrong: (v) => [v, 0, 0], correct: (v) => [0, v, 0], empty: [0, 0, 9] };
const rangesOf = (r: { from: Int32Array; to: Int32Array }) => Array.from(r.from, (f, k) => [f, r.to[k]]);

describe("which cells a pixel covers", () => {
  test("zoomed out, each pixel covers the cells under it, and nothing past the last cell", () => {
    expect(rangesOf(cellRanges(0, 0.5, 3, 5))).toEqual([[0, 2], [2, 4], [4, 5]]);
    expect(rangesOf(cellRanges(0, 0.5, 4, 5))[3]).toEqual([0, 0]);
  });

  test("zoomed in, cells of 5 pixels or more keep a one-pixel gap between them", () => {
    expect(rangesOf(cellRanges(0, 5, 10, 2))).toEqual([[0, 1], [0, 1], [0, 1], [0, 1], [0, 0], [1, 2], [1, 2], [1, 2], [1, 2], [0, 0]]);
  });

  test("a window that starts inside a cell shows the rest of it first", () => {
    expect(rangesOf(cellRanges(1.5, 2, 4, 4))).toEqual([[1, 2], [2, 3], [2, 3], [3, 4]]);
  });
});

describe("the pixels of a confusion matrix window", () => {
  // Rows = true class: 0 -> 0 ×7, 0 -> 2 ×3, 1 -> 1 ×5, 2 -> 2 ×4, 2 -> 1 ×1.
  const matrix = [7, 0, 3, 0, 5, 0, 0, 1, 4];
  const cells = nonZeroCells(matrix, 3);
  const view = (order: number[], x0: number, y0: number, cell: number, width: number, height: number) =>
    ({ cells, pos: positions(order, 3), n: order.length, x0, y0, cell, width, height });
  const pixel = (out: Uint8ClampedArray, width: number, x: number, y: number) => Array.from(out.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));

  test("one pixel per cell shows each cell's count, in the display order", () => {
    const out = matrixPixels(view([2, 0, 1], 0, 0, 1, 3, 3), colors);
    expect(pixel(out, 3, 0, 0)).toEqual([0, 4, 0, 255]); // 2 -> 2, correct
    expect(pixel(out, 3, 2, 0)).toEqual([1, 0, 0, 255]); // 2 -> 1, an error
    expect(pixel(out, 3, 0, 1)).toEqual([3, 0, 0, 255]); // 0 -> 2
    expect(pixel(out, 3, 1, 2)).toEqual([0, 0, 9, 255]); // 1 -> 0, empty
  });

  test("zoomed out, a pixel over several cells shows their largest error before any correct count", () => {
    const out = matrixPixels(view([0, 1, 2], 0, 0, 0.5, 2, 2), colors);
    expect(pixel(out, 2, 0, 0)).toEqual([0, 7, 0, 255]); // cells (0..1) x (0..1): only correct counts
    expect(pixel(out, 2, 1, 0)).toEqual([3, 0, 0, 255]); // cells (0..1) x 2: the error 0 -> 2
    expect(pixel(out, 2, 0, 1)).toEqual([1, 0, 0, 255]); // row 2 x cells (0..1): the error 2 -> 1
  });

  test("pixels past the matrix stay transparent", () => {
    const out = matrixPixels(view([0, 1, 2], 2, 2, 1, 2, 2), colors);
    expect(pixel(out, 2, 0, 0)).toEqual([0, 4, 0, 255]);
    expect(pixel(out, 2, 1, 1)).toEqual([0, 0, 0, 0]);
  });

  test("zoomed in, a cell fills its pixels but the gap after it", () => {
    const out = matrixPixels(view([0, 1, 2], 0, 0, 5, 10, 5), colors);
    expect(pixel(out, 10, 0, 0)).toEqual([0, 7, 0, 255]);
    expect(pixel(out, 10, 3, 3)).toEqual([0, 7, 0, 255]);
    expect(pixel(out, 10, 4, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(out, 10, 5, 0)).toEqual([0, 0, 9, 255]); // 0 -> 1, empty
  });

  test("a hidden class's cells are not drawn, and do not count in the color scales' ends", () => {
    const out = matrixPixels(view([0, 1], 0, 0, 1, 2, 2), colors);
    expect(pixel(out, 2, 1, 1)).toEqual([0, 5, 0, 255]);
    expect(countRange(cells, positions([0, 1, 2], 3))).toEqual({ maxCorrect: 7, maxWrong: 3 });
    expect(countRange(cells, positions([1, 2], 3))).toEqual({ maxCorrect: 5, maxWrong: 1 });
  });
});
