import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openDashboard, openPage } from "./browser";
import { api, dataset, RUN, shot, tile, waitForData, waitForUrl } from "./helpers";

/**
 * Run A vs run B against the real run. Only one run is ingested, so the run is
 * compared with itself: every error is stable, none belongs to one run only.
 */
interface Samples { sampleId: string[]; label: number[]; predicted: number[] }

let browser: Browser;
let page: Page;
let errors: string[];
let last: number;

beforeAll(async () => {
  browser = await launch();
  last = (await api<{ epochs: { epoch: number }[] }>(`/runs/${RUN}`)).epochs.at(-1)!.epoch;
});
afterAll(async () => { await browser?.close(); });
afterEach(async () => {
  expect(errors, "console errors").toEqual([]);
  await page?.context().close();
});

describe("compare with run", () => {
  test("a run compared with itself has only stable errors, as many as it misclassifies; a category click selects them", async () => {
    const s = await api<Samples>(`/runs/${RUN}/epochs/${last}/samples?split=validation`);
    const wrong = s.sampleId.filter((_, i) => s.label[i] !== s.predicted[i]).length;
    expect(wrong).toBeGreaterThan(0);

    ({ page, errors } = await openPage(browser));
    await openDashboard(page, `?run=${RUN}`);
    expect(await page.locator("#slicer-cmp").inputValue()).toBe("");
    expect((await dataset(page, "runcompare")).state).toBe("off");

    await page.locator("#slicer-cmp").selectOption(RUN);
    await waitForUrl(page, new RegExp(`cmp=${RUN}(&|$)`));
    await waitForData(page, "runcompare", "state", (v) => v === "ready", 20_000);
    const d = await dataset(page, "runcompare");
    const misclassified = Number((await page.locator("[data-kpi=misclassified]").textContent())!.replace(/,/g, ""));
    expect(misclassified).toBe(wrong);
    expect(Number(d.stable)).toBe(misclassified);
    expect(d.thisOnly).toBe("0");
    expect(d.otherOnly).toBe("0");
    expect(d.missing).toBe("0");
    expect(Number(d.bothCorrect)).toBe(s.sampleId.length - wrong);
    expect(d.epoch).toBe(String(last));

    await tile(page, "runcompare").scrollIntoViewIfNeeded();
    await page.locator("#tile-runcompare [data-category=stable]").click();
    await waitForData(page, "classification", "selected", (v) => v === String(misclassified));
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe(misclassified.toLocaleString("en"));
    expect(await page.locator("#tile-runcompare [data-category=stable]").getAttribute("aria-pressed")).toBe("true");
    await page.mouse.move(0, 0);
    await shot(tile(page, "runcompare"), "tile-runcompare");
    await page.locator("#theme").click();
    await page.waitForTimeout(100);
    await shot(tile(page, "runcompare"), "tile-runcompare-dark");

    // The link reopens the comparison.
    await page.context().close();
    ({ page, errors } = await openPage(browser));
    await openDashboard(page, `?run=${RUN}&cmp=${RUN}`);
    expect(await page.locator("#slicer-cmp").inputValue()).toBe(RUN);
    await waitForData(page, "runcompare", "stable", (v) => v === String(misclassified), 20_000);
  });
});
