import type { DashboardActions, DashboardModel } from "../app/model";
import { h } from "../ui/dom";
import { MARK_STATISTICS, thresholdText, type MarkStatistic } from "../lib/markRule";

/**
 * The app bar and the slicer bar: run, split, class filter, epoch slider with
 * play, and the threshold of the triangles (paper, figure 1 B and C): by
 * default on the misprediction count, or on a training-dynamics statistic.
 */
export interface SlicersOptions {
  /** Every slicer is a choice the dashboard's actions make. */
  actions: DashboardActions;
  /** Milliseconds between epochs while playing. */
  playInterval?: number;
}

export interface Slicers { root: HTMLElement; update(m: DashboardModel): void }

export function slicers(o: SlicersOptions): Slicers {
  const a = o.actions;
  let state: DashboardModel | null = null;
  let playing: ReturnType<typeof setInterval> | null = null;

  const runSelect = h("select", { id: "slicer-run", "aria-label": "Run" });
  runSelect.addEventListener("change", () => a.setRun(runSelect.value));
  const splitSelect = h("select", { id: "slicer-split", "aria-label": "Split" });
  splitSelect.addEventListener("change", () => a.setSplit(splitSelect.value));

  const classSummary = h("summary", { id: "slicer-classes", title: "Show only some classes" }, "All classes");
  const classMenu = h("div", { class: "menu" });
  const classDropdown = h("details", { class: "dropdown" }, classSummary, classMenu);
  document.addEventListener("click", (ev) => { if (!classDropdown.contains(ev.target as Node)) classDropdown.open = false; });
  // A thousand classes are found by typing: the list keeps the classes whose name holds the text.
  const classSearch = h("input", { type: "search", class: "class-search", id: "slicer-class-search", placeholder: "Search classes…", "aria-label": "Search classes", autocomplete: "off" });
  const matchCount = h("div", { class: "match-count", role: "status" });
  const onlyMatching = h("button", { type: "button", class: "icon-button", title: "Show only the classes that match the search (Enter)" }, "Only these");
  classSearch.addEventListener("input", filterClassMenu);
  classSearch.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { ev.preventDefault(); onlyMatching.click(); }
    else if (ev.key === "ArrowDown") { ev.preventDefault(); visibleBoxes()[0]?.focus(); }
  });
  classDropdown.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || !classDropdown.open) return;
    classDropdown.open = false;
    classSummary.focus();
  });
  // Opening the list puts the cursor in the search box.
  classDropdown.addEventListener("toggle", () => { if (classDropdown.open) classSearch.focus(); });
  onlyMatching.addEventListener("click", () => {
    const picked = visibleBoxes().map((b) => Number(b.value));
    if (!state || !picked.length) return;
    a.setClasses(picked.length === state.classNames.length ? null : picked);
  });
  const allClasses = h("button", { type: "button", class: "icon-button", onclick: () => a.setClasses(null) }, "All");
  const classList = h("div", { class: "class-list" });
  classMenu.append(classSearch, h("div", { class: "row" }, allClasses, onlyMatching), matchCount, classList);
  const visibleBoxes = () => [...classList.querySelectorAll<HTMLInputElement>("label:not([hidden]) input[type=checkbox]")];
  function filterClassMenu() {
    const q = classSearch.value.trim().toLowerCase();
    let shown = 0;
    for (const label of classList.querySelectorAll<HTMLLabelElement>("label[data-class]")) {
      label.hidden = q !== "" && !label.dataset.class!.toLowerCase().includes(q);
      if (!label.hidden) shown++;
    }
    matchCount.textContent = q ? `${shown.toLocaleString("en")} of ${(state?.classNames.length ?? 0).toLocaleString("en")} classes match` : "";
    onlyMatching.disabled = !q || shown === 0;
  }

  const epochInput = h("input", { type: "range", id: "slicer-epoch", min: 0, max: 0, step: 1, "aria-label": "Epoch" });
  const epochValue = h("span", { class: "value", id: "epoch-value" }, "–");
  epochInput.addEventListener("input", () => { stop(); if (state) a.setEpoch(state.epochs[Number(epochInput.value)]); });
  const playButton = h("button", { type: "button", class: "icon-button", id: "play", title: "Play the epochs", "aria-pressed": "false" }, "▶");
  playButton.addEventListener("click", () => (playing ? stop() : play()));

  const compareSelect = h("select", { id: "slicer-vs", class: "compact", "aria-label": "Compare with epoch", title: "Show only the samples whose prediction differs at this epoch" });
  compareSelect.addEventListener("change", () => a.setCompareEpoch(compareSelect.value === "" ? null : Number(compareSelect.value)));
  const compareRunSelect = h("select", { id: "slicer-cmp", class: "compact", "aria-label": "Compare with run", title: "Compare this run's errors with another run's, sample by sample" });
  compareRunSelect.addEventListener("change", () => a.setCompareRun(compareRunSelect.value === "" ? null : compareRunSelect.value));
  const markSelect = h("select", { id: "slicer-mark", class: "compact", "aria-label": "Statistic the threshold applies to", title: "Statistic the triangles mark" },
    ...Object.entries(MARK_STATISTICS).map(([value, info]) => h("option", { value }, info.label)));
  markSelect.addEventListener("change", () => a.setMark(markSelect.value as MarkStatistic));
  const thresholdInput = h("input", { type: "range", id: "slicer-threshold", min: 0, max: 1, step: 1, "aria-label": "Threshold" });
  const thresholdValue = h("span", { class: "value", id: "threshold-value" }, "–");
  thresholdInput.addEventListener("input", () => a.setThreshold(Number(thresholdInput.value)));

  const runTitle = h("div", { class: "run-name" });
  const root = h("div", { class: "header" },
    h("div", { class: "appbar" },
      h("div", { class: "logo" }, barsIcon(), "ClassVisCloud"), runTitle,
      h("button", { type: "button", id: "share", title: "Copy a link to this view", onclick: () => a.share() }, "Share link"),
      h("button", { type: "button", id: "theme", title: "Switch light / dark theme", onclick: () => a.toggleTheme() }, "◐ Theme")),
    h("div", { class: "slicers" },
      h("div", { class: "slicer" }, h("label", { for: "slicer-run" }, "Run"), runSelect),
      h("div", { class: "slicer" }, h("label", { for: "slicer-split" }, "Split"), splitSelect),
      h("div", { class: "slicer" }, h("span", { class: "label" }, "Classes"), classDropdown),
      h("div", { class: "slicer range", title: "The epoch every tile shows" }, h("label", { for: "slicer-epoch" }, "Epoch"),
        h("div", { class: "line" }, playButton, epochInput, epochValue)),
      h("div", { class: "slicer" }, h("label", { for: "slicer-vs" }, "Changed vs epoch"), compareSelect),
      h("div", { class: "slicer" }, h("label", { for: "slicer-cmp" }, "Compare with run"), compareRunSelect),
      h("div", { class: "slicer range", title: "Triangles mark samples mispredicted in more epochs than this, or past the threshold of another statistic" }, h("label", { for: "slicer-threshold" }, "Threshold (triangles)"),
        h("div", { class: "line" }, markSelect, thresholdInput, thresholdValue))));

  function play() {
    if (!state) return;
    playButton.textContent = "❚❚"; playButton.setAttribute("aria-pressed", "true");
    const interval = o.playInterval ?? 900;
    if (state.epoch === state.epochs.at(-1)) a.setEpoch(state.epochs[0]);
    playing = setInterval(() => {
      if (!state) return stop();
      const k = state.epochs.indexOf(state.epoch);
      if (k + 1 >= state.epochs.length) return stop();
      a.setEpoch(state.epochs[k + 1]);
    }, interval);
  }

  function stop() {
    if (playing) clearInterval(playing);
    playing = null;
    playButton.textContent = "▶"; playButton.setAttribute("aria-pressed", "false");
  }

  function drawClassMenu(s: DashboardModel) {
    const chosen = new Set(s.shownClasses);
    const boxes = s.classNames.map((name, i) => {
      const box = h("input", { type: "checkbox", value: i, checked: chosen.has(i) });
      box.addEventListener("change", () => {
        const picked = [...classList.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].filter((b) => b.checked).map((b) => Number(b.value));
        a.setClasses(picked.length === s.classNames.length || picked.length === 0 ? null : picked);
      });
      return h("label", { "data-class": name }, box, h("span", { class: "swatch", style: `background:${s.colors[i]}` }), name);
    });
    classList.replaceChildren(...boxes);
    filterClassMenu();
    classSummary.textContent = s.classFilter ? `${s.classFilter.length} of ${s.classNames.length} classes` : `All ${s.classNames.length} classes`;
  }

  return {
    root,
    update(s) {
      const classesChanged = !state || state.classNames !== s.classNames || state.classFilter !== s.classFilter;
      state = s;
      runTitle.textContent = s.run.name;
      runTitle.title = s.run.name;
      runSelect.replaceChildren(...s.runs.map((r) => h("option", { value: r.run, selected: r.run === s.run.run }, `${r.run} (${r.classes} classes)`)));
      splitSelect.replaceChildren(...s.run.splits.map((sp) => h("option", { value: sp, selected: sp === s.split }, sp)));
      epochInput.max = String(Math.max(0, s.epochs.length - 1));
      epochInput.value = String(Math.max(0, s.epochs.indexOf(s.epoch)));
      epochValue.textContent = `${s.epoch} / ${s.epochs.at(-1)}`;
      compareSelect.replaceChildren(h("option", { value: "", selected: s.compareEpoch === null }, "all samples"),
        ...s.epochs.map((e) => h("option", { value: e, selected: e === s.compareEpoch }, `changed vs ${e}`)));
      // The other runs first; the run itself last, as a sanity check (its own errors are all stable).
      const others = s.runs.filter((r) => r.run !== s.run.run);
      compareRunSelect.replaceChildren(h("option", { value: "", selected: s.compareRun === null }, "none"),
        ...others.map((r) => h("option", { value: r.run, selected: r.run === s.compareRun }, r.run)),
        h("option", { value: s.run.run, selected: s.compareRun === s.run.run }, `${s.run.run} (itself)`));
      const range = MARK_STATISTICS[s.mark].range(s.epochs.length);
      markSelect.value = s.mark;
      Object.assign(thresholdInput, { min: String(range.min), max: String(range.max), step: String(range.step) });
      thresholdInput.value = String(s.threshold);
      thresholdValue.textContent = thresholdText(s.mark, s.threshold);
      thresholdValue.title = MARK_STATISTICS[s.mark].describe(s.threshold);
      if (classesChanged) drawClassMenu(s);
    },
  };
}

function barsIcon(): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "18"); svg.setAttribute("height", "18"); svg.setAttribute("viewBox", "0 0 16 16");
  svg.innerHTML = `<rect x="1" y="4" width="3" height="11" fill="#118dff"/><rect x="6" y="1" width="3" height="14" fill="#f2c811"/><rect x="11" y="7" width="3" height="8" fill="#e66c37"/>`;
  return svg;
}
