import * as reorderJs from "reorder.js";
import { offDiagonalMass } from "./matrixOrder";

/** The parts of reorder.js used here, typed: the package's own reorder.d.ts declares only optimal_leaf_order. */
interface GraphLink { source: number; target: number; value: number }
interface Graph {
  init(): Graph;
  /** Connected components, each a list of node indices. */
  components(): number[][];
}
const reorder = reorderJs as unknown as {
  graph(nodes: { id: number }[], links: GraphLink[], directed?: boolean): Graph;
  /** Orders each given component by the Fiedler vector of its weighted Laplacian, one after another. */
  spectral_order(graph: Graph, components?: number[][]): number[];
};

/**
 * A seriation of the confusion matrix: an order of the classes that puts
 * classes confused with each other side by side, so that confusion gathers
 * in blocks along the diagonal.
 *
 * Spectral ordering (Atkins, Boman and Hendrickson, 1998), by reorder.js:
 * the classes are the nodes of a graph whose edges weigh the symmetric
 * confusion (a -> b plus b -> a); each connected component is ordered by the
 * Fiedler vector of its weighted Laplacian. Spectral rather than reorder.js's
 * optimal leaf ordering, which is cubic: at 1,000 classes it ran out of a
 * 4 GB heap after minutes, where the spectral order takes well under a second.
 *
 * Components go by decreasing confusion, the classes no shown class is
 * confused with last, by index. Each component's order is turned so that
 * its end with more confusion comes first (a Fiedler vector's sign is
 * arbitrary).
 */
export function seriate(matrix: ArrayLike<number>, classCount: number, classes: readonly number[]): number[] {
  const n = classes.length;
  const links: GraphLink[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = classes[i], b = classes[j];
      const weight = matrix[a * classCount + b] + matrix[b * classCount + a];
      if (weight > 0) links.push({ source: i, target: j, value: weight });
    }
  }
  const graph = reorder.graph(classes.map((_, i) => ({ id: i })), links, false).init();
  const mass = offDiagonalMass(matrix, classCount, classes);
  const massOf = (comp: readonly number[]) => comp.reduce((s, k) => s + mass[k], 0);
  const components = graph.components().map((comp) => ({ comp: [...comp].sort((a, b) => a - b), mass: massOf(comp) }))
    .sort((x, y) => y.mass - x.mass || x.comp[0] - y.comp[0]);
  const order: number[] = [];
  for (const { comp } of components) {
    // The Laplacian of one or two nodes has nothing to order.
    const part = comp.length <= 2 ? [...comp].sort((a, b) => mass[b] - mass[a] || a - b) : reorder.spectral_order(graph, [comp]);
    if (sideMass(part, mass, true) < sideMass(part, mass, false)) part.reverse();
    order.push(...part);
  }
  return order.map((k) => classes[k]);
}

/** The confusion of the first (or last) half of an order. */
function sideMass(part: readonly number[], mass: Float64Array, first: boolean): number {
  const half = Math.floor(part.length / 2);
  const side = first ? part.slice(0, half) : part.slice(part.length - half);
  return side.reduce((s, k) => s + mass[k], 0);
}
