import { describe, expect, test } from "vitest";
import { blockAt, blocksInView, boxRect, columnsLayout, gridLayout, hitTest } from "./sampleLayout";

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

  test("a point between two columns or left of the first hits nothing", () => {
    expect(hitTest(l, l.blocks[0].x + l.blocks[0].width + 1, 5)).toBeNull();
    expect(hitTest(l, 1, 5)).toBeNull();
  });
});

describe("the window of a scrolled view", () => {
  const classes = Array.from({ length: 1000 }, (_, i) => i);
  const l = columnsLayout(classes, new Array(1000).fill(50), { width: 1600, height: 400, minColumnWidth: 18 });

  test("a thousand classes scroll at the minimum column width", () => {
    expect(l.width).toBe(18000);
  });

  test("the blocks in view are those that meet the window, partly shown ones included", () => {
    expect(blocksInView(l, 0, 1600)).toEqual([0, 89]);
    const [first, end] = blocksInView(l, 9000, 10600);
    expect(first).toBe(500);
    expect(l.blocks[first].x + l.blocks[first].width).toBeGreaterThan(9000);
    expect(l.blocks[end - 1].x).toBeLessThan(10600);
    expect(l.blocks[end].x).toBeGreaterThanOrEqual(10600);
  });

  test("a window past either end holds no block", () => {
    expect(blocksInView(l, 18000, 19600)).toEqual([1000, 1000]);
    expect(blocksInView(l, -3200, -1600)).toEqual([0, 0]);
  });
});
