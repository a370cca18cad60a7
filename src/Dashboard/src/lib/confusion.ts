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
