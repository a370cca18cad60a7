import { expect, test } from "vitest";
import { LatestRequest, SUPERSEDED } from "./latest";

/** A load that waits until the test settles it, and records whether it was aborted. */
function pending<T>() {
  let resolve!: (v: T) => void, reject!: (e: unknown) => void;
  const state = { aborted: false };
  const load = (signal: AbortSignal) => {
    signal.addEventListener("abort", () => (state.aborted = true));
    return new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  };
  return { load, resolve: (v: T) => resolve(v), reject: (e: unknown) => reject(e), state };
}

test("a newer request aborts the older one, whose late answer is dropped", async () => {
  const latest = new LatestRequest();
  const first = pending<string>(), second = pending<string>();
  const a = latest.run(first.load), b = latest.run(second.load);
  expect(first.state.aborted).toBe(true);
  expect(second.state.aborted).toBe(false);
  second.resolve("new");
  first.resolve("old");
  expect(await a).toBe(SUPERSEDED);
  expect(await b).toBe("new");
});

test("the newest request's error reaches the caller; a superseded one's does not", async () => {
  const latest = new LatestRequest();
  const first = pending<string>(), second = pending<string>();
  const a = latest.run(first.load), b = latest.run(second.load);
  first.reject(new Error("old failure"));
  second.reject(new Error("new failure"));
  expect(await a).toBe(SUPERSEDED);
  await expect(b).rejects.toThrow("new failure");
});

test("cancel aborts the request in flight and leaves the next one alone", async () => {
  const latest = new LatestRequest();
  const first = pending<number>();
  const a = latest.run(first.load);
  latest.cancel();
  first.resolve(1);
  expect(first.state.aborted).toBe(true);
  expect(await a).toBe(SUPERSEDED);
  expect(await latest.run(async () => 2)).toBe(2);
});

test("a load aborted by someone else (its shared cache was dropped) counts as superseded, not as an error", async () => {
  const latest = new LatestRequest();
  expect(await latest.run(async () => { throw new DOMException("The operation was aborted.", "AbortError"); })).toBe(SUPERSEDED);
});
