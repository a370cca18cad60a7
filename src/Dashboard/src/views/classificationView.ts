import { select } from "d3-selection";
import type { D3BrushEvent } from "d3-brush";
import { format } from "d3-format";
import type { Keywords } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { LatestRequest, SUPERSEDED } from "../app/latest";
import { columnsLayout, gridLayout, blockAt, blocksInView, hitTest, type SampleLayout } from "../lib/sampleLayout";
import { samplesInRect } from "../lib/samplesInRect";
import type { PaintStats } from "../lib/raster";
import { cutLabel, headerLabels } from "../lib/headerLabels";
import { packColor, scoreColor, scoreLut, SELECTED_GREEN } from "../lib/encoding";
import { h, cssVar, escapeHtml, watchSize } from "../ui/dom";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { offscreenSnapshots } from "../ui/download";
import { tile, toggleButton } from "./tile";
import { pickBrush } from "./pickBrush";
import { boxPainter, EPOCHS_KEPT, type PainterFrame } from "./boxPainter";

/**
 * Classification view (paper, section 5.1, figures 3 and 6): a column per
 * class, a box per sample predicted as it, ordered by score; or the same as a
 * dense grid. Boxes are painted into pixels (lib/raster) by a Web Worker on an
 * OffscreenCanvas (boxPainter): the main thread keeps only the geometry
 * (lib/sampleLayout, a few numbers per class) for hit tests and brushing, and
 * hands the worker typed arrays. The canvas is as wide as the viewport: with
 * more classes than fit, the columns scroll and the worker paints the window
 * shown. The header, keywords and brush are SVG; the header labels only the
 * columns in view, and never lets two labels overlap (lib/headerLabels).
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

const KEYWORDS = 70;
const count = format(","), pct = format(".0%"), score3 = format(".3f");

export function classificationView(o: ClassificationViewOptions): ClassificationView {
  let m: DashboardModel | null = null;
  let layout: SampleLayout | null = null;
  let keywords: Keywords | null = null, showKeywords = false;
  let lastPaint: PaintStats | null = null;
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
  // Sticky: the canvas stays over the viewport while the content under it scrolls.
  const canvas = h("canvas", { class: "boxes", style: "position:sticky;left:0" });
  const overlay = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).attr("class", "boxes-overlay").style("position", "absolute").style("left", "0");
  const inner = h("div", { style: "position:relative" }, header.node()!, canvas, overlay.node()!);
  const scroller = h("div", { class: "scroll-x", style: `height:${o.height ?? 460}px` }, inner);
  t.body.append(legend, scroller);
  const size = watchSize(scroller, () => relayout());

  // What each painted frame showed, so the attributes published with it describe those pixels.
  const sent = new Map<number, { model: DashboardModel; layout: SampleLayout }>();
  let paints = 0;
  const painter = boxPainter(canvas, {
    onPainted(seq, stats) {
      // Frames the worker painted: the bench's measure of how fast the boxes follow a brush.
      t.root.dataset.paints = String(++paints);
      const shown = sent.get(seq);
      for (const k of sent.keys()) if (k <= seq) sent.delete(k);
      if (!shown) return;
      lastPaint = stats;
      publish(shown.model, shown.layout, stats);
    },
    onError: (message) => t.setMessage(`The classification view could not be painted: ${message}`),
  });
  offscreenSnapshots.set(canvas, () => painter.snapshot());
  function send(frame: PainterFrame) {
    if (!m || !layout) return;
    sent.set(painter.send(frame), { model: m, layout });
  }

  function drawLegend() {
    if (!m) return;
    legend.innerHTML = `<span><span class="ramp" style="display:inline-block;vertical-align:middle;background:linear-gradient(90deg,${scoreColor(0)},${scoreColor(0.5)},${scoreColor(1)})"></span> score 0 → 1 (dark = confident)</span>` +
      `<span><span class="box" style="background:${scoreColor(0.8)}"></span>correct</span>` +
      `<span><span class="box" style="background:${scoreColor(0.4)};outline:2px solid ${m.colors[0]};outline-offset:-2px"></span>wrong: outline = true class</span>` +
      `<span><span class="tri"></span>${escapeHtml(m.markText)}</span>` +
      `<span><span class="box" style="background:${SELECTED_GREEN}"></span>selected</span>`;
  }

  function labelsFor(next: DashboardModel) {
    const pitch = Math.max(18, Math.floor(size.width / Math.max(1, next.shownClasses.length)));
    let longestName = 1, most = 0;
    for (const c of next.shownClasses) { longestName = Math.max(longestName, next.classNames[c].length); most = Math.max(most, next.counts[c]); }
    return headerLabels({ pitch, longestName, widestCount: count(most).length });
  }
  let labels = { rotate: false, height: 40, counts: true, nameChars: 1 };
  function headerHeight() { return labels.height + (showKeywords ? KEYWORDS : 0); }

  function layoutFor(next: DashboardModel): SampleLayout {
    const width = size.width, height = Math.max(1, size.height - headerHeight() - 14);
    const options = { width: width * dpr(), height: height * dpr(), minColumnWidth: 18 * dpr(), maxBoxHeight: 10 * dpr(), maxCell: 12 * dpr() };
    return (next.layout === "grid" ? gridLayout : columnsLayout)(next.shownClasses, next.counts, options);
  }

  /** The visible window of the content, device px. */
  function viewWindow() {
    return { width: Math.max(1, Math.round(size.width * dpr())), height: layout!.height, originX: Math.round(scroller.scrollLeft * dpr()) };
  }

  /** Everything from scratch: labels, geometry, header, brush, and a full frame for the painter. */
  function relayout() {
    if (!m || size.width <= 0) return;
    labels = labelsFor(m);
    layout = layoutFor(m);
    placeContent();
    send({ epoch: epochColumns(false), marked: m.marked.slice(), layout, view: viewWindow(), colors: colors(), active: activeMask() });
  }

  function placeContent() {
    const cssWidth = layout!.width / dpr(), cssHeight = layout!.height / dpr();
    inner.style.width = `${cssWidth}px`;
    canvas.style.width = `${size.width}px`; canvas.style.height = `${cssHeight}px`;
    overlay.attr("width", cssWidth).attr("height", cssHeight).style("top", `${headerHeight()}px`);
    drawHeader();
    setupBrush(cssWidth, cssHeight);
  }

  // The worker keeps the columns of the last EPOCHS_KEPT epochs sent (an order belongs to one epoch's data):
  // stepping back to one of them sends its key only. Same rule on both sides.
  const epochKeys = new WeakMap<object, number>();
  let workerHas: number[] = [], nextKey = 0;
  function epochColumns(animate: boolean): PainterFrame["epoch"] {
    const d = m!.data, o = m!.order;
    let key = epochKeys.get(o);
    if (key === undefined) epochKeys.set(o, (key = ++nextKey));
    const known = workerHas.includes(key);
    workerHas = [...workerHas.filter((k) => k !== key), key].slice(-EPOCHS_KEPT);
    if (known) return { key, animate };
    return { key, animate, columns: { label: d.label.slice(), predicted: d.predicted.slice(), score: d.score.slice(), starts: o.starts.slice(), order: o.order.slice() } };
  }
  const activeMask = () => (m!.activeCount ? m!.active.slice() : null);

  /** Same columns at the same places (an epoch step, a new threshold): the header and the brush stay. */
  function sameGeometry(a: SampleLayout, b: SampleLayout) {
    return a.kind === b.kind && a.width === b.width && a.height === b.height && a.blocks.length === b.blocks.length && a.blocks.every((x, k) => x.cls === b.blocks[k].cls && x.x === b.blocks[k].x);
  }

  // The header labels the columns in view (and a screen to each side), so a thousand classes cost a few dozen labels.
  let headerDrawn: [number, number] = [0, 0];
  function drawHeader() {
    if (!m || !layout) return;
    const hh = headerHeight(), s = 1 / dpr();
    const left = scroller.scrollLeft * dpr(), span = size.width * dpr();
    const [first, end] = blocksInView(layout, left - span, left + 2 * span);
    headerDrawn = [first, end];
    header.attr("width", layout.width * s).attr("height", hh).selectAll("*").remove();
    const maxWeight = Math.max(1e-9, ...(keywords?.classes.flatMap((c) => c.keywords.map((k) => k.weight)) ?? [0]));
    for (let k = first; k < end; k++) {
      const block = layout.blocks[k];
      const x = block.x * s, w = (layout.kind === "columns" ? layout.boxWidth : block.width) * s, name = m.classNames[block.cls];
      const g = header.append("g").attr("class", "column-head").attr("data-class", name).attr("data-count", block.count)
        .attr("aria-label", `${name}: ${count(block.count)} predicted`).attr("transform", `translate(${x},0)`).style("cursor", "pointer");
      if (showKeywords && keywords) {
        const words = keywords.classes.find((c) => c.index === block.cls)?.keywords ?? [];
        let y = 4;
        for (const kw of words) {
          const size = 9 + 9 * Math.sqrt(kw.weight / maxWeight);
          y += size + 2;
          g.append("text").attr("class", "keyword").attr("x", w / 2).attr("y", y).attr("text-anchor", "middle")
            .attr("font-size", size).attr("fill", m.colors[block.cls]).text(fit(kw.text, w, size));
        }
      }
      if (labels.rotate) {
        g.append("text").attr("class", "class-name").attr("transform", `translate(${w / 2 + 4},${hh - 8}) rotate(-90)`).attr("font-size", 11).attr("font-weight", 600)
          .text(cutLabel(name, labels.nameChars));
      } else {
        g.append("text").attr("class", "class-name").attr("x", w / 2).attr("y", hh - (labels.counts ? 20 : 10)).attr("text-anchor", "middle").attr("font-size", 11).attr("font-weight", 600)
          .text(cutLabel(name, labels.nameChars));
        if (labels.counts) g.append("text").attr("class", "class-count").attr("x", w / 2).attr("y", hh - 8).attr("text-anchor", "middle").attr("font-size", 10).attr("fill", "var(--muted)").text(count(block.count));
      }
      g.append("rect").attr("y", hh - 4).attr("width", w).attr("height", 4).attr("fill", m.colors[block.cls]);
    }
  }

  /** The header's counts after an epoch step, without rebuilding it. */
  function updateHeaderCounts() {
    if (!m || !layout) return;
    header.selectAll<SVGGElement, unknown>("g.column-head").each(function (_, i) {
      const block = layout!.blocks[headerDrawn[0] + i];
      if (!block) return;
      const g = select(this).attr("data-count", block.count).attr("aria-label", `${m!.classNames[block.cls]}: ${count(block.count)} predicted`);
      g.select("text.class-count").text(count(block.count));
    });
  }

  // One listener for the whole header: the column under the pointer is found from the layout.
  const headerNode = header.node()!;
  function blockUnder(ev: MouseEvent) {
    if (!layout) return null;
    const x = (ev.clientX - headerNode.getBoundingClientRect().left) * dpr();
    const k = blockAt(layout, x);
    return k >= 0 ? layout.blocks[k] : null;
  }
  headerNode.addEventListener("mousemove", (ev) => {
    const block = blockUnder(ev);
    if (!block || !m) return hideTooltip();
    const correct = countCorrect(block.cls);
    showTooltip(`<b style="color:${m.colors[block.cls]}">${escapeHtml(m.classNames[block.cls])}</b><br>${count(block.count)} predicted · ${count(correct)} correct (${block.count ? pct(correct / block.count) : "–"})<br><span class="muted">click: select the column · shift: add it</span>`, ev.clientX, ev.clientY);
  });
  headerNode.addEventListener("mouseleave", hideTooltip);
  headerNode.addEventListener("click", (ev) => {
    const block = blockUnder(ev);
    if (!block || !m) return;
    const start = m.order.starts[block.cls];
    o.actions.pick(m.order.order.subarray(start, start + block.count), ev.shiftKey ? "add" : "replace");
  });

  // Scrolling repaints the window and relabels the header, once per frame.
  let scrollFrame = 0;
  scroller.addEventListener("scroll", () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      if (!m || !layout) return;
      drawHeader();
      send({ view: viewWindow() });
    });
  });

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
    const shift = (ev.sourceEvent as MouseEvent | undefined)?.shiftKey;
    o.actions.pick(samplesInRect(layout, m.order, x0, y0, x1, y1), shift ? "add" : "replace", transient);
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
    return { lut: colorCache.lut, classColor: colorCache.classColor, background: colorCache.background, selected: colorCache.selected, triangle: colorCache.triangle };
  }

  /** What was drawn, as attributes, once the worker has painted it: the e2e tests compare it with the API. */
  function publish(shown: DashboardModel, l: SampleLayout, stats: PaintStats) {
    t.root.dataset.layout = l.kind;
    t.root.dataset.epoch = String(shown.epoch);
    t.root.dataset.boxes = String(stats.boxes);
    t.root.dataset.triangles = String(stats.triangles);
    t.root.dataset.selected = String(stats.selected);
    t.root.dataset.columns = JSON.stringify(l.blocks.map((b, k) => ({ name: shown.classNames[b.cls], count: b.count, painted: stats.boxesPerBlock[k] })));
    t.setSubtitle(`epoch ${shown.epoch} · ${shown.split} · ${shown.compare ? `${count(shown.compare.changed)} of ${count(shown.data.ids.length)} samples changed prediction vs epoch ${shown.compare.epoch}` : `${count(shown.data.ids.length)} samples`} in ${shown.shownClasses.length} classes · ${l.kind === "grid" ? "grid" : "columns"}${l.width > size.width * dpr() + 1 ? " · scroll for more columns" : ""}`);
  }

  function setLayoutButtons(kind: string) {
    columnsButton.setAttribute("aria-pressed", String(kind === "columns"));
    gridButton.setAttribute("aria-pressed", String(kind === "grid"));
  }

  return {
    root: t.root,
    get lastPaint() { return lastPaint; },
    update(next, changes) {
      const previous = m;
      m = next;
      setLayoutButtons(next.layout);
      if (changes.has("data") && showKeywords) void refreshKeywords(drawHeader);
      if (changes.has("threshold") || changes.has("data")) drawLegend();
      if (!layout || size.width <= 0) { relayout(); return; }
      if (changes.has("classes") || changes.has("layout")) { relayout(); return; }
      if (changes.has("data")) {
        // An epoch step: the columns stay where they are unless their labels or geometry must change.
        const nextLabels = labelsFor(next), nextLayout = layoutFor(next);
        const relabel = nextLabels.rotate !== labels.rotate || nextLabels.height !== labels.height || nextLabels.counts !== labels.counts || nextLabels.nameChars !== labels.nameChars;
        labels = nextLabels;
        const same = !relabel && sameGeometry(layout, nextLayout);
        layout = nextLayout;
        if (same) updateHeaderCounts(); else placeContent();
        const small = next.data.ids.length <= (o.animateBelow ?? 5000);
        const animate = small && previous !== null && previous.data.ids === next.data.ids && !changes.has("layout");
        send({ epoch: epochColumns(animate), marked: next.marked.slice(), layout, active: activeMask(), ...(same ? {} : { view: viewWindow() }) });
        return;
      }
      if (changes.has("threshold")) send({ marked: next.marked.slice(), active: activeMask() });
      else if (changes.has("theme")) send({ colors: colors(), active: activeMask() });
      else send({ active: activeMask() });
    },
  };
}

/** Trims a label to a width, assuming ~0.6 em per character (no measuring needed for SVG text). */
function fit(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  return text.length <= max ? text : text.slice(0, Math.max(1, max - 1)) + "…";
}
