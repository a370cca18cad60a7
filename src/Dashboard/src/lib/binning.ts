/**
 * Density binning for the parallel coordinates: with hundreds of thousands of
 * polylines, the segments between two neighbouring axes are counted in a
 * bins x bins grid of (start, end) score pairs, and each non-empty cell is
 * drawn once with an opacity that grows with its count.
 */
export interface SegmentBins {
  bins: number;
  /** counts[pair][from * bins + to]: segments between axis `pair` and `pair + 1`. */
  counts: Uint32Array[];
  max: number;
}

/**
 * The bin of every row on every axis, axis-major (axes x rows). Computed once
 * per set of vectors and axis order; brushing then only recounts (SegmentCounter).
 * @param scores row-major rows x classCount matrix
 * @param axes class index of each axis, in display order
 */
export function axisBins(scores: Float32Array, classCount: number, rowCount: number, axes: readonly number[], bins: number): Uint8Array {
  const out = new Uint8Array(axes.length * rowCount);
  const top = bins - 1;
  for (let a = 0; a < axes.length; a++) {
    const cls = axes[a], offset = a * rowCount;
    for (let row = 0; row < rowCount; row++) {
      const b = (scores[row * classCount + cls] * bins) | 0;
      out[offset + row] = b > top ? top : b;
    }
  }
  return out;
}

/**
 * Segment counts kept current as rows enter and leave the counted set: while
 * a brush moves, few rows change, so an update costs (changed rows x axes)
 * instead of (all rows x axes).
 */
export class SegmentCounter {
  readonly counts: Uint32Array[];
  private readonly included: Uint8Array;

  constructor(private readonly binsOf: Uint8Array, private readonly rowCount: number, axisCount: number, readonly bins: number) {
    this.counts = Array.from({ length: Math.max(0, axisCount - 1) }, () => new Uint32Array(bins * bins));
    this.included = new Uint8Array(rowCount);
  }

  /** Counts exactly the rows with include[row] = 1. */
  update(include: Uint8Array): void {
    const { binsOf, rowCount, bins, counts, included } = this;
    for (let row = 0; row < rowCount; row++) {
      if (include[row] === included[row]) continue;
      const delta = include[row] ? 1 : -1;
      included[row] = include[row];
      for (let a = 0; a < counts.length; a++) counts[a][binsOf[a * rowCount + row] * bins + binsOf[(a + 1) * rowCount + row]] += delta;
    }
  }

  get segments(): SegmentBins {
    let max = 0;
    for (const grid of this.counts) for (let k = 0; k < grid.length; k++) if (grid[k] > max) max = grid[k];
    return { bins: this.bins, counts: this.counts, max };
  }
}

/** Opacity of a bin: logarithmic, so a single line stays visible next to a bundle of thousands. */
export function binOpacity(count: number, max: number): number {
  if (count <= 0) return 0;
  return 0.08 + 0.92 * (Math.log1p(count) / Math.log1p(Math.max(1, max)));
}
