import { interpolateBlues, interpolateOranges } from "d3-scale-chromatic";
import { rgb } from "d3-color";
import { format } from "d3-format";
import type { ConfusionOverTime } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { sparklinePath, sparklinePoints } from "../lib/sparkline";
import { cellMembers, confusionMatrix as computeConfusion, maskedCells } from "../lib/confusion";
import { MATRIX_ORDERS, orderByConfusion, orderByName, type MatrixOrderKind } from "../lib/matrixOrder";
import { countRange, matrixPixels, nonZeroCells, positions, type NonZeroCells } from "../lib/matrixPixels";
import { clampView, FIT, maxZoomFor, panBy, zoomAt, type GridFrame, type GridView } from "../lib/matrixZoom";
import { SeriationClient } from "../workers/seriationClient";
import { h, cssVar, escapeHtml, sizeCanvas, watchSize } from "../ui/dom";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { tile } from "./tile";
import { SELECTED_GREEN } from "../lib/encoding";

/**
 * Confusion matrix of the epoch (rows = true class, columns = predicted),
 * linked: clicking a cell selects its samples in every tile; the active
 * selection's share of each cell is outlined in green. Correct cells are blue,
 * errors orange, both on a log scale so that small confusions show. Hovering
 * an error cell shows its count over the logged epochs as a sparkline.
 *
 * One canvas whatever the number of classes: the cells are pixels of one
 * image (lib/matrixPixels), so a thousand classes (a million cells) draw at
 * once. The wheel, the +/− buttons or the keyboard zoom, a drag pans, and the
 * class names appear once the cells are large enough to read. The classes
 * can be ordered by the run, by name, by confusion, or seriated so that
 * classes confused with each other sit side by side (lib/seriation, in a
 * worker).
 */
export interface ConfusionMatrixOptions {
  actions: DashboardActions;
  /** Height of the plot; by default 290 px up to 20 classes, 560 px beyond. */
  height?: number;
  /** Every confusion pair's count per epoch (the current split); asked for at the first hover. */
  loadHistory?: () => Promise<ConfusionOverTime>;
}
export interface ConfusionMatrixView { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

const count = format(","), pct = format(".1%");
/** Up to this many classes the whole matrix is readable at once: no name band above it, the page's usual height. */
const SMALL = 20;
/** Cells from this size show their class names, from 20 px their counts. */
const NAMES_FROM = 10, COUNTS_FROM = 20;
/** The matrix as JSON in the tile's dataset (for tests) only up to this many classes: a million numbers would cost every epoch step. */
const DATASET_MATRIX_LIMIT = 100;
const ZOOM_STEP = 2;

export function confusionMatrix(o: ConfusionMatrixOptions): ConfusionMatrixView {
  let m: DashboardModel | null = null;
  let matrix: Uint32Array = new Uint32Array(0);
  // Its non-zero cells: what the pixels and the color scales read.
  let cells: NonZeroCells = nonZeroCells(matrix, 0);
  let geometry = { left: 0, top: 0, cell: 0, size: 0 };
  let orderKind: MatrixOrderKind = "index";
  let view: GridView = FIT, frame: GridFrame = { n: 0, fitCell: 1, width: 0, height: 0, maxZoom: 1 };
  let height = 290;

  const orderSelect = h("select", { class: "compact", "aria-label": "Order of the classes", title: "Order of the rows and columns" },
    ...Object.entries(MATRIX_ORDERS).map(([value, info]) => h("option", { value, title: info.describe }, info.label)));
  orderSelect.addEventListener("change", () => { orderKind = orderSelect.value as MatrixOrderKind; paint(); });
  const zoomButton = (label: string, title: string, act: () => void) => h("button", { type: "button", title, "data-zoom": label, onclick: act }, label);
  const zoomOut = zoomButton("−", "Zoom out (−)", () => zoomBy(1 / ZOOM_STEP));
  const zoomIn = zoomButton("+", "Zoom in (+)", () => zoomBy(ZOOM_STEP));
  const zoomFit = zoomButton("Fit", "Show the whole matrix (0)", () => setView(FIT));

  const t = tile({
    id: "confusion", title: "Confusion matrix", span: "span-6",
    tools: [orderSelect, zoomOut, zoomIn, zoomFit],
    csv: () => m && {
      header: ["true \\ predicted", ...m.classNames],
      rows: m.classNames.map((name, r) => [name, ...m!.classNames.map((_, c) => matrix[r * m!.classNames.length + c])]),
    },
  });
  const canvas = h("canvas", { style: "cursor:pointer", tabindex: 0, "aria-label": "Confusion matrix: + and − zoom, arrows pan, 0 fits" });
  t.body.append(canvas);
  const size = watchSize(t.body, () => paint());

  // The cells and labels, drawn when the data, the classes, the order, the zoom, the theme or the
  // size change; a selection change only copies them and outlines its cells.
  const base = document.createElement("canvas");

  // The order shown, kept for the matrix and classes it was made for.
  let ordered: { matrix: Uint32Array; shown: number[]; kind: MatrixOrderKind; order: number[] } | null = null;
  // The order drawn now (rows and columns alike).
  let shownOrder: number[] = [];
  // Where each class is in it (-1: not shown).
  let shownPos: Int32Array = new Int32Array(0);
  const seriation = new SeriationClient();
  let asked: { matrix: Uint32Array; shown: number[] } | null = null;
  function displayOrder(): number[] {
    const shown = m!.shownClasses;
    if (ordered && ordered.matrix === matrix && ordered.shown === shown && ordered.kind === orderKind) return ordered.order;
    let order: number[] | null = null;
    if (orderKind === "index") order = shown;
    else if (orderKind === "name") order = orderByName(shown, m!.classNames);
    else if (orderKind === "confusion") order = orderByConfusion(matrix, m!.classNames.length, shown);
    if (order) {
      t.root.dataset.ordering = "ready";
      return (ordered = { matrix, shown, kind: orderKind, order }).order;
    }
    // The seriation arrives from its worker; until then the order drawn stays if it holds the same classes.
    if (asked?.matrix !== matrix || asked.shown !== shown) {
      t.root.dataset.ordering = "pending";
      const request = (asked = { matrix, shown });
      seriation.order(matrix, m!.classNames.length, shown).then((answer) => {
        if (!answer || request !== asked) return;
        asked = null;
        ordered = { ...request, kind: "seriation", order: answer };
        t.root.dataset.ordering = "ready";
        if (orderKind === "seriation") paint();
      }, (err: Error) => { asked = null; t.setMessage(err.message); });
    }
    return shownOrder.length === shown.length && sameMembers(shownOrder, shown) ? shownOrder : shown;
  }

  function layout(n: number) {
    const width = size.width;
    height = o.height ?? (n > SMALL ? 560 : 290);
    // Above a large matrix a band for the column names; a small one has only its color ticks.
    const top = n > SMALL ? 64 : 16;
    const fitCell = Math.min((width - 92) / n, (height - top - 8) / n);
    const side = n * fitCell;
    // Centred in the tile, the row labels in the 84 px left of the grid.
    const left = Math.max(84, Math.floor((width - side) / 2) + 42);
    frame = { n, fitCell, width: side, height: side, maxZoom: maxZoomFor(fitCell) };
    view = clampView({ ...view, zoom: Math.min(view.zoom, frame.maxZoom) }, frame);
    geometry = { left, top, cell: fitCell * view.zoom, size: side };
  }

  function paint() {
    if (!m || size.width <= 0) return;
    const C = m.classNames.length, shown = m.shownClasses, n = shown.length;
    layout(n);
    const order = (shownOrder = displayOrder());
    const { left, top, cell, size: side } = geometry;
    const width = size.width, dpr = window.devicePixelRatio || 1;
    const ctx = sizeCanvas(base, width, height);
    ctx.clearRect(0, 0, width, height);
    const pos = (shownPos = positions(order, C));
    const range = countRange(cells, pos), maxCorrect = Math.max(1, range.maxCorrect), maxWrong = Math.max(1, range.maxWrong);
    const blue = logRamp(interpolateBlues, maxCorrect), orange = logRamp(interpolateOranges, maxWrong);
    const empty = rgb(cssVar("--panel-2"));
    const px = Math.round(side * dpr);
    const image = new ImageData(matrixPixels({
      cells, pos, n, x0: view.x0, y0: view.y0, cell: cell * dpr, width: px, height: px,
    }, { correct: (v) => blue(v).rgb, wrong: (v) => orange(v).rgb, empty: [empty.r, empty.g, empty.b] }) as Uint8ClampedArray<ArrayBuffer>, px, px);
    ctx.putImageData(image, Math.round(left * dpr), Math.round(top * dpr));

    const rows = visible(view.y0), cols = visible(view.x0);
    if (cell >= COUNTS_FROM) {
      ctx.font = `${Math.min(11, Math.max(8, cell * 0.42))}px ${cssVar("--font")}`;
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      for (let i = rows.from; i < rows.to; i++) for (let j = cols.from; j < cols.to; j++) {
        const r = order[i], c = order[j], v = matrix[r * C + c];
        if (!v) continue;
        ctx.fillStyle = v / (r === c ? maxCorrect : maxWrong) > 0.45 ? "#fff" : "#222";
        ctx.fillText(v > 999 ? format(".2s")(v) : String(v), left + (j - view.x0 + 0.5) * cell, top + (i - view.y0 + 0.5) * cell);
      }
    }
    const text = cssVar("--text");
    ctx.textBaseline = "middle"; ctx.font = `11px ${cssVar("--font")}`;
    clipped(ctx, 0, top, width, side, () => {
      ctx.textAlign = "right";
      for (let i = rows.from; i < rows.to; i++) {
        const r = order[i], y = top + (i - view.y0) * cell;
        ctx.fillStyle = m!.colors[r];
        if (cell >= 3) ctx.fillRect(left - 6, y + 1, 3, cell - 3);
        if (cell >= 9) { ctx.fillStyle = text; ctx.fillText(trim(m!.classNames[r], 12), left - 9, y + cell / 2); }
      }
    });
    clipped(ctx, left, 0, side, height, () => {
      ctx.textAlign = "left"; ctx.font = `10px ${cssVar("--font")}`;
      for (let j = cols.from; j < cols.to; j++) {
        const c = order[j], x = left + (j - view.x0) * cell;
        ctx.fillStyle = m!.colors[c];
        if (cell >= 2) ctx.fillRect(x, top - 5, Math.max(1, cell - 1), 3);
        if (n > SMALL && cell >= NAMES_FROM) {
          // Column names read upwards, one per column: they never overlap.
          ctx.save(); ctx.translate(x + cell / 2, top - 8); ctx.rotate(-Math.PI / 2);
          ctx.fillStyle = text; ctx.fillText(trim(m!.classNames[c], 9), 0, 0);
          ctx.restore();
        }
      }
    });
    ctx.textAlign = "left"; ctx.fillStyle = cssVar("--muted"); ctx.font = `10px ${cssVar("--font")}`; ctx.textBaseline = "middle";
    ctx.fillText(view.zoom > 1 ? `predicted →  ·  rows ${rows.from + 1}–${rows.to}, columns ${cols.from + 1}–${cols.to} of ${n}` : "predicted →", left, 6);
    Object.assign(t.root.dataset, {
      geometry: JSON.stringify({ left, top, cell, x0: view.x0, y0: view.y0, classes: order }),
      order: orderKind, zoom: String(view.zoom),
    });
    zoomOut.disabled = zoomFit.disabled = view.zoom <= 1;
    zoomIn.disabled = view.zoom >= frame.maxZoom;
    paintSelection();
  }

  // The cells the selection falls in, kept while only the zoom changes.
  let selectedCells: { active: Uint8Array; matrix: Uint32Array; cells: Int32Array } | null = null;
  function selectionCells(model: DashboardModel): Int32Array {
    if (selectedCells?.active === model.active && selectedCells.matrix === matrix) return selectedCells.cells;
    const found = maskedCells(model.data.label, model.data.predicted, model.active, model.classNames.length);
    return (selectedCells = { active: model.active, matrix, cells: found }).cells;
  }

  /** The rows (or columns) in the window, from the first cell shown along the axis. */
  function visible(first: number) {
    return { from: Math.floor(first), to: Math.min(frame.n, Math.ceil(first + frame.width / geometry.cell - 1e-9)) };
  }

  function paintSelection() {
    if (!m || size.width <= 0) return;
    const ctx = sizeCanvas(canvas, size.width, height);
    ctx.clearRect(0, 0, size.width, height);
    ctx.drawImage(base, 0, 0, size.width, height);
    if (!m.activeCount) return;
    const C = m.classNames.length, { left, top, cell, size: side } = geometry;
    const selected = selectionCells(m);
    ctx.strokeStyle = ctx.fillStyle = SELECTED_GREEN; ctx.lineWidth = 2;
    clipped(ctx, left - 2, top - 2, side + 4, side + 4, () => {
      for (const k of selected) {
        const i = shownPos[Math.floor(k / C)], j = shownPos[k % C];
        if (i < 0 || j < 0) continue;
        const x = left + (j - view.x0) * cell, y = top + (i - view.y0) * cell;
        if (x + cell < left || y + cell < top || x > left + side || y > top + side) continue;
        // Cells too small to outline get a mark that shows in the overview.
        if (cell >= 4) ctx.strokeRect(x + 1, y + 1, cell - 3, cell - 3);
        else ctx.fillRect(x + cell / 2 - 1.5, y + cell / 2 - 1.5, 3, 3);
      }
    });
  }

  function setView(next: GridView) {
    view = clampView(next, frame);
    hideTooltip();
    paint();
  }
  /** Zooms around the centre of the window shown. */
  function zoomBy(factor: number) { setView(zoomAt(view, frame, factor, frame.width / 2, frame.height / 2)); }

  function cellAt(ev: MouseEvent): [number, number] | null {
    if (!m) return null;
    const { left, top, cell, size: side } = geometry;
    const dx = ev.offsetX - left, dy = ev.offsetY - top;
    if (dx < 0 || dy < 0 || dx >= side || dy >= side) return null;
    const order = shownOrder;
    const j = Math.floor(view.x0 + dx / cell), i = Math.floor(view.y0 + dy / cell);
    return i < order.length && j < order.length ? [order[i], order[j]] : null;
  }

  // Pair history by "true\u0001predicted", loaded once per run and split at the first hover.
  let history: { key: string; epochs: number[]; counts: Map<string, number[]> } | null = null, historyKey = "";
  function loadHistory() {
    const key = m ? `${m.run.run}|${m.split}` : "";
    if (!o.loadHistory || !m || historyKey === key) return;
    historyKey = key;
    o.loadHistory().then((answer) => {
      history = { key, epochs: answer.epochs, counts: new Map(answer.pairs.map((p) => [`${p.true}\u0001${p.predicted}`, p.counts])) };
    }, () => { historyKey = ""; });
  }

  function sparkline(r: number, c: number): string {
    if (!m || !history || history.key !== `${m.run.run}|${m.split}`) return "";
    const counts = history.counts.get(`${m.classNames[r]}\u0001${m.classNames[c]}`);
    if (!counts) return "";
    const points = sparklinePoints(counts, 160, 34), at = points[history.epochs.indexOf(m.epoch)];
    return `<br><svg class="sparkline" width="160" height="34"><path d="${sparklinePath(points)}" fill="none" stroke="${m.colors[c]}" stroke-width="1.5"/>` +
      (at ? `<circle cx="${at[0]}" cy="${at[1]}" r="2.5" class="sparkline-dot"/>` : "") +
      `</svg><br><span class="muted">epochs ${history.epochs[0]}–${history.epochs.at(-1)}: ${counts[0]} → ${counts.at(-1)}</span>`;
  }

  // A drag pans; a press released where it started is a click (it selects).
  let press: { x: number; y: number; view: GridView; moved: boolean } | null = null;
  canvas.addEventListener("mousedown", (ev) => { press = { x: ev.clientX, y: ev.clientY, view, moved: false }; });
  window.addEventListener("mouseup", () => { setTimeout(() => (press = null)); canvas.style.cursor = "pointer"; });
  canvas.addEventListener("mousemove", (ev) => {
    if (press && ev.buttons === 1) {
      const dx = ev.clientX - press.x, dy = ev.clientY - press.y;
      if (press.moved || Math.hypot(dx, dy) > 4) {
        press.moved = true;
        canvas.style.cursor = "grabbing";
        return setView(panBy(press.view, frame, dx, dy));
      }
    }
    const cell = cellAt(ev);
    if (!cell || !m) return hideTooltip();
    loadHistory();
    const [r, c] = cell, C = m.classNames.length;
    const v = matrix[r * C + c];
    let row = 0; for (let k = 0; k < C; k++) row += matrix[r * C + k];
    showTooltip(`true <b style="color:${m.colors[r]}">${escapeHtml(m.classNames[r])}</b> → predicted <b style="color:${m.colors[c]}">${escapeHtml(m.classNames[c])}</b><br>${count(v)} samples (${row ? pct(v / row) : "–"} of the class)${r === c ? "" : sparkline(r, c)}<br><span class="muted">click: select these samples everywhere${frame.n > SMALL ? " · wheel: zoom · drag: pan" : ""}</span>`, ev.clientX, ev.clientY);
  });
  canvas.addEventListener("mouseleave", hideTooltip);
  canvas.addEventListener("click", (ev) => {
    if (press?.moved) return;
    const cell = cellAt(ev);
    if (!cell || !m) return;
    o.actions.pick(cellMembers(m.data.label, m.data.predicted, cell[0], cell[1]), ev.shiftKey ? "add" : "replace");
  });
  canvas.addEventListener("wheel", (ev) => {
    const { left, top, size: side } = geometry;
    const x = ev.offsetX - left, y = ev.offsetY - top;
    if (x < 0 || y < 0 || x >= side || y >= side || frame.n <= SMALL) return;
    // The page scrolls on, except over a large matrix (a small one zooms with the buttons).
    ev.preventDefault();
    setView(zoomAt(view, frame, Math.exp(-ev.deltaY * 0.002), x, y));
  }, { passive: false });
  canvas.addEventListener("keydown", (ev) => {
    const step = frame.width / 4;
    const moves: Record<string, () => GridView> = {
      "+": () => zoomAt(view, frame, ZOOM_STEP, frame.width / 2, frame.height / 2), "=": () => zoomAt(view, frame, ZOOM_STEP, frame.width / 2, frame.height / 2),
      "-": () => zoomAt(view, frame, 1 / ZOOM_STEP, frame.width / 2, frame.height / 2), "0": () => FIT,
      ArrowLeft: () => panBy(view, frame, step, 0), ArrowRight: () => panBy(view, frame, -step, 0),
      ArrowUp: () => panBy(view, frame, 0, step), ArrowDown: () => panBy(view, frame, 0, -step),
    };
    const move = moves[ev.key];
    if (!move) return;
    ev.preventDefault();
    setView(move());
  });

  return {
    root: t.root,
    update(next, changes) {
      m = next;
      if (changes.has("data")) {
        const C = next.classNames.length;
        matrix = computeConfusion(next.data.label, next.data.predicted, C);
        cells = nonZeroCells(matrix, C);
        if (C <= DATASET_MATRIX_LIMIT) t.root.dataset.matrix = JSON.stringify(Array.from({ length: C }, (_, r) => Array.from(matrix.subarray(r * C, (r + 1) * C))));
        else delete t.root.dataset.matrix;
      }
      if (changes.has("classes")) view = FIT;
      t.setSubtitle(`epoch ${next.epoch} · rows = true class, columns = predicted · click a cell to select${next.shownClasses.length > SMALL ? " · wheel or +/− to zoom, drag to pan" : ""}`);
      if (changes.has("data") || changes.has("classes") || changes.has("theme")) paint();
      else paintSelection();
    },
  };
}

/** A log color ramp over counts 1..max as 64 precomputed colors: a million cells, no interpolation each. */
function logRamp(interpolate: (t: number) => string, max: number): (count: number) => { rgb: [number, number, number] } {
  const steps = Array.from({ length: 64 }, (_, k) => { const c = rgb(interpolate(0.15 + 0.85 * (k / 63))); return { rgb: [c.r, c.g, c.b] as [number, number, number] }; });
  const scale = 63 / Math.log(max + 1);
  return (count) => steps[Math.min(63, Math.round(Math.log(count + 1) * scale))];
}

/** Draws inside a rectangle only (labels of the rows and columns in the window). */
function clipped(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, hgt: number, draw: () => void) {
  ctx.save();
  ctx.beginPath(); ctx.rect(x, y, w, hgt); ctx.clip();
  draw();
  ctx.restore();
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return b.every((x) => set.has(x));
}

const trim = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
