import type { SampleLayout } from "../lib/sampleLayout";
import type { PaintStats } from "../lib/raster";

/**
 * The classification view's painter, run in a Web Worker on the view's canvas
 * (transferred with transferControlToOffscreen): at a million samples the
 * main thread only hands over typed arrays and stays free for the brush, the
 * tooltips and the other tiles. The worker keeps the epoch's columns, their
 * ranks and the unselected pixels, so a selection change paints only the
 * markers and an epoch step only repaints (see boxPainter.worker.ts).
 */

/** What changed since the last frame; only the fields given are replaced. */
export interface PainterFrame {
  /**
   * The epoch to paint, by key; its columns (copies: they are transferred) the first time, after which the
   * worker keeps them (the last EPOCHS_KEPT), so stepping back and forth sends nothing but the key.
   * `animate`: boxes glide from their previous place.
   */
  epoch?: { key: number; columns?: EpochColumns; animate: boolean };
  /** 1 for the samples the triangles mark. */
  marked?: Uint8Array;
  layout?: SampleLayout;
  /** The visible window, device px: the canvas is this wide and starts at content x `originX`. */
  view?: { width: number; height: number; originX: number };
  colors?: PainterColors;
  /** The active selection (null = none). */
  active?: Uint8Array | null;
}

export interface EpochColumns { label: Int32Array; predicted: Int32Array; score: Float32Array; starts: Int32Array; order: Int32Array }

/** Epochs whose columns the worker keeps. */
export const EPOCHS_KEPT = 4;

export interface PainterColors { lut: Uint32Array; classColor: Uint32Array; background: number; selected: number; triangle: number }

/** Messages to the worker. */
export type PainterRequest =
  | { kind: "canvas"; canvas: OffscreenCanvas }
  | { kind: "frame"; seq: number; frame: PainterFrame }
  | { kind: "snapshot"; id: number };

/** Messages from the worker. */
export type PainterReply =
  | { kind: "painted"; seq: number; stats: PaintStats; ms: number }
  | { kind: "snapshot"; id: number; blob: Blob }
  | { kind: "error"; message: string };

export interface BoxPainter {
  /** Sends what changed; returns the frame's number, which its `onPainted` carries. */
  send(frame: PainterFrame): number;
  /** The pixels as they are now, as a PNG (tile export). */
  snapshot(): Promise<Blob>;
}

export interface BoxPainterOptions {
  onPainted(seq: number, stats: PaintStats, ms: number): void;
  onError(message: string): void;
}

export function boxPainter(canvas: HTMLCanvasElement, o: BoxPainterOptions): BoxPainter {
  if (typeof canvas.transferControlToOffscreen !== "function" || typeof Worker === "undefined") {
    throw new Error("This browser cannot paint in a worker (OffscreenCanvas): use a current Chromium, Edge, Firefox or Safari.");
  }
  const worker = new Worker(new URL("./boxPainter.worker.ts", import.meta.url), { type: "module" });
  const offscreen = canvas.transferControlToOffscreen();
  worker.postMessage({ kind: "canvas", canvas: offscreen } satisfies PainterRequest, [offscreen]);
  const snapshots = new Map<number, (b: Blob) => void>();
  let seq = 0, snapshotId = 0;
  worker.onmessage = (ev: MessageEvent<PainterReply>) => {
    const r = ev.data;
    if (r.kind === "painted") o.onPainted(r.seq, r.stats, r.ms);
    else if (r.kind === "snapshot") { snapshots.get(r.id)?.(r.blob); snapshots.delete(r.id); }
    else o.onError(r.message);
  };
  worker.onerror = (ev) => o.onError(ev.message || "The painter stopped.");
  return {
    send(frame) {
      seq++;
      worker.postMessage({ kind: "frame", seq, frame } satisfies PainterRequest, transferables(frame));
      return seq;
    },
    snapshot() {
      const id = ++snapshotId;
      return new Promise((resolve) => {
        snapshots.set(id, resolve);
        worker.postMessage({ kind: "snapshot", id } satisfies PainterRequest);
      });
    },
  };
}

/** The frame's arrays are the sender's own copies: moved, not cloned. */
function transferables(f: PainterFrame): Transferable[] {
  const out: Transferable[] = [];
  const c = f.epoch?.columns;
  if (c) out.push(c.label.buffer, c.predicted.buffer, c.score.buffer, c.starts.buffer, c.order.buffer);
  if (f.marked) out.push(f.marked.buffer);
  if (f.active) out.push(f.active.buffer);
  return out as Transferable[];
}
