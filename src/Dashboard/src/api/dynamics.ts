import { tableFromIPC } from "apache-arrow";
import type { EpochDynamics, SampleId } from "./types";
import { idColumn } from "./idColumn";
import { flags, int32s, nullableInt32s } from "./arrowRead";

/**
 * Turns the dynamics route's answer (JSON columns, or Arrow IPC with the same
 * names) into typed arrays. Nullable firstLearned becomes -1, so every column
 * stays a typed array the data map can scan without allocating. The ranking
 * scores (selfConfidence, normalizedMargin) are decoded when the answer has
 * them: the dashboard asks only for the columns it draws (endpoints.ts).
 */
export interface DynamicsJson {
  split: string; epoch: number; sampleId: SampleId[];
  confidence: number[]; variability: number[]; correctness: number[]; forgettings: number[];
  firstLearned: (number | null)[]; aum: number[]; selfConfidence?: number[]; normalizedMargin?: number[]; suspect: boolean[];
}

export function dynamicsFromJson(o: DynamicsJson): EpochDynamics {
  return {
    split: o.split, epoch: o.epoch, ids: o.sampleId,
    confidence: Float32Array.from(o.confidence), variability: Float32Array.from(o.variability),
    correctness: Float32Array.from(o.correctness), forgettings: Int32Array.from(o.forgettings),
    firstLearned: Int32Array.from(o.firstLearned, (v) => (v === null ? -1 : v)),
    aum: Float32Array.from(o.aum), suspect: Uint8Array.from(o.suspect, (v) => (v ? 1 : 0)),
    ...(o.selfConfidence && { selfConfidence: Float32Array.from(o.selfConfidence) }),
    ...(o.normalizedMargin && { normalizedMargin: Float32Array.from(o.normalizedMargin) }),
  };
}

export function dynamicsFromArrow(bytes: Uint8Array, split: string, epoch: number): EpochDynamics {
  const table = tableFromIPC(bytes);
  const column = (name: string) => {
    const v = table.getChild(name);
    if (!v) throw new Error(`The dynamics stream has no "${name}" column.`);
    return v;
  };
  const floats = (name: string) => Float32Array.from(column(name).toArray() as ArrayLike<number>);
  const ids = idColumn(column("sampleId"));
  const forgettings = int32s(column("forgettings"));
  const firstLearned = nullableInt32s(column("firstLearned"), -1);
  const suspect = flags(column("suspect"));
  return {
    split, epoch, ids,
    confidence: floats("confidence"), variability: floats("variability"), correctness: floats("correctness"),
    forgettings, firstLearned, aum: floats("aum"), suspect,
    ...(table.getChild("selfConfidence") && { selfConfidence: floats("selfConfidence") }),
    ...(table.getChild("normalizedMargin") && { normalizedMargin: floats("normalizedMargin") }),
  };
}
