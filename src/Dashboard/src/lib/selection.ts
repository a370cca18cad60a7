/**
 * The selection is a mask over the current epoch's samples. Epochs usually
 * list the same samples in the same order (the API serves them sorted by id),
 * so a mask carries over as it is; when the lists differ it is re-mapped by id.
 */
export type SampleId = string | number;

export function sameIds(a: ArrayLike<SampleId>, b: ArrayLike<SampleId>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function remapMask(mask: Uint8Array, fromIds: ArrayLike<SampleId>, toIds: ArrayLike<SampleId>): Uint8Array {
  if (sameIds(fromIds, toIds)) return mask;
  const chosen = new Set<SampleId>();
  for (let i = 0; i < mask.length; i++) if (mask[i]) chosen.add(fromIds[i]);
  return maskOfIds(toIds, chosen);
}

export function maskOfIds(ids: ArrayLike<SampleId>, chosen: Set<SampleId> | readonly SampleId[]): Uint8Array {
  const set = chosen instanceof Set ? chosen : new Set(chosen.map(String));
  const byString = !(chosen instanceof Set);
  const mask = new Uint8Array(ids.length);
  if (set.size === 0) return mask;
  for (let i = 0; i < ids.length; i++) if (set.has(byString ? String(ids[i]) : ids[i])) mask[i] = 1;
  return mask;
}

/** Click selects one; shift-click toggles one in the current selection; a brush replaces (or, with shift, extends). */
export function applyPick(mask: Uint8Array, picked: ArrayLike<number>, mode: "replace" | "toggle" | "add"): Uint8Array {
  const next = mode === "replace" ? new Uint8Array(mask.length) : mask.slice();
  // Typed arrays of picked indices (a brush over a million boxes) are read in place, never copied into objects.
  for (let k = 0; k < picked.length; k++) { const i = picked[k]; next[i] = mode === "toggle" ? (next[i] ? 0 : 1) : 1; }
  return next;
}

export function indicesOf(mask: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  const out = new Int32Array(n);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
  return out;
}
