import { scaleLinear, scalePoint } from "d3-scale";
import { select } from "d3-selection";
import { brushY, type D3BrushEvent } from "d3-brush";
import { drag } from "d3-drag";
import { axisLeft } from "d3-axis";
import { format } from "d3-format";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { axisBins, binOpacity, SegmentCounter } from "../lib/binning";
import { describeAxisFilter, passesAxes, type AxisFilter } from "../lib/crossFilter";
import { h, cssVar, escapeHtml, sizeCanvas, watchSize } from "../ui/dom";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { tile } from "./tile";
import { axisPicker } from "./axisPicker";

/**
 * Predicted probability distribution view (paper, section 5.2, figure 4): one
 * axis per class (0..1), one polyline per selected sample. Brushing an axis
 * filters ("score of C50.8 > 0.3") and the filter cross-filters every tile;
 * axes reorder by dragging their names. Up to `lineLimit` lines are drawn one
 * by one in their true class's color; beyond, segments are binned into a
 * density (lib/binning) so hundreds of thousands stay responsive.
 */
export interface ParallelCoordinatesOptions {
  actions: DashboardActions;
  height?: number;
  lineLimit?: number;
  bins?: number;
}

export interface ParallelCoordinates { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

const MARGIN = { top: 48, right: 40, bottom: 14, left: 34 };
const count = format(",");
const DENSITY_LEVELS = 10;
const CROSS_FILTER_MS = 120;

export function parallelCoordinates(o: ParallelCoordinatesOptions): ParallelCoordinates {
  let m: DashboardModel | null = null;
  let axes: number[] = [];
  let filters: AxisFilter[] = [];
  // A filter this view's own brush made needs no redraw of the axes (it would drop the brush mid-drag).
  let ownFilterChange = false;
  let density: { scores: Float32Array; axes: number[]; counter: SegmentCounter } | null = null;
  const height = o.height ?? 380;
  const lineLimit = o.lineLimit ?? 4000;

  const filterChips = h("div", { class: "filters" });
  const t = tile({
    id: "parallel", title: "Score distribution (parallel coordinates)", span: "span-7",
    csv: () => {
      if (!m?.vectors) return null;
      const v = m.vectors, C = m.classNames.length;
      return {
        header: ["sampleId", "label", "predicted", "passesFilters", ...m.classNames],
        rows: Array.from(v.rows, (i, row) => [m!.data.ids[i], m!.classNames[m!.data.label[i]], m!.classNames[m!.data.predicted[i]], passesAxes(v.scores, C, row, filters), ...Array.from(v.scores.subarray(row * C, row * C + C))]),
      };
    },
  });
  const canvas = h("canvas");
  const svg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).style("position", "absolute").style("left", "0").style("top", "0");
  const plot = h("div", { style: `position:relative;height:${height}px` }, canvas, svg.node()!);
  const scroller = h("div", { class: "scroll-x" }, plot);
  // Which classes get an axis (all up to 20 classes, else the selection's top classes and the user's picks).
  const picker = axisPicker({ onChange: () => { if (m) { axes = picker.choose(m, axes, new Set()); draw(); } } });
  t.body.append(picker.root, filterChips, scroller);
  const size = watchSize(t.body, () => draw());

  const width = () => Math.max(size.width, MARGIN.left + MARGIN.right + axes.length * 22);
  const y = scaleLinear().domain([0, 1]).range([height - MARGIN.bottom, MARGIN.top]);
  let x = scalePoint<number>();

  function shownRows(): { rows: number[]; passing: number[] } {
    const rows: number[] = [], passing: number[] = [];
    if (!m?.vectors) return { rows, passing };
    const v = m.vectors, C = m.classNames.length;
    for (let row = 0; row < v.rows.length; row++) {
      const i = v.rows[row];
      if (!m.selected[i]) continue;
      rows.push(row);
      if (passesAxes(v.scores, C, row, filters)) passing.push(row);
    }
    return { rows, passing };
  }

  function paintLines() {
    if (!m || size.width <= 0) return;
    const w = width();
    const ctx = sizeCanvas(canvas, w, height);
    ctx.clearRect(0, 0, w, height);
    const { rows, passing } = shownRows();
    t.root.dataset.lines = String(rows.length);
    t.root.dataset.passing = String(passing.length);
    t.setSubtitle(rows.length ? `${count(rows.length)} selected samples · ${count(passing.length)} pass the filters` : "select samples to compare their score vectors");
    t.setMessage(m.selectedCount === 0 ? "Select samples in the classification view (click, shift-click or brush a column) or a confusion-matrix cell to see their score vectors." : rows.length === 0 ? "Loading score vectors…" : null);
    if (!rows.length || axes.length < 2) return;
    const v = m.vectors!, C = m.classNames.length;
    const passSet = new Uint8Array(v.rows.length);
    for (const r of passing) passSet[r] = 1;
    const xs = axes.map((a) => x(a)!);
    if (rows.length <= lineLimit) {
      ctx.lineWidth = 1;
      // Filtered-out lines first, faint and grey, so the kept ones draw over them.
      ctx.strokeStyle = cssVar("--border");
      ctx.globalAlpha = 0.5;
      for (const row of rows) if (!passSet[row]) polyline(ctx, v.scores, C, row, xs);
      ctx.globalAlpha = Math.max(0.15, Math.min(0.8, 40 / Math.sqrt(passing.length + 1)));
      for (const row of passing) { ctx.strokeStyle = m.colors[m.data.label[v.rows[row]]]; polyline(ctx, v.scores, C, row, xs); }
      ctx.globalAlpha = 1;
      return;
    }
    const bins = o.bins ?? 40;
    const rowCount = v.rows.length;
    if (!density || density.scores !== v.scores || density.axes !== axes) {
      density = { scores: v.scores, axes, counter: new SegmentCounter(axisBins(v.scores, C, rowCount, axes, bins), rowCount, axes.length, bins) };
    }
    density.counter.update(passSet);
    const segments = density.counter.segments;
    // One path per opacity level: a few strokes instead of one per bin.
    const levels = Array.from({ length: DENSITY_LEVELS }, () => new Path2D());
    for (let a = 0; a < segments.counts.length; a++) {
      const grid = segments.counts[a];
      for (let k = 0; k < grid.length; k++) {
        if (!grid[k]) continue;
        const level = Math.min(DENSITY_LEVELS - 1, Math.floor(binOpacity(grid[k], segments.max) * DENSITY_LEVELS));
        const from = Math.floor(k / bins), to = k % bins;
        levels[level].moveTo(xs[a], y((from + 0.5) / bins));
        levels[level].lineTo(xs[a + 1], y((to + 0.5) / bins));
      }
    }
    ctx.strokeStyle = cssVar("--accent");
    levels.forEach((path, level) => {
      ctx.globalAlpha = (level + 1) / DENSITY_LEVELS;
      // Thin lines only: wide anti-aliased strokes cost several times more to raster.
      ctx.lineWidth = level >= DENSITY_LEVELS / 2 ? 1.5 : 1;
      ctx.stroke(path);
    });
    ctx.globalAlpha = 1;
  }

  function polyline(ctx: CanvasRenderingContext2D, scores: Float32Array, C: number, row: number, xs: number[]) {
    ctx.beginPath();
    for (let a = 0; a < axes.length; a++) {
      const py = y(scores[row * C + axes[a]]);
      if (a === 0) ctx.moveTo(xs[a], py); else ctx.lineTo(xs[a], py);
    }
    ctx.stroke();
  }

  function draw() {
    if (!m || size.width <= 0) return;
    const w = width();
    x = scalePoint<number>().domain(axes).range([MARGIN.left, w - MARGIN.right]);
    plot.style.width = `${w}px`;
    svg.attr("width", w).attr("height", height).selectAll("*").remove();
    const rotate = w / Math.max(1, axes.length) < 70;
    axes.forEach((cls, k) => {
      const g = svg.append("g").attr("class", "pc-axis").attr("data-class", m!.classNames[cls]).attr("transform", `translate(${x(cls)},0)`);
      g.append("g").attr("class", "axis").call(axisLeft(y).ticks(k === 0 ? 5 : 0).tickSize(k === 0 ? 4 : 0).tickFormat(k === 0 ? format(".1f") : () => ""));
      const label = g.append("text").attr("class", "pc-label").attr("y", MARGIN.top - 8).attr("font-size", 11).attr("font-weight", 600)
        .attr("fill", m!.colors[cls]).attr("text-anchor", rotate ? "start" : "middle").attr("transform", rotate ? `rotate(-30,0,${MARGIN.top - 8})` : null)
        .style("cursor", "grab").text(m!.classNames[cls]);
      label.on("mousemove", (ev: MouseEvent) => showTooltip(`<b>${escapeHtml(m!.classNames[cls])}</b><br>score axis 0..1<br><span class="muted">drag the name to reorder · brush the axis to filter</span>`, ev.clientX, ev.clientY))
        .on("mouseleave", hideTooltip);
      const b = brushY().extent([[-9, MARGIN.top], [9, height - MARGIN.bottom]])
        .on("brush end", (ev: D3BrushEvent<unknown>) => {
          if (!ev.sourceEvent) return;
          const sel = ev.selection as [number, number] | null;
          const rest = filters.filter((f) => f.cls !== cls);
          filters = sel ? [...rest, { cls, lo: clamp01(y.invert(sel[1])), hi: clamp01(y.invert(sel[0])) }] : rest;
          drawChips();
          paintLines();
          shareFilters(ev.type === "end");
        });
      const bg = g.append("g").attr("class", "brush").call(b);
      const f = filters.find((f) => f.cls === cls);
      if (f) bg.call(b.move, [y(f.hi), y(f.lo)]);
      label.call(drag<SVGTextElement, unknown>()
        .on("drag", (ev) => g.attr("transform", `translate(${Math.max(MARGIN.left, Math.min(w - MARGIN.right, ev.x))},0)`))
        .on("end", (ev) => {
          const moved = axes.filter((a) => a !== cls);
          const at = moved.findIndex((a) => x(a)! > ev.x);
          moved.splice(at < 0 ? moved.length : at, 0, cls);
          axes = moved;
          draw();
        }));
    });
    drawChips();
    picker.show(m, axes);
    paintLines();
  }

  // This view repaints at every brush move; the other tiles follow at most
  // every CROSS_FILTER_MS while the brush moves, and at once when it stops.
  let shareTimer: ReturnType<typeof setTimeout> | null = null;
  function shareFilters(now: boolean) {
    if (shareTimer) { clearTimeout(shareTimer); shareTimer = null; }
    const send = () => { shareTimer = null; ownFilterChange = true; o.actions.setFilters(filters); };
    if (now) send(); else shareTimer = setTimeout(send, CROSS_FILTER_MS);
  }

  function drawChips() {
    if (!filters.length) {
      // The row keeps its height, so the plot does not jump under a brush that creates the first filter.
      filterChips.replaceChildren(h("span", { class: "hint" }, "Brush an axis to filter the selection by a class's score; drag a name to reorder the axes."));
      return;
    }
    filterChips.replaceChildren(...filters.map((f) => {
      const chip = h("button", { type: "button", class: "chip-filter", title: "Remove this filter", "data-filter-class": f.cls }, `${describeAxisFilter(f, m!.classNames)} ✕`);
      chip.addEventListener("click", () => { filters = filters.filter((g) => g !== f); o.actions.setFilters(filters); });
      return chip;
    }));
  }

  return {
    root: t.root,
    update(next, changes) {
      m = next;
      // While this view's brush moves, its own filters are newer than the model's.
      if (!shareTimer) filters = next.filters;
      const chosen = picker.choose(next, axes, changes), sameAxes = chosen === axes;
      axes = chosen;
      if (!sameAxes || (changes.has("filters") && !ownFilterChange) || changes.has("theme") || changes.has("classes")) draw();
      // Its own filter change was painted when the brush moved.
      else if (!(changes.has("filters") && ownFilterChange)) paintLines();
      ownFilterChange = false;
    },
  };
}

/** Brushed bounds snap to hundredths: what a user means, and what a shared link shows. */
const clamp01 = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100) / 100;
