import { brush, type BrushBehavior, type D3BrushEvent } from "d3-brush";

/** Options of {@link pickBrush}. */
export interface PickBrushOptions {
  /** The brushable rectangle, [[x0, y0], [x1, y1]] in the overlay's pixels. */
  extent: [[number, number], [number, number]];
  /** A rectangle is being dragged (preview = true) or was released (preview = false). */
  onPick: (event: D3BrushEvent<unknown>, preview: boolean) => void;
  /** A press and release without a rectangle: the user clicked a mark. */
  onClick: (event: MouseEvent) => void;
  /** Removes the rectangle once it was picked (e.g. `g.call(brush.move, null)`). */
  clear: (behavior: BrushBehavior<unknown>) => void;
}

/**
 * A D3 brush for picking marks, shared by the views that select by rectangle: it previews while
 * dragging, picks on release and then clears itself (the selection lives in the dashboard's state, not
 * in the rectangle), and reports a release without a rectangle as a click. Left button only.
 */
export function pickBrush(options: PickBrushOptions): BrushBehavior<unknown> {
  const behavior: BrushBehavior<unknown> = brush()
    .extent(options.extent)
    .filter((event: MouseEvent) => !event.button)
    .on("brush", (event: D3BrushEvent<unknown>) => { if (event.sourceEvent) options.onPick(event, true); })
    .on("end", (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return;
      if (event.selection) {
        options.onPick(event, false);
        options.clear(behavior);
      } else options.onClick(event.sourceEvent as MouseEvent);
    });
  return behavior;
}
