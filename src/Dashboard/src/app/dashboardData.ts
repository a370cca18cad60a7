import type { ApiClient, Progress } from "../api/client";
import { getDynamics, getRun, getSamples } from "../api/endpoints";
import type { EpochDynamics, RunDetail } from "../api/types";
import { epochCache, type LoadedEpoch } from "./epochCache";
import { OtherRunLoader } from "./otherRun";
import { SharedLoads } from "./sharedLoads";

/**
 * Where the dashboard's large answers come from: the samples and dynamics of
 * the run's epochs, cached per split (choosing another split drops and aborts
 * the old split's loads), and the other run of "Compare with run".
 */
export class DashboardData {
  private split: string | null = null;
  private samples: SharedLoads<number, LoadedEpoch> | null = null;
  private dynamics: SharedLoads<number, EpochDynamics> | null = null;
  readonly otherRuns: OtherRunLoader;

  constructor(private readonly api: ApiClient, private readonly run: RunDetail, private readonly onProgress: Progress) {
    this.otherRuns = new OtherRunLoader((r, signal) => getRun(api, r, signal), (r, e, s, signal) => getSamples(api, r, e, s, undefined, signal));
  }

  epoch(split: string, epoch: number, signal?: AbortSignal): Promise<LoadedEpoch> {
    return this.of(split).samples.get(epoch, signal);
  }

  /** Loads the epochs the user is likely to ask for next (the neighbours of the one shown), without waiting for them. */
  prefetchAround(split: string, epoch: number, epochs: readonly number[]): void {
    const k = epochs.indexOf(epoch);
    this.of(split).samples.prefetch([epochs[k + 1], epochs[k - 1]].filter((x) => x !== undefined));
  }

  dynamicsOf(split: string, epoch: number, signal?: AbortSignal): Promise<EpochDynamics> {
    return this.of(split).dynamics.get(epoch, signal);
  }

  private of(split: string) {
    if (split !== this.split || !this.samples || !this.dynamics) {
      this.samples?.clear();
      this.dynamics?.clear();
      this.split = split;
      const { api, run } = this;
      this.samples = epochCache((e, signal) => getSamples(api, run.run, e, split, this.onProgress, signal), run.classes.length);
      this.dynamics = new SharedLoads((e, signal) => getDynamics(api, run.run, e, split, signal), 4);
    }
    return { samples: this.samples, dynamics: this.dynamics };
  }
}
