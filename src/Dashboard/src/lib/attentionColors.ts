import { interpolateReds, interpolateBlues } from "d3-scale-chromatic";

/**
 * The detail view's two ramps (paper, section 5.3): sentences in reds, words
 * in blues, dark = important. Weights are normalised by the document's (or the
 * sentence's) largest weight, since raw attention shrinks with length.
 */
export interface Highlight { background: string; color: string }

export function sentenceHighlight(weight: number, maxWeight: number): Highlight {
  return ramp(interpolateReds, weight, maxWeight, 0.85);
}

export function wordHighlight(weight: number, maxWeight: number): Highlight {
  return ramp(interpolateBlues, weight, maxWeight, 0.95);
}

function ramp(interpolate: (t: number) => string, weight: number, maxWeight: number, reach: number): Highlight {
  const t = maxWeight > 0 ? Math.min(1, Math.max(0, weight / maxWeight)) : 0;
  const level = t * reach;
  // White text once the ramp gets dark enough that black would not read.
  return { background: interpolate(level), color: level > 0.55 ? "#fff" : "#111" };
}
