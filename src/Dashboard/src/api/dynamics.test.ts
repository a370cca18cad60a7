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
