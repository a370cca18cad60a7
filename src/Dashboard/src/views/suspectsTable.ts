import { format } from "d3-format";
import type { Suspects } from "../api/types";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { LatestRequest, SUPERSEDED } from "../app/latest";
import { h } from "../ui/dom";
import { tile } from "./tile";
import { errorText } from "../lib/errorText";

/**
 * Suspected label issues: the samples whose area under the margin (AUM,
 * Pleiss et al. 2020) over the epochs so far is lowest, i.e. the model kept
 * preferring another class to the label. Ranked as the API ranks them; a click
 * on a row selects the sample everywhere and opens it in the detail view.
 */
export interface SuspectsTableOptions {
  actions: DashboardActions;
  /** The suspects of the current split at an epoch, most suspicious first. */
  loadSuspects(epoch: number, limit: number, signal: AbortSignal): Promise<Suspects>;
  /** Rows asked for; the API counts them all in `total`. */
  limit?: number;
  /** Height of the scrolling table, CSS px. */
  height?: number;
}

export interface SuspectsTableView { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

const count = format(","), num3 = format(".3f");

export function suspectsTable(o: SuspectsTableOptions): SuspectsTableView {
  const limit = o.limit ?? 100;
  let m: DashboardModel | null = null;
  let answer: Suspects | null = null;
  /** Sample index (in the model's epoch) of each row, -1 when the sample is not in it. */
  let indexOfRow: number[] = [];
  let loadedKey = "";
  const request = new LatestRequest();

  const t = tile({
    id: "suspects", title: "Suspected label issues", span: "span-6",
    csv: () => answer && {
      header: ["rank", "sampleId", "label", "likely", "aum", "confidence", "mispredictions"],
      rows: answer.suspects.map((s, k) => [k + 1, s.sampleId, s.labelName, s.likelyName, s.aum, s.confidence, s.mispredictions]),
    },
  });
  const body = h("tbody");
  const table = h("table", { class: "data-table" },
    h("thead", {}, h("tr", {}, ...["#", "sample", "label", "likely class", "AUM", "confidence", "mispredicted"].map((c) => h("th", {}, c)))),
    body);
  const scroller = h("div", { class: "table-scroll", style: `height:${o.height ?? 300}px` }, table);
  t.body.append(scroller);

  body.addEventListener("click", (ev) => {
    const row = (ev.target as HTMLElement).closest("tr");
    const i = row ? indexOfRow[Number(row.dataset.rank)] : -1;
    if (i === undefined || i < 0) return;
    o.actions.pick([i], ev.shiftKey ? "toggle" : "replace");
    if (!ev.shiftKey) o.actions.openDetail(i);
  });

  function render() {
    if (!m || !answer) return;
    const ids = new Map(m.data.ids.map((id, i) => [String(id), i]));
    indexOfRow = answer.suspects.map((s) => ids.get(String(s.sampleId)) ?? -1);
    body.replaceChildren(...answer.suspects.map((s, k) => h("tr", { "data-rank": k, "data-sample": String(s.sampleId), title: "click: select and open the sample" },
      h("td", { class: "num" }, k + 1),
      h("td", { class: "id" }, String(s.sampleId)),
      h("td", {}, swatch(m!.colors[s.label]), s.labelName),
      h("td", {}, swatch(m!.colors[s.likely]), s.likelyName),
      h("td", { class: "num" }, num3(s.aum)),
      h("td", { class: "num" }, num3(s.confidence)),
      h("td", { class: "num" }, s.mispredictions))));
    t.setSubtitle(`${count(answer.total)} suspects (AUM < 0) at epoch ${answer.epoch}${answer.total > answer.suspects.length ? ` · first ${answer.suspects.length}` : ""} · click a row to select`);
    t.setMessage(answer.suspects.length ? null : "No suspected label issue at this epoch.");
    t.root.dataset.rows = String(answer.suspects.length);
    t.root.dataset.total = String(answer.total);
    markSelected();
  }

  function markSelected() {
    if (!m) return;
    const rowsEl = body.children;
    for (let k = 0; k < rowsEl.length; k++) {
      const i = indexOfRow[k];
      rowsEl[k].classList.toggle("selected", i >= 0 && m.active[i] === 1);
    }
  }

  async function load(next: DashboardModel) {
    const key = `${next.run.run}|${next.split}|${next.epoch}`;
    if (key === loadedKey) return;
    loadedKey = key;
    if (!answer) t.setMessage("Loading suspects…");
    try {
      const got = await request.run((signal) => o.loadSuspects(next.epoch, limit, signal));
      if (got === SUPERSEDED) return;
      answer = got;
      render();
    } catch (err) {
      answer = null; loadedKey = "";
      body.replaceChildren();
      t.setMessage(`No suspects: ${errorText(err)}`);
    }
  }

  return {
    root: t.root,
    update(next, changes) {
      m = next;
      if (changes.has("data")) void load(next);
      else if (changes.has("theme")) render();
      else markSelected();
    },
  };
}

const swatch = (color: string) => h("span", { class: "swatch", style: `background:${color}` });
