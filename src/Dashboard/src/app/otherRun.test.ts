import { describe, expect, test } from "vitest";
import type { EpochSamples, RunDetail } from "../api/types";
import { OtherRunLoader } from "./otherRun";

const detail = (epochs: number[], splits = ["validation"]) => ({ run: "b", splits, epochs: epochs.map((epoch) => ({ epoch, status: "ok" })) }) as unknown as RunDetail;
const samples = (epoch: number, split: string) => ({ epoch, split, ids: [], label: new Int32Array(), predicted: new Int32Array(), score: new Float32Array(), mispredictions: new Int32Array() }) as EpochSamples;

describe("the other run of \"Compare with run\"", () => {
  test("the same epoch is loaded, or the other run's last one when it trained for fewer, once each", async () => {
    const asked: string[] = [];
    let details = 0;
    const loader = new OtherRunLoader(async () => { details++; return detail([1, 2, 3]); }, async (r, e, s) => { asked.push(`${r}|${e}|${s}`); return samples(e, s); });
    expect((await loader.get("b", 2, "validation")).epoch).toBe(2);
    expect((await loader.get("b", 7, "validation")).epoch).toBe(3);
    expect((await loader.get("b", 9, "validation")).epoch).toBe(3);
    expect(asked).toEqual(["b|2|validation", "b|3|validation"]);
    expect(details).toBe(1);
  });

  test("a split the other run lacks is an error that names it", async () => {
    const loader = new OtherRunLoader(async () => detail([1], ["train"]), async (_r, e, s) => samples(e, s));
    await expect(loader.get("b", 1, "validation")).rejects.toThrow(/no 'validation' split/);
  });
});
