import type { AxisFilter } from "./crossFilter";
import { isMarkStatistic, type MarkStatistic } from "./markRule";

/**
 * The shareable part of the dashboard's state, kept in the query string so a
 * link reopens the same view. Unknown or malformed values are dropped, never
 * thrown: a hand-edited link still opens the dashboard.
 */
export interface UrlState {
  run?: string;
  split?: string;
  epoch?: number;
  /** The triangles' threshold: a count, or (AUM, confidence, correctness) a fraction, possibly negative. */
  threshold?: number;
  /** The statistic the threshold applies to; absent = mispredictions. */
  mark?: MarkStatistic;
  /** Class indices shown; absent = all. */
  classes?: number[];
  /** Parallel-coordinates axis ranges. */
  filters?: AxisFilter[];
  /** Selected sample ids (only small selections fit a link). */
  selection?: string[];
  /** Epoch B of "epoch A vs epoch B": only the samples whose prediction differs there are shown. */
  vs?: number;
  /** Another run to compare with, sample by sample (errors of both, of one only). */
  cmp?: string;
  /** The sample open in the detail view. */
  sample?: string;
  view?: "columns" | "grid";
}

/** Larger selections are not written: a link must stay a link. */
export const MAX_SELECTION_IN_URL = 200;

const decimal = (v: string | null): number | undefined => (v !== null && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined);

const int = (v: string | null): number | undefined => {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  return Number(v);
};

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const s: UrlState = {};
  const run = q.get("run"); if (run) s.run = run;
  const split = q.get("split"); if (split) s.split = split;
  const epoch = int(q.get("epoch")); if (epoch !== undefined) s.epoch = epoch;
  const threshold = decimal(q.get("threshold")); if (threshold !== undefined) s.threshold = threshold;
  const mark = q.get("mark"); if (isMarkStatistic(mark)) s.mark = mark;
  const classes = q.get("classes");
  if (classes) {
    const list = classes.split(",").map((c) => int(c)).filter((c): c is number => c !== undefined);
    if (list.length) s.classes = list;
  }
  const filters = q.get("filter");
  if (filters) {
    const list = filters.split(",").map(parseFilter).filter((f): f is AxisFilter => f !== null);
    if (list.length) s.filters = list;
  }
  const selection = q.get("sel");
  if (selection) s.selection = selection.split(",").filter(Boolean).map(decodeURIComponent);
  const vs = int(q.get("vs")); if (vs !== undefined) s.vs = vs;
  const cmp = q.get("cmp"); if (cmp) s.cmp = cmp;
  const sample = q.get("sample"); if (sample) s.sample = sample;
  const view = q.get("view"); if (view === "grid" || view === "columns") s.view = view;
  return s;
}

function parseFilter(text: string): AxisFilter | null {
  const m = /^(\d+):([\d.]+)-([\d.]+)$/.exec(text);
  if (!m) return null;
  const lo = Number(m[2]), hi = Number(m[3]);
  if (!(lo >= 0 && hi <= 1 && lo <= hi)) return null;
  return { cls: Number(m[1]), lo, hi };
}

export function formatUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.run) q.set("run", s.run);
  if (s.split) q.set("split", s.split);
  if (s.epoch !== undefined) q.set("epoch", String(s.epoch));
  if (s.threshold !== undefined) q.set("threshold", round(s.threshold));
  if (s.mark && s.mark !== "mispredictions") q.set("mark", s.mark);
  if (s.classes?.length) q.set("classes", s.classes.join(","));
  if (s.filters?.length) q.set("filter", s.filters.map((f) => `${f.cls}:${round(f.lo)}-${round(f.hi)}`).join(","));
  if (s.selection?.length && s.selection.length <= MAX_SELECTION_IN_URL) {
    // Ids are encoded one by one so that a comma inside an id survives.
    q.set("sel", s.selection.map(encodeURIComponent).join(","));
  }
  if (s.vs !== undefined) q.set("vs", String(s.vs));
  if (s.cmp) q.set("cmp", s.cmp);
  if (s.sample) q.set("sample", s.sample);
  if (s.view && s.view !== "columns") q.set("view", s.view);
  const text = q.toString();
  return text ? `?${text}` : "";
}

const round = (v: number) => String(Math.round(v * 1000) / 1000);
