import { describe, expect, test } from "vitest";
import { FIT, maxZoomFor, panBy, reveal, zoomAt, type GridFrame } from "./matrixZoom";

// A thousand classes in 500 pixels: half a pixel per cell when it all fits.
const frame: GridFrame = { n: 1000, fitCell: 0.5, width: 500, height: 500, maxZoom: maxZoomFor(0.5) };

describe("zooming and panning the confusion matrix", () => {
  test("the largest zoom makes cells of 48 pixels, and a grid that fits already is never zoomed out", () => {
    expect(frame.maxZoom).toBe(96);
    expect(maxZoomFor(60)).toBe(1);
    expect(zoomAt(FIT, frame, 0.5, 10, 10)).toEqual(FIT);
  });

  test("zooming keeps the cell under the pointer where it was", () => {
    const v = zoomAt(FIT, frame, 4, 200, 100);
    // Cell (x 400, y 200) was under the pointer; at 2 pixels a cell it still is.
    expect(v.zoom).toBe(4);
    expect(v.x0 + 200 / 2).toBeCloseTo(400);
    expect(v.y0 + 100 / 2).toBeCloseTo(200);
    const back = zoomAt(v, frame, 1 / 4, 200, 100);
    expect(back).toEqual(FIT);
  });

  test("the window never leaves the grid", () => {
    const v = zoomAt(FIT, frame, 10, 500, 500);
    expect(v.x0).toBeCloseTo(900);
    expect(panBy(v, frame, -1e6, -1e6)).toEqual({ zoom: 10, x0: 900, y0: 900 });
    expect(panBy(v, frame, 1e6, 1e6)).toEqual({ zoom: 10, x0: 0, y0: 0 });
  });

  test("dragging moves the grid with the pointer", () => {
    const v = { zoom: 10, x0: 100, y0: 100 };
    expect(panBy(v, frame, 50, -25)).toEqual({ zoom: 10, x0: 90, y0: 105 });
  });

  test("revealing a cell moves the window only as far as needed", () => {
    const v = { zoom: 10, x0: 100, y0: 100 };
    expect(reveal(v, frame, 120, 150)).toEqual(v);
    expect(reveal(v, frame, 300, 20)).toEqual({ zoom: 10, x0: 20, y0: 201 });
  });
});
