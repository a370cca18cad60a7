import { describe, expect, test } from "vitest";
import { nearestPoint, pointsInRect } from "./scatterHits";

const xs = Float32Array.from([0.1, 0.2, 0.3, NaN]);
const ys = Float32Array.from([0.9, 0.5, 0.1, 0.5]);

describe("a brushed rectangle of the data map", () => {
  test("a rectangle keeps the points inside, bounds included and in either order", () => {
    expect(pointsInRect(xs, ys, { x0: 0.25, x1: 0.1, y0: 0.4, y1: 1 })).toEqual([0, 1]);
  });
  test("a rectangle never picks unplotted (NaN) or filtered-out points", () => {
    expect(pointsInRect(xs, ys, { x0: -1, x1: 1, y0: -1, y1: 1 }, Uint8Array.from([1, 0, 1, 1]))).toEqual([0, 2]);
  });
});

describe("the dot under the pointer", () => {
  test("the closest point is found in pixels, each axis scaled by its own factor", () => {
    // x spans 1000 px per unit, y 100: (0.19, 0.8) is 90 px from point 0 (in x) but about 32 px from point 1.
    expect(nearestPoint(xs, ys, 0.19, 0.8, 1000, 100, 40)).toBe(1);
    expect(nearestPoint(xs, ys, 0.19, 0.8, 1000, 100, 20)).toBe(-1);
  });
  test("no point is found when none is within reach", () => {
    expect(nearestPoint(xs, ys, 0.9, 0.9, 1000, 100, 6)).toBe(-1);
  });
});
