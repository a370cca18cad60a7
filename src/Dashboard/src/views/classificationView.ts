import { select } from "d3-selection";
import type { D3BrushEvent } from "d3-brush";
import { timer } from "d3-timer";
import { easeCubicInOut } from "d3-ease";
import { format } from "d3-format";
import type { Keywords } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { LatestRequest, SUPERSEDED } from "../app/latest";
import { columnsLayout, gridLayout, boxRect, blockAt, hitTest, ranksInRect, type SampleLayout, type Rect } from "../lib/sampleLayout";
import { paintBoxes, paintMarkers, type PaintStats } from "../lib/raster";
import { packColor, scoreColor, scoreLut, SELECTED_GREEN } from "../lib/encoding";
import { rankOf } from "../lib/classOrder";
import { h, cssVar, escapeHtml, watchSize } from "../ui/dom";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { tile, toggleButton } from "./tile";
import { pickBrush } from "./pickBrush";

/**
 * Classification view (paper, section 5.1, figures 3 and 6): a column per
 * class, a box per sample predicted as it, ordered by score; or the same as a
 * dense grid. Boxes are painted into pixels (see lib/raster) so that 1,000,000
 * samples cost one putImageData; the header, keywords and brush are SVG.
 */
export interface ClassificationViewOptions {
  actions: DashboardActions;
  /** Keywords of the current epoch, or null when the epoch has no attention. */
  loadKeywords(top: number, signal: AbortSignal): Promise<Keywords | null>;
  /** Height of the scrolling area, CSS px. */
  height?: number;
  /** Epoch changes animate only up to this many samples; larger runs switch instantly. */
  animateBelow?: number;
}

export interface ClassificationView {
  root: HTMLElement;
  update(m: DashboardModel, changes: ReadonlySet<Slice>): void;
  readonly lastPaint: PaintStats | null;
}

const HEADER = 40, KEYWORDS = 70;
const count = format(","), pct = format(".0%"), score3 = format(".3f");

export function classificationView(o: ClassificationViewOptions): ClassificationView {
  let m: DashboardModel | null = null;
  let layout: SampleLayout | null = null;
  let ranks: Int32Array | null = null;
  let keywords: Keywords | null = null, showKeywords = false;
  let lastPaint: PaintStats | null = null;
  let animation: ReturnType<typeof timer> | null = null;
  const dpr = () => window.devicePixelRatio || 1;

  const columnsButton = h("button", { type: "button", title: "One column of stacked boxes per class (paper, figure 3)", "aria-pressed": "true", "data-layout": "columns" }, "Columns");
  const gridButton = h("button", { type: "button", title: "Dense grid: for many samples or a small screen (paper, figure 6)", "aria-pressed": "false", "data-layout": "grid" }, "Grid");
  columnsButton.addEventListener("click", () => o.actions.setLayout("columns"));
  gridButton.addEventListener("click", () => o.actions.setLayout("grid"));
  const keywordsButton = toggleButton("Keywords", "Show the words the attention weighs most for each class", async (on) => {
    showKeywords = on;
    await refreshKeywords(relayout);
  });

  // The keywords of the epoch shown: an answer for an epoch left meanwhile is dropped.
  const keywordsRequest = new LatestRequest();
  async function refreshKeywords(then: () => void) {
    if (!showKeywords || !m) keywordsRequest.cancel();
    const answer = showKeywords && m ? await keywordsRequest.run((signal) => o.loadKeywords(3, signal)).catch(() => null) : null;
    if (answer === SUPERSEDED) return;
    keywords = answer;
    then();
  }

  const t = tile({
    id: "classification", title: "Classification", span: "span-12",
    tools: [h("span", { class: "segmented" }, columnsButton, gridButton), keywordsButton],
    csv: () => m && {
      header: ["sampleId", "predicted", "label", "score", "correct", "mispredictions", "marked", "selected", "rank"],
      rows: (function* () {
        const d = m!.data;
        for (const cls of m!.shownClasses) {
          for (let k = m!.order.starts[cls], r = 0; k < m!.order.starts[cls + 1]; k++, r++) {
            const i = m!.order.order[k];
            yield [d.ids[i], m!.classNames[d.predicted[i]], m!.classNames[d.label[i]], d.score[i], d.label[i] === d.predicted[i], d.mispredictions[i], !!m!.marked[i], !!m!.active[i], r];
          }
        }
      })(),
    },
  });

  const legend = h("div", { class: "legend" });
  const header = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).attr("class", "columns-header").style("display", "block");
  const canvas = h("canvas", { class: "boxes" });
  const overlay = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).attr("class", "boxes-overlay").style("position", "absolute").style("left", "0");
  const inner = h("div", { style: "position:relative" }, header.node()!, canvas, overlay.node()!);
  const scroller = h("div", { class: "scroll-x", style: `height:${o.height ?? 460}px` }, inner);
  t.body.append(legend, scroller);
  const size = watchSize(scroller, () => relayout());

  function drawLegend() {
    if (!m) return;
    legend.innerHTML = `<span><span class="ramp" style="display:inline-block;vertical-align:middle;background:linear-gradient(90deg,${scoreColor(0)},${scoreColor(0.5)},${scoreColor(1)})"></span> score 0 → 1 (dark = confident)</span>` +
      `<span><span class="box" style="background:${scoreColor(0.8)}"></span>correct</span>` +
      `<span><span class="box" style="background:${scoreColor(0.4)};outline:2px solid ${m.colors[0]};outline-offset:-2px"></span>wrong: outline = true class</span>` +
      `<span><span class="tri"></span>${escapeHtml(m.markText)}</span>` +
      `<span><span class="box" style="background:${SELECTED_GREEN}"></span>selected</span>`;
  }

  // Narrow columns (many classes) get their names written upwards, in a taller header.
  let rotateNames = false, namesHeight = HEADER;
  function measureNames() {
    if (!m) return;
    const pitch = Math.max(18, Math.floor(size.width / Math.max(1, m.shownClasses.length)));
    const longest = Math.max(...m.shownClasses.map((c) => m!.classNames[c].length));
    rotateNames = longest * 6.6 > pitch - 4;
    namesHeight = rotateNames ? Math.min(120, Math.ceil(longest * 6.4) + 14) : HEADER;
  }
  function headerHeight() { return namesHeight + (showKeywords ? KEYWORDS : 0); }

  function relayout() {
    if (!m) return;
    measureNames();
    const width = size.width, height = size.height - headerHeight() - 14;
    if (width <= 0) return;
    const options = { width: width * dpr(), height: height * dpr(), minColumnWidth: 18 * dpr(), maxBoxHeight: 10 * dpr(), maxCell: 12 * dpr() };
    layout = (m.layout === "grid" ? gridLayout : columnsLayout)(m.shownClasses, m.counts, options);
    const cssWidth = layout.width / dpr(), cssHeight = layout.height / dpr();
    inner.style.width = `${cssWidth}px`;
    canvas.width = layout.width; canvas.height = layout.height;
    canvas.style.width = `${cssWidth}px`; canvas.style.height = `${cssHeight}px`;
    overlay.attr("width", cssWidth).attr("height", cssHeight).style("top", `${headerHeight()}px`);
    drawHeader();
    setupBrush(cssWidth, cssHeight);
    paint();
  }

  function drawHeader() {
    if (!m || !layout) return;
    const hh = headerHeight();
    const s = 1 / dpr();
    header.attr("width", layout.width * s).attr("height", hh).selectAll("*").remove();
    const maxWeight = Math.max(1e-9, ...(keywords?.classes.flatMap((c) => c.keywords.map((k) => k.weight)) ?? [0]));
    for (const block of layout.blocks) {
      const x = block.x * s, w = (layout.kind === "columns" ? layout.boxWidth : block.width) * s;
      const g = header.append("g").attr("class", "column-head").attr("data-class", m.classNames[block.cls]).attr("data-count", block.count)
        .attr("transform", `translate(${x},0)`).style("cursor", "pointer");
      if (showKeywords && keywords) {
        const words = keywords.classes.find((c) => c.index === block.cls)?.keywords ?? [];
        let y = 4;
        for (const k of words) {
          const size = 9 + 9 * Math.sqrt(k.weight / maxWeight);
          y += size + 2;
          g.append("text").attr("class", "keyword").attr("x", w / 2).attr("y", y).attr("text-anchor", "middle")
            .attr("font-size", size).attr("fill", m.colors[block.cls]).text(fit(k.text, w, size));
        }
      }
      if (rotateNames) {
        g.append("text").attr("class", "class-name").attr("transform", `translate(${w / 2 + 4},${hh - 8}) rotate(-90)`).attr("font-size", 11).attr("font-weight", 600)
          .text(fit(m.classNames[block.cls], namesHeight - 12, 11));
      } else {
        g.append("text").attr("class", "class-name").attr("x", w / 2).attr("y", hh - 20).attr("text-anchor", "middle").attr("font-size", 11).attr("font-weight", 600)
          .text(fit(m.classNames[block.cls], w + 4, 11));
        g.append("text").attr("x", w / 2).attr("y", hh - 8).attr("text-anchor", "middle").attr("font-size", 10).attr("fill", "var(--muted)")
          .text(count(block.count));
      }
      g.append("rect").attr("y", hh - 4).attr("width", w).attr("height", 4).attr("fill", m.colors[block.cls]);
      g.on("mousemove", (ev: MouseEvent) => {
        const correct = countCorrect(block.cls);
        showTooltip(`<b style="color:${m!.colors[block.cls]}">${escapeHtml(m!.classNames[block.cls])}</b><br>${count(block.count)} predicted · ${count(correct)} correct (${block.count ? pct(correct / block.count) : "–"})<br><span class="muted">click: select the column · shift: add it</span>`, ev.clientX, ev.clientY);
      }).on("mouseleave", hideTooltip)
        .on("click", (ev: MouseEvent) => {
          const start = m!.order.starts[block.cls];
          o.actions.pick(Array.from(m!.order.order.subarray(start, start + block.count)), ev.shiftKey ? "add" : "replace");
        });
    }
  }

  function countCorrect(cls: number) {
    const { starts, order } = m!.order;
    let n = 0;
    for (let k = starts[cls]; k < starts[cls + 1]; k++) if (m!.data.label[order[k]] === cls) n++;
    return n;
  }

  function setupBrush(width: number, height: number) {
    const b = pickBrush({
      extent: [[0, 0], [width, height]],
      onPick: pickInBrush,
      onClick: clickAt,
      clear: (behavior) => overlay.select<SVGGElement>("g.brush").call(behavior.move, null),
    });
    overlay.selectAll("g.brush").remove();
    overlay.append("g").attr("class", "brush").call(b);
    overlay.on("mousemove", (ev: MouseEvent) => hover(ev)).on("mouseleave", hideTooltip);
  }

  function pickInBrush(ev: D3BrushEvent<unknown>, transient: boolean) {
    if (!m || !layout || !ev.selection) return;
    const [[x0, y0], [x1, y1]] = (ev.selection as [[number, number], [number, number]]).map(([x, y]) => [x * dpr(), y * dpr()]);
    const picked: number[] = [];
    for (let k = Math.max(0, blockAt(layout, x0)), n = layout.blocks.length; k < n; k++) {
      const block = layout.blocks[k];
      if (block.x > x1) break;
      const start = m.order.starts[block.cls];
      for (const r of ranksInRect(layout, k, x0, y0, x1, y1)) picked.push(m.order.order[start + r]);
    }
    const shift = (ev.sourceEvent as MouseEvent | undefined)?.shiftKey;
    o.actions.pick(picked, shift ? "add" : "replace", transient);
  }

  function sampleAt(ev: MouseEvent): number {
    if (!m || !layout) return -1;
    const hit = hitTest(layout, ev.offsetX * dpr(), ev.offsetY * dpr());
    return hit ? m.order.order[m.order.starts[layout.blocks[hit.block].cls] + hit.rank] : -1;
  }

  function clickAt(ev: MouseEvent) {
    const i = sampleAt(ev);
    if (i < 0) { if (!ev.shiftKey) o.actions.pick([], "replace"); return; }
    o.actions.pick([i], ev.shiftKey ? "toggle" : "replace");
    if (!ev.shiftKey) o.actions.openDetail(i);
  }

  function hover(ev: MouseEvent) {
    const i = sampleAt(ev);
    if (i < 0 || !m) return hideTooltip();
    const d = m.data, wrong = d.label[i] !== d.predicted[i];
    showTooltip(`<b>${escapeHtml(String(d.ids[i]))}</b><table>` +
      `<tr><td>predicted</td><td style="color:${m.colors[d.predicted[i]]}">${escapeHtml(m.classNames[d.predicted[i]])}</td></tr>` +
      `<tr><td>label</td><td style="color:${m.colors[d.label[i]]}">${escapeHtml(m.classNames[d.label[i]])} ${wrong ? "✗" : "✓"}</td></tr>` +
      `<tr><td>score</td><td>${score3(d.score[i])}</td></tr>` +
      `<tr><td>mispredicted</td><td>${d.mispredictions[i]} of the epochs ≤ ${m.epoch}</td></tr></table>` +
      `<span class="muted">click: details · shift-click: add · drag: brush</span>`, ev.clientX, ev.clientY);
  }

  const colorCache = { key: "", lut: scoreLut(), classColor: new Uint32Array(0), background: 0, selected: 0, triangle: 0 };
  function colors() {
    const key = `${document.documentElement.className}|${m!.colors.join()}`;
    if (colorCache.key !== key) {
      colorCache.key = key;
      colorCache.classColor = Uint32Array.from(m!.colors.map((c) => packColor(c)));
      colorCache.background = packColor(cssVar("--panel") || "#fff");
      colorCache.selected = packColor(SELECTED_GREEN);
      colorCache.triangle = packColor(cssVar("--triangle") || "#000");
    }
    return colorCache;
  }

  // The boxes without selection markers, kept so a selection change (every
  // brush move) only copies them back and paints the markers.
  let base: { pixels: Uint32Array; image: ImageData; blockOf: Int32Array } | null = null;

  function paint() {
    if (!m || !layout) return;
    animation?.stop(); animation = null;
    const ctx = canvas.getContext("2d")!;
    const image = ctx.createImageData(canvas.width, canvas.height);
    const buf = new Uint32Array(image.data.buffer);
    const c = colors();
    buf.fill(c.background);
    lastPaint = paintBoxes(buf, canvas.width, canvas.height, {
      layout, order: m.order, label: m.data.label, predicted: m.data.predicted, score: m.data.score,
      marked: m.marked, selected: null,
      scoreLut: c.lut, classColor: c.classColor, selectedColor: c.selected, triangleColor: c.triangle,
    });
    const blockOf = new Int32Array(m.classNames.length).fill(-1);
    layout.blocks.forEach((b, k) => (blockOf[b.cls] = k));
    base = { pixels: buf.slice(), image, blockOf };
    paintSelection();
  }

  function paintSelection() {
    if (!m || !layout || !base || !ranks || !lastPaint) return;
    const buf = new Uint32Array(base.image.data.buffer);
    buf.set(base.pixels);
    lastPaint.selected = m.activeCount
      ? paintMarkers(buf, canvas.width, canvas.height, layout, base.blockOf, ranks, m.data.predicted, m.active, colors().selected)
      : 0;
    canvas.getContext("2d")!.putImageData(base.image, 0, 0);
    publish();
  }

  /** What was drawn, as attributes: the e2e tests compare it with the API. */
  function publish() {
    if (!m || !layout || !lastPaint) return;
    t.root.dataset.layout = layout.kind;
    t.root.dataset.epoch = String(m.epoch);
    t.root.dataset.boxes = String(lastPaint.boxes);
    t.root.dataset.triangles = String(lastPaint.triangles);
    t.root.dataset.selected = String(lastPaint.selected);
    t.root.dataset.columns = JSON.stringify(layout.blocks.map((b, k) => ({ name: m!.classNames[b.cls], count: b.count, painted: lastPaint!.boxesPerBlock[k] })));
    t.setSubtitle(`epoch ${m.epoch} · ${m.split} · ${m.compare ? `${count(m.compare.changed)} of ${count(m.data.ids.length)} samples changed prediction vs epoch ${m.compare.epoch}` : `${count(m.data.ids.length)} samples`} in ${m.shownClasses.length} classes · ${layout.kind === "grid" ? "grid" : "columns"}`);
  }

  /** Boxes glide from their old place to the new one, then the exact raster takes over. */
  function animate(previous: { layout: SampleLayout; ranks: Int32Array; predicted: Int32Array }) {
    if (!m || !layout) return;
    const current = layout, d = m.data, n = d.ids.length;
    const blockIndex = (l: SampleLayout) => { const idx = new Int32Array(m!.classNames.length).fill(-1); l.blocks.forEach((b, k) => (idx[b.cls] = k)); return idx; };
    const fromBlock = blockIndex(previous.layout), toBlock = blockIndex(current);
    const from: (Rect | null)[] = new Array(n), to: (Rect | null)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const fb = fromBlock[previous.predicted[i]], tb = toBlock[d.predicted[i]];
      from[i] = fb >= 0 ? boxRect(previous.layout, previous.layout.blocks[fb], previous.ranks[i]) : null;
      to[i] = tb >= 0 ? boxRect(current, current.blocks[tb], ranks![i]) : null;
    }
    const ctx = canvas.getContext("2d")!;
    const background = cssVar("--panel");
    animation = timer((elapsed) => {
      const t = easeCubicInOut(Math.min(1, elapsed / 350));
      ctx.fillStyle = background; ctx.fillRect(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < n; i++) {
        const a = from[i] ?? to[i], b = to[i] ?? from[i];
        if (!a || !b) continue;
        ctx.fillStyle = scoreColor(d.score[i]);
        ctx.fillRect(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, b.w, b.h);
      }
      if (t >= 1) paint();
    });
  }

  function setLayoutButtons(kind: string) {
    columnsButton.setAttribute("aria-pressed", String(kind === "columns"));
    gridButton.setAttribute("aria-pressed", String(kind === "grid"));
  }

  return {
    root: t.root,
    get lastPaint() { return lastPaint; },
    update(next, changes) {
      const previous = m && layout && ranks ? { layout, ranks, predicted: m.data.predicted, ids: m.data.ids } : null;
      m = next;
      setLayoutButtons(next.layout);
      if (changes.has("data")) ranks = rankOf(next.order);
      if (changes.has("data") && showKeywords) void refreshKeywords(drawHeader);
      if (changes.has("threshold") || changes.has("data")) drawLegend();
      if (changes.has("data") || changes.has("classes") || changes.has("layout")) {
        relayout();
        const small = next.data.ids.length <= (o.animateBelow ?? 5000);
        if (changes.has("data") && previous && small && previous.ids === next.data.ids && !changes.has("layout")) animate(previous);
      } else if (changes.has("threshold") || changes.has("theme")) paint();
      else if (!animation) paintSelection();
    },
  };
}

/** Trims a label to a width, assuming ~0.6 em per character (no measuring needed for SVG text). */
function fit(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  return text.length <= max ? text : text.slice(0, Math.max(1, max - 1)) + "…";
}
