import { expect, test } from "vitest";
import { computeKpis } from "./kpis";
import { sentenceHighlight, wordHighlight } from "./attentionColors";

test("kpis count accuracy, errors and persistent errors over the kept samples", () => {
  const k = computeKpis([0, 1, 1, 2], [0, 0, 1, 1], [0, 1, 0, 1], Uint8Array.from([1, 1, 1, 0]));
  expect(k).toEqual({ samples: 3, correct: 2, accuracy: 2 / 3, misclassified: 1, persistent: 1 });
});

test("attention ramps: sentences red, words blue, darker when more important", () => {
  const strong = sentenceHighlight(1, 1), weak = sentenceHighlight(0.1, 1);
  expect(strong.background).not.toBe(weak.background);
  expect(strong.color).toBe("#fff");
  expect(wordHighlight(0, 1).color).toBe("#111");
  expect(wordHighlight(0.5, 0).background).toBe(wordHighlight(0, 1).background);
});
