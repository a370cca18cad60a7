import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openDashboard, openPage } from "./browser";
import { api, classCounts, columnBox, dataset, drag, RUN, shot, tile, waitForData, waitForUrl } from "./helpers";

interface RunDetail { classes: string[]; splits: string[]; epochs: { epoch: number; splits: Record<string, { samples: number; accuracy: number }> }[] }

let browser: Browser;
let page: Page;
let errors: string[];
let run: RunDetail;
let last: number;

beforeAll(async () => {
  browser = await launch();
  run = await api<RunDetail>(`/runs/${RUN}`);
  last = run.epochs.at(-1)!.epoch;
});
afterAll(async () => { await browser?.close(); });

async function open(query = `?run=${RUN}`) {
  ({ page, errors } = await openPage(browser));
  await openDashboard(page, query);
}
afterEach(async () => {
  expect(errors, "console errors").toEqual([]);
  await page?.context().close();
});

describe("the report", () => {
  test("the report renders every tile, and each column holds as many boxes as the API predicts for the class", async () => {
    await open();
    const counts = await classCounts(last);
    const columns = JSON.parse((await dataset(page, "classification")).columns) as { name: string; count: number; painted: number }[];
    expect(columns.map((c) => c.name)).toEqual(run.classes);
    expect(columns.map((c) => c.painted)).toEqual(counts.map((c) => c.predicted));
    expect(await page.locator("[data-kpi=samples]").textContent()).toBe(run.epochs.at(-1)!.splits.validation.samples.toLocaleString("en"));
    expect(await page.locator("[data-kpi=accuracy]").textContent()).toBe(`${(run.epochs.at(-1)!.splits.validation.accuracy * 100).toFixed(1)}%`);
    expect(await page.locator("#tile-accuracy circle.epoch-point").count()).toBe(run.epochs.length * run.splits.length);
    await shot(page, "report-light");
    for (const id of ["accuracy", "confusion", "classification", "parallel"]) await shot(tile(page, id), `tile-${id}`);
  });

  test("the confusion matrix is the API's, and clicking a cell selects its samples everywhere", async () => {
    await open();
    const confusion = await api<{ matrix: number[][] }>(`/runs/${RUN}/epochs/${last}/confusion?split=validation`);
    expect(JSON.parse((await dataset(page, "confusion")).matrix)).toEqual(confusion.matrix);
    const g = JSON.parse((await dataset(page, "confusion")).geometry) as { left: number; top: number; cell: number };
    const box = (await page.locator("#tile-confusion canvas").boundingBox())!;
    // Cell (true 0, predicted 1): an error cell.
    await page.mouse.click(box.x + g.left + 1.5 * g.cell, box.y + g.top + 0.5 * g.cell);
    await waitForData(page, "classification", "selected", (v) => v === String(confusion.matrix[0][1]));
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe(String(confusion.matrix[0][1]));
    await waitForData(page, "parallel", "lines", (v) => v === String(confusion.matrix[0][1]));
    await shot(tile(page, "confusion"), "confusion-cell-selected");
  });

  test("the epoch slider changes every view to that epoch", async () => {
    await open();
    const slider = page.locator("#slicer-epoch");
    await slider.focus();
    await page.keyboard.press("Home");
    const first = run.epochs[0].epoch;
    await waitForData(page, "classification", "epoch", (v) => v === String(first));
    const counts = await classCounts(first);
    const columns = JSON.parse((await dataset(page, "classification")).columns) as { painted: number }[];
    expect(columns.map((c) => c.painted)).toEqual(counts.map((c) => c.predicted));
    expect(await page.locator("#epoch-value").textContent()).toContain(String(first));
    expect(await page.locator(`#tile-accuracy line[data-selected-epoch="${first}"]`).count()).toBe(1);
    await waitForUrl(page, new RegExp(`epoch=${first}&`));
    await page.waitForTimeout(500);
    await shot(tile(page, "classification"), `classification-epoch-${first}`);
    // Play steps to the next logged epoch by itself.
    await page.locator("#play").click();
    await waitForData(page, "classification", "epoch", (v) => v === String(run.epochs[1].epoch));
    await page.locator("#play").click();
  });

  test("clicking a point of the accuracy graph selects that epoch", async () => {
    await open();
    await page.locator(`#tile-accuracy circle.epoch-point[data-epoch="3"][data-split="validation"]`).click();
    await waitForData(page, "classification", "epoch", (v) => v === "3");
  });

  test("brushing a column selects its boxes; brushing an axis filters them in every view", async () => {
    await open();
    const counts = await classCounts(last);
    const biggest = counts.reduce((a, b) => (b.predicted > a.predicted ? b : a));
    const col = await columnBox(page, biggest.name);
    // From the top of the column (most confident) to well past its end: every box of the column.
    await drag(page, [col.x + 2, col.top + 1], [col.x + col.width - 2, col.top + 440]);
    await waitForData(page, "classification", "selected", (v) => v === String(biggest.predicted));
    await waitForData(page, "parallel", "lines", (v) => v === String(biggest.predicted));
    await shot(tile(page, "parallel"), "parallel-selected");

    // Keep the samples whose score for their own (predicted) class is at most 0.5: the doubtful ones.
    await tile(page, "parallel").scrollIntoViewIfNeeded();
    const axis = (await page.locator(`#tile-parallel g.pc-axis[data-class="${biggest.name}"] .brush .overlay`).boundingBox())!;
    const yOf = (score: number) => axis.y + axis.height * (1 - score);
    await drag(page, [axis.x + axis.width / 2, yOf(0.5)], [axis.x + axis.width / 2, yOf(0) + 2]);
    const passing = Number(await waitForData(page, "parallel", "passing", (v) => Number(v) < biggest.predicted));
    await waitForData(page, "classification", "selected", (v) => v === String(passing));
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe(passing.toLocaleString("en"));
    expect(await page.locator("#tile-parallel .chip-filter").textContent()).toContain(`score of ${biggest.name} ≤ 0.5`);
    await waitForUrl(page, /filter=\d+%3A0-0\.5/);
    await shot(tile(page, "parallel"), "parallel-filtered");
    await shot(tile(page, "classification"), "classification-brushed");
  });

  test("clicking a box opens the detail view with highlighted sentences and words", async () => {
    await open();
    const col = await columnBox(page, run.classes[0]);
    await page.mouse.click(col.x + 4, col.top + 1);
    await waitForData(page, "detail", "state", (v) => v === "ready");
    const words = page.locator("#tile-detail .word");
    expect(await words.count()).toBeGreaterThan(0);
    const backgrounds = await words.evaluateAll((els) => new Set(els.map((e) => getComputedStyle(e).backgroundColor)).size);
    expect(backgrounds).toBeGreaterThan(1);
    expect(await page.locator("#tile-detail .sentence-bar").count()).toBeGreaterThan(0);
    expect(await page.locator("#tile-detail .history-point").count()).toBe(run.epochs.length);
    expect(await page.locator("#tile-detail svg.score-vector rect").count()).toBe(run.classes.length);
    await waitForUrl(page, /sample=/);
    await shot(tile(page, "detail"), "detail");
  });

  test("the grid view draws the same samples as dense cells", async () => {
    await open();
    await page.locator("#tile-classification button[data-layout=grid]").click();
    await waitForData(page, "classification", "layout", (v) => v === "grid");
    expect(Number((await dataset(page, "classification")).boxes)).toBe(run.epochs.at(-1)!.splits.validation.samples);
    await waitForUrl(page, /view=grid/);
    await shot(tile(page, "classification"), "classification-grid");
  });

  test("keywords appear over the columns on demand, sized by weight", async () => {
    await open();
    await page.locator("#tile-classification .tile-tools button", { hasText: "Keywords" }).click();
    await page.locator("#tile-classification text.keyword").first().waitFor();
    const sizes = await page.locator("#tile-classification text.keyword").evaluateAll((els) => els.map((e) => Number(e.getAttribute("font-size"))));
    expect(new Set(sizes).size).toBeGreaterThan(1);
    await shot(tile(page, "classification"), "classification-keywords");
  });

  test("the threshold slider moves the triangles and the persistent count", async () => {
    await open(`?run=${RUN}&threshold=0`);
    const atZero = Number((await dataset(page, "classification")).triangles);
    await page.locator("#slicer-threshold").focus();
    await page.keyboard.press("End");
    await waitForData(page, "classification", "triangles", (v) => Number(v) < atZero);
    await waitForUrl(page, /threshold=(?!0&)\d+/);
  });

  test("a shared link reopens the same epoch, threshold, classes, selection and sample", async () => {
    const samples = await api<{ sampleId: string[] }>(`/runs/${RUN}/epochs/5/samples?split=validation`);
    const ids = samples.sampleId.slice(0, 3);
    await open(`?run=${RUN}&epoch=5&threshold=2&classes=0,1,2&sel=${ids.join(",")}&sample=${ids[0]}`);
    const d = await dataset(page, "classification");
    expect(d.epoch).toBe("5");
    expect(JSON.parse(d.columns)).toHaveLength(3);
    expect(await page.locator("#threshold-value").textContent()).toBe("> 2");
    expect(await page.locator("#slicer-classes").textContent()).toBe("3 of 20 classes");
    await waitForData(page, "parallel", "lines", (v) => v === "3");
    await waitForData(page, "detail", "sample", (v) => v === ids[0]);
  });

  test("the dark theme paints every tile", async () => {
    await open();
    await page.locator("#theme").click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    const col = await columnBox(page, run.classes[1]);
    await page.mouse.click(col.x + 4, col.top + 1);
    await waitForData(page, "detail", "state", (v) => v === "ready");
    await page.waitForTimeout(300);
    await shot(page, "report-dark");
  });

  test("each tile exports its data as CSV and its image as PNG", async () => {
    await open();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#tile-confusion button[data-export=csv]").click()]);
    const text = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    expect(text.split("\r\n")[0]).toBe(["true \\ predicted", ...run.classes].join(","));
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#tile-classification button[data-export=png]").click()]);
    const bytes = Buffer.concat(await (await png.createReadStream()).toArray());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
