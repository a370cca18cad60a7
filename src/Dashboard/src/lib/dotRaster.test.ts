import { expect, test } from "vitest";
import { paintDots } from "./dotRaster";

test("paints a size x size square per masked point, clipped to the image, and counts them", () => {
  const buf = new Uint32Array(5 * 4);
  const painted = paintDots(buf, 5, 4, {
    px: Float32Array.from([1, 4, 2, -3]), py: Float32Array.from([1, 3, 2, 0]),
    size: 2, mask: Uint8Array.from([1, 1, 0, 1]), color: Uint32Array.from([1, 2, 3, 4]),
  });
  expect(painted).toBe(2);
  // Point 0 covers (0..1, 0..1); point 1 at the corner is clipped to its one pixel; point 2 is excluded; point 3 is off the image.
  expect(Array.from(buf)).toEqual([
    1, 1, 0, 0, 0,
    1, 1, 0, 0, 0,
    0, 0, 0, 2, 2,
    0, 0, 0, 2, 2,
  ]);
});

test("one color for every point, no mask", () => {
  const buf = new Uint32Array(4);
  expect(paintDots(buf, 2, 2, { px: Float32Array.from([0, 1]), py: Float32Array.from([0, 1]), size: 1, mask: null, color: 7 })).toBe(2);
  expect(Array.from(buf)).toEqual([7, 0, 0, 7]);
});
