/// <reference lib="webworker" />
import { rankOf } from "../lib/classOrder";
import { paintBoxes, paintMarkers, type PaintStats } from "../lib/raster";
import { boxRectInto, type Rect, type SampleLayout } from "../lib/sampleLayout";
import { EPOCHS_KEPT, type EpochColumns, type PainterColors, type PainterFrame, type PainterReply, type PainterRequest } from "./boxPainter";

/**
 * The classification view's painter (see boxPainter.ts). Frames that arrive
 * while one is painted are merged, so a fast brush never queues up stale
 * paints: the latest selection is what gets painted.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let epoch: EpochColumns | null = null;
let ranks: Int32Array = new Int32Array(0);
// The epochs sent, most recent last, with their ranks: the sender keeps the same list (EPOCHS_KEPT).
const kept = new Map<number, { columns: EpochColumns; ranks: Int32Array }>();
let marked: Uint8Array | null = null;
let layout: SampleLayout | null = null;
let view: NonNullable<PainterFrame["view"]> | null = null;
let colors: PainterColors | null = null;
let active: Uint8Array | null = null;

// The boxes without selection markers: a selection change copies them back and paints the markers.
let base: { pixels: Uint32Array; image: ImageData; blockOf: Int32Array; stats: PaintStats } | null = null;
let dirty = false, scheduled = false, lastSeq = 0;
// A glide to the new epoch's places waiting to start, and the one running (any new frame stops it).
type Glide = { from: Float32Array; stop: boolean };
let glide: Glide | null = null, gliding: Glide | null = null;

scope.onmessage = (ev: MessageEvent<PainterRequest>) => {
  const r = ev.data;
  try {
    if (r.kind === "canvas") { canvas = r.canvas; ctx = canvas.getContext("2d"); return; }
    if (r.kind === "snapshot") { void snapshot(r.id); return; }
    apply(r.frame);
    lastSeq = r.seq;
    if (!scheduled) { scheduled = true; setTimeout(flush, 0); }
  } catch (e) { fail(e); }
};

function apply(f: PainterFrame) {
  if (gliding) { gliding.stop = true; gliding = null; }
  if (f.epoch) {
    const next = keep(f.epoch.key, f.epoch.columns);
    const previous = epoch && layout && f.epoch.animate && epoch.predicted.length === next.columns.predicted.length ? placesOf(layout, epoch.predicted, ranks) : null;
    epoch = next.columns;
    ranks = next.ranks;
    glide = previous ? { from: previous, stop: false } : null;
    dirty = true;
  }
  if (f.marked) { marked = f.marked; dirty = true; }
  if (f.layout) { layout = f.layout; dirty = true; }
  if (f.view) { view = f.view; dirty = true; }
  if (f.colors) { colors = f.colors; dirty = true; }
  if (f.active !== undefined) active = f.active;
}

function keep(key: number, columns: EpochColumns | undefined) {
  const known = kept.get(key);
  kept.delete(key);
  if (!known && !columns) throw new Error(`epoch ${key} was neither sent nor kept`);
  const entry = known ?? { columns: columns!, ranks: rankOf({ starts: columns!.starts, order: columns!.order }) };
  kept.set(key, entry);
  while (kept.size > EPOCHS_KEPT) kept.delete(kept.keys().next().value!);
  return entry;
}

function flush() {
  scheduled = false;
  try {
    if (!canvas || !ctx || !epoch || !marked || !layout || !view || !colors || marked.length !== epoch.label.length) return;
    const t = performance.now();
    if (canvas.width !== view.width || canvas.height !== view.height) {
      canvas.width = view.width; canvas.height = view.height;
      base = null;
    }
    if (dirty || !base) paintBase();
    dirty = false;
    const stats = paintSelection();
    const reply: PainterReply = { kind: "painted", seq: lastSeq, stats, ms: performance.now() - t };
    if (glide) { gliding = glide; glide = null; animate(gliding, reply); }
    else scope.postMessage(reply);
  } catch (e) { fail(e); }
}

function paintBase() {
  const { width, height } = view!;
  const image = new ImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  pixels.fill(colors!.background);
  const stats = paintBoxes(pixels, width, height, {
    layout: layout!, order: { starts: epoch!.starts, order: epoch!.order }, label: epoch!.label, predicted: epoch!.predicted, score: epoch!.score,
    marked: marked!, selected: null, originX: view!.originX,
    scoreLut: colors!.lut, classColor: colors!.classColor, selectedColor: colors!.selected, triangleColor: colors!.triangle,
  });
  const blockOf = new Int32Array(colors!.classColor.length).fill(-1);
  layout!.blocks.forEach((b, k) => (blockOf[b.cls] = k));
  base = { pixels: pixels.slice(), image, blockOf, stats };
}

function paintSelection(): PaintStats {
  const { pixels, image, blockOf, stats } = base!;
  const buf = new Uint32Array(image.data.buffer);
  buf.set(pixels);
  const selected = active && active.length === epoch!.label.length
    ? paintMarkers(buf, view!.width, view!.height, layout!, blockOf, ranks, epoch!.predicted, active, colors!.selected, view!.originX)
    : 0;
  ctx!.putImageData(image, 0, 0);
  return { ...stats, selected };
}

/** Where each sample's box is now (x, y per sample; NaN when its class is not shown), for the glide to the next epoch. */
function placesOf(l: SampleLayout, predicted: Int32Array, r: Int32Array): Float32Array {
  const blockOf = new Int32Array(epoch!.starts.length - 1).fill(-1);
  l.blocks.forEach((b, k) => (blockOf[b.cls] = k));
  const out = new Float32Array(predicted.length * 2).fill(NaN);
  const rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  for (let i = 0; i < predicted.length; i++) {
    const k = blockOf[predicted[i]];
    if (k < 0) continue;
    boxRectInto(l, l.blocks[k], r[i], rect);
    out[2 * i] = rect.x; out[2 * i + 1] = rect.y;
  }
  return out;
}

/** Small runs: boxes glide from their old place to the new one (350 ms), then the exact pixels take over. */
function animate(g: Glide, done: PainterReply) {
  const to = placesOf(layout!, epoch!.predicted, ranks);
  const fills = Array.from(colors!.lut, (c) => `rgb(${c & 255},${(c >>> 8) & 255},${(c >>> 16) & 255})`);
  const background = colors!.background, bg = `rgb(${background & 255},${(background >>> 8) & 255},${(background >>> 16) & 255})`;
  const { originX, width, height } = view!, w = layout!.boxWidth, h = Math.max(1, Math.floor(layout!.pitchY) - (layout!.pitchY >= 4 ? 1 : 0));
  const start = performance.now();
  const step = () => {
    if (g.stop) return;
    const t = Math.min(1, (performance.now() - start) / 350);
    const e = t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
    ctx!.fillStyle = bg; ctx!.fillRect(0, 0, width, height);
    for (let i = 0; i < epoch!.score.length; i++) {
      const ax = isNaN(g.from[2 * i]) ? to[2 * i] : g.from[2 * i], ay = isNaN(g.from[2 * i + 1]) ? to[2 * i + 1] : g.from[2 * i + 1];
      const bx = isNaN(to[2 * i]) ? ax : to[2 * i], by = isNaN(to[2 * i + 1]) ? ay : to[2 * i + 1];
      if (isNaN(ax) || isNaN(bx)) continue;
      ctx!.fillStyle = fills[Math.round(Math.min(1, Math.max(0, epoch!.score[i])) * 255)];
      ctx!.fillRect(ax + (bx - ax) * e - originX, ay + (by - ay) * e, w, h);
    }
    if (t < 1) { requestAnimationFrame(step); return; }
    gliding = null;
    paintSelection();
    scope.postMessage(done);
  };
  requestAnimationFrame(step);
}

async function snapshot(id: number) {
  if (!canvas) return;
  const blob = await canvas.convertToBlob({ type: "image/png" });
  scope.postMessage({ kind: "snapshot", id, blob } satisfies PainterReply);
}

function fail(e: unknown) {
  scope.postMessage({ kind: "error", message: e instanceof Error ? e.message : String(e) } satisfies PainterReply);
}
