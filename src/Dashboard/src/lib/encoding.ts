import { interpolateBlues } from "d3-scale-chromatic";
import { rgb } from "d3-color";

/**
 * The classification view's encoding (paper, section 5.1); the painter
 * (lib/raster) applies it:
 * - fill: the score on a sequential blue scale, dark = confident;
 * - correct samples are solid; wrong ones are outlined in their true class's color;
 * - a triangle marks a sample the threshold's rule marks (lib/markRule);
 * - a green marker sits inside a selected sample.
 */
export const SELECTED_GREEN = "#12b312";

/** Scores below 1/C never win, but the scale starts at 0 so runs compare. Light end kept visible on white. */
export function scoreColor(score: number): string {
  const s = Math.min(1, Math.max(0, score));
  return rgb(interpolateBlues(0.12 + 0.88 * s)).formatHex();
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
