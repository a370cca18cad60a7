import { interpolateLab } from "d3-interpolate";
import { packColor } from "./encoding";

/**
 * The data map's encoding of correctness (share of the logged epochs in which
 * the sample was predicted right): orange = never right (hard to learn or
 * mislabeled), blue = always right, as the confusion matrix's error and
 * correct cells. Through lab, so the middle stays a readable grey-violet.
 */
export const NEVER_RIGHT = "#e66c37", ALWAYS_RIGHT = "#118dff";

export const correctnessColor = (correctness: number): string =>
  interpolateLab(NEVER_RIGHT, ALWAYS_RIGHT)(Math.min(1, Math.max(0, correctness)));

/** 64 packed steps of correctnessColor, optionally faded toward a background (unselected dots while a selection exists). */
export function correctnessLut(fadeTo?: string, fade = 0.75): Uint32Array {
  const mix = fadeTo ? interpolateLab : null;
  return Uint32Array.from({ length: 64 }, (_, k) => {
    const c = correctnessColor(k / 63);
    return packColor(mix ? mix(c, fadeTo!)(fade) : c);
  });
}

export const lutIndex = (correctness: number): number => Math.max(0, Math.min(63, Math.round(correctness * 63)));
