import { expect, test } from "vitest";
import { sparklinePath, sparklinePoints } from "./sparkline";

test("spreads the counts over the width, 0 at the bottom, max at the top", () => {
  expect(sparklinePoints([0, 5, 10], 22, 12)).toEqual([[1, 11], [11, 6], [21, 1]]);
  expect(sparklinePath(sparklinePoints([0, 5, 10], 22, 12))).toBe("M1,11L11,6L21,1");
});

test("a shared max keeps small series low; one point or none still draws", () => {
  expect(sparklinePath(sparklinePoints([2, 2], 12, 12, 10))).toBe("M1,9L11,9");
  expect(sparklinePath(sparklinePoints([3], 12, 12))).toBe("M1,1");
  expect(sparklinePath([])).toBe("");
});
