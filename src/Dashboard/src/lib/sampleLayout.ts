/**
 * Geometry of the classification view, in device pixels. The column view
 * (paper, figure 3) stacks one box per sample under its class; the grid view
 * (figure 6) wraps each class into lanes of square cells. Both map a
 * (class block, rank) pair to a rectangle, and back for hit testing.
 */
export type LayoutKind = "columns" | "grid";

export interface Block {
  /** Class index. */
  readonly cls: number;
  /** Left edge of the block. */
  readonly x: number;
  /** Width including its lanes, excluding the gap to the next block. */
  readonly width: number;
  /** Samples predicted as the class. */
  readonly count: number;
}

export interface SampleLayout {
  readonly kind: LayoutKind;
  readonly blocks: readonly Block[];
  /** Content size (may exceed the viewport: the container scrolls). */
  readonly width: number;
  readonly height: number;
  /** Top of the first box. */
  readonly top: number;
  /** Samples side by side in a block: 1 for columns. */
  readonly lanes: number;
  /** Horizontal distance between lanes and vertical distance between rows (may be < 1 px). */
  readonly pitchX: number;
  readonly pitchY: number;
  /** Box size, at least 1 px. */
  readonly boxWidth: number;
  /** Space right of each column for the persistent-misprediction triangles. */
  readonly gutter: number;
}

export interface LayoutOptions {
  /** Viewport size available for the boxes, in device pixels. */
  width: number;
  height: number;
  /** Space above the boxes (class names). */
  top?: number;
  /** Narrowest usable column; more classes than fit scroll horizontally. */
  minColumnWidth?: number;
  /** Tallest box in the column view; small runs get readable boxes, not slabs. */
  maxBoxHeight?: number;
  /** Largest grid cell. */
  maxCell?: number;
}

export interface Rect { x: number; y: number; w: number; h: number }

const GAP = 4;

export function columnsLayout(classes: readonly number[], counts: ArrayLike<number>, o: LayoutOptions): SampleLayout {
  const top = o.top ?? 0;
  const n = Math.max(1, classes.length);
  const minW = o.minColumnWidth ?? 16;
  const columnPitch = Math.max(minW, Math.floor(o.width / n));
  const gutter = columnPitch >= 22 ? 6 : 4;
  const boxWidth = Math.max(1, columnPitch - GAP - gutter);
  const tallest = Math.max(1, ...classes.map((c) => counts[c]));
  const pitchY = Math.min(o.maxBoxHeight ?? 10, Math.max(0, o.height - top) / tallest);
  const blocks = classes.map((cls, k) => ({ cls, x: k * columnPitch + GAP / 2, width: boxWidth + gutter, count: counts[cls] }));
  return {
    kind: "columns", blocks, top, lanes: 1, pitchX: boxWidth, pitchY, boxWidth, gutter,
    width: n * columnPitch, height: Math.max(o.height, Math.ceil(top + tallest * pitchY)),
  };
}

export function gridLayout(classes: readonly number[], counts: ArrayLike<number>, o: LayoutOptions): SampleLayout {
  const top = o.top ?? 0;
  const n = Math.max(1, classes.length);
  const minW = o.minColumnWidth ?? 16;
  const blockPitch = Math.max(minW, Math.floor(o.width / n));
  const inner = blockPitch - GAP;
  const tallest = Math.max(1, ...classes.map((c) => counts[c]));
  const rowsAvailable = Math.max(1, o.height - top);
  // The biggest cell whose grid holds the fullest class in the viewport;
  // below 1 px the content grows and the container scrolls.
  let cell = 1;
  for (let s = o.maxCell ?? 12; s >= 1; s--) {
    const lanes = Math.max(1, Math.floor(inner / s));
    if (Math.ceil(tallest / lanes) * s <= rowsAvailable) { cell = s; break; }
  }
  const lanes = Math.max(1, Math.floor(inner / cell));
  const boxWidth = cell >= 4 ? cell - 1 : cell;
  const blocks = classes.map((cls, k) => ({ cls, x: k * blockPitch + GAP / 2, width: lanes * cell, count: counts[cls] }));
  return {
    kind: "grid", blocks, top, lanes, pitchX: cell, pitchY: cell, boxWidth, gutter: 0,
    width: n * blockPitch, height: Math.max(o.height, top + Math.ceil(tallest / lanes) * cell),
  };
}

/** The rectangle of the sample at `rank` in `block`, snapped to whole pixels. */
export function boxRect(layout: SampleLayout, block: Block, rank: number): Rect {
  return boxRectInto(layout, block, rank, { x: 0, y: 0, w: 0, h: 0 });
}

/** boxRect writing into `out`: the painter calls it per sample and must not allocate. */
export function boxRectInto(layout: SampleLayout, block: Block, rank: number, out: Rect): Rect {
  const lanes = layout.lanes;
  const lane = lanes === 1 ? 0 : rank % lanes;
  const row = lanes === 1 ? rank : (rank - lane) / lanes;
  const y0 = Math.floor(layout.top + row * layout.pitchY);
  const y1 = Math.floor(layout.top + (row + 1) * layout.pitchY);
  // Boxes under 4 px keep no gap, so a dense column reads as one bar.
  const gap = layout.pitchY >= 4 ? 1 : 0;
  out.x = Math.floor(block.x + lane * layout.pitchX);
  out.y = y0;
  out.w = layout.boxWidth;
  out.h = Math.max(1, y1 - y0 - gap);
  return out;
}

/** Index of the block under x, or -1. */
export function blockAt(layout: SampleLayout, x: number): number {
  const b = layout.blocks;
  let lo = 0, hi = b.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (x < b[mid].x) hi = mid - 1;
    else if (x >= b[mid].x + b[mid].width) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The (block, rank) under a point, or null between boxes and below a column. */
export function hitTest(layout: SampleLayout, x: number, y: number): { block: number; rank: number } | null {
  const k = blockAt(layout, x);
  if (k < 0 || y < layout.top) return null;
  const block = layout.blocks[k];
  const lane = Math.floor((x - block.x) / layout.pitchX);
  if (lane >= layout.lanes) return null;
  const row = Math.floor((y - layout.top) / layout.pitchY);
  const rank = row * layout.lanes + lane;
  return rank < block.count ? { block: k, rank } : null;
}

/**
 * The blocks that meet the horizontal band [x0, x1): [first, end). A view
 * that scrolls paints and labels only these, whatever the number of classes.
 */
export function blocksInView(layout: SampleLayout, x0: number, x1: number): [number, number] {
  const b = layout.blocks;
  // Blocks are laid out left to right: the first whose right edge passes x0, then every one starting before x1.
  let lo = 0, hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid].x + b[mid].width <= x0) lo = mid + 1; else hi = mid;
  }
  let end = lo;
  while (end < b.length && b[end].x < x1) end++;
  return [lo, end];
}
