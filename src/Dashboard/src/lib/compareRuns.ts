import { alignRows } from "./alignRows";
import type { SampleId } from "./selection";

/**
 * Run A vs run B on the same samples: each sample of this run falls in one
 * category by whether each run got it right. Rows are matched by id (via
 * alignRows: any order, number and string ids of one sample match), so two
 * runs that list the split differently still compare sample by sample.
 */
export const COMPARE_CATEGORIES = ["stable", "thisOnly", "otherOnly", "bothCorrect", "missing"] as const;
export type CompareCategory = (typeof COMPARE_CATEGORIES)[number];

/** Code of each category in `RunComparison.category` (its index in COMPARE_CATEGORIES). */
export const CATEGORY_CODE: Record<CompareCategory, number> = { stable: 0, thisOnly: 1, otherOnly: 2, bothCorrect: 3, missing: 4 };

export interface RunSamples { ids: ArrayLike<SampleId>; label: ArrayLike<number>; predicted: ArrayLike<number> }

export interface RunComparison {
  /** Category code of each sample of this run, in this run's order. */
  category: Uint8Array;
  counts: Record<CompareCategory, number>;
}

export function compareRuns(current: RunSamples, other: RunSamples): RunComparison {
  const rows = alignRows(current.ids, other.ids);
  const category = new Uint8Array(rows.length);
  const counts: Record<CompareCategory, number> = { stable: 0, thisOnly: 0, otherOnly: 0, bothCorrect: 0, missing: 0 };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let c: CompareCategory;
    if (r < 0) c = "missing";
    else {
      // Each run is judged against its own label column: the runs share the samples, and a relabelled sample is still an error of the run that missed its label.
      const wrongHere = current.predicted[i] !== current.label[i], wrongThere = other.predicted[r] !== other.label[r];
      c = wrongHere ? (wrongThere ? "stable" : "thisOnly") : wrongThere ? "otherOnly" : "bothCorrect";
    }
    category[i] = CATEGORY_CODE[c];
    counts[c]++;
  }
  return { category, counts };
}

/** Indices (in this run) of the samples of one category: what a click on it selects. */
export function indicesInCategory(cmp: RunComparison, c: CompareCategory): number[] {
  const code = CATEGORY_CODE[c], out: number[] = [];
  for (let i = 0; i < cmp.category.length; i++) if (cmp.category[i] === code) out.push(i);
  return out;
}

/** The other run's epoch to compare with: the same one if it logged it, else its last (it trained for fewer epochs). */
export function matchingEpoch(epoch: number, otherEpochs: readonly number[]): number | null {
  if (!otherEpochs.length) return null;
  return otherEpochs.includes(epoch) ? epoch : otherEpochs[otherEpochs.length - 1];
}
