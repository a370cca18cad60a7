import type { EpochSamples, RunDetail } from "../api/types";
import { matchingEpoch } from "../lib/compareRuns";

/**
 * The samples of the run chosen in "Compare with run", at the epoch matching
 * the slider's. Keeps the run's detail (asked once per run) and the last
 * epoch loaded, so the slider moving within the epochs the other run lacks
 * (all mapped to its last epoch) loads nothing again.
 */
export interface OtherRunSamples { run: string; epoch: number; data: EpochSamples }

export class OtherRunLoader {
  private details = new Map<string, Promise<RunDetail>>();
  private last: { key: string; answer: Promise<OtherRunSamples> } | null = null;

  constructor(
    private readonly loadRun: (run: string) => Promise<RunDetail>,
    private readonly loadSamples: (run: string, epoch: number, split: string) => Promise<EpochSamples>,
  ) {}

  async get(run: string, epoch: number, split: string): Promise<OtherRunSamples> {
    let detail = this.details.get(run);
    if (!detail) {
      detail = this.loadRun(run);
      detail.catch(() => this.details.delete(run));
      this.details.set(run, detail);
    }
    const d = await detail;
    if (!d.splits.includes(split)) throw new Error(`Run '${run}' has no '${split}' split.`);
    const e = matchingEpoch(epoch, d.epochs.filter((x) => x.status === "ok").map((x) => x.epoch));
    if (e === null) throw new Error(`Run '${run}' has no ingested epoch yet.`);
    const key = `${run}|${e}|${split}`;
    if (this.last?.key !== key) {
      const answer = this.loadSamples(run, e, split).then((data) => ({ run, epoch: e, data }));
      answer.catch(() => { if (this.last?.key === key) this.last = null; });
      this.last = { key, answer };
    }
    return this.last.answer;
  }
}
