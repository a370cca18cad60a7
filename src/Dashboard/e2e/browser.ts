import { afterEach, expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, CHROMIUM, launch } from "./chromium.mjs";

export { BASE_URL, CHROMIUM, launch };

/** A page that records console errors and page errors, for the "no console errors" rule. */
export async function openPage(browser: Browser, width = 1500, height = 1300): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return { page, errors };
}

/** Opens the dashboard with a query string and waits until its first render is done (or its error page shows). */
export async function openDashboard(page: Page, query = ""): Promise<void> {
  await page.goto(`${BASE_URL}/${query}`);
  await page.waitForFunction(() => window.__cvc?.ready === true, undefined, { timeout: 30_000 });
}

/**
 * A fresh page per test: `open(query)` opens the dashboard on it; after each
 * test no console error may have been logged, and the page's context closes.
 */
export function pagePerTest(browser: () => Browser): { open(query: string): Promise<Page> } {
  let current: { page: Page; errors: string[] } | null = null;
  afterEach(async () => {
    if (!current) return;
    const { page, errors } = current;
    current = null;
    expect(errors, "console errors").toEqual([]);
    await page.context().close();
  });
  return {
    async open(query) {
      current = await openPage(browser());
      await openDashboard(current.page, query);
      return current.page;
    },
  };
}
