import { boxRectInto, type Rect, type SampleLayout } from "./sampleLayout";
import type { ClassOrder } from "./classOrder";

/**
 * Paints the classification boxes straight into a pixel buffer. At 100,000+
 * samples most boxes are one or two pixels, where canvas paths cost far more
 * than writing the pixels; the whole view is then one putImageData.
 */
export interface PaintInput {
  layout: SampleLayout;
  order: ClassOrder;
  label: ArrayLike<number>;
  predicted: ArrayLike<number>;
  score: ArrayLike<number>;
  /** 1 where a triangle marks the sample (see lib/markRule). */
  marked: ArrayLike<number>;
  /** 1 where the sample is in the active selection. */
  selected: Uint8Array | null;
  /** Packed colors (see encoding.packColor). */
  scoreLut: Uint32Array;
  classColor: Uint32Array;
  selectedColor: number;
  triangleColor: number;
  /**
   * Content x of the buffer's left edge: a view with more columns than fit
   * scrolls, and its buffer holds only the visible window (width px from here).
   */
  originX?: number;
}

/** What the view holds, scrolled out of sight or not: boxes laid out, triangles and markers among them. */
export interface PaintStats { boxes: number; triangles: number; selected: number; boxesPerBlock: number[] }

export function paintBoxes(buf: Uint32Array, width: number, height: number, p: PaintInput): PaintStats {
  const { layout, order } = p;
  const stats: PaintStats = { boxes: 0, triangles: 0, selected: 0, boxesPerBlock: [] };
  const r: Rect = { x: 0, y: 0, w: 0, h: 0 };
  const originX = p.originX ?? 0, right = originX + width;
  for (const block of layout.blocks) {
    const start = order.starts[block.cls];
    // Blocks out of the window are counted, not painted.
    const visible = block.x + block.width > originX && block.x < right;
    let painted = 0;
    // Lowest score last, so in a column squeezed below one pixel per box the
    // doubtful samples (which carry the outlines) stay visible.
    for (let rank = 0; rank < block.count; rank++) {
      const i = order.order[start + rank];
      boxRectInto(layout, block, rank, r);
      if (r.y >= height) break;
      painted++;
      if (p.selected && p.selected[i]) stats.selected++;
      if (p.marked[i]) stats.triangles++;
      if (!visible) continue;
      r.x -= originX;
      const fill = p.scoreLut[Math.round(Math.min(1, Math.max(0, p.score[i])) * 255)];
      fillRect(buf, width, height, r.x, r.y, r.w, r.h, fill);
      if (p.label[i] !== p.predicted[i]) outline(buf, width, height, r.x, r.y, r.w, r.h, p.classColor[p.label[i]]);
      if (p.selected && p.selected[i]) marker(buf, width, height, r.x, r.y, r.w, r.h, p.selectedColor);
      if (p.marked[i]) triangle(buf, width, height, layout, r.x + r.w, r.y, r.w, r.h, p.triangleColor);
    }
    stats.boxes += painted;
    stats.boxesPerBlock.push(painted);
  }
  return stats;
}

// A plain loop, not TypedArray.fill: boxes are a few pixels wide, where the
// builtin's call overhead costs more than the writes.
/**
 * The green markers of the selected samples, over a finished paint: a
 * selection change repaints only these on a copy of the boxes.
 * @param blockOf block index of each class (-1 when the class is not shown)
 * @param ranks rank of each sample in its column
 * @param originX content x of the buffer's left edge (see PaintInput.originX)
 * @returns how many selected samples the view holds (painted when in the window)
 */
export function paintMarkers(buf: Uint32Array, width: number, height: number, layout: SampleLayout, blockOf: Int32Array,
  ranks: Int32Array, predicted: ArrayLike<number>, selected: Uint8Array, color: number, originX = 0): number {
  const r: Rect = { x: 0, y: 0, w: 0, h: 0 };
  let shown = 0;
  for (let i = 0; i < selected.length; i++) {
    if (!selected[i]) continue;
    const k = blockOf[predicted[i]];
    if (k < 0) continue;
    boxRectInto(layout, layout.blocks[k], ranks[i], r);
    if (r.y >= height) continue;
    shown++;
    marker(buf, width, height, r.x - originX, r.y, r.w, r.h, color);
  }
  return shown;
}

function fillRect(buf: Uint32Array, width: number, height: number, x: number, y: number, w: number, h: number, c: number) {
  const x0 = x > 0 ? x : 0, x1 = x + w < width ? x + w : width, y1 = y + h < height ? y + h : height;
  for (let yy = y > 0 ? y : 0; yy < y1; yy++) {
    const end = yy * width + x1;
    for (let p = yy * width + x0; p < end; p++) buf[p] = c;
  }
}

/**
 * The border of a wrong sample, over its score fill. Boxes 1-2 px tall keep
 * only the side borders (2 px on wide boxes) so a dense column still shows its
 * errors; boxes too small for any border take the true class's color whole.
 */
function outline(buf: Uint32Array, width: number, height: number, x: number, y: number, w: number, h: number, c: number) {
  if (w <= 4) {
    fillRect(buf, width, height, x, y, w, h, c);
    return;
  }
  const side = w >= 10 ? 2 : 1;
  fillRect(buf, width, height, x, y, side, h, c);
  fillRect(buf, width, height, x + w - side, y, side, h, c);
  if (h > 2) {
    fillRect(buf, width, height, x, y, w, 1, c);
    fillRect(buf, width, height, x, y + h - 1, w, 1, c);
  }
}

function marker(buf: Uint32Array, width: number, height: number, x: number, y: number, w: number, h: number, c: number) {
  const mw = Math.max(1, Math.round(w * 0.4)), mh = Math.max(1, Math.round(h * 0.6));
  fillRect(buf, width, height, x + ((w - mw) >> 1), y + ((h - mh) >> 1), mw, mh, c);
}

/** A left-pointing triangle in the column's gutter (columns) or the cell's corner (grid). */
function triangle(buf: Uint32Array, width: number, height: number, layout: SampleLayout, xRight: number, y: number, w: number, h: number, c: number) {
  if (layout.kind === "grid") {
    const s = Math.max(1, Math.floor(w / 2));
    for (let k = 0; k < s; k++) fillRect(buf, width, height, xRight - s + k, y + k, s - k, 1, c);
    return;
  }
  const size = Math.min(layout.gutter, Math.max(3, h));
  const cy = y + (h >> 1);
  for (let k = 0; k < size; k++) {
    const half = Math.floor((k * size) / (2 * Math.max(1, size - 1)));
    fillRect(buf, width, height, xRight + k, cy - half, 1, half * 2 + 1, c);
  }
}
