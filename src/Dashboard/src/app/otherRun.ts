import type { EpochSamples, RunDetail } from "../api/types";
import { matchingEpoch } from "../lib/compareRuns";
import { servedEpochs } from "../lib/servedEpochs";
import { SharedLoads } from "./sharedLoads";

/**
 * The samples of the run chosen in "Compare with run", at the epoch matching
 * the slider's. Keeps the runs' details (asked once per run) and the last
 * epoch loaded, so the slider moving within the epochs the other run lacks
 * (all mapped to its last epoch) loads nothing again.
 */
export interface OtherRunSamples { run: string; epoch: number; data: EpochSamples }

export class OtherRunLoader {
  private readonly details: SharedLoads<string, RunDetail>;
  private readonly samples: SharedLoads<string, OtherRunSamples>;

  constructor(
    loadRun: (run: string, signal: AbortSignal) => Promise<RunDetail>,
    loadSamples: (run: string, epoch: number, split: string, signal: AbortSignal) => Promise<EpochSamples>,
  ) {
    this.details = new SharedLoads(loadRun, 16);
    this.samples = new SharedLoads(async (key, signal) => {
      const { run, epoch, split } = JSON.parse(key) as { run: string; epoch: number; split: string };
      return { run, epoch, data: await loadSamples(run, epoch, split, signal) };
    }, 1);
  }

  async get(run: string, epoch: number, split: string, signal?: AbortSignal): Promise<OtherRunSamples> {
    const detail = await this.details.get(run, signal);
    if (!detail.splits.includes(split)) throw new Error(`Run '${run}' has no '${split}' split.`);
    const e = matchingEpoch(epoch, servedEpochs(detail));
    if (e === null) throw new Error(`Run '${run}' has no ingested epoch yet.`);
    return this.samples.get(JSON.stringify({ run, epoch: e, split }), signal);
  }
}
