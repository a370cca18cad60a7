import { format } from "d3-format";
import { lruMemoize } from "reselect";
import { h } from "../ui/dom";
import { computeKpis } from "../lib/kpis";
import type { DashboardModel } from "../app/model";

/** The header's KPI cards (accuracy, misclassified, persistently mispredicted, samples, selected). */
export interface KpiCards { root: HTMLElement; update(m: DashboardModel): void }

const pct = format(".1%"), count = format(",");

export function kpiCards(): KpiCards {
  const card = (key: string, label: string, help: string, tone = "") => {
    const value = h("div", { class: "kpi-value", "data-kpi": key }, "–");
    const delta = h("div", { class: "kpi-delta" });
    return { el: h("div", { class: `kpi ${tone}`, title: help }, h("div", { class: "kpi-label" }, label), value, delta), value, delta };
  };
  const cards = {
    accuracy: card("accuracy", "Accuracy", "Correct / samples of the split at this epoch (shown classes only)", "ok"),
    misclassified: card("misclassified", "Misclassified", "Samples whose predicted class is not their label", "danger"),
    persistent: card("persistent", "Persistently mispredicted", "Marked by the threshold rule (by default: mispredicted in more epochs, up to this one, than the threshold): the triangles", "warn"),
    samples: card("samples", "Samples", "Samples of the split in this epoch (shown classes only)"),
    selected: card("selected", "Selected", "Samples selected, after the parallel-coordinates filters", "ok"),
  };
  const root = h("div", { class: "kpis" }, ...Object.values(cards).map((c) => c.el));
  // A brush move changes only the selection: the epoch's figures (a pass over every sample) are kept.
  const kpis = lruMemoize(computeKpis);
  return {
    root,
    update(m) {
      const filtered = m.shownClasses.length < m.classNames.length || m.compare ? m.keep : null;
      const k = kpis(m.data.label, m.data.predicted, m.marked, filtered);
      cards.accuracy.value.textContent = pct(k.accuracy);
      const stats = m.run.epochs.map((e) => e.splits[m.split]).filter(Boolean);
      const at = m.run.epochs.findIndex((e) => e.epoch === m.epoch);
      const previous = at > 0 ? m.run.epochs[at - 1].splits[m.split] : undefined;
      cards.accuracy.delta.textContent = previous && !filtered ? `${k.accuracy >= previous.accuracy ? "▲" : "▼"} ${pct(Math.abs(k.accuracy - previous.accuracy))} vs epoch ${m.run.epochs[at - 1].epoch}` : stats.length ? `epoch ${m.epoch}` : "";
      cards.misclassified.value.textContent = count(k.misclassified);
      cards.misclassified.delta.textContent = k.samples ? `${pct(k.misclassified / k.samples)} of samples` : "";
      cards.persistent.value.textContent = count(k.persistent);
      cards.persistent.delta.textContent = m.markText;
      cards.samples.value.textContent = count(k.samples);
      cards.samples.delta.textContent = m.compare ? `prediction changed vs epoch ${m.compare.epoch}` : `${m.split}, ${m.shownClasses.length} of ${m.classNames.length} classes`;
      cards.selected.value.textContent = count(m.activeCount);
      cards.selected.delta.textContent = m.filters.length ? `${count(m.selectedCount)} before the axis filters` : m.selectedCount ? "click, shift-click or brush" : "none: click or brush a column";
    },
  };
}
