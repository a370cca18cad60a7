import { describe, expect, test } from "vitest";
import { arrangementCost, offDiagonalMass, orderByConfusion, orderByName } from "./matrixOrder";
import { seriate } from "./seriation";

/** A C x C matrix from a sparse list of [true, predicted, count]. */
function matrixOf(C: number, cells: [number, number, number][]): Uint32Array {
  const m = new Uint32Array(C * C);
  for (const [r, c, v] of cells) m[r * C + c] = v;
  return m;
}

/** A seeded run: `clusters` groups of `size` classes confused within their group, the classes shuffled. */
function clusteredRun(clusters: number, size: number, seed = 7) {
  const C = clusters * size;
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const shuffled = Array.from({ length: C }, (_, i) => i);
  for (let i = C - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]; }
  const groupOf = new Int32Array(C);
  const cells: [number, number, number][] = [];
  for (let g = 0; g < clusters; g++) {
    const members = shuffled.slice(g * size, (g + 1) * size);
    for (const a of members) {
      groupOf[a] = g;
      cells.push([a, a, 50]);
      for (const b of members) if (a !== b) cells.push([a, b, 1 + Math.floor(random() * 9)]);
    }
  }
  return { C, matrix: matrixOf(C, cells), groupOf };
}

const all = (C: number) => Array.from({ length: C }, (_, i) => i);

describe("ordering the confusion matrix by name", () => {
  test("names sort naturally: numbers inside names compare as numbers", () => {
    const names = ["C50.9", "C9", "C10", "c2", "C50.10"];
    expect(orderByName(all(5), names).map((k) => names[k])).toEqual(["c2", "C9", "C10", "C50.9", "C50.10"]);
  });

  test("only the classes given are ordered, and names equal but for case keep their index order", () => {
    const names = ["b", "A", "a", "c"];
    expect(orderByName([3, 2, 1], names)).toEqual([1, 2, 3]);
  });
});

describe("ordering the confusion matrix by confusion", () => {
  test("a class's off-diagonal mass counts its errors as true class and as predicted class, among the shown classes only", () => {
    // 0 -> 1 three times, 2 -> 0 twice, 1 -> 2 once; diagonals do not count.
    const m = matrixOf(3, [[0, 0, 9], [0, 1, 3], [2, 0, 2], [1, 2, 1], [1, 1, 4]]);
    expect([...offDiagonalMass(m, 3, [0, 1, 2])]).toEqual([5, 4, 3]);
    expect([...offDiagonalMass(m, 3, [0, 1])]).toEqual([3, 3]);
  });

  test("the classes with most errors come first, ties by index", () => {
    const m = matrixOf(4, [[0, 1, 3], [2, 0, 2], [1, 2, 1]]);
    expect(orderByConfusion(m, 4, all(4))).toEqual([0, 1, 2, 3]);
    const n = matrixOf(4, [[3, 2, 5], [1, 0, 1]]);
    expect(orderByConfusion(n, 4, all(4))).toEqual([2, 3, 0, 1]);
  });
});

describe("the seriation", () => {
  test("classes confused with each other end up side by side, whatever their indices", () => {
    const { C, matrix, groupOf } = clusteredRun(6, 5);
    const order = seriate(matrix, C, all(C));
    expect([...order].sort((a, b) => a - b)).toEqual(all(C));
    // Each group is one contiguous block of the order.
    const blocks = order.map((k) => groupOf[k]).filter((g, i, gs) => i === 0 || g !== gs[i - 1]);
    expect(blocks).toHaveLength(6);
    expect(new Set(blocks).size).toBe(6);
  });

  test("within one connected group the order follows a chain of confusion", () => {
    // A chain 3 - 0 - 4 - 1 - 2: each class confused only with its neighbours in the chain.
    const m = matrixOf(5, [[3, 0, 5], [0, 4, 5], [4, 1, 5], [1, 2, 5]]);
    const order = seriate(m, 5, all(5));
    const chain = [3, 0, 4, 1, 2];
    expect(order.join() === chain.join() || order.join() === [...chain].reverse().join()).toBe(true);
  });

  test("it beats the name and index orders on the arrangement cost of a shuffled clustered run", () => {
    const { C, matrix } = clusteredRun(20, 5, 11);
    const names = all(C).map((k) => `class ${k}`);
    const seriated = arrangementCost(matrix, C, seriate(matrix, C, all(C)));
    expect(seriated).toBeLessThan(arrangementCost(matrix, C, all(C)) / 5);
    expect(seriated).toBeLessThan(arrangementCost(matrix, C, orderByName(all(C), names)) / 5);
  });

  test("the most confused group comes first, classes without any confusion last by index", () => {
    const m = matrixOf(6, [[4, 5, 1], [1, 2, 9], [2, 1, 9]]);
    expect(seriate(m, 6, all(6))).toEqual([1, 2, 4, 5, 0, 3]);
  });

  test("only the shown classes are ordered: a confusion with a hidden class does not count", () => {
    const m = matrixOf(4, [[0, 3, 9], [1, 2, 4]]);
    expect(seriate(m, 4, [0, 1, 2])).toEqual([1, 2, 0]);
  });

  test("a thousand classes are ordered in interactive time", () => {
    const { C, matrix } = clusteredRun(200, 5, 3);
    const start = performance.now();
    const order = seriate(matrix, C, all(C));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(new Set(order).size).toBe(C);
  });
});
