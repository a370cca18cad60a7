import { schemeTableau10, interpolateSinebow } from "d3-scale-chromatic";
import { hsl } from "d3-color";

/**
 * One distinct color per class, for column heads, outlines and confusion
 * labels. Tableau 10 is the most legible set; beyond 10 classes a second,
 * darker Tableau pass, and beyond 20 evenly spaced sinebow hues that
 * alternate in lightness so that neighbours stay apart.
 */
export function classColors(count: number): string[] {
  if (count <= 10) return schemeTableau10.slice(0, count);
  if (count <= 20) {
    const darker = schemeTableau10.map((c) => hsl(c).darker(0.9).formatHex());
    return [...schemeTableau10, ...darker].slice(0, count);
  }
  return Array.from({ length: count }, (_, i) => {
    const c = hsl(interpolateSinebow(i / count));
    c.l = i % 2 === 0 ? 0.45 : 0.62;
    return c.formatHex();
  });
}
