/**
 * The window of a zoomable square grid (the confusion matrix): how far it is
 * zoomed (1 = the whole grid fits) and the first cell shown along each axis.
 * Zooming keeps the cell under the pointer in place; panning and zooming
 * never move the window past the grid's edges.
 */
export interface GridView { zoom: number; x0: number; y0: number }

export interface GridFrame {
  /** Cells per side. */
  n: number;
  /** Size of a cell at zoom 1, in pixels. */
  fitCell: number;
  /** The grid area, in pixels. */
  width: number;
  height: number;
  /** Largest zoom. */
  maxZoom: number;
}

export const FIT: GridView = { zoom: 1, x0: 0, y0: 0 };

/** The largest zoom for a grid: cells of `largestCell` pixels, and never less than 1. */
export const maxZoomFor = (fitCell: number, largestCell = 48) => Math.max(1, largestCell / fitCell);

/** Zooms by `factor` around a point of the grid area (pixels from its top left). */
export function zoomAt(v: GridView, f: GridFrame, factor: number, atX: number, atY: number): GridView {
  const zoom = Math.min(f.maxZoom, Math.max(1, v.zoom * factor));
  const cell = f.fitCell * v.zoom, next = f.fitCell * zoom;
  return clampView({ zoom, x0: v.x0 + atX / cell - atX / next, y0: v.y0 + atY / cell - atY / next }, f);
}

/** Moves the window by a drag of (dx, dy) pixels: the grid follows the pointer. */
export function panBy(v: GridView, f: GridFrame, dx: number, dy: number): GridView {
  const cell = f.fitCell * v.zoom;
  return clampView({ zoom: v.zoom, x0: v.x0 - dx / cell, y0: v.y0 - dy / cell }, f);
}

/** The window moved so that cell (row, column) is in view, unchanged if it already is. */
export function reveal(v: GridView, f: GridFrame, row: number, column: number): GridView {
  const cell = f.fitCell * v.zoom, across = f.width / cell, down = f.height / cell;
  const x0 = column < v.x0 ? column : column + 1 > v.x0 + across ? column + 1 - across : v.x0;
  const y0 = row < v.y0 ? row : row + 1 > v.y0 + down ? row + 1 - down : v.y0;
  return clampView({ zoom: v.zoom, x0, y0 }, f);
}

export function clampView(v: GridView, f: GridFrame): GridView {
  const cell = f.fitCell * v.zoom;
  const clamp = (x: number, shown: number) => Math.max(0, Math.min(x, Math.max(0, f.n - shown)));
  return { zoom: v.zoom, x0: clamp(v.x0, f.width / cell), y0: clamp(v.y0, f.height / cell) };
}
