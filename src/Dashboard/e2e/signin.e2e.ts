import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch } from "./browser";
import { shot } from "./helpers";
import { API_AUDIENCE, startEntraHost, type EntraHost } from "./entraHost";

/**
 * Entra mode end to end without a tenant: the dashboard signs in with MSAL at
 * the test authority (authorization code + PKCE, over HTTPS), sends its access
 * token to a DevHost that checks it, renews a refused token once, and never
 * loops back to the sign-in page; all under the Content-Security-Policy the
 * deployment gives the static site (the test host sends it).
 */
let browser: Browser;
let host: EntraHost;
beforeAll(async () => { host = await startEntraHost(); browser = await launch(); });
afterAll(async () => { await browser?.close(); await host?.stop(); });

interface StubLog { authorize: number; token: number; grants: string[] }
async function steer(first: string, then: string): Promise<void> {
  await fetch(`${host.stubHttp}/stub/steer`, { method: "POST", body: JSON.stringify({ first, then }) });
}
const stubLog = async () => (await (await fetch(`${host.stubHttp}/stub/log`)).json()) as StubLog;

/** A fresh browser (no session) that records what the API was sent and answered. */
async function open() {
  // The test authority's certificate is self-signed.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const calls: { auth: string | undefined; status: number }[] = [];
  page.on("response", (r) => { if (new URL(r.url()).pathname.startsWith("/api/")) calls.push({ auth: r.request().headers()["authorization"], status: r.status() }); });
  const errors: string[] = [];
  // Any error but Chromium's line for a refused request fails a test: a Content-Security-Policy violation included.
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, calls, errors };
}

/** Waits through the redirects to the authority and back until the page says it is done. */
async function ready(page: Page): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const done = await page.evaluate(() => window.__cvc?.ready === true && new URL(location.href).origin === location.origin).catch(() => false);
    if (done) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The dashboard was not ready within 45 s (at ${page.url()})`);
}

const payload = (bearer: string) => JSON.parse(Buffer.from(bearer.split(".")[1], "base64url").toString()) as { aud: string; roles: string[] };

test("the dashboard signs in once at the authority and sends the access token on every API request", async () => {
  await steer("ok", "ok");
  const { page, calls, errors } = await open();
  await page.goto(`${host.base}/?run=fortunes-han`);
  await ready(page);
  expect(await page.locator("#error-state").count()).toBe(0);
  expect(await page.locator("[id^=tile-]").count()).toBeGreaterThan(3);
  expect(new URL(page.url()).searchParams.get("run")).toBe("fortunes-han");
  expect(calls.length).toBeGreaterThanOrEqual(3);
  for (const call of calls) {
    expect(call.auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(call.status).toBeLessThan(400);
  }
  expect(payload(calls[0].auth!.slice(7))).toMatchObject({ aud: API_AUDIENCE, roles: ["ClassVisCloud.Read"] });
  expect(await stubLog()).toEqual({ authorize: 1, token: 1, grants: ["authorization_code"] });
  // Tokens stay in the tab's session storage, never in local storage.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /token|msal/i.test(k)))).toEqual([]);
  await shot(page, "entra-signed-in");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a token the API refuses is renewed once, silently, and the dashboard loads", async () => {
  await steer("expired", "ok");
  const { page, calls, errors } = await open();
  await page.goto(`${host.base}/?run=fortunes-han`);
  await ready(page);
  expect(await page.locator("#error-state").count()).toBe(0);
  expect(calls.filter((c) => c.status === 401).length).toBe(1);
  expect(calls[0].status).toBe(401);
  expect(calls[1].auth).not.toBe(calls[0].auth);
  expect(calls.slice(1).every((c) => c.status < 400)).toBe(true);
  expect(await stubLog()).toEqual({ authorize: 1, token: 2, grants: ["authorization_code", "refresh_token"] });
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a token the API never takes ends in a message after one renewal, never in a sign-in loop", async () => {
  await steer("wrong-audience", "wrong-audience");
  const { page, calls, errors } = await open();
  await page.goto(`${host.base}/?run=fortunes-han`);
  await ready(page);
  await expect(page.locator("#error-state h2").textContent()).resolves.toBe("Sign-in needed");
  const message = await page.locator("#error-state .error-message").textContent();
  expect(message).toContain("refused the sign-in");
  expect(message).toContain("audience");
  // Time for a loop to show itself, had there been one.
  await new Promise((r) => setTimeout(r, 3000));
  expect(page.url().startsWith(host.base)).toBe(true);
  expect(calls.map((c) => c.status)).toEqual([401, 401]);
  expect(await stubLog()).toEqual({ authorize: 1, token: 2, grants: ["authorization_code", "refresh_token"] });
  await shot(page, "entra-refused");

  // Asking to sign in again is one more sign-in, and it ends the same way: still no loop.
  await page.locator("#sign-in-again").click();
  await new Promise((r) => setTimeout(r, 1000));
  await ready(page);
  await new Promise((r) => setTimeout(r, 2000));
  expect((await stubLog()).authorize).toBe(2);
  expect(await page.locator("#error-state h2").textContent()).toBe("Sign-in needed");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("an account without the app role is told so, with no renewal and no second sign-in", async () => {
  await steer("no-role", "no-role");
  const { page, calls, errors } = await open();
  await page.goto(`${host.base}/`);
  await ready(page);
  const message = await page.locator("#error-state .error-message").textContent();
  expect(message).toContain("may not read this API");
  expect(message).toContain("ClassVisCloud.Read");
  expect(calls.map((c) => c.status)).toEqual([403]);
  expect(await stubLog()).toEqual({ authorize: 1, token: 1, grants: ["authorization_code"] });
  expect(errors).toEqual([]);
  await page.context().close();
});

test("every page of the test host carries the deployed Content-Security-Policy, whose connect-src is the API and the authority", async () => {
  const policy = (await fetch(`${host.base}/`)).headers.get("content-security-policy") ?? "";
  expect(policy).toContain(`connect-src 'self' https://func-cvc.example ${new URL(host.authority).origin};`);
  expect(policy).toContain("default-src 'self'");
});
