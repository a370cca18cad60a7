import { describe, expect, test } from "vitest";
import { paintBoxes, paintMarkers } from "./raster";
import { rankOf } from "./classOrder";
import { classOrder } from "./classOrder";
import { columnsLayout } from "./sampleLayout";
import { packColor, scoreLut } from "./encoding";

function paint(threshold: number, selected: number[] = []) {
  const label = [0, 1, 1];
  const predicted = [0, 0, 1];
  const score = [0.9, 0.5, 0.8];
  const mispredictions = [0, 5, 0];
  const order = classOrder(predicted, score, 2);
  const layout = columnsLayout([0, 1], [2, 1], { width: 60, height: 40, maxBoxHeight: 10 });
  const buf = new Uint32Array(60 * 40);
  const mask = new Uint8Array(3); for (const i of selected) mask[i] = 1;
  const classColor = Uint32Array.from(["#ff0000", "#00ff00"].map((c) => packColor(c)));
  const stats = paintBoxes(buf, 60, 40, {
    layout, order, label, predicted, score, marked: mispredictions.map((v) => (v > threshold ? 1 : 0)), selected: mask,
    scoreLut: scoreLut(), classColor, selectedColor: packColor("#12b312"), triangleColor: packColor("#000000"),
  });
  return { buf, stats, layout, classColor };
}

describe("the box painter", () => {
  test("one box is painted per sample, in its predicted column", () => {
    expect(paint(10).stats.boxesPerBlock).toEqual([2, 1]);
  });

  test("a wrong sample's box is outlined in its true class color", () => {
    const { buf, layout, classColor } = paint(10);
    // Rank 1 of column 0 is the wrong sample (label 1): its top-left pixel is class 1's color.
    const x = layout.blocks[0].x, y = Math.floor(layout.pitchY);
    expect(buf[y * 60 + x]).toBe(classColor[1]);
  });

  test("a marker pass paints only the selected boxes, at their place", () => {
    const { buf, layout } = paint(10);
    const order = classOrder([0, 0, 1], [0.9, 0.5, 0.8], 2);
    const before = buf.slice();
    const n = paintMarkers(buf, 60, 40, layout, Int32Array.from([0, 1]), rankOf(order), [0, 0, 1], Uint8Array.from([0, 0, 1]), 7);
    expect(n).toBe(1);
    const changed = [...buf.keys()].filter((p) => buf[p] !== before[p]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => p % 60 >= layout.blocks[1].x && p % 60 < layout.blocks[1].x + layout.boxWidth)).toBe(true);
  });

  test("triangles are counted only above the threshold, markers only for selected samples", () => {
    expect(paint(4, [2]).stats).toMatchObject({ triangles: 1, selected: 1 });
    expect(paint(5).stats).toMatchObject({ triangles: 0, selected: 0 });
  });
});
