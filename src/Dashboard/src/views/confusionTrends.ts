import { format } from "d3-format";
import type { ConfusionGrowth, ConfusionOverTime, ConfusionPairSeries } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { LatestRequest, SUPERSEDED } from "../app/latest";
import { cellMembers } from "../lib/confusion";
import { sparklinePath, sparklinePoints } from "../lib/sparkline";
import { h } from "../ui/dom";
import { tile } from "./tile";
import { errorText } from "../lib/errorText";

/**
 * Confusion over time: the off-diagonal pairs (true → predicted) as
 * sparklines over the logged epochs, either the largest at the last epoch or
 * the ones that grew most over the last k epochs. The current epoch is a dot
 * on each line; a click selects the pair's samples at the current epoch, as a
 * click on the confusion-matrix cell does.
 */
export interface ConfusionTrendsOptions {
  actions: DashboardActions;
  /** Pairs with the largest count at the last epoch, with their counts per epoch. */
  loadOverTime(top: number, signal: AbortSignal): Promise<ConfusionOverTime>;
  /** Pairs whose count grew most over the last k logged epochs. */
  loadGrowth(k: number, top: number, signal: AbortSignal): Promise<ConfusionGrowth>;
  top?: number;
  /** Epochs the growth is measured over. */
  k?: number;
}

export interface ConfusionTrendsView { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

type Mode = "largest" | "growth";
const count = format(","), signed = format("+,");
const WIDTH = 150, HEIGHT = 30;

export function confusionTrends(o: ConfusionTrendsOptions): ConfusionTrendsView {
  const top = o.top ?? 20, k = o.k ?? 5;
  let m: DashboardModel | null = null;
  let mode: Mode = "largest";
  let answer: { epochs: number[]; pairs: ConfusionPairSeries[] } | null = null;
  let loadedKey = "";
  const request = new LatestRequest();

  const modeButtons = (["largest", "growth"] as const).map((value) => {
    const b = h("button", { type: "button", "data-mode": value, "aria-pressed": String(value === mode),
      title: value === "largest" ? "The largest confusions at the last epoch" : `The confusions that grew most over the last ${k} epochs` },
    value === "largest" ? "Largest" : `Grew most (${k})`);
    b.addEventListener("click", () => { mode = value; modeButtons.forEach((x) => x.setAttribute("aria-pressed", String(x === b))); void load(); });
    return b;
  });
  const t = tile({
    id: "trends", title: "Confusion over time", span: "span-12",
    tools: [h("span", { class: "segmented" }, ...modeButtons)],
    csv: () => answer && {
      header: ["true", "predicted", ...(mode === "growth" ? ["growth"] : []), ...answer.epochs.map((e) => `epoch ${e}`)],
      rows: answer.pairs.map((p) => [p.true, p.predicted, ...(mode === "growth" ? [p.growth ?? 0] : []), ...p.counts]),
    },
  });
  const grid = h("div", { class: "sparkline-grid" });
  t.body.append(grid);

  grid.addEventListener("click", (ev) => {
    const card = (ev.target as HTMLElement).closest<HTMLElement>(".sparkline-card");
    if (!card || !m) return;
    const r = m.classNames.indexOf(card.dataset.true!), c = m.classNames.indexOf(card.dataset.predicted!);
    if (r >= 0 && c >= 0) o.actions.pick(cellMembers(m.data.label, m.data.predicted, r, c), ev.shiftKey ? "add" : "replace");
  });

  function render() {
    if (!m || !answer) return;
    const at = answer.epochs.indexOf(m.epoch);
    // One scale for every line, so a tall line is a large confusion.
    const max = Math.max(1, ...answer.pairs.flatMap((p) => p.counts));
    grid.replaceChildren(...answer.pairs.map((p) => card(p, at, max)));
    const span = answer.epochs.length ? `epochs ${answer.epochs[0]}–${answer.epochs.at(-1)}` : "no epoch";
    t.setSubtitle(`${mode === "largest" ? "largest confusions at the last epoch" : `grew most over the last ${k} epochs`} · ${span} · shared scale, dot = epoch ${m.epoch} · click to select`);
    t.setMessage(answer.pairs.length ? null : "No confusion between classes.");
    Object.assign(t.root.dataset, { pairs: String(answer.pairs.length), mode });
  }

  function card(p: ConfusionPairSeries, at: number, max: number): HTMLElement {
    const colorOf = (name: string) => m!.colors[m!.classNames.indexOf(name)] ?? "var(--muted)";
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", String(WIDTH)); svg.setAttribute("height", String(HEIGHT));
    svg.setAttribute("class", "sparkline");
    const points = sparklinePoints(p.counts, WIDTH, HEIGHT, max);
    const current = points[at];
    const dot = current ? `<circle cx="${current[0]}" cy="${current[1]}" r="2.5" class="sparkline-dot"/>` : "";
    svg.innerHTML = `<path d="${sparklinePath(points)}" fill="none" stroke="${colorOf(p.predicted)}" stroke-width="1.5"/>${dot}`;
    const now = p.counts.at(-1) ?? 0;
    return h("div", { class: "sparkline-card", "data-true": p.true, "data-predicted": p.predicted, title: `${p.true} → ${p.predicted}: ${p.counts.join(", ")}` },
      h("div", { class: "sparkline-label" },
        h("span", { class: "swatch", style: `background:${colorOf(p.true)}` }), p.true, " → ",
        h("span", { class: "swatch", style: `background:${colorOf(p.predicted)}` }), p.predicted),
      svg,
      h("div", { class: "sparkline-value" }, count(now), p.growth !== undefined ? h("span", { class: "muted" }, ` ${signed(p.growth)}`) : null));
  }

  async function load() {
    if (!m) return;
    const key = `${m.run.run}|${m.split}|${mode}`;
    loadedKey = key;
    if (!answer) t.setMessage("Loading confusion over time…");
    try {
      const got = await request.run((signal) => (mode === "largest" ? o.loadOverTime(top, signal) : o.loadGrowth(k, top, signal)));
      if (got === SUPERSEDED) return;
      answer = got;
      render();
    } catch (err) {
      answer = null; loadedKey = "";
      grid.replaceChildren();
      t.setMessage(`No confusion history: ${errorText(err)}`);
    }
  }

  return {
    root: t.root,
    update(next, changes) {
      m = next;
      if (`${next.run.run}|${next.split}|${mode}` !== loadedKey) void load();
      else if (changes.has("data") || changes.has("theme")) render();
    },
  };
}
