/**
 * The seriation off the main thread: at a thousand classes it takes a few
 * hundred milliseconds, which an epoch step or a click must not wait for.
 */
import { seriate } from "../lib/seriation";

export interface SeriationRequest { id: number; matrix: Uint32Array; classCount: number; classes: number[] }
export interface SeriationAnswer { id: number; order?: number[]; error?: string }

const scope = self as unknown as { onmessage: ((ev: MessageEvent<SeriationRequest>) => void) | null; postMessage(answer: SeriationAnswer): void };
scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, order: seriate(data.matrix, data.classCount, data.classes) });
  } catch (err) {
    scope.postMessage({ id: data.id, error: String(err) });
  }
};
