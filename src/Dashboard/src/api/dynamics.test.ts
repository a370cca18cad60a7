import { expect, test } from "vitest";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { dynamicsFromArrow, dynamicsFromJson } from "./dynamics";

const columns = {
  confidence: [0.9, 0.1], variability: [0.05, 0.2], correctness: [1, 0], forgettings: [0, 2],
  aum: [0.8, -0.4], selfConfidence: [0.95, 0.05], normalizedMargin: [0.9, 0.3],
};

test("JSON columns become typed arrays; a null firstLearned becomes -1", () => {
  const d = dynamicsFromJson({ split: "validation", epoch: 3, sampleId: ["a", "b"], ...columns, firstLearned: [2, null], suspect: [false, true] });
  expect(Array.from(d.firstLearned)).toEqual([2, -1]);
  expect(Array.from(d.suspect)).toEqual([0, 1]);
  expect(d.aum).toBeInstanceOf(Float32Array);
});

test("an Arrow stream with the same columns decodes the same", () => {
  const bytes = tableToIPC(tableFromArrays({
    sampleId: ["a", "b"], ...Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Float32Array.from(v)])),
    forgettings: Int32Array.from(columns.forgettings), firstLearned: Int32Array.from([2, 3]), suspect: Uint8Array.from([0, 1]),
  }), "stream");
  const d = dynamicsFromArrow(bytes, "validation", 3);
  expect(d.ids).toEqual(["a", "b"]);
  expect(Array.from(d.forgettings)).toEqual([0, 2]);
  expect(Array.from(d.firstLearned)).toEqual([2, 3]);
  expect(Array.from(d.suspect)).toEqual([0, 1]);
  expect(d.confidence[1]).toBeCloseTo(0.1);
});

test("an answer without the ranking scores (the dashboard does not ask for them) decodes without them", () => {
  const { selfConfidence: _s, normalizedMargin: _n, ...drawn } = columns;
  const d = dynamicsFromJson({ split: "train", epoch: 1, sampleId: [1, 2], ...drawn, firstLearned: [null, 0], suspect: [true, false] });
  expect(d.selfConfidence).toBeUndefined();
  expect(d.normalizedMargin).toBeUndefined();
  const bytes = tableToIPC(tableFromArrays({
    sampleId: ["a", "b"], ...Object.fromEntries(Object.entries(drawn).map(([k, v]) => [k, Float32Array.from(v)])),
    forgettings: Int32Array.from(drawn.forgettings), firstLearned: Int32Array.from([2, 3]), suspect: Uint8Array.from([0, 1]),
  }), "stream");
  const a = dynamicsFromArrow(bytes, "train", 1);
  expect(a.selfConfidence).toBeUndefined();
  expect(Array.from(a.aum)).toEqual([Math.fround(0.8), Math.fround(-0.4)]);
});

test("the full answer still decodes the ranking scores", () => {
  const d = dynamicsFromJson({ split: "validation", epoch: 3, sampleId: ["a", "b"], ...columns, firstLearned: [2, null], suspect: [false, true] });
  expect(d.selfConfidence?.[0]).toBeCloseTo(0.95);
  expect(d.normalizedMargin?.[1]).toBeCloseTo(0.3);
});
