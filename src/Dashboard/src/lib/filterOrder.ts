import type { ClassOrder } from "./classOrder";

/**
 * The class order restricted to the samples a mask keeps, each class's slice
 * still by score: what the classification view draws when only some samples
 * are shown (epoch A vs epoch B). O(n), no re-sort.
 */
export function filterOrder(order: ClassOrder, keep: Uint8Array): ClassOrder {
  const C = order.starts.length - 1;
  const starts = new Int32Array(C + 1);
  const kept: number[] = [];
  for (let c = 0; c < C; c++) {
    for (let k = order.starts[c]; k < order.starts[c + 1]; k++) if (keep[order.order[k]]) kept.push(order.order[k]);
    starts[c + 1] = kept.length;
  }
  return { starts, order: Int32Array.from(kept) };
}
