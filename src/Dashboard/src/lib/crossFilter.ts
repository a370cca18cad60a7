/**
 * The filters that tiles apply to each other. Pure data in, masks out.
 * - class filter (header slicer): which predicted classes are shown;
 * - axis filters (parallel coordinates): score ranges per class, applied to the
 *   selected samples whose score vectors are loaded (paper, figure 4 C).
 */
export interface AxisFilter {
  /** Class index of the axis. */
  cls: number;
  lo: number;
  hi: number;
}

/** 1 where the sample's predicted class passes the class filter (null = every class). */
export function classMask(predicted: ArrayLike<number>, classFilter: readonly number[] | null, classCount: number): Uint8Array {
  const mask = new Uint8Array(predicted.length);
  if (!classFilter) return mask.fill(1);
  const allowed = new Uint8Array(classCount);
  for (const c of classFilter) allowed[c] = 1;
  for (let i = 0; i < predicted.length; i++) mask[i] = allowed[predicted[i]];
  return mask;
}

/** Whether a score vector (row `row` of a row-major rows x C matrix) passes every axis filter. */
export function passesAxes(scores: Float32Array, classCount: number, row: number, filters: readonly AxisFilter[]): boolean {
  for (const f of filters) {
    const v = scores[row * classCount + f.cls];
    if (v < f.lo || v > f.hi) return false;
  }
  return true;
}

/**
 * The active selection: selected samples that pass the axis filters. Samples
 * whose scores are not loaded (rowOf[i] < 0) pass, so the selection never
 * flickers empty while vectors arrive.
 */
export function activeSelection(
  selected: Uint8Array,
  rowOf: Int32Array,
  scores: Float32Array,
  classCount: number,
  filters: readonly AxisFilter[],
): Uint8Array {
  const out = new Uint8Array(selected.length);
  for (let i = 0; i < selected.length; i++) {
    if (!selected[i]) continue;
    const row = rowOf[i];
    out[i] = filters.length === 0 || row < 0 || passesAxes(scores, classCount, row, filters) ? 1 : 0;
  }
  return out;
}

export function countOnes(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}

/** Readable form, as the paper writes it: "score of C50.8 > 0.30". */
export function describeAxisFilter(f: AxisFilter, classNames: readonly string[]): string {
  const name = classNames[f.cls] ?? String(f.cls);
  if (f.hi >= 1) return `score of ${name} ≥ ${f.lo.toFixed(2)}`;
  if (f.lo <= 0) return `score of ${name} ≤ ${f.hi.toFixed(2)}`;
  return `${f.lo.toFixed(2)} ≤ score of ${name} ≤ ${f.hi.toFixed(2)}`;
}
