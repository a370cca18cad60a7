// Generates src/api/types.ts from the API description (docs/openapi.json, which the .NET code makes and its tests keep
// current) with openapi-typescript: one type per answer, named as the description names it. The columnar answers reach
// the views decoded into typed arrays; those forms are the dashboard's own (src/api/columns.ts) and are re-exported here.
//   node dev/api-types.mjs          writes the file (npm run api:types)
//   node dev/api-types.mjs --check  exits 1 when the file is not what the description gives (src/api/types.test.ts does the same)
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

export const descriptionPath = fileURLToPath(new URL("../../../docs/openapi.json", import.meta.url));
export const typesPath = fileURLToPath(new URL("../src/api/types.ts", import.meta.url));
export const regenerate = "cd src/Dashboard && npm run api:types";

const header = `/**
 * Shapes of the HTTP API, generated from its description (docs/openapi.json) by dev/api-types.mjs: do not edit.
 * Regenerate with \`${regenerate}\` after the description changes (its own drift test says when).
 */
`;

// The names the dashboard reads by, where its shape is not one answer's as it is: each derived from the answers above.
const dashboardForms = `
/** The columnar answers as the dashboard holds them (typed arrays), and its sample id: not wire shapes. */
export type { EpochDynamics, EpochSamples } from "./columns";
export type { SampleId } from "../lib/selection";
/** A listed run: every run in the list has had an ingest, so its \`updated\` is set. */
export type RunListItem = RunListEntry & { updated: string };
/** Score vectors joined from several answers of the scores route (split and epoch are the request's). */
export type ScoreVectors = Pick<ScoresAnswer, "sampleIds" | "scores">;
/** A pair of either confusion answer: over time (counts) or growth (counts and growth). */
export type ConfusionPairSeries = ConfusionPairCounts & { growth?: number };
`;

/** The text of src/api/types.ts for the description as it is now. */
export async function generate() {
  const description = JSON.parse(await readFile(descriptionPath, "utf8"));
  const ast = await openapiTS(description, { rootTypes: true, rootTypesNoSchemaPrefix: true, silent: true });
  return header + astToString(ast) + dashboardForms;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generate();
  if (process.argv.includes("--check")) {
    const current = await readFile(typesPath, "utf8").catch(() => "");
    if (current !== text) {
      console.error(`src/api/types.ts is not what docs/openapi.json gives: run \`${regenerate}\` and commit it.`);
      process.exit(1);
    }
  } else {
    await writeFile(typesPath, text);
    console.log(`wrote ${typesPath}`);
  }
}
