import { describe, expect, test } from "vitest";
import { blockAt, boxRect, columnsLayout, gridLayout, hitTest, ranksInRect } from "./sampleLayout";

describe("the columns layout", () => {
  test("the width is split equally between the shown classes", () => {
    const l = columnsLayout([0, 1, 2, 3], [10, 20, 5, 0], { width: 400, height: 300 });
    expect(l.blocks.map((b) => b.x)).toEqual([2, 102, 202, 302]);
    expect(l.width).toBe(400);
  });

  test("70 classes scroll horizontally instead of being squeezed below the minimum width", () => {
    const classes = Array.from({ length: 70 }, (_, i) => i);
    const l = columnsLayout(classes, new Array(70).fill(10), { width: 600, height: 300, minColumnWidth: 16 });
    expect(l.width).toBe(70 * 16);
    expect(l.boxWidth).toBeGreaterThanOrEqual(8);
  });

  test("boxes stack so that the fullest column fills the height, capped for small runs", () => {
    const tall = columnsLayout([0, 1], [1000, 10], { width: 200, height: 500, top: 20 });
    expect(tall.pitchY).toBeCloseTo(480 / 1000);
    const small = columnsLayout([0, 1], [3, 1], { width: 200, height: 500, maxBoxHeight: 10 });
    expect(small.pitchY).toBe(10);
  });

  test("rank r sits at top + r * pitch, with a 1 px gap between tall boxes", () => {
    const l = columnsLayout([0], [3], { width: 40, height: 100, top: 10, maxBoxHeight: 10 });
    expect(boxRect(l, l.blocks[0], 2)).toEqual({ x: 2, y: 30, w: l.boxWidth, h: 9 });
  });

  test("a column's boxes never overlap and cover count x pitch pixels", () => {
    const l = columnsLayout([0], [700], { width: 40, height: 350 });
    let covered = 0, lastBottom = 0;
    for (let r = 0; r < 700; r++) {
      const b = boxRect(l, l.blocks[0], r);
      expect(b.y).toBeGreaterThanOrEqual(lastBottom - 1);
      lastBottom = b.y + b.h; covered = lastBottom;
    }
    expect(covered).toBeLessThanOrEqual(351);
  });
});

describe("the grid layout", () => {
  test("the cell is the largest that fits the fullest class on screen", () => {
    const l = gridLayout([0, 1], [100, 50], { width: 200, height: 100, maxCell: 12 });
    const lanes = l.lanes;
    expect(Math.ceil(100 / lanes) * l.pitchY).toBeLessThanOrEqual(100);
    expect(l.pitchY).toBeGreaterThan(1);
  });

  test("each block fills row by row in score order", () => {
    const l = gridLayout([0], [10], { width: 44, height: 100, maxCell: 10 });
    expect(l.lanes).toBe(4);
    const b = l.blocks[0];
    expect(boxRect(l, b, 5)).toMatchObject({ x: 2 + 10, y: 10 });
  });
});

describe("hit testing", () => {
  const l = columnsLayout([3, 5], [0, 0, 0, 4, 0, 2], { width: 100, height: 100, maxBoxHeight: 10 });

  test("the block under x is found by binary search", () => {
    expect(blockAt(l, 10)).toBe(0);
    expect(blockAt(l, 60)).toBe(1);
    expect(blockAt(l, 0)).toBe(-1);
  });

  test("a point maps to the rank of the box under it, and nothing below the column", () => {
    expect(hitTest(l, 10, 25)).toEqual({ block: 0, rank: 2 });
    expect(hitTest(l, 60, 25)).toBeNull();
  });

  test("a brush over a vertical range selects the ranks it touches", () => {
    expect(ranksInRect(l, 0, 0, 12, 40, 31)).toEqual([1, 2, 3]);
    expect(ranksInRect(l, 1, 0, 0, 40, 100)).toEqual([]);
  });

  test("a brush in the grid selects only the lanes it covers", () => {
    const g = gridLayout([0], [20], { width: 44, height: 100, maxCell: 10 });
    expect(ranksInRect(g, 0, 2, 0, 13, 15)).toEqual([0, 1, 4, 5]);
  });
});
