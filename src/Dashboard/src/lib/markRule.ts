import type { EpochDynamics } from "../api/types";

/**
 * What the triangles mark: samples whose statistic passes the threshold slider.
 * The paper's rule is "mispredicted in more epochs than t"; the training
 * dynamics add forgettings (more than t), area under the margin, confidence
 * and correctness (each below t), read from the dynamics route.
 */
export type MarkStatistic = "mispredictions" | "forgettings" | "aum" | "confidence" | "correctness";

export interface MarkStatisticInfo {
  /** Slicer option text. */
  label: string;
  /** "above": marked when value > t; "below": marked when value < t. */
  compare: "above" | "below";
  /** Slider range for a run with this many logged epochs. */
  range(epochs: number): { min: number; max: number; step: number };
  /** Where the slider starts when the user switches to this statistic. */
  initial(epochs: number): number;
  /** The rule as a phrase, for the legend and the KPI card. */
  describe(t: number): string;
}

const fraction = (t: number) => String(Math.round(t * 100) / 100);

export const MARK_STATISTICS: Record<MarkStatistic, MarkStatisticInfo> = {
  mispredictions: {
    label: "mispredictions", compare: "above",
    range: (epochs) => ({ min: 0, max: Math.max(1, epochs), step: 1 }),
    initial: (epochs) => Math.max(1, Math.floor(epochs / 2)),
    describe: (t) => `mispredicted in > ${t} epoch${t === 1 ? "" : "s"}`,
  },
  forgettings: {
    label: "forgettings", compare: "above",
    range: (epochs) => ({ min: 0, max: Math.max(1, Math.floor(epochs / 2)), step: 1 }),
    initial: () => 1,
    describe: (t) => `forgotten > ${t} time${t === 1 ? "" : "s"}`,
  },
  aum: {
    label: "area under the margin", compare: "below",
    range: () => ({ min: -1, max: 1, step: 0.05 }),
    initial: () => 0,
    describe: (t) => `AUM < ${fraction(t)}`,
  },
  confidence: {
    label: "confidence", compare: "below",
    range: () => ({ min: 0, max: 1, step: 0.05 }),
    initial: () => 0.2,
    describe: (t) => `confidence < ${fraction(t)}`,
  },
  correctness: {
    label: "correctness", compare: "below",
    range: () => ({ min: 0, max: 1, step: 0.05 }),
    initial: () => 0.5,
    describe: (t) => `correct in < ${fraction(t * 100)}% of epochs`,
  },
};

export const isMarkStatistic = (v: string | null | undefined): v is MarkStatistic => !!v && Object.hasOwn(MARK_STATISTICS, v);

/** The slider text: "> 3" or "< 0.2". */
export const thresholdText = (stat: MarkStatistic, t: number) => `${MARK_STATISTICS[stat].compare === "above" ? ">" : "<"} ${fraction(t)}`;

/**
 * 1 for each marked sample. The misprediction count comes with the samples;
 * the other statistics from the dynamics (rows = row of each sample in them,
 * -1 = absent, never marked). Without dynamics nothing is marked yet.
 */
export function markedMask(stat: MarkStatistic, t: number, mispredictions: ArrayLike<number>, dynamics: EpochDynamics | null, rows: Int32Array | null): Uint8Array {
  const n = mispredictions.length, out = new Uint8Array(n);
  if (stat === "mispredictions") {
    for (let i = 0; i < n; i++) out[i] = mispredictions[i] > t ? 1 : 0;
    return out;
  }
  if (!dynamics || !rows) return out;
  const column = stat === "forgettings" ? dynamics.forgettings : stat === "aum" ? dynamics.aum : stat === "confidence" ? dynamics.confidence : dynamics.correctness;
  const above = MARK_STATISTICS[stat].compare === "above";
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r >= 0) out[i] = (above ? column[r] > t : column[r] < t) ? 1 : 0;
  }
  return out;
}
