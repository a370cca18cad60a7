import { expect, test } from "vitest";
import { Bool, Int32, Int64, vectorFromArray, type Vector } from "apache-arrow";
import { flags, int32s, nullableInt32s } from "./arrowRead";

/** What Arrow's own per-value read gives, the reference these whole-column reads must match. */
const perValue = (v: Vector, nullAs: number) => Array.from({ length: v.length }, (_, i) => (v.get(i) === null ? nullAs : Number(v.get(i))));

// Several chunks (concat), and a slice whose data starts inside a bitmap byte (offset not a multiple of 8).
const chunked = <T>(make: (values: T[]) => Vector, values: T[]) =>
  make(values.slice(0, 5)).concat(make(values.slice(5)));
const sliced = <T>(make: (values: T[]) => Vector, values: T[]) => make(values).slice(3, values.length - 2);

const learned = [0, null, 2, 3, null, 5, 6, null, 8, 9, 10, null, 12];
const suspect = [true, false, null, true, true, false, false, true, null, false, true, true, false];

test("int64 with nulls reads as Arrow's get() does, null as the given value, across chunks and slices", () => {
  const make = (values: (number | null)[]) => vectorFromArray(values.map((x) => (x === null ? null : BigInt(x))), new Int64());
  for (const v of [make(learned), chunked(make, learned), sliced(make, learned)])
    expect(Array.from(nullableInt32s(v, -1))).toEqual(perValue(v, -1));
  expect(Array.from(nullableInt32s(make(learned), -1)).slice(0, 3)).toEqual([0, -1, 2]);
});

test("int32 without nulls reads as Arrow's get() does, and is a copy", () => {
  const values = [4, 0, 1, 7, 2, 2, 9, 3, 0, 1];
  const make = (xs: number[]) => vectorFromArray(xs, new Int32());
  for (const v of [make(values), chunked(make, values), sliced(make, values)]) expect(Array.from(int32s(v))).toEqual(perValue(v, 0));
  const v = make(values), read = int32s(v);
  read[0] = 99;
  expect(v.get(0)).toBe(4);
});

test("booleans read as 0/1 (null as 0) across chunks and a slice that starts mid-byte", () => {
  const make = (xs: (boolean | null)[]) => vectorFromArray(xs, new Bool());
  for (const v of [make(suspect), chunked(make, suspect), sliced(make, suspect)])
    expect(Array.from(flags(v))).toEqual(Array.from({ length: v.length }, (_, i) => (v.get(i) ? 1 : 0)));
});

test("an integer column read as flags gives 1 where it is not 0, null as 0", () => {
  const v = vectorFromArray([0, 1, null, 5, 0], new Int32());
  expect(Array.from(flags(v))).toEqual([0, 1, 0, 1, 0]);
});
