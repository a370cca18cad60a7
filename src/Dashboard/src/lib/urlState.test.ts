import { describe, expect, test } from "vitest";
import { formatUrlState, MAX_SELECTION_IN_URL, parseUrlState } from "./urlState";

describe("the URL state", () => {
  test("every field survives a round trip", () => {
    const state = {
      run: "fortunes-han", split: "train", epoch: 7, threshold: -0.25, mark: "aum" as const, classes: [1, 4],
      filters: [{ cls: 2, lo: 0.3, hi: 1 }], selection: ["f-1", "a,b"], vs: 3, cmp: "other-run", sample: "f-1", view: "grid" as const,
    };
    expect(parseUrlState(formatUrlState(state))).toEqual(state);
  });

  test("malformed values are dropped instead of failing", () => {
    expect(parseUrlState("?epoch=abc&threshold=1e3&mark=nope&filter=x:1-2,3:0.5-0.2&view=pie")).toEqual({});
  });

  test("the paper's misprediction rule is the default and stays out of the link", () => {
    expect(formatUrlState({ threshold: 3, mark: "mispredictions" })).toBe("?threshold=3");
  });

  test("selections too large for a link are left out", () => {
    const selection = Array.from({ length: MAX_SELECTION_IN_URL + 1 }, (_, i) => `s${i}`);
    expect(formatUrlState({ run: "r", selection })).toBe("?run=r");
  });

  test("an empty state is an empty query", () => {
    expect(formatUrlState({})).toBe("");
  });
});
