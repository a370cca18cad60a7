/**
 * Hit tests of a scatter plot over plain coordinate arrays (one entry per
 * sample, NaN = not plotted). A linear scan: 1,000,000 points take a few
 * milliseconds, less than building and keeping a spatial index per epoch.
 */
export interface DataRect { x0: number; x1: number; y0: number; y1: number }

/** Indices of the points inside the rectangle (bounds included, in either order). */
export function pointsInRect(xs: Float32Array, ys: Float32Array, r: DataRect, keep?: Uint8Array | null): number[] {
  const xa = Math.min(r.x0, r.x1), xb = Math.max(r.x0, r.x1), ya = Math.min(r.y0, r.y1), yb = Math.max(r.y0, r.y1);
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i], y = ys[i];
    // NaN fails both comparisons, so unplotted samples are never picked.
    if (x >= xa && x <= xb && y >= ya && y <= yb && (!keep || keep[i])) out.push(i);
  }
  return out;
}

/** The point nearest to (x, y) within the given distance, in pixels after scaling each axis by its factor; -1 when none. */
export function nearestPoint(xs: Float32Array, ys: Float32Array, x: number, y: number, kx: number, ky: number, maxPixels: number, keep?: Uint8Array | null): number {
  let best = -1, bestD = maxPixels * maxPixels;
  for (let i = 0; i < xs.length; i++) {
    if (keep && !keep[i]) continue;
    const dx = (xs[i] - x) * kx, dy = (ys[i] - y) * ky, d = dx * dx + dy * dy;
    if (d <= bestD) { bestD = d; best = i; }
  }
  return best;
}
