import { expect, test } from "vitest";
import { applyPick, indicesOf, maskOfIds, remapMask } from "./selection";

test("a click replaces the selection, shift-click toggles one sample", () => {
  const mask = Uint8Array.from([1, 0, 0]);
  expect([...applyPick(mask, [2], "replace")]).toEqual([0, 0, 1]);
  expect([...applyPick(mask, [0, 1], "toggle")]).toEqual([0, 1, 0]);
  expect([...applyPick(mask, [2], "add")]).toEqual([1, 0, 1]);
});

test("a selection follows its samples into an epoch that lists them differently", () => {
  const mask = Uint8Array.from([0, 1, 1]);
  expect([...remapMask(mask, ["a", "b", "c"], ["c", "d", "a", "b"])]).toEqual([1, 0, 0, 1]);
});

test("the same id list keeps the very same mask", () => {
  const mask = Uint8Array.from([1]);
  expect(remapMask(mask, [5], [5])).toBe(mask);
});

test("ids from a link match numeric sample ids", () => {
  expect([...maskOfIds([10, 11, 12], ["11"])]).toEqual([0, 1, 0]);
  expect([...indicesOf(Uint8Array.from([0, 1, 1]))]).toEqual([1, 2]);
});
