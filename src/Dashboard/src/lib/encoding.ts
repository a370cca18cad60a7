import { interpolateBlues } from "d3-scale-chromatic";
import { rgb } from "d3-color";

/**
 * The classification view's encoding (paper, section 5.1), as rules that
 * both the canvas painter and the tests read:
 * - fill: the score on a sequential blue scale, dark = confident;
 * - correct samples are solid; wrong ones are outlined in their true class's color;
 * - a triangle marks a sample mispredicted in more epochs than the threshold;
 * - a green marker sits inside a selected sample.
 */
export interface BoxStyle {
  fill: string;
  /** Color of the true class when the prediction is wrong, else null. */
  outline: string | null;
  triangle: boolean;
  selected: boolean;
}

export const SELECTED_GREEN = "#12b312";

/** Scores below 1/C never win, but the scale starts at 0 so runs compare. Light end kept visible on white. */
export function scoreColor(score: number): string {
  const s = Math.min(1, Math.max(0, score));
  return rgb(interpolateBlues(0.12 + 0.88 * s)).formatHex();
}

export function isPersistentlyMispredicted(mispredictions: number, threshold: number): boolean {
  return mispredictions > threshold;
}

export function boxStyle(
  sample: { label: number; predicted: number; score: number; mispredictions: number },
  classColor: readonly string[],
  threshold: number,
  selected: boolean,
): BoxStyle {
  const wrong = sample.label !== sample.predicted;
  return {
    fill: scoreColor(sample.score),
    outline: wrong ? classColor[sample.label] : null,
    triangle: isPersistentlyMispredicted(sample.mispredictions, threshold),
    selected,
  };
}

/** Colors as little-endian RGBA words, for writing straight into ImageData. */
export function packColor(css: string, alpha = 255): number {
  const c = rgb(css);
  return ((alpha << 24) | (c.b << 16) | (c.g << 8) | c.r) >>> 0;
}

/** 256-step lookup table of `scoreColor`, packed, so painting does no color math per box. */
export function scoreLut(): Uint32Array {
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) lut[i] = packColor(scoreColor(i / 255));
  return lut;
}
