/**
 * Paints a scatter plot's dots as square blocks straight into RGBA words, the
 * way lib/raster paints boxes: 100,000+ dots cost one putImageData, not one
 * canvas call each. Later dots overwrite earlier ones, so the caller paints
 * what must stay visible (the selection) last. Plain arrays in, no callbacks:
 * this loop runs at every brush move.
 */
export interface DotPaint {
  /** Pixel coordinates of each point's centre (device pixels), NaN = skip. */
  px: Float32Array;
  py: Float32Array;
  /** Only points with mask[i] = 1 are painted; null = all. */
  mask: Uint8Array | null;
  /** Packed color of each point, or one for all. */
  color: Uint32Array | number;
  /** Side of the square, device pixels. */
  size: number;
}

export function paintDots(buf: Uint32Array, width: number, height: number, d: DotPaint): number {
  const half = Math.floor(d.size / 2), { px, py, mask, color, size } = d;
  const single = typeof color === "number";
  let painted = 0;
  for (let i = 0; i < px.length; i++) {
    if (mask && !mask[i]) continue;
    const cx = px[i], cy = py[i];
    if (!(cx >= 0 && cy >= 0 && cx < width && cy < height)) continue;
    const x0 = Math.max(0, (cx + 0.5 | 0) - half), y0 = Math.max(0, (cy + 0.5 | 0) - half);
    const x1 = Math.min(width, x0 + size), y1 = Math.min(height, y0 + size);
    const c = single ? color : color[i];
    // A plain loop, not TypedArray.fill: a dot is 2-3 px wide, where the builtin's call costs more than
    // the writes (800,000 dots: ~4x faster).
    for (let y = y0; y < y1; y++) for (let p = y * width + x0, end = y * width + x1; p < end; p++) buf[p] = c;
    painted++;
  }
  return painted;
}
