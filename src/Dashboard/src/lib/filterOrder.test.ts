import { expect, test } from "vitest";
import { filterOrder } from "./filterOrder";
import { classOrder } from "./classOrder";

test("keeps each class's slice in score order, only the kept samples", () => {
  const order = classOrder([0, 1, 0, 1, 0], [0.2, 0.9, 0.8, 0.5, 0.5], 2);
  const kept = filterOrder(order, Uint8Array.from([1, 1, 0, 0, 1]));
  expect(Array.from(kept.starts)).toEqual([0, 2, 3]);
  expect(Array.from(kept.order)).toEqual([4, 0, 1]);
});
