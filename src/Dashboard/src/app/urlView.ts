import { countOnes } from "../lib/crossFilter";
import { indicesOf } from "../lib/selection";
import { formatUrlState, MAX_SELECTION_IN_URL } from "../lib/urlState";
import type { DashboardState } from "./state";

/** The query string of a state: the URL is a view of the store, written from it and never read back after start-up. */
export function urlOf(s: DashboardState): string {
  // Large selections are not written (a link must stay a link), so they are not listed either.
  const selection = countOnes(s.selected) <= MAX_SELECTION_IN_URL ? Array.from(indicesOf(s.selected), (i) => String(s.loaded.data.ids[i])) : undefined;
  return formatUrlState({
    run: s.run.run, split: s.split, epoch: s.epoch, threshold: s.threshold, mark: s.mark, classes: s.classFilter ?? undefined,
    filters: s.filters, selection, vs: s.compareEpoch ?? undefined, cmp: s.compareRun ?? undefined,
    sample: s.detailId === null ? undefined : String(s.detailId), view: s.layout,
  });
}

/**
 * Keeps the address bar on the state, but not at every brush move: browsers
 * throttle replaceState, so the URL follows `delay` ms after the last change.
 */
export function followUrl(current: () => DashboardState, delay = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const url = urlOf(current());
      if (url !== location.search) history.replaceState(null, "", url || location.pathname);
    }, delay);
  };
}
