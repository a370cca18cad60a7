import { expect, test } from "vitest";
import { GUARD_MS, SignInGuard, type GuardStore } from "./signInGuard";

function memory(): GuardStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

test("one interactive sign-in per failure: a second need within the guard time is refused", () => {
  let now = 1_000_000;
  const store = memory();
  expect(new SignInGuard(store, () => now).tryInteractive()).toBe(true);
  // Back from the sign-in page: a new page, a new guard, the same session storage.
  now += 3_000;
  const after = new SignInGuard(store, () => now);
  expect(after.recentlyTried).toBe(true);
  expect(after.tryInteractive()).toBe(false);
  expect(after.tryInteractive()).toBe(false);
});

test("a working request, or the user asking, allows the next sign-in", () => {
  const store = memory();
  const guard = new SignInGuard(store, () => 5);
  guard.tryInteractive();
  guard.succeeded();
  expect(guard.tryInteractive()).toBe(true);
  guard.reset();
  expect(guard.tryInteractive()).toBe(true);
});

test("a try older than the guard time is a new failure", () => {
  let now = 0;
  const guard = new SignInGuard(memory(), () => now);
  guard.tryInteractive();
  now = GUARD_MS + 1;
  expect(guard.tryInteractive()).toBe(true);
});

test("a damaged stored value does not block sign-in", () => {
  const store = memory();
  store.setItem("cvc.signInTried", "garbage");
  expect(new SignInGuard(store).tryInteractive()).toBe(true);
});
