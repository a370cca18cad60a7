import { describe, expect, test } from "vitest";
import { classOrder, rankOf } from "./classOrder";

describe("the class order", () => {
  test("samples are grouped by predicted class, most confident first", () => {
    const predicted = [1, 0, 1, 0, 1];
    const score = [0.5, 0.9, 0.8, 0.6, 0.7];
    const { starts, order } = classOrder(predicted, score, 3);
    expect([...starts]).toEqual([0, 2, 5, 5]);
    expect([...order]).toEqual([1, 3, 2, 4, 0]);
  });

  test("score ties are broken by sample index, so the order is stable", () => {
    const { order } = classOrder([0, 0, 0], [0.4, 0.4, 0.4], 1);
    expect([...order]).toEqual([0, 1, 2]);
  });

  test("the order is the one a plain comparator sort gives on seeded random data", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 5000, c = 70;
    const predicted = Int32Array.from({ length: n }, () => Math.floor(random() * c));
    const score = Float32Array.from({ length: n }, () => Math.round(random() * 1000) / 1000);
    const expected = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => predicted[a] - predicted[b] || score[b] - score[a] || a - b,
    );
    expect([...classOrder(predicted, score, c).order]).toEqual(expected);
  });

  test("ranks count from the top of each column", () => {
    const order = classOrder([1, 0, 1], [0.2, 0.5, 0.9], 2);
    expect([...rankOf(order)]).toEqual([1, 0, 0]);
  });
});
