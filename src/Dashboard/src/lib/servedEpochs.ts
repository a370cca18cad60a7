import type { RunDetail } from "../api/types";

/**
 * An epoch is served once its ingest is complete ("ok"); failed, pending or
 * replaced epochs are listed by the API but have no samples to show.
 */
export const isServed = (epoch: { status: string }): boolean => epoch.status === "ok";

/** The run's served epochs, in the API's (ascending) order. */
export const servedEpochs = (run: RunDetail): number[] => run.epochs.filter(isServed).map((e) => e.epoch);
