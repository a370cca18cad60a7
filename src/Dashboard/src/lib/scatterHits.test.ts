import { describe, expect, test } from "vitest";
import { nearestPoint, pointsInRect } from "./scatterHits";

const xs = Float32Array.from([0.1, 0.2, 0.3, NaN]);
const ys = Float32Array.from([0.9, 0.5, 0.1, 0.5]);

describe("pointsInRect", () => {
  test("keeps the points inside, bounds included and in either order", () => {
    expect(pointsInRect(xs, ys, { x0: 0.25, x1: 0.1, y0: 0.4, y1: 1 })).toEqual([0, 1]);
  });
  test("never picks unplotted (NaN) or filtered-out points", () => {
    expect(pointsInRect(xs, ys, { x0: -1, x1: 1, y0: -1, y1: 1 }, Uint8Array.from([1, 0, 1, 1]))).toEqual([0, 2]);
  });
});

describe("nearestPoint", () => {
  test("finds the closest point in pixels, each axis scaled by its own factor", () => {
    // x spans 1000 px per unit, y 100: (0.19, 0.8) is 90 px from point 0 (in x) but about 32 px from point 1.
    expect(nearestPoint(xs, ys, 0.19, 0.8, 1000, 100, 40)).toBe(1);
    expect(nearestPoint(xs, ys, 0.19, 0.8, 1000, 100, 20)).toBe(-1);
  });
  test("returns -1 when nothing is within reach", () => {
    expect(nearestPoint(xs, ys, 0.9, 0.9, 1000, 100, 6)).toBe(-1);
  });
});
