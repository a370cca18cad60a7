import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generate, regenerate, typesPath } from "../../dev/api-types.mjs";

describe("the API's types", () => {
  it("are what the API description (docs/openapi.json) generates", async () => {
    const current = await readFile(typesPath, "utf8");
    const expected = await generate();
    // On failure: the description changed (or the file was edited by hand); regenerate, then commit both.
    expect(current === expected, `src/api/types.ts is stale: run \`${regenerate}\``).toBe(true);
  }, 30_000);

  it("name every answer the dashboard reads, from the description", async () => {
    const text = await generate();
    for (const name of ["RunDetail", "EpochSampleColumns", "Suspects", "ConfusionGrowth", "RunListItem", "ScoreVectors"])
      expect(text).toMatch(new RegExp(`export type ${name} =`));
  }, 30_000);
});
