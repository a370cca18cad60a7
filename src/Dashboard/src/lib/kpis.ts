/** The header's KPI cards for one epoch and split, over the samples the class filter keeps. */
export interface Kpis {
  samples: number;
  correct: number;
  accuracy: number;
  misclassified: number;
  /** Marked by the triangles' rule (by default: mispredicted in more epochs than the threshold). */
  persistent: number;
}

export function computeKpis(
  label: ArrayLike<number>,
  predicted: ArrayLike<number>,
  marked: ArrayLike<number>,
  keep: Uint8Array | null,
): Kpis {
  let samples = 0, correct = 0, persistent = 0;
  for (let i = 0; i < label.length; i++) {
    if (keep && !keep[i]) continue;
    samples++;
    if (label[i] === predicted[i]) correct++;
    if (marked[i]) persistent++;
  }
  return { samples, correct, accuracy: samples ? correct / samples : 0, misclassified: samples - correct, persistent };
}
