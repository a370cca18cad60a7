import type { DashboardModel, Slice } from "../app/model";
import { findClass, mergeAxes, largestClasses, topScoringClasses } from "../lib/axisChoice";
import { h } from "../ui/dom";

/**
 * The axes of the parallel coordinates when a run has more classes than fit
 * (past `allUpTo`): by default the `automatic` classes the selected samples
 * score highest on (before anything is selected, the most predicted ones),
 * plus any class the user adds (a search box over every class name), minus
 * the ones they remove (a button per axis), plus every class an axis filter
 * is set on. Up to `allUpTo` classes every class has its axis, as in the
 * paper, and the picker stays hidden.
 */
export interface AxisPickerOptions {
  /** The user added or removed an axis. */
  onChange(): void;
  allUpTo?: number;
  automatic?: number;
}

export interface AxisPicker {
  root: HTMLElement;
  /** The axes for this model, `current` itself when they are the same; `current` keeps its order. */
  choose(m: DashboardModel, current: number[], changes: ReadonlySet<Slice>): number[];
  /** Shows the chosen axes as removable chips (after the view has drawn them). */
  show(m: DashboardModel, axes: readonly number[]): void;
}

export function axisPicker(o: AxisPickerOptions): AxisPicker {
  const allUpTo = o.allUpTo ?? 20, automaticCount = o.automatic ?? 10;
  let added: number[] = [], removed = new Set<number>();
  let automatic: number[] = [], names: readonly string[] = [];
  let basis: "selection" | "predicted" = "predicted";

  const list = h("datalist", { id: "pc-axis-names" });
  const input = h("input", { type: "search", class: "axis-search", list: "pc-axis-names", placeholder: "Add an axis: class name…", "aria-label": "Add an axis for a class", autocomplete: "off" });
  const note = h("span", { class: "hint", role: "status" });
  const chips = h("span", { class: "axis-chips" });
  const reset = h("button", { type: "button", class: "chip-axis", title: "Back to the automatic axes" }, "Reset axes");
  const root = h("div", { class: "axis-picker", hidden: true }, h("span", { class: "hint axis-basis" }), chips, input, reset, note, list);

  function addTyped() {
    const c = findClass(names, input.value);
    if (c === null) {
      if (input.value.trim()) note.textContent = `No single class matches “${input.value.trim()}”: pick one from the list.`;
      return;
    }
    note.textContent = "";
    input.value = "";
    removed.delete(c);
    if (!added.includes(c)) added = [...added, c];
    o.onChange();
  }
  // Picking from the list fires "change"; Enter adds what is typed.
  input.addEventListener("change", addTyped);
  input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); addTyped(); } });
  reset.addEventListener("click", () => { added = []; removed = new Set(); note.textContent = ""; o.onChange(); });

  /** The automatic classes: the selection's top classes once its score vectors are in, else (nothing selected) the most predicted. */
  function automaticFor(m: DashboardModel): number[] {
    const v = m.vectors;
    const rows: number[] = [];
    if (v && m.selectedCount) for (let row = 0; row < v.rows.length; row++) if (m.selected[v.rows[row]]) rows.push(row);
    if (rows.length) { basis = "selection"; return topScoringClasses(v!.scores, m.classNames.length, rows, m.shownClasses, automaticCount); }
    // Selected but not loaded yet: the axes wait for the vectors rather than jump twice.
    if (m.selectedCount && automatic.length) return automatic;
    basis = "predicted";
    return largestClasses(m.counts, m.shownClasses, automaticCount);
  }

  return {
    root,
    choose(m, current, changes) {
      if (m.classNames !== names) {
        // Another run or split: the user's choices were about other classes.
        names = m.classNames;
        added = []; removed = new Set(); automatic = [];
        list.replaceChildren(...names.map((n) => h("option", { value: n })));
      }
      const filtered = m.filters.map((f) => f.cls);
      root.hidden = m.shownClasses.length <= allUpTo;
      if (root.hidden) {
        const shown = m.shownClasses;
        return current.length === shown.length && shown.every((c) => current.includes(c)) ? current : [...shown];
      }
      if (changes.has("selection") || changes.has("vectors") || changes.has("classes") || changes.has("data") || !automatic.length) automatic = automaticFor(m);
      const shown = new Set(m.shownClasses);
      return mergeAxes(current, automatic, { added: added.filter((c) => shown.has(c)), removed, filtered });
    },
    show(m, axes) {
      if (root.hidden) return;
      root.querySelector(".axis-basis")!.textContent = `${axes.length} of ${m.shownClasses.length.toLocaleString("en")} classes · ${basis === "selection" ? "the selection's top classes by score" : "the most predicted classes (select samples for theirs)"}`;
      const filtered = new Set(m.filters.map((f) => f.cls));
      chips.replaceChildren(...axes.map((c) => {
        const why = filtered.has(c) ? `A filter on ${names[c]} keeps its axis: remove the filter first` : `Remove the axis of ${names[c]}`;
        const chip = h("button", { type: "button", class: "chip-axis", title: why, "aria-label": why, "data-axis-class": names[c], disabled: filtered.has(c) }, `${names[c]} ✕`);
        chip.addEventListener("click", () => {
          removed = new Set(removed).add(c);
          added = added.filter((a) => a !== c);
          o.onChange();
        });
        return chip;
      }));
      reset.hidden = !added.length && !removed.size;
    },
  };
}
