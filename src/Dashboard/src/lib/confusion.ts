/**
 * The confusion matrix of an epoch from its label and predicted columns
 * (rows = true class, columns = predicted, as the API serves it), and the
 * samples behind one cell, for the linked selection.
 */
export function confusionMatrix(label: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): Uint32Array {
  const m = new Uint32Array(classCount * classCount);
  for (let i = 0; i < label.length; i++) m[label[i] * classCount + predicted[i]]++;
  return m;
}

export function cellMembers(label: ArrayLike<number>, predicted: ArrayLike<number>, trueClass: number, predictedClass: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < label.length; i++) if (label[i] === trueClass && predicted[i] === predictedClass) out.push(i);
  return out;
}

/** Counts of the masked samples per cell (the selection's share of each cell). */
export function maskedConfusion(label: ArrayLike<number>, predicted: ArrayLike<number>, mask: Uint8Array, classCount: number): Uint32Array {
  const m = new Uint32Array(classCount * classCount);
  for (let i = 0; i < label.length; i++) if (mask[i]) m[label[i] * classCount + predicted[i]]++;
  return m;
}

/** The distinct cells (true * C + predicted) the masked samples fall in: O(samples), whatever the number of cells. */
export function maskedCells(label: ArrayLike<number>, predicted: ArrayLike<number>, mask: Uint8Array, classCount: number): Int32Array {
  const seen = new Uint8Array(classCount * classCount);
  const out: number[] = [];
  for (let i = 0; i < label.length; i++) {
    if (!mask[i]) continue;
    const k = label[i] * classCount + predicted[i];
    if (!seen[k]) { seen[k] = 1; out.push(k); }
  }
  return Int32Array.from(out);
}
