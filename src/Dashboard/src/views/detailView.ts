import { scaleBand, scaleLinear } from "d3-scale";
import { select } from "d3-selection";
import { axisBottom, axisLeft } from "d3-axis";
import { line } from "d3-shape";
import { format } from "d3-format";
import type { Attention, SampleHistory, SampleId } from "../api/types";
import type { DashboardModel } from "../app/model";
import { LatestRequest, SUPERSEDED } from "../app/latest";
import { sentenceHighlight, wordHighlight } from "../lib/attentionColors";
import { h, escapeHtml } from "../ui/dom";
import { showTooltip, hideTooltip } from "../ui/tooltip";
import { tile } from "./tile";
import { largestClasses } from "../lib/axisChoice";

/**
 * Detail view (paper, section 5.3, figure 5): the chosen sample's text with
 * its sentences (reds) and words (blues) shaded by attention, its score
 * vector, and its prediction over the epochs. Samples without attention show
 * the score vector and the history only.
 */
export interface DetailViewOptions {
  loadHistory(id: SampleId, signal: AbortSignal): Promise<SampleHistory>;
  /** null when the epoch or the sample has no attention. */
  loadAttention(id: SampleId, signal: AbortSignal): Promise<Attention | null>;
  loadScores(id: SampleId, signal: AbortSignal): Promise<number[] | null>;
}

export interface DetailView { root: HTMLElement; update(m: DashboardModel): void }

const score3 = format(".3f"), pct = format(".0%");
/** Bars of the score vector, at most: 40 keep a label's width at the tile's usual size. */
const MAX_BARS = 40;

export function detailView(o: DetailViewOptions): DetailView {
  let shownKey = "";
  const request = new LatestRequest();
  let current: { id: SampleId; history: SampleHistory | null; scores: number[] | null; m: DashboardModel } | null = null;
  const t = tile({
    id: "detail", title: "Detail", span: "span-5",
    csv: () => current && {
      header: ["sampleId", "kind", "epochOrClass", "predicted", "score", "correct", "mispredictions"],
      rows: [
        ...(current.history?.history ?? []).map((p) => [current!.id, "history", p.epoch, current!.m.classNames[p.predicted], p.score, p.correct, p.mispredictions]),
        ...(current.scores ?? []).map((s, c) => [current!.id, "score", current!.m.classNames[c], null, s, null, null]),
      ],
    },
  });
  const meta = h("div", { class: "detail-meta" });
  const text = h("div", { class: "detail-text", "aria-label": "Text with attention" });
  const scoresSvg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).attr("class", "score-vector").style("display", "block");
  const historySvg = select(document.createElementNS("http://www.w3.org/2000/svg", "svg")).attr("class", "history").style("display", "block");
  const textTitle = h("div", { class: "detail-section" }, "Text · sentence attention (reds) · word attention (blues)");
  t.body.append(h("div", { class: "detail-content" }, meta, textTitle, text, h("div", { class: "detail-section" }, "Score vector"), scoresSvg.node()!, h("div", { class: "detail-section" }, "Prediction over the epochs"), historySvg.node()!));
  t.body.style.minHeight = "420px";
  t.setMessage("Click a box in the classification view to see its sample here.");
  t.root.classList.add("empty");

  async function show(m: DashboardModel) {
    const i = m.detail, d = m.data, id = d.ids[i];
    const key = `${m.run.run}|${m.split}|${m.epoch}|${id}`;
    if (key === shownKey) return;
    shownKey = key;
    t.setMessage(null);
    t.root.classList.remove("empty");
    t.root.dataset.sample = String(id);
    t.root.dataset.state = "loading";
    const wrong = d.label[i] !== d.predicted[i];
    const chip = (c: number) => `<span class="chip" style="background:${m.colors[c]}">${escapeHtml(m.classNames[c])}</span>`;
    meta.innerHTML = `<span><b>${escapeHtml(String(id))}</b></span><span>label ${chip(d.label[i])}</span><span>predicted ${chip(d.predicted[i])} ${wrong ? "✗" : "✓"}</span>` +
      `<span>score <b>${score3(d.score[i])}</b></span><span>mispredicted in <b>${d.mispredictions[i]}</b> epochs ≤ ${m.epoch}</span>`;
    t.setSubtitle(`${String(id)} · epoch ${m.epoch}`);
    // An epoch without attention is not asked for it: its 404 would only be noise in the console.
    const hasAttention = m.run.epochs.find((e) => e.epoch === m.epoch)?.attention?.status === "ok";
    const answer = await request.run((signal) => Promise.all([
      o.loadHistory(id, signal).catch(() => null), hasAttention ? o.loadAttention(id, signal).catch(() => null) : null, o.loadScores(id, signal).catch(() => null),
    ]));
    if (answer === SUPERSEDED) return;
    const [history, attention, scores] = answer;
    current = { id, history, scores, m };
    drawText(attention, m.epoch);
    drawScores(m, scores, d.label[i], d.predicted[i]);
    drawHistory(m, history);
    t.root.dataset.state = "ready";
  }

  function drawText(attention: Attention | null, epoch: number) {
    text.replaceChildren();
    if (!attention) {
      text.append(h("div", { class: "no-attention", style: "color:var(--muted)" }, `No text: this sample has no attention in epoch ${epoch}.`));
      return;
    }
    const maxSentence = Math.max(...attention.sentences.map((s) => s.weight));
    for (const s of attention.sentences) {
      const sh = sentenceHighlight(s.weight, maxSentence);
      const maxWord = Math.max(...s.tokens.map((t) => t.weight));
      const words = s.tokens.map((tok) => {
        const wh = wordHighlight(tok.weight, maxWord);
        const span = h("span", { class: "word", style: `background:${wh.background};color:${wh.color}`, "data-weight": tok.weight.toFixed(4) }, tok.text);
        span.addEventListener("mousemove", (ev) => showTooltip(`<b>${escapeHtml(tok.text)}</b><br>word weight ${score3(tok.weight)}<br>sentence weight ${score3(s.weight)}`, ev.clientX, ev.clientY));
        span.addEventListener("mouseleave", hideTooltip);
        return span;
      });
      text.append(h("div", { class: "sentence", "data-weight": s.weight.toFixed(4) },
        h("span", { class: "sentence-bar", style: `background:${sh.background}`, title: `sentence weight ${score3(s.weight)}` }),
        h("span", {}, ...words.flatMap((w) => [w, " "]))));
    }
  }

  function drawScores(m: DashboardModel, scores: number[] | null, label: number, predicted: number) {
    const width = Math.max(200, t.body.clientWidth - 24), C = m.classNames.length;
    const height = 96;
    scoresSvg.attr("width", width).attr("height", height).selectAll("*").remove();
    if (!scores) { scoresSvg.append("text").attr("y", 16).attr("fill", "var(--muted)").text("Score vector unavailable."); return; }
    // Past MAX_BARS classes the bars would be thinner than a pixel: the top scores, largest first, and the true class.
    const all = Array.from({ length: C }, (_, c) => c);
    const top = C <= MAX_BARS ? all : largestClasses(scores, all, MAX_BARS - 1);
    const shown = top.includes(label) ? top : [...top, label];
    const x = scaleBand<number>().domain(shown).range([30, width]).padding(0.15);
    const y = scaleLinear().domain([0, 1]).range([height - 14, 6]);
    scoresSvg.append("g").attr("class", "axis").attr("transform", "translate(30,0)").call(axisLeft(y).ticks(3).tickFormat(format(".1f")));
    scoresSvg.append("g").selectAll("rect").data(shown).join("rect")
      .attr("x", (c) => x(c)!).attr("width", x.bandwidth()).attr("y", (c) => y(scores[c])).attr("height", (c) => y(0) - y(scores[c]))
      .attr("fill", (c) => m.colors[c]).attr("stroke", (c) => (c === label ? "var(--text)" : "none")).attr("stroke-width", 1.5)
      .on("mousemove", (ev: MouseEvent, c) => {
        showTooltip(`<b>${escapeHtml(m.classNames[c])}</b> ${score3(scores[c])}${c === label ? " · true class" : ""}${c === predicted ? " · predicted" : ""}`, ev.clientX, ev.clientY);
      }).on("mouseleave", hideTooltip);
    scoresSvg.append("g").selectAll("text").data(shown).join("text")
      .attr("x", (c) => x(c)! + x.bandwidth() / 2).attr("y", height - 2).attr("text-anchor", "middle").attr("font-size", 9).attr("fill", "var(--muted)")
      .text((c) => (x.bandwidth() > 24 ? m.classNames[c].slice(0, 5) : c === label ? "▲" : ""));
    if (C > MAX_BARS) scoresSvg.append("text").attr("class", "score-note").attr("x", width).attr("y", 10).attr("text-anchor", "end").attr("font-size", 10).attr("fill", "var(--muted)")
      .text(`the ${MAX_BARS - 1} top scores of ${C.toLocaleString("en")} classes${shown === top ? "" : ", and the true class"}`);
  }

  function drawHistory(m: DashboardModel, history: SampleHistory | null) {
    const width = Math.max(200, t.body.clientWidth - 24), height = 128, bottom = height - 34;
    historySvg.attr("width", width).attr("height", height).selectAll("*").remove();
    if (!history?.history.length) { historySvg.append("text").attr("y", 16).attr("fill", "var(--muted)").text("History unavailable."); return; }
    const points = history.history;
    const x = scaleLinear().domain([points[0].epoch, Math.max(points[0].epoch + 1, points.at(-1)!.epoch)]).range([42, width - 10]);
    const y = scaleLinear().domain([0, 1]).range([bottom, 8]);
    historySvg.append("g").attr("class", "axis").attr("transform", `translate(0,${bottom})`).call(axisBottom(x).tickValues(x.ticks(Math.min(points.length, 10)).filter(Number.isInteger)).tickFormat(format("d")));
    historySvg.append("g").attr("class", "axis").attr("transform", "translate(42,0)").call(axisLeft(y).ticks(3).tickFormat(pct));
    historySvg.append("line").attr("x1", x(m.epoch)).attr("x2", x(m.epoch)).attr("y1", 8).attr("y2", bottom).attr("stroke", "var(--muted)").attr("stroke-dasharray", "3 3");
    historySvg.append("path").attr("fill", "none").attr("stroke", "var(--muted)").attr("d", line<(typeof points)[0]>().x((p) => x(p.epoch)).y((p) => y(p.score))(points));
    historySvg.append("g").selectAll("circle").data(points).join("circle").attr("class", "history-point")
      .attr("cx", (p) => x(p.epoch)).attr("cy", (p) => y(p.score)).attr("r", 4.5)
      .attr("fill", (p) => (p.correct ? m.colors[p.predicted] : "var(--panel)")).attr("stroke", (p) => (p.correct ? "none" : m.colors[p.predicted])).attr("stroke-width", 2)
      .on("mousemove", (ev: MouseEvent, p) => showTooltip(`<b>Epoch ${p.epoch}</b><br>predicted ${escapeHtml(m.classNames[p.predicted])} ${p.correct ? "✓" : "✗"}<br>score ${score3(p.score)} · mispredicted ${p.mispredictions}×`, ev.clientX, ev.clientY))
      .on("mouseleave", hideTooltip);
    historySvg.append("text").attr("x", 42).attr("y", height - 3).attr("font-size", 10).attr("fill", "var(--muted)")
      .text(`filled = correct, hollow = wrong; color = predicted class; label ${m.classNames[history.label]}`);
  }

  return {
    root: t.root,
    update(m) {
      if (m.detail < 0) return;
      void show(m);
    },
  };
}
