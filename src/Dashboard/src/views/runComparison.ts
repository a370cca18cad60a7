import { format } from "d3-format";
import type { Slice, DashboardActions, DashboardModel } from "../app/model";
import { COMPARE_CATEGORIES, indicesInCategory, type CompareCategory } from "../lib/compareRuns";
import { h } from "../ui/dom";
import { tile } from "./tile";

/**
 * Run A vs run B on the same samples: how many errors both runs make (stable,
 * likely hard or mislabelled samples), how many only one run makes, and how
 * many samples the other run lacks. A click on a category selects its samples
 * in every tile (shift-click adds them to the selection).
 */
export interface RunComparisonOptions { actions: DashboardActions }

export interface RunComparisonView { root: HTMLElement; update(m: DashboardModel, changes: ReadonlySet<Slice>): void }

/** Label and colour (a theme variable, so light and dark both read) of each category. */
const INFO: Record<CompareCategory, { label: string; color: string; help: string }> = {
  stable: { label: "Stable errors (wrong in both)", color: "var(--danger)", help: "Misclassified by this run and by the other" },
  thisOnly: { label: "Errors of this run only", color: "var(--warn)", help: "Misclassified here, right in the other run" },
  otherOnly: { label: "Errors of the other run only", color: "var(--accent)", help: "Right here, misclassified in the other run" },
  bothCorrect: { label: "Correct in both", color: "var(--selected)", help: "Right in both runs" },
  missing: { label: "Not in the other run", color: "var(--muted)", help: "Samples of this run the other run's split does not list" },
};

/** data-* names of the counts on the tile (the e2e tests read them). */
const KEY: Record<CompareCategory, string> = { stable: "stable", thisOnly: "thisOnly", otherOnly: "otherOnly", bothCorrect: "bothCorrect", missing: "missing" };

const count = format(","), pct = format(".1%");

export function runComparison(o: RunComparisonOptions): RunComparisonView {
  let m: DashboardModel | null = null;
  /** The category last clicked: shown pressed while the selection is still exactly it. */
  let picked: CompareCategory | null = null;

  const t = tile({
    id: "runcompare", title: "Run comparison", span: "span-6",
    csv: () => {
      const c = m?.runCompare?.comparison;
      return c ? { header: ["category", "samples"], rows: COMPARE_CATEGORIES.map((k) => [INFO[k].label, c.counts[k]]) } : null;
    },
  });
  const list = h("div", { class: "compare-rows" });
  t.body.append(list);

  list.addEventListener("click", (ev) => {
    const row = (ev.target as HTMLElement).closest<HTMLElement>("[data-category]");
    const c = m?.runCompare?.comparison;
    if (!row || !c) return;
    picked = row.dataset.category as CompareCategory;
    o.actions.pick(indicesInCategory(c, picked), ev.shiftKey ? "add" : "replace");
  });

  function render() {
    if (!m) return;
    const rc = m.runCompare, c = rc?.comparison ?? null;
    t.root.dataset.state = !rc ? "off" : c ? "ready" : rc.status?.startsWith("Loading") ? "loading" : "error";
    t.root.dataset.run = rc?.run ?? "";
    t.root.dataset.epoch = rc?.epoch === null || rc?.epoch === undefined ? "" : String(rc.epoch);
    for (const k of COMPARE_CATEGORIES) t.root.dataset[KEY[k]] = c ? String(c.counts[k]) : "";
    if (!rc || !c) {
      list.replaceChildren();
      t.setSubtitle(rc ? `vs ${rc.run}` : "");
      t.setMessage(rc ? rc.status : "Choose a run in \u201cCompare with run\u201d to compare its errors with this run's, sample by sample.");
      return;
    }
    t.setMessage(null);
    const total = c.category.length;
    t.setSubtitle(`vs ${rc.run} at epoch ${rc.epoch} (this run: epoch ${m.epoch}), ${m.split} · click a category to select it`);
    list.replaceChildren(...COMPARE_CATEGORIES.map((k) => {
      const n = c.counts[k], share = total ? n / total : 0;
      return h("button", { type: "button", class: "compare-row", "data-category": k, "data-count": n, title: `${INFO[k].help}. Click: select them; shift-click: add them.`, disabled: n === 0 },
        h("span", { class: "compare-label" }, h("span", { class: "swatch", style: `background:${INFO[k].color}` }), INFO[k].label),
        h("span", { class: "compare-bar" }, h("span", { style: `width:${(100 * share).toFixed(2)}%;background:${INFO[k].color}` })),
        h("span", { class: "num" }, count(n)),
        h("span", { class: "num muted" }, pct(share)));
    }));
    markPicked();
  }

  function markPicked() {
    const c = m?.runCompare?.comparison;
    // A later brush or click elsewhere replaces the selection: the row then stops looking pressed.
    if (picked && (!c || m!.selectedCount !== c.counts[picked])) picked = null;
    for (const row of list.querySelectorAll<HTMLElement>("[data-category]")) row.setAttribute("aria-pressed", String(row.dataset.category === picked));
  }

  return {
    root: t.root,
    update(next, changes) {
      m = next;
      if (changes.has("selection") && changes.size === 1) markPicked();
      else render();
    },
  };
}
