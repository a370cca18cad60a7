/**
 * The pixels of a confusion matrix seen through a window, for one
 * putImageData: at a thousand classes the grid is a million cells, too many
 * to fill one by one, and far more than the pixels of a tile.
 *
 * Each output pixel shows the cells it covers: zoomed out, a pixel covers
 * several cells and shows the largest error among them (else the largest
 * correct count), so a single confusion stays visible in the overview;
 * zoomed in, a cell covers several pixels, with a one-pixel gap between
 * cells once they are 5 pixels or more.
 */
export interface MatrixWindow {
  /** C x C counts, row-major, rows = true class. */
  matrix: ArrayLike<number>;
  classCount: number;
  /** The classes in display order (rows and columns alike). */
  order: ArrayLike<number>;
  /** The first cell shown, in cells from the top left (may be fractional). */
  x0: number;
  y0: number;
  /** Size of a cell in output pixels. */
  cell: number;
  /** Output size in pixels. */
  width: number;
  height: number;
}

export interface MatrixColors {
  /** RGB of the diagonal (correct) and off-diagonal (error) counts, and of an empty cell. */
  correct(count: number): readonly [number, number, number];
  wrong(count: number): readonly [number, number, number];
  empty: readonly [number, number, number];
}

export function matrixPixels(w: MatrixWindow, colors: MatrixColors): Uint8ClampedArray {
  const { matrix, classCount: C, order, width, height } = w;
  const n = order.length;
  const out = new Uint8ClampedArray(width * height * 4);
  const cols = cellRanges(w.x0, w.cell, width, n), rows = cellRanges(w.y0, w.cell, height, n);
  for (let py = 0; py < height; py++) {
    const r0 = rows.from[py], r1 = rows.to[py];
    if (r0 >= r1) continue;
    for (let px = 0; px < width; px++) {
      const c0 = cols.from[px], c1 = cols.to[px];
      if (c0 >= c1) continue;
      let wrong = 0, correct = 0;
      for (let i = r0; i < r1; i++) {
        const base = order[i] * C;
        for (let j = c0; j < c1; j++) {
          const v = matrix[base + order[j]];
          if (i === j) { if (v > correct) correct = v; } else if (v > wrong) wrong = v;
        }
      }
      const rgb = wrong > 0 ? colors.wrong(wrong) : correct > 0 ? colors.correct(correct) : colors.empty;
      const k = (py * width + px) * 4;
      out[k] = rgb[0]; out[k + 1] = rgb[1]; out[k + 2] = rgb[2]; out[k + 3] = 255;
    }
  }
  return out;
}

/**
 * For each output pixel along one axis, the cells [from, to) it covers; an
 * empty range for pixels past the last cell and for the gap pixel between
 * cells of 5 pixels or more.
 */
export function cellRanges(first: number, cell: number, pixels: number, n: number): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(pixels), to = new Int32Array(pixels);
  const gap = cell >= 5;
  for (let p = 0; p < pixels; p++) {
    const a = first + p / cell, b = first + (p + 1) / cell;
    // Past either end, or (zoomed in) the pixel that ends a cell: the gap before the next one.
    if (b <= 0 || a >= n || (gap && Math.floor(b + 1e-9) > Math.floor(a))) continue;
    from[p] = Math.max(0, Math.floor(a));
    to[p] = Math.min(n, Math.ceil(b - 1e-9));
  }
  return { from, to };
}
