import type { ApiClient } from "../api/client";
import { getAttention, getConfusionGrowth, getConfusionOverTime, getHistory, getKeywords, getSuspects, nullWhenNotFound, postScores } from "../api/endpoints";
import { accuracyChart } from "../views/accuracyChart";
import { classificationView } from "../views/classificationView";
import { confusionMatrix } from "../views/confusionMatrix";
import { confusionTrends } from "../views/confusionTrends";
import { dataMap } from "../views/dataMap";
import { detailView } from "../views/detailView";
import { kpiCards } from "../views/kpiCards";
import { parallelCoordinates } from "../views/parallelCoordinates";
import { runComparison } from "../views/runComparison";
import { slicers } from "../views/slicers";
import { suspectsTable } from "../views/suspectsTable";
import type { DashboardActions, DashboardModel, Slice } from "./model";

/**
 * The views of the report, in page order, each with the slices of the model
 * it reads: the dashboard updates a view only when one of them changed (a
 * brush move reaches the views that show the selection, not the accuracy
 * chart). A new view is its file in views/ plus one entry here.
 */
export interface TileContext {
  api: ApiClient;
  actions: DashboardActions;
  /** What the view's own requests ask about: the run, split and epoch shown now. */
  scope(): { run: string; split: string; epoch: number; classCount: number; hasAttention: boolean };
}

export interface TileView {
  root: HTMLElement;
  update(m: DashboardModel, changes: ReadonlySet<Slice>): void;
}

export interface TileEntry {
  /** For the timings of an update (what the speed bench reports). */
  name: string;
  /**
   * Drawn in the same task as the change that reached it: what the first view and an epoch step
   * must show at once (the KPIs, the classification view). The other tiles follow in tasks of their
   * own, one by one, so the browser paints these first and a brush's moves do not queue behind them.
   */
  first?: boolean;
  /** Asks the API for data of its own: among the later tiles it draws first, so that its request starts at once. */
  loads?: boolean;
  needs: readonly Slice[];
  create(ctx: TileContext): TileView;
}

/** The entries an update with these changed slices reaches, in page order. */
export function reached<E extends Pick<TileEntry, "needs">>(entries: readonly E[], changes: ReadonlySet<Slice>): E[] {
  return entries.filter((e) => e.needs.some((s) => changes.has(s)));
}

/** Every view that highlights the selection reads these: the selection, its score vectors and the axis filters make the active set. */
const SELECTION: readonly Slice[] = ["selection", "vectors", "filters"];

/** The app bar and slicers, above the report. */
export const HEADER: TileEntry = {
  name: "header", first: true, needs: ["data", "threshold", "classes", "compare", "runCompare"],
  create: ({ actions }) => slicers({ actions }),
};

export const TILES: readonly TileEntry[] = [
  { name: "kpis", first: true, needs: ["data", "threshold", "classes", ...SELECTION], create: () => kpiCards() },
  { name: "accuracy", needs: ["data"], create: ({ actions }) => accuracyChart({ onSelectEpoch: actions.setEpoch }) },
  {
    // Every off-diagonal pair (at most the API's 1000) for the matrix's hover sparklines.
    name: "confusion", loads: true, needs: ["data", "classes", "theme", ...SELECTION],
    create: ({ api, actions, scope }) => confusionMatrix({ actions, loadHistory: () => { const s = scope(); return getConfusionOverTime(api, s.run, s.split, Math.min(1000, Math.max(1, s.classCount * (s.classCount - 1)))); } }),
  },
  {
    name: "classification", first: true, needs: ["data", "classes", "layout", "threshold", "theme", ...SELECTION],
    create: ({ api, actions, scope }) => classificationView({ actions, loadKeywords: (top, signal) => { const s = scope(); return s.hasAttention ? nullWhenNotFound(getKeywords(api, s.run, s.epoch, s.split, top, signal)) : Promise.resolve(null); } }),
  },
  { name: "parallel", needs: ["data", "classes", "theme", ...SELECTION], create: ({ actions }) => parallelCoordinates({ actions }) },
  {
    name: "detail", needs: ["data", "detail"],
    create: ({ api, scope }) => detailView({
      loadHistory: (id, signal) => { const s = scope(); return getHistory(api, s.run, id, s.split, signal); },
      // An epoch without attention is not asked: its 404 would be a console error in every browser.
      loadAttention: (id, signal) => { const s = scope(); return s.hasAttention ? nullWhenNotFound(getAttention(api, s.run, id, s.split, s.epoch, signal)) : Promise.resolve(null); },
      loadScores: (id, signal) => { const s = scope(); return postScores(api, s.run, s.epoch, s.split, [id], signal).then((r) => r.scores[0] ?? null); },
    }),
  },
  { name: "datamap", needs: ["data", "dynamics", "classes", "theme", ...SELECTION], create: ({ actions }) => dataMap({ actions }) },
  {
    name: "suspects", loads: true, needs: ["data", "theme", ...SELECTION],
    create: ({ api, actions, scope }) => suspectsTable({ actions, loadSuspects: (epoch, limit, signal) => { const s = scope(); return getSuspects(api, s.run, epoch, s.split, limit, signal); } }),
  },
  {
    name: "trends", loads: true, needs: ["data", "theme"],
    create: ({ api, actions, scope }) => confusionTrends({
      actions,
      loadOverTime: (top, signal) => { const s = scope(); return getConfusionOverTime(api, s.run, s.split, top, signal); },
      loadGrowth: (k, top, signal) => { const s = scope(); return getConfusionGrowth(api, s.run, s.split, k, top, signal); },
    }),
  },
  { name: "runcompare", needs: ["data", "runCompare", "selection"], create: ({ actions }) => runComparison({ actions }) },
];
