import { describe, expect, test } from "vitest";
import type { EpochDynamics, EpochSamples, RunDetail } from "../api/types";
import { classOrder } from "../lib/classOrder";
import { modelDeriver } from "./derive";
import type { LoadedEpoch } from "./epochCache";
import { changedSlices } from "./slices";
import type { DashboardState } from "./state";

const run = { run: "r", name: "r", classes: ["a", "b"], splits: ["validation"], epochs: [{ epoch: 1, status: "ok" }, { epoch: 2, status: "ok" }] } as unknown as RunDetail;

function epoch(e: number, predicted: number[]): LoadedEpoch {
  const data: EpochSamples = {
    split: "validation", epoch: e, ids: ["x", "y", "z"], label: Int32Array.from([0, 1, 1]), predicted: Int32Array.from(predicted),
    score: Float32Array.from([0.9, 0.6, 0.8]), mispredictions: Int32Array.from([0, 2, 0]),
  };
  return { data, order: classOrder(data.predicted, data.score, 2) };
}

const dynamics = { split: "validation", epoch: 1, ids: ["x", "y", "z"], aum: Float32Array.from([0.5, -0.2, 0.1]) } as unknown as EpochDynamics;

const state = (): DashboardState => ({
  runs: [], run, epochs: [1, 2], split: "validation", epoch: 1, loaded: epoch(1, [0, 0, 1]), mark: "mispredictions", threshold: 1,
  classFilter: null, filters: [], layout: "columns", theme: "light", selected: new Uint8Array(3), detailId: null, vectors: null,
  compareEpoch: null, compareData: null, dynamics: null, dynamicsError: null, compareRun: null, otherRun: null, otherRunStatus: null,
});

/** The slices that change from one state to the next, through one deriver as the dashboard uses it. */
function slicesBetween(before: DashboardState, after: Partial<DashboardState>) {
  const derive = modelDeriver();
  const first = derive(before), second = derive({ ...before, ...after });
  return { changes: [...changedSlices(first, second)].sort(), first, second };
}

describe("the model's slices", () => {
  test("the first model changes every slice", () => {
    expect(changedSlices(null, modelDeriver()(state())).size).toBe(12);
  });

  test("a brush move changes the selection and nothing else", () => {
    expect(slicesBetween(state(), { selected: Uint8Array.from([1, 1, 0]) }).changes).toEqual(["selection"]);
  });

  test("an unchanged state changes nothing, and every derived field keeps its identity", () => {
    const s = state();
    const { changes, first, second } = slicesBetween(s, {});
    expect(changes).toEqual([]);
    expect(second.marked).toBe(first.marked);
    expect(second.counts).toBe(first.counts);
  });

  test("new dynamics leave the paper's triangles alone but move those drawn from a dynamics statistic", () => {
    expect(slicesBetween(state(), { dynamics }).changes).toEqual(["dynamics"]);
    const byAum = { ...state(), mark: "aum" as const, threshold: 0 };
    const { changes, second } = slicesBetween(byAum, { dynamics });
    expect(changes).toEqual(["dynamics", "threshold"]);
    expect(Array.from(second.marked)).toEqual([0, 1, 0]);
  });

  test("epoch B changes the data and the layout, so the columns redraw instead of animating", () => {
    const { changes, second } = slicesBetween(state(), { compareEpoch: 2, compareData: epoch(2, [0, 1, 1]) });
    expect(changes).toEqual(["compare", "data", "layout"]);
    expect(second.compare).toEqual({ epoch: 2, changed: 1 });
    expect(Array.from(second.keep)).toEqual([0, 1, 0]);
  });

  test("the class slicer changes the classes, and the kept samples with them", () => {
    const { changes, second } = slicesBetween(state(), { classFilter: [1] });
    expect(changes).toEqual(["classes"]);
    expect(second.shownClasses).toEqual([1]);
    expect(Array.from(second.keep)).toEqual([0, 0, 1]);
  });

  test("the threshold slider changes the threshold slice and the marked samples", () => {
    const { changes, first, second } = slicesBetween(state(), { threshold: 2 });
    expect(changes).toEqual(["threshold"]);
    expect([Array.from(first.marked), Array.from(second.marked)]).toEqual([[0, 1, 0], [0, 0, 0]]);
  });

  test("a new epoch changes the data; the detail follows its sample by id", () => {
    const { changes, second } = slicesBetween({ ...state(), detailId: "z" }, { epoch: 2, loaded: epoch(2, [0, 1, 1]) });
    expect(changes).toEqual(["data", "threshold"]);
    expect(second.detail).toBe(2);
  });
});
