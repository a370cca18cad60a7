import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { BASE_URL, launch, openDashboard, openPage } from "./browser";
import { shot } from "./helpers";

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

// Chromium itself logs a failed request as a console error; those are the
// point of these tests. Any other console error still fails them.
const onlyFailedRequests = (errors: string[]) => errors.filter((e) => !e.startsWith("Failed to load resource"));

test("when the API is down the page says so instead of staying blank", async () => {
  const { page, errors } = await openPage(browser);
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
  await openDashboard(page);
  await expect(page.locator("#error-state h2").textContent()).resolves.toBe("The API is not reachable");
  expect(await page.locator("#error-state .error-message").textContent()).toContain("Cannot reach the ClassVisCloud API at /api");
  await shot(page, "error-api-down");
  expect(onlyFailedRequests(errors)).toEqual([]);
  await page.context().close();
});

test("an unknown run names the runs that exist", async () => {
  const { page, errors } = await openPage(browser);
  await openDashboard(page, "?run=no-such-run");
  expect(await page.locator("#error-state .error-message").textContent()).toMatch(/Run 'no-such-run' was not found\. Available runs: .+/);
  await shot(page, "error-unknown-run");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("an empty container shows how to upload a first run", async () => {
  const { page, errors } = await openPage(browser);
  await page.route("**/api/runs", (route) => route.fulfill({ json: { runs: [] } }));
  await openDashboard(page);
  expect(await page.locator("#empty-state h2").textContent()).toBe("No runs yet");
  expect(await page.locator("#empty-state").textContent()).toContain("epoch-1.parquet");
  await shot(page, "empty-container");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("in key mode the dashboard asks for the function key and sends it as x-functions-key", async () => {
  const { page, errors } = await openPage(browser);
  await page.route("**/config.json", (route) => route.fulfill({ json: { apiBase: "/api", auth: "key" } }));
  const keys: (string | undefined)[] = [], urls: string[] = [];
  await page.route("**/api/**", (route) => { keys.push(route.request().headers()["x-functions-key"]); urls.push(route.request().url()); return route.continue(); });
  await page.goto(`${BASE_URL}/`);
  await page.locator("#key-prompt").waitFor();
  await shot(page, "key-prompt");
  await page.locator("#function-key").fill("secret-key");
  await page.locator("#key-prompt button[type=submit]").click();
  await page.waitForFunction(() => window.__cvc?.ready === true);
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys)).toEqual(new Set(["secret-key"]));
  // The samples answer is read in a worker (api/workerBytes.ts): its request carries the key too.
  await expect.poll(() => urls.some((u) => u.includes("/samples?"))).toBe(true);
  expect(await page.evaluate(() => sessionStorage.getItem("cvc.functionKey"))).toBe("secret-key");
  expect(await page.evaluate(() => localStorage.getItem("cvc.functionKey"))).toBeNull();
  expect(errors).toEqual([]);
  await page.context().close();
});
