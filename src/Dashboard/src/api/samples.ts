import { tableFromIPC } from "apache-arrow";
import type { EpochSamples, SampleId } from "./types";
import { idColumn } from "./idColumn";

/**
 * Turns the samples route's answer (JSON columns or an Arrow IPC stream with
 * the same column names) into typed arrays. Integer columns may arrive as
 * int64 (BigInt64Array) and scores as float64: both are narrowed here, once.
 */
interface SamplesJson {
  split: string; epoch: number; sampleId: SampleId[]; label: number[]; predicted: number[];
  score: number[]; mispredictions: number[];
}

export function samplesFromJson(o: SamplesJson): EpochSamples {
  return {
    split: o.split, epoch: o.epoch, ids: o.sampleId,
    label: Int32Array.from(o.label), predicted: Int32Array.from(o.predicted),
    score: Float32Array.from(o.score), mispredictions: Int32Array.from(o.mispredictions),
  };
}

export function samplesFromArrow(bytes: Uint8Array, split: string, epoch: number): EpochSamples {
  const table = tableFromIPC(bytes);
  const column = (name: string) => {
    const v = table.getChild(name);
    if (!v) throw new Error(`The samples stream has no "${name}" column.`);
    return v;
  };
  const ints = (name: string) => toInt32(column(name).toArray() as ArrayLike<number | bigint>);
  const ids = idColumn(column("sampleId"));
  const score = column("score").toArray() as Float32Array | Float64Array;
  return {
    split, epoch, ids,
    label: ints("label"), predicted: ints("predicted"),
    score: score instanceof Float32Array ? score : Float32Array.from(score),
    mispredictions: ints("mispredictions"),
  };
}

function toInt32(values: ArrayLike<number | bigint>): Int32Array {
  if (values instanceof Int32Array) return values;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number(values[i]);
  return out;
}
