/**
 * Which classes get an axis in the parallel coordinates when there are too
 * many for one axis each: the classes the selected samples score highest on,
 * with the user's own additions and removals, and every class an axis filter
 * is set on.
 */

/**
 * The `k` classes with the largest total score over the given rows of a
 * rows x C score matrix, among `allowed`; ties by class index. At most
 * `sampleRows` rows are read (evenly spread): the ranking of a large
 * selection's top classes does not need every row, and a brush move must
 * not read a million scores.
 */
export function topScoringClasses(scores: Float32Array, classCount: number, rows: ArrayLike<number>, allowed: readonly number[], k: number, sampleRows = 5000): number[] {
  const total = new Float64Array(classCount);
  const step = Math.max(1, rows.length / sampleRows);
  for (let s = 0; s < rows.length; s += step) {
    const base = rows[Math.floor(s)] * classCount;
    for (let c = 0; c < classCount; c++) total[c] += scores[base + c];
  }
  return [...allowed].sort((a, b) => total[b] - total[a] || a - b).slice(0, k);
}

/**
 * The `k` classes with the largest values among `allowed`, largest first, ties by class index: the most
 * predicted classes (the axes before anything is selected), a sample's top scores (the detail view).
 */
export function largestClasses(values: ArrayLike<number>, allowed: readonly number[], k: number): number[] {
  return [...allowed].sort((a, b) => values[b] - values[a] || a - b).slice(0, k);
}

export interface AxisWishes {
  /** Added by the user, in the order added. */
  added: readonly number[];
  /** Removed by the user. */
  removed: ReadonlySet<number>;
  /** Classes an axis filter is set on: their axis stays whatever else changes. */
  filtered: readonly number[];
}

/**
 * The axes: the automatic choice without the removed classes, then the added
 * and the filtered ones, each class once. Axes already shown keep their place
 * (the user may have dragged them); new ones come after them. Returns
 * `current` itself when the set of axes is unchanged.
 */
export function mergeAxes(current: number[], automatic: readonly number[], wishes: AxisWishes): number[] {
  const wanted: number[] = [];
  const seen = new Set<number>();
  const add = (c: number) => { if (!seen.has(c)) { seen.add(c); wanted.push(c); } };
  for (const c of automatic) if (!wishes.removed.has(c)) add(c);
  for (const c of wishes.added) add(c);
  for (const c of wishes.filtered) add(c);
  if (current.length === wanted.length && current.every((c) => seen.has(c))) return current;
  const kept = current.filter((c) => seen.has(c));
  const keptSet = new Set(kept);
  return [...kept, ...wanted.filter((c) => !keptSet.has(c))];
}

/** The class a user typed: its exact name (any case), else the only name that contains the text; null when none or several. */
export function findClass(names: readonly string[], typed: string): number | null {
  const q = typed.trim().toLowerCase();
  if (!q) return null;
  const exact = names.findIndex((n) => n.toLowerCase() === q);
  if (exact >= 0) return exact;
  let found = -1;
  for (let c = 0; c < names.length; c++) {
    if (!names[c].toLowerCase().includes(q)) continue;
    if (found >= 0) return null;
    found = c;
  }
  return found >= 0 ? found : null;
}
