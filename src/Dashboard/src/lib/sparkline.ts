/**
 * A small line chart of counts: x spreads the points evenly over the width,
 * y runs from 0 (bottom) to max (top), with a pixel of padding so the line is
 * never clipped. Pairs share a max to compare them.
 */
export function sparklinePoints(counts: readonly number[], width: number, height: number, max = Math.max(1, ...counts)): [number, number][] {
  const step = counts.length > 1 ? (width - 2) / (counts.length - 1) : 0;
  const y = (v: number) => 1 + (height - 2) * (1 - v / Math.max(1, max));
  return counts.map((v, k) => [round(1 + k * step), round(y(v))]);
}

/** The SVG path through the points. */
export const sparklinePath = (points: readonly [number, number][]): string =>
  points.map(([x, y], k) => `${k ? "L" : "M"}${x},${y}`).join("");

const round = (v: number) => Math.round(v * 10) / 10;
