/**
 * Orders of the confusion matrix's classes (rows and columns alike). Each
 * takes the shown classes (indices into the run's classes) and returns them
 * permuted; the matrix is C x C, row-major, rows = true class.
 */
export type MatrixOrderKind = "index" | "name" | "confusion" | "seriation";

export const MATRIX_ORDERS: Record<MatrixOrderKind, { label: string; describe: string }> = {
  index: { label: "run order", describe: "the run's own class order, as the classification view's columns" },
  name: { label: "by name", describe: "class names in natural order (C2 before C10)" },
  confusion: { label: "by confusion", describe: "classes with the most errors (as true or as predicted class) first" },
  seriation: { label: "confused together", describe: "a seriation that puts classes confused with each other side by side" },
};

// Numeric parts compare as numbers, so "C9" < "C10" and "n01440764" sorts as ImageNet lists it.
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** The classes sorted by name, ties (names equal but for case) by index. */
export function orderByName(classes: readonly number[], names: readonly string[]): number[] {
  return [...classes].sort((a, b) => collator.compare(names[a], names[b]) || a - b);
}

/**
 * Each class's off-diagonal mass among the shown classes: the samples of the
 * class predicted as another shown class plus the samples of other shown
 * classes predicted as it.
 */
export function offDiagonalMass(matrix: ArrayLike<number>, classCount: number, classes: readonly number[]): Float64Array {
  const mass = new Float64Array(classes.length);
  for (let i = 0; i < classes.length; i++) {
    for (let j = 0; j < classes.length; j++) {
      if (i === j) continue;
      const v = matrix[classes[i] * classCount + classes[j]];
      mass[i] += v;
      mass[j] += v;
    }
  }
  return mass;
}

/** The classes with most off-diagonal mass first; ties (classes without errors among them) by index. */
export function orderByConfusion(matrix: ArrayLike<number>, classCount: number, classes: readonly number[]): number[] {
  const mass = offDiagonalMass(matrix, classCount, classes);
  return classes.map((c, k) => ({ c, m: mass[k] })).sort((a, b) => b.m - a.m || a.c - b.c).map((x) => x.c);
}

/**
 * How far apart an order puts confused classes: the sum over pairs of their
 * symmetric confusion times their distance in the order (the linear
 * arrangement cost). Lower is better; a seriation should beat the others.
 */
export function arrangementCost(matrix: ArrayLike<number>, classCount: number, order: readonly number[]): number {
  let cost = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = order[i], b = order[j];
      cost += (matrix[a * classCount + b] + matrix[b * classCount + a]) * (j - i);
    }
  }
  return cost;
}
