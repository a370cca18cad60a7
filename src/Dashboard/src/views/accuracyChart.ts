import { scaleLinear, scaleOrdinal } from "d3-scale";
import { axisBottom, axisLeft, axisRight } from "d3-axis";
import { select } from "d3-selection";
import { line } from "d3-shape";
import { extent, max, bisector } from "d3-array";
import { format } from "d3-format";
import type { RunDetail } from "../api/types";
import type { DashboardModel } from "../app/model";
import { isServed } from "../lib/servedEpochs";
import { tile, toggleButton } from "./tile";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { escapeHtml, watchSize } from "../ui/dom";

/**
 * Training accuracy graph (paper, figure 1 A): accuracy per logged epoch for
 * every split, loss on a second axis (toggle), the selected epoch marked.
 * Clicking anywhere on the chart selects the nearest epoch.
 */
export interface AccuracyChartOptions {
  onSelectEpoch(epoch: number): void;
  height?: number;
}

export interface AccuracyChart { root: HTMLElement; update(m: DashboardModel): void }

const SPLIT_COLORS = ["#118dff", "#e66c37", "#6b007b", "#12239e", "#e044a7"];
const pct = format(".0%"), pct1 = format(".1%"), num = format(".3f");

export function accuracyChart(o: AccuracyChartOptions): AccuracyChart {
  let run: RunDetail | null = null, epoch = 0, current = "";
  let showLoss = true;
  const lossToggle = toggleButton("Loss", "Show the loss on a second axis", (on) => { showLoss = on; draw(); }, true);
  const t = tile({
    id: "accuracy", title: "Training accuracy", span: "span-6", tools: [lossToggle],
    csv: () => run && {
      header: ["epoch", "status", ...run.splits.flatMap((s) => [`${s}_accuracy`, `${s}_loss`, `${s}_samples`])],
      rows: run.epochs.map((e) => [e.epoch, e.status, ...run!.splits.flatMap((s) => [e.splits[s]?.accuracy, e.splits[s]?.loss, e.splits[s]?.samples])]),
    },
  });
  const height = o.height ?? 290;
  const svg = select(t.body).append("svg").attr("height", height).attr("width", "100%").style("display", "block").style("cursor", "pointer");
  const size = watchSize(t.body, () => draw());

  function draw() {
    if (!run) return;
    const width = size.width;
    if (width <= 0) return;
    const margin = { top: 10, right: showLoss ? 44 : 12, bottom: 26, left: 40 };
    const epochs = run.epochs.filter(isServed);
    const x = scaleLinear().domain(extent(epochs, (e) => e.epoch) as [number, number]).range([margin.left, width - margin.right]);
    if (epochs.length === 1) x.domain([epochs[0].epoch - 1, epochs[0].epoch + 1]);
    const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
    const maxLoss = max(epochs, (e) => max(Object.values(e.splits), (s) => s.loss)) ?? 1;
    const yLoss = scaleLinear().domain([0, maxLoss * 1.05]).nice().range(y.range());
    const color = scaleOrdinal<string, string>().domain(run.splits).range(SPLIT_COLORS);
    svg.attr("width", width).selectAll("*").remove();
    svg.append("g").attr("class", "axis gridline").attr("transform", `translate(${margin.left},0)`)
      .call(axisLeft(y).ticks(5).tickSize(-(width - margin.left - margin.right)).tickFormat(() => ""));
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(axisBottom(x).tickValues(x.ticks(Math.min(epochs.length, Math.floor(width / 40))).filter(Number.isInteger)).tickFormat(format("d")));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`).call(axisLeft(y).ticks(5).tickFormat(pct));
    if (showLoss) svg.append("g").attr("class", "axis").attr("transform", `translate(${width - margin.right},0)`).call(axisRight(yLoss).ticks(5));
    svg.append("line").attr("x1", x(epoch)).attr("x2", x(epoch)).attr("y1", margin.top).attr("y2", height - margin.bottom)
      .attr("stroke", "var(--text)").attr("stroke-dasharray", "3 3").attr("opacity", 0.6).attr("data-selected-epoch", epoch);
    for (const split of run.splits) {
      const points = epochs.filter((e) => e.splits[split]);
      svg.append("path").attr("fill", "none").attr("stroke", color(split)).attr("stroke-width", split === current ? 2.5 : 1.5)
        .attr("d", line<(typeof points)[0]>().x((e) => x(e.epoch)).y((e) => y(e.splits[split].accuracy))(points));
      if (showLoss) svg.append("path").attr("fill", "none").attr("stroke", color(split)).attr("stroke-width", 1).attr("stroke-dasharray", "4 3")
        .attr("d", line<(typeof points)[0]>().x((e) => x(e.epoch)).y((e) => yLoss(e.splits[split].loss))(points));
      svg.append("g").selectAll("circle").data(points).join("circle")
        .attr("class", "epoch-point").attr("data-epoch", (e) => e.epoch).attr("data-split", split)
        .attr("cx", (e) => x(e.epoch)).attr("cy", (e) => y(e.splits[split].accuracy))
        .attr("r", (e) => (e.epoch === epoch ? 5 : 3)).attr("fill", (e) => (e.epoch === epoch ? color(split) : "var(--panel)"))
        .attr("stroke", color(split)).attr("stroke-width", 1.5);
    }
    const legend = svg.append("g").attr("transform", `translate(${margin.left + 8},${margin.top + 4})`);
    run.splits.forEach((split, k) => {
      const g = legend.append("g").attr("transform", `translate(${k * 100},0)`);
      g.append("rect").attr("width", 10).attr("height", 3).attr("y", 4).attr("fill", color(split));
      g.append("text").attr("x", 14).attr("y", 9).attr("font-size", 11).text(split);
    });
    if (showLoss) legend.append("text").attr("x", run.splits.length * 100).attr("y", 9).attr("font-size", 11).attr("fill", "var(--muted)").text("- - loss");
    const nearest = (px: number) => {
      const e = x.invert(px);
      const i = bisector((d: (typeof epochs)[0]) => d.epoch).center(epochs, e);
      return epochs[i];
    };
    svg.on("click", (ev: MouseEvent) => { const e = nearest(ev.offsetX); if (e) o.onSelectEpoch(e.epoch); })
      .on("mousemove", (ev: MouseEvent) => {
        const e = nearest(ev.offsetX);
        if (!e) return;
        const rows = run!.splits.filter((s) => e.splits[s]).map((s) => `<tr><td><span style="color:${color(s)}">●</span> ${escapeHtml(s)}</td><td>${pct1(e.splits[s].accuracy)}</td><td class="muted">loss ${num(e.splits[s].loss)}</td></tr>`).join("");
        showTooltip(`<b>Epoch ${e.epoch}</b><table>${rows}</table><span class="muted">click to select this epoch</span>`, ev.clientX, ev.clientY);
      })
      .on("mouseleave", hideTooltip);
  }

  return {
    root: t.root,
    update(m) {
      run = m.run; epoch = m.epoch; current = m.split;
      t.setSubtitle(`${run.splits.join(" / ")} · epoch ${epoch} selected`);
      draw();
    },
  };
}
