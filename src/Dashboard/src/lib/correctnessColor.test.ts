import { expect, test } from "vitest";
import { rgb } from "d3-color";
import { correctnessColor, correctnessLut, lutIndex, ALWAYS_RIGHT, NEVER_RIGHT } from "./correctnessColor";
import { packColor } from "./encoding";

test("never right is orange, always right blue, out-of-range values clamp", () => {
  expect(rgb(correctnessColor(0)).formatHex()).toBe(NEVER_RIGHT);
  expect(rgb(correctnessColor(1)).formatHex()).toBe(ALWAYS_RIGHT);
  expect(correctnessColor(2)).toBe(correctnessColor(1));
});

test("the lookup table holds 64 steps; faded steps move toward the background", () => {
  const full = correctnessLut(), faded = correctnessLut("#ffffff", 1);
  expect(full).toHaveLength(64);
  expect(full[lutIndex(1)]).toBe(packColor(ALWAYS_RIGHT));
  expect(faded[lutIndex(0.5)]).toBe(packColor("#ffffff"));
  expect(lutIndex(-1)).toBe(0);
});
