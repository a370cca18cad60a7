import { interpolateBlues, interpolateOranges } from "d3-scale-chromatic";
import { format } from "d3-format";
import type { ConfusionOverTime } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { sparklinePath, sparklinePoints } from "../lib/sparkline";
import { cellMembers, confusionMatrix as computeConfusion, maskedConfusion } from "../lib/confusion";
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
 */
export interface ConfusionMatrixOptions {
  actions: DashboardActions;
  height?: number;
  /** Every confusion pair's count per epoch (the current split); asked for at the first hover. */
  loadHistory?: () => Promise<ConfusionOverTime>;
}
export interface ConfusionMatrixView { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

const count = format(","), pct = format(".1%");

export function confusionMatrix(o: ConfusionMatrixOptions): ConfusionMatrixView {
  let m: DashboardModel | null = null;
  let matrix: Uint32Array = new Uint32Array(0);
  let geometry = { left: 0, top: 0, cell: 0 };
  const height = o.height ?? 290;
  const t = tile({
    id: "confusion", title: "Confusion matrix", span: "span-6",
    csv: () => m && {
      header: ["true \\ predicted", ...m.classNames],
      rows: m.classNames.map((name, r) => [name, ...m!.classNames.map((_, c) => matrix[r * m!.classNames.length + c])]),
    },
  });
  const canvas = h("canvas", { style: "cursor:pointer" });
  t.body.append(canvas);
  const size = watchSize(t.body, () => paint());

  // The cells and labels, drawn when the data, the classes, the theme or the
  // size change; a selection change only copies them and outlines its cells.
  const base = document.createElement("canvas");

  function paint() {
    if (!m || size.width <= 0) return;
    const C = m.classNames.length, shown = m.shownClasses, n = shown.length;
    const width = size.width;
    const labelHeight = 16;
    const cell = Math.max(3, Math.min((width - 92) / n, (height - labelHeight - 8) / n));
    // Centred in the tile, the row labels in the 84 px left of the grid.
    const labelWidth = Math.max(84, Math.floor((width - n * cell) / 2) + 42);
    geometry = { left: labelWidth, top: labelHeight, cell };
    const ctx = sizeCanvas(base, width, height);
    ctx.clearRect(0, 0, width, height);
    let maxCorrect = 1, maxWrong = 1;
    for (const r of shown) for (const c of shown) {
      const v = matrix[r * C + c];
      if (r === c) maxCorrect = Math.max(maxCorrect, v); else maxWrong = Math.max(maxWrong, v);
    }
    const blue = logRamp(interpolateBlues, maxCorrect), orange = logRamp(interpolateOranges, maxWrong);
    const empty = cssVar("--panel-2");
    ctx.font = `${Math.min(11, Math.max(8, cell * 0.42))}px ${cssVar("--font")}`;
    ctx.textAlign = "center"; ctx.textBaseline = "middle";
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const r = shown[i], c = shown[j], v = matrix[r * C + c], x = labelWidth + j * cell, y = labelHeight + i * cell;
      ctx.fillStyle = v === 0 ? empty : (r === c ? blue : orange)(v);
      ctx.fillRect(x, y, cell - 1, cell - 1);
      if (cell >= 20 && v > 0) {
        ctx.fillStyle = v / (r === c ? maxCorrect : maxWrong) > 0.45 ? "#fff" : "#222";
        ctx.fillText(v > 999 ? format(".2s")(v) : String(v), x + cell / 2, y + cell / 2);
      }
    }
    ctx.textAlign = "right"; ctx.font = `11px ${cssVar("--font")}`;
    const text = cssVar("--text");
    shown.forEach((r, i) => {
      ctx.fillStyle = m!.colors[r];
      ctx.fillRect(labelWidth - 6, labelHeight + i * cell + 1, 3, cell - 3);
      if (cell >= 9) { ctx.fillStyle = text; ctx.fillText(trim(m!.classNames[r], 12), labelWidth - 9, labelHeight + i * cell + cell / 2); }
    });
    shown.forEach((c, j) => { ctx.fillStyle = m!.colors[c]; ctx.fillRect(labelWidth + j * cell, labelHeight - 5, cell - 1, 3); });
    ctx.textAlign = "left"; ctx.fillStyle = cssVar("--muted"); ctx.font = `10px ${cssVar("--font")}`;
    ctx.fillText("predicted →", labelWidth, 6);
    t.root.dataset.geometry = JSON.stringify({ ...geometry, classes: shown });
    paintSelection();
  }

  function paintSelection() {
    if (!m || size.width <= 0) return;
    const ctx = sizeCanvas(canvas, size.width, height);
    ctx.clearRect(0, 0, size.width, height);
    ctx.drawImage(base, 0, 0, size.width, height);
    if (!m.activeCount) return;
    const C = m.classNames.length, { left, top, cell } = geometry;
    const selected = maskedConfusion(m.data.label, m.data.predicted, m.active, C);
    ctx.strokeStyle = SELECTED_GREEN; ctx.lineWidth = 2;
    m.shownClasses.forEach((r, i) => m!.shownClasses.forEach((c, j) => {
      if (selected[r * C + c]) ctx.strokeRect(left + j * cell + 1, top + i * cell + 1, cell - 3, cell - 3);
    }));
  }

  function cellAt(ev: MouseEvent): [number, number] | null {
    if (!m) return null;
    const j = Math.floor((ev.offsetX - geometry.left) / geometry.cell), i = Math.floor((ev.offsetY - geometry.top) / geometry.cell);
    const n = m.shownClasses.length;
    return i >= 0 && j >= 0 && i < n && j < n ? [m.shownClasses[i], m.shownClasses[j]] : null;
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

  canvas.addEventListener("mousemove", (ev) => {
    const cell = cellAt(ev);
    if (!cell || !m) return hideTooltip();
    loadHistory();
    const [r, c] = cell, C = m.classNames.length;
    const v = matrix[r * C + c];
    let row = 0; for (let k = 0; k < C; k++) row += matrix[r * C + k];
    showTooltip(`true <b style="color:${m.colors[r]}">${escapeHtml(m.classNames[r])}</b> → predicted <b style="color:${m.colors[c]}">${escapeHtml(m.classNames[c])}</b><br>${count(v)} samples (${row ? pct(v / row) : "–"} of the class)${r === c ? "" : sparkline(r, c)}<br><span class="muted">click: select these samples everywhere</span>`, ev.clientX, ev.clientY);
  });
  canvas.addEventListener("mouseleave", hideTooltip);
  canvas.addEventListener("click", (ev) => {
    const cell = cellAt(ev);
    if (!cell || !m) return;
    o.actions.pick(cellMembers(m.data.label, m.data.predicted, cell[0], cell[1]), ev.shiftKey ? "add" : "replace");
  });

  return {
    root: t.root,
    update(next, changes) {
      m = next;
      if (changes.has("data")) {
        matrix = computeConfusion(next.data.label, next.data.predicted, next.classNames.length);
        t.root.dataset.matrix = JSON.stringify(Array.from({ length: next.classNames.length }, (_, r) => Array.from(matrix.subarray(r * next.classNames.length, (r + 1) * next.classNames.length))));
      }
      t.setSubtitle(`epoch ${next.epoch} · rows = true class, columns = predicted · click a cell to select`);
      if (changes.has("data") || changes.has("classes") || changes.has("theme")) paint();
      else paintSelection();
    },
  };
}

/** A log color ramp over counts 1..max as 64 precomputed colors: thousands of cells, no interpolation each. */
function logRamp(interpolate: (t: number) => string, max: number): (count: number) => string {
  const steps = Array.from({ length: 64 }, (_, k) => interpolate(0.15 + 0.85 * (k / 63)));
  const scale = 63 / Math.log(max + 1);
  return (count) => steps[Math.min(63, Math.round(Math.log(count + 1) * scale))];
}

const trim = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
