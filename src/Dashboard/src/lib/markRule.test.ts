import { describe, expect, test } from "vitest";
import type { EpochDynamics } from "../api/types";
import { isMarkStatistic, MARK_STATISTICS, markedMask, thresholdText } from "./markRule";

const dynamics = {
  forgettings: Int32Array.from([0, 2, 1]), aum: Float32Array.from([0.5, -0.3, 0.1]),
  confidence: Float32Array.from([0.9, 0.1, 0.4]), correctness: Float32Array.from([1, 0, 0.5]),
} as unknown as EpochDynamics;
const identity = Int32Array.from([0, 1, 2]);
const mis = [0, 5, 2];

describe("the triangles' rule", () => {
  test("the misprediction count marks more epochs than the threshold and needs no dynamics", () => {
    expect(Array.from(markedMask("mispredictions", 2, mis, null, null))).toEqual([0, 1, 0]);
  });
  test("forgettings mark above the threshold; AUM, confidence and correctness below it", () => {
    expect(Array.from(markedMask("forgettings", 0, mis, dynamics, identity))).toEqual([0, 1, 1]);
    expect(Array.from(markedMask("aum", 0, mis, dynamics, identity))).toEqual([0, 1, 0]);
    expect(Array.from(markedMask("confidence", 0.5, mis, dynamics, identity))).toEqual([0, 1, 1]);
    expect(Array.from(markedMask("correctness", 0.5, mis, dynamics, identity))).toEqual([0, 1, 0]);
  });
  test("samples absent from the dynamics, or dynamics not loaded yet, are not marked", () => {
    expect(Array.from(markedMask("aum", 1, mis, dynamics, Int32Array.from([2, -1, 0])))).toEqual([1, 0, 1]);
    expect(Array.from(markedMask("aum", 1, mis, null, null))).toEqual([0, 0, 0]);
  });
});

test("the slider text and ranges follow the statistic", () => {
  expect(thresholdText("mispredictions", 2)).toBe("> 2");
  expect(thresholdText("aum", -0.25)).toBe("< -0.25");
  expect(MARK_STATISTICS.mispredictions.range(18)).toEqual({ min: 0, max: 18, step: 1 });
  expect(isMarkStatistic("aum")).toBe(true);
  expect(isMarkStatistic("toString")).toBe(false);
});
