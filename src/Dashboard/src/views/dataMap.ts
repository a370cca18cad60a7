import { select } from "d3-selection";
import type { D3BrushEvent } from "d3-brush";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { axisBottom, axisLeft } from "d3-axis";
import { format } from "d3-format";
import type { EpochDynamics } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { correctnessColor, correctnessLut, lutIndex, NEVER_RIGHT, ALWAYS_RIGHT } from "../lib/correctnessColor";
import { paintDots } from "../lib/dotRaster";
import { nearestPoint, pointsInRect } from "../lib/scatterHits";
import { packColor, SELECTED_GREEN } from "../lib/encoding";
import { h, cssVar, escapeHtml, sizeCanvas, watchSize } from "../ui/dom";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { tile } from "./tile";
import { pickBrush } from "./pickBrush";

/**
 * Data map (Dataset Cartography, Swayamdipta et al. 2020): a dot per sample of
 * the split, x = variability and y = confidence of p(label) over the logged
 * epochs up to the current one, colored by correctness. Easy samples sit top
 * left, ambiguous ones to the right, hard-to-learn (often mislabeled) ones
 * bottom left. Brushing a rectangle selects its samples in every tile.
 * Dots are painted into pixels (lib/dotRaster); the axes and brush are SVG.
 * The dynamics come with the model (the dashboard loads them after the epoch).
 */
export interface DataMapOptions {
  actions: DashboardActions;
  /** Plot height, CSS px. */
  height?: number;
}

export interface DataMapView { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

const MARGIN = { left: 44, right: 12, top: 10, bottom: 34 };
const count = format(","), num3 = format(".3f"), pct = format(".0%");

export function dataMap(o: DataMapOptions): DataMapView {
  const height = o.height ?? 300;
  let m: DashboardModel | null = null;
  /** The model's dynamics, the row of each sample in them, and the plotted coordinates per sample (NaN = not in the dynamics). */
  let dyn: EpochDynamics | null = null;
  let rows: Int32Array = new Int32Array(0), xs = new Float32Array(0), ys = new Float32Array(0);
  let x: ScaleLinear<number, number> = scaleLinear(), y: ScaleLinear<number, number> = scaleLinear();

  const t = tile({
    id: "datamap", title: "Data map", span: "span-6",
    csv: () => m && dyn && {
      header: ["sampleId", "label", "confidence", "variability", "correctness", "forgettings", "firstLearned", "aum", "suspect", "selected"],
      rows: (function* () {
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i];
          if (r < 0) continue;
          yield [m!.data.ids[i], m!.classNames[m!.data.label[i]], dyn!.confidence[r], dyn!.variability[r], dyn!.correctness[r],
            dyn!.forgettings[r], dyn!.firstLearned[r] < 0 ? "" : dyn!.firstLearned[r], dyn!.aum[r], !!dyn!.suspect[r], !!m!.active[i]];
        }
      })(),
    },
  });
  const legend = h("div", { class: "legend" },
    h("span", {}, "correctness"),
    h("span", { class: "ramp", style: `background:linear-gradient(90deg, ${NEVER_RIGHT}, ${correctnessColor(0.5)}, ${ALWAYS_RIGHT})` }),
    h("span", {}, "0 → 1 of the epochs"),
    h("span", {}, h("span", { class: "box", style: `background:${SELECTED_GREEN}` }), "selected"));
  const canvas = h("canvas", { class: "dots", style: "position:absolute;left:0;top:0" });
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).style("position", "absolute").style("left", "0").style("top", "0");
  const plot = h("div", { style: `position:relative;height:${height}px` }, canvas, svg.node()!);
  t.body.append(legend, plot);
  const size = watchSize(plot, () => { layout(); bases = null; paint(); });

  function layout() {
    if (!m || size.width <= 0) return;
    const width = size.width;
    // Fixed axes (a standard deviation of values in [0, 1] is at most 0.5), so the map stays put while the epochs play.
    x = scaleLinear().domain([0, 0.5]).range([MARGIN.left, width - MARGIN.right]);
    y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
    svg.attr("width", width).attr("height", height).selectAll("*").remove();
    svg.append("g").attr("class", "axis gridline").attr("transform", `translate(${MARGIN.left},0)`)
      .call(axisLeft(y).ticks(5).tickSize(-(width - MARGIN.left - MARGIN.right)).tickFormat(() => ""));
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - MARGIN.bottom})`).call(axisBottom(x).ticks(6));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${MARGIN.left},0)`).call(axisLeft(y).ticks(5));
    svg.append("text").attr("x", (MARGIN.left + width - MARGIN.right) / 2).attr("y", height - 4).attr("text-anchor", "middle").attr("font-size", 11).attr("fill", "var(--muted)").text("variability (std of p(label) over epochs)");
    svg.append("text").attr("transform", `translate(11,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`).attr("text-anchor", "middle").attr("font-size", 11).attr("fill", "var(--muted)").text("confidence (mean p(label))");
    const b = pickBrush({
      extent: [[MARGIN.left, MARGIN.top], [width - MARGIN.right, height - MARGIN.bottom]],
      onPick: pickInBrush,
      onClick: clickAt,
      clear: (behavior) => svg.select<SVGGElement>("g.brush").call(behavior.move, null),
    });
    svg.append("g").attr("class", "brush").call(b);
    svg.on("mousemove", (ev: MouseEvent) => hover(ev)).on("mouseleave", hideTooltip);
    t.root.dataset.geometry = JSON.stringify({ left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom, xMax: x.domain()[1] });
  }

  const colorCache = { key: null as string | null, full: new Uint32Array(0), faded: new Uint32Array(0), background: 0, selected: 0 };
  function colors() {
    const key = document.documentElement.className;
    if (colorCache.key !== key) {
      const background = cssVar("--panel") || "#fff";
      Object.assign(colorCache, { key, full: correctnessLut(), faded: correctnessLut(background), background: packColor(background), selected: packColor(SELECTED_GREEN) });
    }
    return colorCache;
  }

  // The dots without the selection, full and faded, kept so that a selection
  // change (every brush move) copies one back and paints only the selected dots.
  let bases: { full: Uint32Array; faded: Uint32Array; px: Float32Array; py: Float32Array; dots: number; keep: Uint8Array } | null = null;

  function paintBases(width: number, height: number, dpr: number) {
    const c = colors();
    const [d0, d1] = x.domain(), [r0, r1] = x.range(), kx = ((r1 - r0) / (d1 - d0)) * dpr;
    const [e0] = y.domain(), [s0, s1] = y.range(), ky = (s1 - s0) * dpr;
    const n = xs.length, px = new Float32Array(n), py = new Float32Array(n);
    for (let i = 0; i < n; i++) { px[i] = r0 * dpr + (xs[i] - d0) * kx; py[i] = s0 * dpr + (ys[i] - e0) * ky; }
    const full = new Uint32Array(n), faded = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const k = rows[i] < 0 ? 0 : lutIndex(dyn!.correctness[rows[i]]);
      full[i] = c.full[k]; faded[i] = c.faded[k];
    }
    const dot = dotSize(dpr);
    const fullBuf = new Uint32Array(width * height), fadedBuf = new Uint32Array(width * height);
    const dots = paintDots(fullBuf, width, height, { px, py, mask: m!.keep, color: full, size: dot });
    paintDots(fadedBuf, width, height, { px, py, mask: m!.keep, color: faded, size: dot });
    bases = { full: fullBuf, faded: fadedBuf, px, py, dots, keep: m!.keep };
  }

  // Bigger dots while they are few enough not to hide each other.
  const dotSize = (dpr: number) => Math.max(2, Math.round((xs.length < 5000 ? 3 : 2) * dpr));

  function paint() {
    if (!m || !dyn || size.width <= 0) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const ctx = sizeCanvas(canvas, size.width, height);
    const { width: w, height: hh } = canvas;
    if (!bases || bases.keep !== m.keep || bases.full.length !== w * hh) paintBases(w, hh, dpr);
    const image = ctx.createImageData(w, hh);
    const buf = new Uint32Array(image.data.buffer);
    const anySelected = m.activeCount > 0;
    buf.set(anySelected ? bases!.faded : bases!.full);
    // The selection's mask may include samples the class filter hides: intersect on the fly via keep.
    const selected = anySelected ? paintDots(buf, w, hh, { px: bases!.px, py: bases!.py, mask: visibleSelection(), color: colors().selected, size: dotSize(dpr) + 1 }) : 0;
    ctx.putImageData(image, 0, 0);
    Object.assign(t.root.dataset, { dots: String(bases!.dots), selected: String(selected), epoch: String(m.epoch), paintMs: (performance.now() - started).toFixed(1) });
  }

  function visibleSelection(): Uint8Array {
    const { active, keep } = m!;
    if (keep.every((v) => v === 1)) return active;
    return active.map((v, i) => v & keep[i]);
  }

  function dataRect(ev: D3BrushEvent<unknown>) {
    const [[x0, y0], [x1, y1]] = ev.selection as [[number, number], [number, number]];
    return { x0: x.invert(x0), x1: x.invert(x1), y0: y.invert(y0), y1: y.invert(y1) };
  }

  function pickInBrush(ev: D3BrushEvent<unknown>, transient: boolean) {
    if (!m || !dyn || !ev.selection) return;
    const shift = (ev.sourceEvent as MouseEvent | undefined)?.shiftKey;
    o.actions.pick(pointsInRect(xs, ys, dataRect(ev), m.keep), shift ? "add" : "replace", transient);
  }

  function sampleAt(ev: MouseEvent): number {
    if (!m || !dyn) return -1;
    const [d0, d1] = x.domain(), [r0, r1] = x.range();
    const kx = (r1 - r0) / (d1 - d0), ky = (y.range()[0] - y.range()[1]);
    return nearestPoint(xs, ys, x.invert(ev.offsetX), y.invert(ev.offsetY), kx, ky, 6, m.keep);
  }

  function clickAt(ev: MouseEvent) {
    const i = sampleAt(ev);
    if (i < 0) { if (!ev.shiftKey) o.actions.pick([], "replace"); return; }
    o.actions.pick([i], ev.shiftKey ? "toggle" : "replace");
    if (!ev.shiftKey) o.actions.openDetail(i);
  }

  // The nearest-dot scan runs once per frame at most, not once per mouse event.
  let hoverFrame = 0;
  function hover(ev: MouseEvent) {
    cancelAnimationFrame(hoverFrame);
    hoverFrame = requestAnimationFrame(() => {
      const i = sampleAt(ev);
      if (i < 0 || !m || !dyn) return hideTooltip();
      const r = rows[i], d = m.data, label = d.label[i];
      showTooltip(`<b>${escapeHtml(String(d.ids[i]))}</b><table>` +
        `<tr><td>label</td><td style="color:${m.colors[label]}">${escapeHtml(m.classNames[label])}</td></tr>` +
        `<tr><td>confidence</td><td>${num3(dyn.confidence[r])}</td></tr>` +
        `<tr><td>variability</td><td>${num3(dyn.variability[r])}</td></tr>` +
        `<tr><td>correctness</td><td>${pct(dyn.correctness[r])}</td></tr>` +
        `<tr><td>forgettings</td><td>${dyn.forgettings[r]}</td></tr>` +
        `<tr><td>learned from</td><td>${dyn.firstLearned[r] < 0 ? "not learned" : `epoch ${dyn.firstLearned[r]}`}</td></tr>` +
        `<tr><td>AUM</td><td>${num3(dyn.aum[r])}${dyn.suspect[r] ? " · suspected label issue" : ""}</td></tr></table>` +
        `<span class="muted">click: details · drag: brush to select</span>`, ev.clientX, ev.clientY);
    });
  }

  /** Coordinates per sample index of the model's epoch, so brushing yields indices every tile understands. */
  function align() {
    if (!m?.dynamics) {
      dyn = null; rows = new Int32Array(0); xs = new Float32Array(0); ys = new Float32Array(0);
      canvas.getContext("2d")!.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const { data, rows: r } = m.dynamics;
    dyn = data; rows = r;
    xs = new Float32Array(rows.length); ys = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      xs[i] = rows[i] < 0 ? NaN : data.variability[rows[i]];
      ys[i] = rows[i] < 0 ? NaN : data.confidence[rows[i]];
    }
    t.setSubtitle(`${count(data.ids.length)} samples · epochs ≤ ${data.epoch} · top left: easy · right: ambiguous · bottom left: hard to learn`);
  }

  return {
    root: t.root,
    update(next, changes) {
      // rows are memoized by the dashboard: the same array means the same dynamics and samples.
      const aligned = next.dynamics?.rows !== m?.dynamics?.rows;
      m = next;
      if (aligned) align();
      t.setMessage(next.dynamics ? null : next.dynamicsError ? `No training dynamics: ${next.dynamicsError}` : "Loading training dynamics…");
      if (aligned || changes.has("theme")) { layout(); bases = null; }
      paint();
    },
  };
}
