import { expect, test } from "vitest";
import { SharedLoads } from "./sharedLoads";

/** A loader whose loads wait for the test, recording each key asked and each abort. */
function recorder() {
  const asked: number[] = [], aborted: number[] = [];
  const settle = new Map<number, (v: string) => void>();
  const load = (key: number, signal: AbortSignal) => {
    asked.push(key);
    signal.addEventListener("abort", () => aborted.push(key));
    return new Promise<string>((resolve, reject) => {
      settle.set(key, resolve);
      signal.addEventListener("abort", () => reject(signal.reason));
    });
  };
  return { load, asked, aborted, finish: (key: number) => settle.get(key)!(`value ${key}`) };
}

test("everyone who asks for a key shares one load, and a loaded key is not loaded again", async () => {
  const r = recorder(), loads = new SharedLoads(r.load, 4);
  const a = loads.get(1), b = loads.get(1, new AbortController().signal);
  r.finish(1);
  expect(await a).toBe("value 1");
  expect(await b).toBe("value 1");
  expect(await loads.get(1)).toBe("value 1");
  expect(r.asked).toEqual([1]);
});

test("a load whose only asker gave up is aborted; one that is also prefetched goes on", async () => {
  const r = recorder(), loads = new SharedLoads(r.load, 4);
  const alone = new AbortController(), shared = new AbortController();
  const a = loads.get(1, alone.signal);
  loads.prefetch([2]);
  const b = loads.get(2, shared.signal);
  alone.abort(); shared.abort();
  await expect(a).rejects.toThrow();
  await expect(b).rejects.toThrow();
  expect(r.aborted).toEqual([1]);
  r.finish(2);
  expect(await loads.get(2)).toBe("value 2");
  // The aborted key is loaded afresh when asked again.
  void loads.get(1);
  expect(r.asked).toEqual([1, 2, 1]);
});

test("the least recently used load is dropped past the capacity, and aborted if still loading", async () => {
  const r = recorder(), loads = new SharedLoads(r.load, 2);
  loads.prefetch([1, 2]);
  r.finish(1);
  await loads.get(1);
  // 1 was used last, so 2 is the oldest when 3 arrives.
  loads.prefetch([3]);
  expect(r.aborted).toEqual([2]);
  void loads.get(1);
  expect(r.asked).toEqual([1, 2, 3]);
});

test("clear aborts every load in flight", () => {
  const r = recorder(), loads = new SharedLoads(r.load, 4);
  loads.prefetch([1, 2]);
  loads.clear();
  expect(r.aborted).toEqual([1, 2]);
});

test("a failed load is forgotten, so the next ask tries again", async () => {
  let calls = 0;
  const loads = new SharedLoads<number, number>(async () => { calls++; if (calls === 1) throw new Error("down"); return calls; }, 4);
  await expect(loads.get(7)).rejects.toThrow("down");
  expect(await loads.get(7)).toBe(2);
});
