import { expect, test } from "vitest";
import { cellMembers, confusionMatrix, maskedCells, maskedConfusion } from "./confusion";

const label = [0, 0, 1, 2, 2];
const predicted = [0, 1, 1, 1, 2];

test("rows are true classes and columns predicted classes", () => {
  expect([...confusionMatrix(label, predicted, 3)]).toEqual([1, 1, 0, 0, 1, 0, 0, 1, 1]);
});

test("a cell's members are the samples with that true and predicted class", () => {
  expect(cellMembers(label, predicted, 2, 1)).toEqual([3]);
});

test("the masked matrix counts only selected samples", () => {
  expect([...maskedConfusion(label, predicted, Uint8Array.from([0, 1, 0, 1, 0]), 3)]).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0]);
});

test("the masked samples' cells are listed once each, in the order first met", () => {
  expect([...maskedCells([0, 2, 0, 2, 1], [1, 1, 1, 1, 1], Uint8Array.from([1, 1, 1, 1, 0]), 3)]).toEqual([1, 7]);
});
