import { describe, expect, test } from "vitest";
import { classOrder } from "./classOrder";
import { columnsLayout, gridLayout, hitTest } from "./sampleLayout";
import { samplesInRect } from "./samplesInRect";

// Seeded, so a failure reproduces.
function random(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe("the samples under a brush", () => {
  // Class 3 holds samples 0..3 (score order 2, 0, 3, 1), class 5 holds 4 and 5.
  const predicted = [3, 3, 3, 3, 5, 5], score = [0.8, 0.4, 0.9, 0.6, 0.7, 0.5];
  const order = classOrder(predicted, score, 6);
  const l = columnsLayout([3, 5], [0, 0, 0, 4, 0, 2], { width: 100, height: 100, maxBoxHeight: 10 });

  test("a brush over a vertical range of a column selects the samples at the ranks it touches, in rank order", () => {
    // Rows 1..3 of class 3 (y 10..39) are its ranks 1, 2, 3: samples 0, 3, 1.
    expect(Array.from(samplesInRect(l, order, 0, 12, 40, 31))).toEqual([0, 3, 1]);
  });

  test("a brush across both columns selects from each, and nothing below a column's last box", () => {
    expect(Array.from(samplesInRect(l, order, 0, 0, 100, 100))).toEqual([2, 0, 3, 1, 4, 5]);
    expect(Array.from(samplesInRect(l, order, 0, 60, 100, 100))).toEqual([]);
  });

  test("a brush between the columns or right of them selects nothing", () => {
    expect(samplesInRect(l, order, 200, 0, 300, 100).length).toBe(0);
  });

  test("a brush in the grid selects only the lanes it covers", () => {
    const p = new Array(20).fill(0), s = Array.from({ length: 20 }, (_, i) => 1 - i / 20);
    const g = gridLayout([0], [20], { width: 44, height: 100, maxCell: 10 });
    // Lanes 0-1 of rows 0-1: ranks 0, 1, 4, 5, which are samples 0, 1, 4, 5 (scores fall with the index).
    expect(Array.from(samplesInRect(g, classOrder(p, s, 1), 2, 0, 13, 15))).toEqual([0, 1, 4, 5]);
  });

  test("at a million samples a brush returns exactly the samples a hit test finds inside it", () => {
    const next = random(7), n = 1_000_000, C = 70;
    const pr = new Int32Array(n), sc = new Float32Array(n);
    for (let i = 0; i < n; i++) { pr[i] = Math.floor(next() * C); sc[i] = next(); }
    const o = classOrder(pr, sc, C);
    const counts = Array.from({ length: C }, (_, c) => o.starts[c + 1] - o.starts[c]);
    const big = columnsLayout(Array.from({ length: C }, (_, c) => c), counts, { width: 1600, height: 440, minColumnWidth: 18 });
    const [x0, y0, x1, y1] = [big.blocks[10].x, 100, big.blocks[12].x + 3, 180];
    const t = performance.now();
    const picked = samplesInRect(big, o, x0, y0, x1, y1);
    const ms = performance.now() - t;
    // Every picked sample's box meets the rectangle: its column is among the brushed ones, its row in the band.
    const expected = new Set<number>();
    for (let k = 10; k <= 12; k++) {
      const b = big.blocks[k], start = o.starts[b.cls];
      for (let r = 0; r < b.count; r++) {
        const rowTop = big.top + r * big.pitchY, rowBottom = rowTop + big.pitchY;
        if (rowBottom > y0 && rowTop <= y1 && (k < 12 || hitTest(big, x1, big.top) !== null)) expected.add(o.order[start + r]);
      }
    }
    expect(new Set(picked)).toEqual(expected);
    expect(picked.length).toBeGreaterThan(1000);
    // A few memcpy's: far under a frame even on a loaded machine.
    expect(ms).toBeLessThan(16);
  });
});
