import type { ClassOrder } from "./classOrder";
import type { SampleLayout } from "./sampleLayout";

/**
 * The samples whose boxes meet a brush rectangle (device pixels, content
 * coordinates), as one Int32Array of sample indices. In a column the ranks a
 * brush covers are contiguous, and so is a grid row's run of lanes: each is a
 * slice of the class order, copied whole. No object per sample, so a brush
 * over a million boxes costs a few memcpy's per move.
 */
export function samplesInRect(layout: SampleLayout, order: ClassOrder, x0: number, y0: number, x1: number, y1: number): Int32Array {
  const slices: Int32Array[] = [];
  let total = 0;
  for (const block of layout.blocks) {
    if (block.x > x1) break;
    if (x1 < block.x || x0 >= block.x + block.width || block.count === 0) continue;
    const start = order.starts[block.cls];
    const rowLo = Math.max(0, Math.floor((y0 - layout.top) / layout.pitchY));
    const rowHi = Math.floor((y1 - layout.top) / layout.pitchY);
    const laneLo = Math.min(layout.lanes - 1, Math.max(0, Math.floor((x0 - block.x) / layout.pitchX)));
    const laneHi = Math.min(layout.lanes - 1, Math.floor((x1 - block.x) / layout.pitchX));
    if (layout.lanes === 1) {
      const hi = Math.min(rowHi, block.count - 1);
      if (hi >= rowLo) { slices.push(order.order.subarray(start + rowLo, start + hi + 1)); total += hi - rowLo + 1; }
      continue;
    }
    for (let row = rowLo; row <= rowHi; row++) {
      const first = row * layout.lanes + laneLo;
      if (first >= block.count) break;
      const end = Math.min(block.count, row * layout.lanes + laneHi + 1);
      slices.push(order.order.subarray(start + first, start + end));
      total += end - first;
    }
  }
  const out = new Int32Array(total);
  let at = 0;
  for (const s of slices) { out.set(s, at); at += s.length; }
  return out;
}
