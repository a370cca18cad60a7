import { expect, test } from "vitest";
import type { EpochSamples, RunDetail, RunListItem } from "../api/types";
import { parseUrlState } from "../lib/urlState";
import type { LoadedEpoch } from "./epochCache";
import { choicesFromUrl } from "./state";
import type { DashboardState } from "./state";
import { urlOf } from "./urlView";

const run = { run: "r", name: "r", classes: ["a", "b", "c"], splits: ["train", "validation"], epochs: [1, 2, 3].map((epoch) => ({ epoch, status: epoch === 2 ? "failed" : "ok" })) } as unknown as RunDetail;
const runs = [{ run: "r" }, { run: "other" }] as RunListItem[];
const loaded = { data: { ids: ["x", "y,1", 7] } as unknown as EpochSamples } as LoadedEpoch;

function stateOf(search: string): DashboardState {
  return {
    ...choicesFromUrl(parseUrlState(search), run, runs), runs, theme: "light", loaded, selected: Uint8Array.from([0, 1, 1]),
    vectors: null, compareData: null, dynamics: null, dynamicsError: null, otherRun: null, otherRunStatus: null,
  };
}

test("the link of a state reopens the same state", () => {
  const search = "?run=r&split=train&epoch=1&threshold=0.2&mark=confidence&classes=0,2&filter=1:0.1-0.5&sel=y%252C1,7&vs=3&cmp=other&sample=x&view=grid";
  const s = stateOf(search);
  expect(parseUrlState(urlOf(s))).toEqual(parseUrlState(search));
  expect(parseUrlState(urlOf(s)).selection).toEqual(["y,1", "7"]);
});

test("a selection too large for a link is left out of it", () => {
  const s = { ...stateOf("?run=r"), loaded: { data: { ids: Array.from({ length: 300 }, (_, i) => i) } } as unknown as LoadedEpoch, selected: new Uint8Array(300).fill(1) };
  expect(parseUrlState(urlOf(s)).selection).toBeUndefined();
});

test("a link's choices the run cannot show fall back to the defaults", () => {
  const s = stateOf("?run=r&split=test&epoch=2&threshold=99&classes=5&filter=9:0-1&vs=2&cmp=gone");
  expect(s).toMatchObject({ split: "validation", epoch: 3, mark: "mispredictions", threshold: 1, classFilter: null, filters: [], compareEpoch: null, compareRun: null, layout: "columns" });
});
