/**
 * How the classification view labels its columns so that no two labels ever
 * overlap, whatever the number of classes: a name is written across its column
 * when it fits, else upwards (a rotated line is one font-size thick, and a
 * column is never narrower than that); a count is written under the name only
 * when its digits fit the column, else it lives in the column's tooltip.
 * Widths are estimated (SVG text is not measured: ~0.6 em per character).
 */
export interface HeaderLabelOptions {
  /** Distance between neighbouring columns, CSS px. */
  pitch: number;
  /** Longest class name shown, in characters. */
  longestName: number;
  /** Widest count shown, in characters (with its thousands separators). */
  widestCount: number;
  /** Font sizes of the names and the counts, px. */
  nameSize?: number;
  countSize?: number;
}

export interface HeaderLabels {
  /** Names written upwards. */
  rotate: boolean;
  /** Height of the names' band, px. */
  height: number;
  /** Counts written under the names (else only in the tooltips). */
  counts: boolean;
  /** Characters a name may keep before it is cut with "…". */
  nameChars: number;
}

/** Horizontal room a label leaves on each side, so neighbours keep a gap. */
const MARGIN = 4;
const EM = 0.6;
/** A band for horizontal names (and their counts). */
const FLAT_HEIGHT = 40;
const MAX_ROTATED_HEIGHT = 120;

export function headerLabels(o: HeaderLabelOptions): HeaderLabels {
  const nameSize = o.nameSize ?? 11, countSize = o.countSize ?? 10;
  const room = o.pitch - MARGIN;
  const nameWidth = (chars: number) => chars * nameSize * EM;
  const counts = o.widestCount * countSize * EM <= room;
  if (nameWidth(o.longestName) <= room) return { rotate: false, height: FLAT_HEIGHT, counts, nameChars: o.longestName };
  if (counts) {
    // Long names, wide columns: cut the names across rather than turn them (the counts stay readable under them).
    const chars = Math.floor(room / (nameSize * EM));
    if (chars >= 6) return { rotate: false, height: FLAT_HEIGHT, counts, nameChars: chars };
  }
  const height = Math.min(MAX_ROTATED_HEIGHT, Math.ceil(nameWidth(o.longestName)) + 14);
  return { rotate: true, height, counts: false, nameChars: Math.max(1, Math.floor((height - 12) / (nameSize * EM))) };
}

/** A label cut to `chars` characters, with "…" when cut. */
export function cutLabel(text: string, chars: number): string {
  return text.length <= chars ? text : text.slice(0, Math.max(1, chars - 1)) + "…";
}
