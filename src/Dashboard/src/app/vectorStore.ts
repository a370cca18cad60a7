import type { SampleId } from "../api/types";
import type { Vectors } from "./model";

/**
 * Score vectors of the selected samples for the current epoch, fetched on
 * demand and only for samples not fetched yet; reset when the epoch changes.
 */
export class VectorStore {
  private rows = new Int32Array(0);
  private scores = new Float32Array(0);
  private rowOf: Int32Array;

  constructor(private readonly ids: readonly SampleId[], private readonly classCount: number) {
    this.rowOf = new Int32Array(ids.length).fill(-1);
  }

  get vectors(): Vectors | null {
    return this.rows.length ? { rows: this.rows, rowOf: this.rowOf, scores: this.scores } : null;
  }

  missing(indices: ArrayLike<number>): number[] {
    const out: number[] = [];
    for (let k = 0; k < indices.length; k++) if (this.rowOf[indices[k]] < 0) out.push(indices[k]);
    return out;
  }

  /** Adds the fetched vectors; returns how many were new. */
  add(requested: readonly number[], answer: { sampleIds: SampleId[]; scores: number[][] }): number {
    const byId = new Map(requested.map((i) => [String(this.ids[i]), i]));
    const C = this.classCount;
    const fresh = answer.sampleIds.map((id, k) => [byId.get(String(id)), k] as const).filter(([i]) => i !== undefined && this.rowOf[i!] < 0);
    if (!fresh.length) return 0;
    const rows = new Int32Array(this.rows.length + fresh.length);
    rows.set(this.rows);
    const scores = new Float32Array(rows.length * C);
    scores.set(this.scores);
    fresh.forEach(([i, k], n) => {
      const row = this.rows.length + n;
      rows[row] = i!;
      this.rowOf[i!] = row;
      scores.set(answer.scores[k], row * C);
    });
    this.rows = rows; this.scores = scores;
    return fresh.length;
  }
}
