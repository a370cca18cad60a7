import { ApiError, type ApiClient, type Progress } from "./client";
import { samplesFromArrow, samplesFromJson } from "./samples";
import { dynamicsFromArrow, dynamicsFromJson } from "./dynamics";
import type { Attention, ConfusionGrowth, ConfusionOverTime, EpochDynamics, EpochSamples, Keywords, RunDetail, RunListItem, SampleHistory, SampleId, ScoreVectors, Suspects } from "./types";

/**
 * One function per route of API.md; paths and query strings are built only here.
 * Each takes an optional AbortSignal last: the dashboard's loaders abort what a newer request replaces.
 */
const seg = encodeURIComponent;
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export const listRuns = (api: ApiClient, signal?: AbortSignal) => api.json<{ runs: RunListItem[] }>("/runs", { signal }).then((r) => r.runs);

export const getRun = (api: ApiClient, run: string, signal?: AbortSignal) => api.json<RunDetail>(`/runs/${seg(run)}`, { signal });

export async function getSamples(api: ApiClient, run: string, epoch: number, split: string, onProgress?: Progress, signal?: AbortSignal): Promise<EpochSamples> {
  const { bytes, type } = await api.bytes(`/runs/${seg(run)}/epochs/${epoch}/samples?${q({ split, format: "arrow" })}`, onProgress, signal);
  // "format=arrow" is optional in the contract: a host may still answer JSON.
  if (type.includes("json")) return samplesFromJson(JSON.parse(new TextDecoder().decode(bytes)));
  return samplesFromArrow(bytes, split, epoch);
}

/** The request body is capped at 1 MiB; ids are sent in batches well under it. */
export const SCORE_BATCH_BYTES = 512 * 1024;
/** The route answers at most 10,000 ids per request (README, "The API"). */
export const SCORE_BATCH_IDS = 10_000;

export function scoreBatches(ids: readonly SampleId[]): SampleId[][] {
  const batches: SampleId[][] = [];
  let current: SampleId[] = [], size = 0;
  for (const id of ids) {
    const cost = JSON.stringify(id).length + 1;
    if ((size + cost > SCORE_BATCH_BYTES || current.length === SCORE_BATCH_IDS) && current.length) { batches.push(current); current = []; size = 0; }
    current.push(id); size += cost;
  }
  if (current.length) batches.push(current);
  return batches;
}

export async function postScores(api: ApiClient, run: string, epoch: number, split: string, ids: readonly SampleId[], signal?: AbortSignal): Promise<ScoreVectors> {
  const parts = await Promise.all(scoreBatches(ids).map((sampleIds) =>
    api.json<ScoreVectors>(`/runs/${seg(run)}/epochs/${epoch}/scores`, {
      method: "POST", signal,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ split, sampleIds }),
    })));
  return { sampleIds: parts.flatMap((p) => p.sampleIds), scores: parts.flatMap((p) => p.scores) };
}

/**
 * A sample id as a path segment. "." and ".." (even as %2E%2E) are resolved away by every URL parser on
 * the way, so an id of one or two dots goes with a "~" in front, and one of "~"s then dots with one more
 * "~": the API takes one "~" off such a segment.
 */
export function sampleIdSegment(id: SampleId): string {
  const text = String(id);
  return seg(/^~*\.{1,2}$/.test(text) ? `~${text}` : text);
}

export const getHistory = (api: ApiClient, run: string, id: SampleId, split: string, signal?: AbortSignal) =>
  api.json<SampleHistory>(`/runs/${seg(run)}/samples/${sampleIdSegment(id)}?${q({ split })}`, { signal });

export const getAttention = (api: ApiClient, run: string, id: SampleId, split: string, epoch: number, signal?: AbortSignal) =>
  api.json<Attention>(`/runs/${seg(run)}/samples/${sampleIdSegment(id)}/attention?${q({ split, epoch })}`, { signal });

export const getKeywords = (api: ApiClient, run: string, epoch: number, split: string, top: number, signal?: AbortSignal) =>
  api.json<Keywords>(`/runs/${seg(run)}/epochs/${epoch}/keywords?${q({ split, top })}`, { signal });

/**
 * The dynamics columns the dashboard's views draw (the data map, its tooltip and CSV, the mark rule): the route sends
 * no bytes for the others. The host prepares this very set when an epoch's ingest ends (FirstViewAnswers.DashboardDynamics).
 */
export const DRAWN_DYNAMICS = ["sampleId", "confidence", "variability", "correctness", "forgettings", "firstLearned", "aum", "suspect"] as const;

export async function getDynamics(api: ApiClient, run: string, epoch: number, split: string, signal?: AbortSignal): Promise<EpochDynamics> {
  const { bytes, type } = await api.bytes(`/runs/${seg(run)}/epochs/${epoch}/dynamics?${q({ split, format: "arrow", columns: DRAWN_DYNAMICS.join(",") })}`, undefined, signal);
  if (type.includes("json")) return dynamicsFromJson(JSON.parse(new TextDecoder().decode(bytes)));
  return dynamicsFromArrow(bytes, split, epoch);
}

export const getSuspects = (api: ApiClient, run: string, epoch: number, split: string, limit: number, signal?: AbortSignal) =>
  api.json<Suspects>(`/runs/${seg(run)}/epochs/${epoch}/suspects?${q({ split, limit })}`, { signal });

export const getConfusionOverTime = (api: ApiClient, run: string, split: string, top: number, signal?: AbortSignal) =>
  api.json<ConfusionOverTime>(`/runs/${seg(run)}/confusion-over-time?${q({ split, top })}`, { signal });

export const getConfusionGrowth = (api: ApiClient, run: string, split: string, k: number, top: number, signal?: AbortSignal) =>
  api.json<ConfusionGrowth>(`/runs/${seg(run)}/confusion-growth?${q({ split, k, top })}`, { signal });

/** For routes whose 404 means "none here" (an epoch without attention): null instead of an error. */
export const nullWhenNotFound = <T>(answer: Promise<T>): Promise<T | null> =>
  answer.catch((e: unknown) => { if (e instanceof ApiError && e.kind === "not-found") return null; throw e; });
