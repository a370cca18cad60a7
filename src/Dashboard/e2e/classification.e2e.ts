import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openDashboard, openPage } from "./browser";
import { api, classCounts, columnBox, dataset, drag, RUN, tile, waitForData } from "./helpers";

/**
 * The classification view as a worker paints it (OffscreenCanvas): what the
 * user does with the boxes reaches the same samples the API lists, an epoch
 * step repaints from what is loaded, and its column labels never overlap,
 * also with a thousand classes that scroll.
 */
interface RunDetail { classes: string[]; splits: string[]; epochs: { epoch: number; splits: Record<string, { samples: number }> }[] }
interface Samples { sampleId: (string | number)[]; label: number[]; predicted: number[]; score: number[] }

// One browser for the file; each test opens its own page, whose console must stay free of errors.
let browser: Browser, page: Page, errors: string[];
let run: RunDetail, last: number;

beforeAll(async () => {
  [browser, run] = await Promise.all([launch(), api<RunDetail>(`/runs/${RUN}`)]);
  last = run.epochs.at(-1)!.epoch;
});
afterEach(async () => {
  expect(errors, "console errors").toEqual([]);
  await page?.context().close();
});
afterAll(() => browser?.close());

async function open(query = `?run=${RUN}`, width?: number) {
  ({ page, errors } = await openPage(browser, width));
  await openDashboard(page, query);
  await waitForData(page, "classification", "paints", (v) => Number(v) > 0);
}

/** Resolves once no request has been in flight for half a second: the neighbouring epochs are prefetched. */
async function networkIdle(p: Page) {
  let inflight = 0, last = Date.now();
  const change = (d: number) => { inflight += d; last = Date.now(); };
  p.on("request", () => change(1)); p.on("requestfinished", () => change(-1)); p.on("requestfailed", () => change(-1));
  await p.waitForTimeout(100);
  while (inflight > 0 || Date.now() - last < 500) await p.waitForTimeout(50);
}

/** The rectangles of the header's labels in view, in page pixels. */
async function labelBoxes(p: Page) {
  return p.locator("#tile-classification g.column-head text").evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent ?? "" };
  }));
}

function overlapping(boxes: Awaited<ReturnType<typeof labelBoxes>>) {
  const out: string[] = [];
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const x = boxes[a], y = boxes[b];
      if (x.left < y.right - 0.5 && y.left < x.right - 0.5 && x.top < y.bottom - 0.5 && y.top < x.bottom - 0.5) out.push(`${x.text} / ${y.text}`);
    }
  }
  return out;
}

describe("the classification view painted by a worker", () => {
  test("the boxes are painted on a canvas the worker controls, and the page exports them as PNG", async () => {
    await open();
    expect(Number((await dataset(page, "classification")).boxes)).toBe(run.epochs.at(-1)!.splits.validation.samples);
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#tile-classification button[data-export=png]").click()]);
    const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  });

  test("a click on a column's first box selects the most confident sample predicted as that class and opens it", async () => {
    await open();
    const samples = await api<Samples>(`/runs/${RUN}/epochs/${last}/samples?split=validation`);
    const counts = await classCounts(last);
    const cls = counts.reduce((a, b) => (b.predicted > a.predicted ? b : a));
    // Rank 0: the highest score predicted as the class, ties to the lowest index (the view's order).
    let best = -1;
    samples.predicted.forEach((p, i) => { if (p === cls.index && (best < 0 || samples.score[i] > samples.score[best])) best = i; });
    const col = await columnBox(page, cls.name);
    await page.mouse.click(col.x + 2, col.top + 0.5);
    await waitForData(page, "classification", "selected", (v) => v === "1");
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe("1");
    await waitForData(page, "detail", "sample", (v) => v === String(samples.sampleId[best]));
  });

  test("a brush over the top of a column selects exactly the boxes it covers", async () => {
    await open();
    const counts = await classCounts(last);
    const cls = counts.reduce((a, b) => (b.predicted > a.predicted ? b : a));
    const col = await columnBox(page, cls.name);
    const geometry = await page.locator("#tile-classification .boxes-overlay").evaluate((el) => ({ height: el.getBoundingClientRect().height }));
    // The fullest column fills the height: a brush over its top quarter covers about a quarter of its boxes.
    await drag(page, [col.x + 1, col.top + 1], [col.x + col.width - 1, col.top + geometry.height / 4]);
    const selected = Number(await waitForData(page, "classification", "selected", (v) => Number(v) > 0));
    expect(selected).toBeGreaterThan(cls.predicted * 0.2);
    expect(selected).toBeLessThan(cls.predicted * 0.3);
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe(selected.toLocaleString("en"));
  });

  test("an epoch step with the keyboard repaints the boxes from the prefetched epoch, without a request", async () => {
    await open();
    await networkIdle(page);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const before = Number((await dataset(page, "classification")).paints);
    await page.locator("#slicer-epoch").focus();
    await page.keyboard.press("ArrowLeft");
    const previous = run.epochs.at(-2)!.epoch;
    await waitForData(page, "classification", "epoch", (v) => v === String(previous));
    expect(Number((await dataset(page, "classification")).paints)).toBeGreaterThan(before);
    const columns = JSON.parse((await dataset(page, "classification")).columns) as { painted: number }[];
    expect(columns.map((c) => c.painted)).toEqual((await classCounts(previous)).map((c) => c.predicted));
    // Its own samples were there already; what follows it (the dynamics, the next neighbour) may load, the samples may not.
    expect(requests.filter((u) => u.includes(`/epochs/${previous}/samples`))).toEqual([]);
  });

  test("the column labels never overlap, and a column's count is in its tooltip", async () => {
    await open(`?run=${RUN}`, 900);
    await tile(page, "classification").scrollIntoViewIfNeeded();
    const boxes = await labelBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(run.classes.length);
    expect(overlapping(boxes)).toEqual([]);
    const counts = await classCounts(last);
    const head = (await page.locator(`#tile-classification g.column-head[data-class="${counts[0].name}"] rect`).boundingBox())!;
    await page.mouse.move(head.x + head.width / 2, head.y + 1);
    await expect.poll(() => page.locator(".tooltip").textContent()).toContain(`${counts[0].predicted.toLocaleString("en")} predicted`);
  });
});

// The e2e host's generated run of a thousand classes (test.sh starts it with CVC_GENERATED="5000x1000x3").
const THOUSAND = process.env.CVC_THOUSAND_RUN ?? "generated-5000x1000";

describe(`the classification view at a thousand classes (${THOUSAND})`, () => {
  test("the columns scroll, the header labels the columns in view without overlap, and the worker paints the window scrolled to", async () => {
    await open(`?run=${THOUSAND}&split=train`);
    await tile(page, "classification").scrollIntoViewIfNeeded();
    const d = await dataset(page, "classification");
    const columns = JSON.parse(d.columns) as { name: string; count: number; painted: number }[];
    expect(columns).toHaveLength(1000);
    expect(columns.every((c) => c.painted === c.count)).toBe(true);
    const scroller = tile(page, "classification").locator(".scroll-x");
    const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth * 5);
    expect(overlapping(await labelBoxes(page))).toEqual([]);
    // The header holds labels for the columns near the view only, not a thousand.
    expect(await page.locator("#tile-classification g.column-head").count()).toBeLessThan(400);

    const before = Number((await dataset(page, "classification")).paints);
    await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth / 2; });
    // The first column from the middle on that holds samples (a few thousand samples leave some of a thousand empty).
    const middle = columns.find((c, i) => i >= columns.length / 2 && c.count > 0)!.name;
    await page.locator(`#tile-classification g.column-head[data-class="${middle}"]`).waitFor();
    await waitForData(page, "classification", "paints", (v) => Number(v) > before);
    expect(overlapping(await labelBoxes(page))).toEqual([]);

    // A click on a box of a column scrolled to selects its sample.
    const col = await columnBox(page, middle);
    expect(columns.find((c) => c.name === middle)!.count).toBeGreaterThan(0);
    await page.mouse.click(col.x + 2, col.top + 0.5);
    await waitForData(page, "classification", "selected", (v) => v === "1");
  });
});
