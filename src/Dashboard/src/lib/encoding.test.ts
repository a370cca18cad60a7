import { describe, expect, test } from "vitest";
import { packColor, scoreColor, scoreLut } from "./encoding";
import { classColors } from "./classColors";
import { hsl } from "d3-color";

describe("box encoding", () => {
  test("confident samples are darker than doubtful ones", () => {
    expect(hsl(scoreColor(0.95)).l).toBeLessThan(hsl(scoreColor(0.3)).l);
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
