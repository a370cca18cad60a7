import { expect, test } from "vitest";
import type { RunDetail } from "../api/types";
import { servedEpochs } from "./servedEpochs";

test("only the epochs whose ingest completed are served", () => {
  const run = { epochs: [{ epoch: 1, status: "ok" }, { epoch: 2, status: "failed" }, { epoch: 3, status: "ok" }] } as unknown as RunDetail;
  expect(servedEpochs(run)).toEqual([1, 3]);
});
