/**
 * The pixels of a confusion matrix seen through a window, for one
 * putImageData: at a thousand classes the grid is a million cells, too many
 * to fill one by one, and far more than the pixels of a tile.
 *
 * Each output pixel shows the cells it covers: zoomed out, a pixel covers
 * several cells and shows the largest error among them (else the largest
 * correct count), so a single confusion stays visible in the overview;
 * zoomed in, a cell covers several pixels, with a one-pixel gap between
 * cells once they are 5 pixels or more. Only the non-zero cells are read
 * (at most one per sample), so the cost follows the samples and the pixels,
 * not the million cells of a thousand classes.
 */
/** The non-zero cells of a C x C matrix, as three parallel columns: a thousand classes' matrix is mostly zeros. */
export interface NonZeroCells { rows: Int32Array; cols: Int32Array; counts: Uint32Array }

export function nonZeroCells(matrix: ArrayLike<number>, classCount: number): NonZeroCells {
  let n = 0;
  for (let k = 0; k < matrix.length; k++) if (matrix[k]) n++;
  const rows = new Int32Array(n), cols = new Int32Array(n), counts = new Uint32Array(n);
  for (let k = 0, at = 0; k < matrix.length; k++) {
    if (!matrix[k]) continue;
    rows[at] = Math.floor(k / classCount); cols[at] = k % classCount; counts[at++] = matrix[k];
  }
  return { rows, cols, counts };
}

/** Where each class is in the display order, -1 for a class not shown. */
export function positions(order: ArrayLike<number>, classCount: number): Int32Array {
  const pos = new Int32Array(classCount).fill(-1);
  for (let i = 0; i < order.length; i++) pos[order[i]] = i;
  return pos;
}

/** The largest correct (diagonal) and error (off-diagonal) counts among the shown classes: the ends of the color scales. */
export function countRange(cells: NonZeroCells, pos: Int32Array): { maxCorrect: number; maxWrong: number } {
  let maxCorrect = 0, maxWrong = 0;
  for (let k = 0; k < cells.counts.length; k++) {
    const r = cells.rows[k], c = cells.cols[k];
    if (pos[r] < 0 || pos[c] < 0) continue;
    if (r === c) maxCorrect = Math.max(maxCorrect, cells.counts[k]); else maxWrong = Math.max(maxWrong, cells.counts[k]);
  }
  return { maxCorrect, maxWrong };
}

export interface MatrixWindow {
  cells: NonZeroCells;
  /** Position of each class in the display order (rows and columns alike), -1 when not shown: `positions`. */
  pos: Int32Array;
  /** Number of classes shown. */
  n: number;
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

/** RGBA, row-major, width x height: transparent outside the matrix and in the gaps between large cells. */
export function matrixPixels(w: MatrixWindow, colors: MatrixColors): Uint8ClampedArray {
  const { cells, pos, width, height } = w;
  const xs = cellRanges(w.x0, w.cell, width, w.n), ys = cellRanges(w.y0, w.cell, height, w.n);
  const xSpan = pixelSpans(xs, w.n), ySpan = pixelSpans(ys, w.n);
  // Only the non-zero cells are visited: each raises the counts of the pixels it covers.
  const wrong = new Uint32Array(width * height), correct = new Uint32Array(width * height);
  for (let k = 0; k < cells.counts.length; k++) {
    const r = cells.rows[k], c = cells.cols[k], i = pos[r], j = pos[c];
    if (i < 0 || j < 0) continue;
    const v = cells.counts[k], target = r === c ? correct : wrong;
    for (let py = ySpan.from[i]; py < ySpan.to[i]; py++) {
      for (let px = xSpan.from[j]; px < xSpan.to[j]; px++) {
        const at = py * width + px;
        if (v > target[at]) target[at] = v;
      }
    }
  }
  const out = new Uint8ClampedArray(width * height * 4);
  for (let py = 0; py < height; py++) {
    if (ys.from[py] >= ys.to[py]) continue;
    for (let px = 0; px < width; px++) {
      if (xs.from[px] >= xs.to[px]) continue;
      const at = py * width + px;
      const rgb = wrong[at] ? colors.wrong(wrong[at]) : correct[at] ? colors.correct(correct[at]) : colors.empty;
      const k = at * 4;
      out[k] = rgb[0]; out[k + 1] = rgb[1]; out[k + 2] = rgb[2]; out[k + 3] = 255;
    }
  }
  return out;
}

/** For each cell along one axis, the pixels [from, to) whose range includes it (empty when out of the window). */
function pixelSpans(r: { from: Int32Array; to: Int32Array }, n: number): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(n), to = new Int32Array(n);
  for (let p = 0; p < r.from.length; p++) {
    for (let k = r.from[p]; k < r.to[p]; k++) {
      if (from[k] === to[k]) from[k] = p;
      to[k] = p + 1;
    }
  }
  return { from, to };
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
