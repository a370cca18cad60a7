import { describe, expect, test } from "vitest";
import { boxStyle, isPersistentlyMispredicted, packColor, scoreColor, scoreLut } from "./encoding";
import { classColors } from "./classColors";
import { hsl } from "d3-color";

const colors = ["#111111", "#222222", "#333333"];

describe("box encoding", () => {
  test("a correct sample is solid: no outline", () => {
    expect(boxStyle({ label: 1, predicted: 1, score: 0.9, mispredictions: 0 }, colors, 3, false).outline).toBeNull();
  });

  test("a wrong sample is outlined in its true class's color", () => {
    expect(boxStyle({ label: 2, predicted: 1, score: 0.4, mispredictions: 1 }, colors, 3, false).outline).toBe("#333333");
  });

  test("confident samples are darker than doubtful ones", () => {
    expect(hsl(scoreColor(0.95)).l).toBeLessThan(hsl(scoreColor(0.3)).l);
  });

  test("the triangle marks mispredictions strictly above the threshold", () => {
    expect(isPersistentlyMispredicted(3, 3)).toBe(false);
    expect(isPersistentlyMispredicted(4, 3)).toBe(true);
    expect(boxStyle({ label: 0, predicted: 1, score: 0.5, mispredictions: 11 }, colors, 10, true)).toMatchObject({ triangle: true, selected: true });
  });

  test("packed colors are little-endian RGBA for ImageData", () => {
    expect(packColor("#010203")).toBe((255 << 24 >>> 0) + 0x030201);
    expect(scoreLut()[255]).toBe(packColor(scoreColor(1)));
  });
});

describe("class colors", () => {
  test("every class gets a distinct color, up to 70 classes and more", () => {
    for (const n of [4, 20, 70, 120]) expect(new Set(classColors(n)).size).toBe(n);
  });
});
