import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, pagePerTest } from "./browser";
import { api, dataset, shot, tile, waitForData } from "./helpers";
import { arrangementCost, offDiagonalMass } from "../src/lib/matrixOrder";

/**
 * The views at a thousand classes, on the generated run the e2e host adds
 * (scripts/e2e-host.sh with CVC_GENERATED="5000x1000x3", as test.sh starts it).
 */
const RUN = process.env.CVC_THOUSAND_RUN ?? "generated-5000x1000";

interface RunDetail { classes: string[]; epochs: { epoch: number }[] }
interface Geometry { left: number; top: number; cell: number; x0: number; y0: number; classes: number[] }

let browser: Browser;
let page: Page;
let run: RunDetail;
let last: number;
let matrix: number[][];
let flat: Uint32Array;
let C: number;

beforeAll(async () => {
  browser = await launch();
  run = await api<RunDetail>(`/runs/${RUN}`).catch(() => {
    throw new Error(`The e2e host has no run ${RUN}: start it with CVC_GENERATED="5000x1000x3" scripts/e2e-host.sh start DIR (test.sh does).`);
  });
  C = run.classes.length;
  last = run.epochs.at(-1)!.epoch;
  matrix = (await api<{ matrix: number[][] }>(`/runs/${RUN}/epochs/${last}/confusion?split=validation`)).matrix;
  flat = Uint32Array.from(matrix.flat());
});
afterAll(async () => { await browser?.close(); });

const pages = pagePerTest(() => browser);
async function open() { page = await pages.open(`?run=${RUN}`); }

const geometry = async () => JSON.parse((await dataset(page, "confusion")).geometry) as Geometry;
const canvasBox = async () => (await tile(page, "confusion").locator("canvas").boundingBox())!;

/** The RGBA of the confusion canvas at a point of the page. */
async function pixelAt(x: number, y: number): Promise<number[]> {
  const box = await canvasBox();
  return tile(page, "confusion").locator("canvas").evaluate((c: HTMLCanvasElement, [px, py]) =>
    Array.from(c.getContext("2d")!.getImageData(px, py, 1, 1).data), [Math.floor(x - box.x), Math.floor(y - box.y)]);
}

/** Where the centre of cell (true r, predicted c) is on the page now. */
async function cellCentre(r: number, c: number): Promise<[number, number]> {
  const g = await geometry(), box = await canvasBox();
  const i = g.classes.indexOf(r), j = g.classes.indexOf(c);
  return [box.x + g.left + (j - g.x0 + 0.5) * g.cell, box.y + g.top + (i - g.y0 + 0.5) * g.cell];
}

/** Zooms with the wheel over cell (r, c) until cells are at least `cell` pixels: the cell stays under the pointer. */
async function zoomOnto(r: number, c: number, cell = 16) {
  for (let k = 0; k < 12 && (await geometry()).cell < cell; k++) {
    await page.mouse.move(...(await cellCentre(r, c)));
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(50);
  }
}

/** The largest off-diagonal cell: the confusion every test looks at. */
function largestError(): { r: number; c: number; count: number } {
  let best = { r: 0, c: 1, count: -1 };
  matrix.forEach((row, r) => row.forEach((v, c) => { if (r !== c && v > best.count) best = { r, c, count: v }; }));
  return best;
}

async function chooseOrder(kind: string) {
  await tile(page, "confusion").locator("select").selectOption(kind);
  await waitForData(page, "confusion", "order", (v) => v === kind);
  await waitForData(page, "confusion", "ordering", (v) => v === "ready", 15_000);
  return (await geometry()).classes;
}

describe("a thousand classes", () => {
  test("the confusion matrix is one canvas that shows the API's matrix, errors visible in the overview", async () => {
    await open();
    expect(await tile(page, "confusion").locator("canvas").count()).toBe(1);
    expect(await tile(page, "confusion").locator("svg rect").count()).toBe(0);
    const g = await geometry();
    expect(g.classes).toEqual(run.classes.map((_, k) => k));
    expect(g.cell).toBeLessThan(1);
    // At the fit zoom a pixel covers about two cells: the one over the largest error is orange.
    const e = largestError();
    const [r, gr, b] = await pixelAt(...(await cellCentre(e.r, e.c)));
    expect(r).toBeGreaterThan(b + 40);
    expect(gr).toBeLessThan(r);
    await shot(tile(page, "confusion"), "thousand-confusion-fit");
  });

  test("the matrix zooms with the wheel and the buttons, names its rows when readable, and shows a cell's counts on hover", async () => {
    await open();
    const e = largestError();
    await zoomOnto(e.r, e.c);
    const g = await geometry();
    expect(g.cell).toBeGreaterThanOrEqual(16);
    expect(Number((await dataset(page, "confusion")).zoom)).toBeGreaterThan(10);
    // Hovering the cell names it with the API's count.
    await page.mouse.move(...(await cellCentre(e.r, e.c)));
    const tip = page.locator(".tooltip");
    await expect.poll(() => tip.textContent()).toContain(`true ${run.classes[e.r]} → predicted ${run.classes[e.c]}`);
    expect(await tip.textContent()).toContain(`${e.count.toLocaleString("en")} samples`);
    await shot(tile(page, "confusion"), "thousand-confusion-zoomed");
    // The buttons: "−" halves the zoom, "Fit" shows everything again.
    const zoom = Number((await dataset(page, "confusion")).zoom);
    await tile(page, "confusion").locator("button[data-zoom='−']").click();
    expect(Number((await dataset(page, "confusion")).zoom)).toBeCloseTo(zoom / 2);
    await tile(page, "confusion").locator("button[data-zoom=Fit]").click();
    expect((await dataset(page, "confusion")).zoom).toBe("1");
  });

  test("the three orderings give different orders, each right for the epoch's matrix", async () => {
    await open();
    const index = run.classes.map((_, k) => k);
    const byName = await chooseOrder("name");
    expect([...byName].sort((a, b) => a - b)).toEqual(index);
    for (let k = 1; k < C; k++) expect(run.classes[byName[k - 1]].localeCompare(run.classes[byName[k]], "en", { numeric: true, sensitivity: "base" })).toBeLessThanOrEqual(0);

    const byConfusion = await chooseOrder("confusion");
    const mass = offDiagonalMass(flat, C, index);
    for (let k = 1; k < C; k++) expect(mass[byConfusion[k - 1]]).toBeGreaterThanOrEqual(mass[byConfusion[k]]);
    expect(byConfusion[0]).toBe(mass.indexOf(Math.max(...mass)));

    const seriated = await chooseOrder("seriation");
    expect([...seriated].sort((a, b) => a - b)).toEqual(index);
    // Confused classes sit closer together than in the other orders.
    const cost = (order: number[]) => arrangementCost(flat, C, order);
    expect(cost(seriated)).toBeLessThan(cost(byName));
    expect(cost(seriated)).toBeLessThan(cost(byConfusion));
    expect(cost(seriated)).toBeLessThan(cost(index));
    // The largest confusion's two classes are near each other (of a thousand places).
    const e = largestError();
    expect(Math.abs(seriated.indexOf(e.r) - seriated.indexOf(e.c))).toBeLessThanOrEqual(5);
    expect(new Set([byName.join(), byConfusion.join(), seriated.join(), index.join()]).size).toBe(4);
    await shot(tile(page, "confusion"), "thousand-confusion-seriated");
  });

  test("clicking a cell selects its samples everywhere, and parallel coordinates show the selection's top classes plus an added axis", async () => {
    await open();
    const e = largestError();
    await chooseOrder("confusion");
    await zoomOnto(e.r, e.c);
    await page.mouse.click(...(await cellCentre(e.r, e.c)));
    await expect.poll(() => page.locator("[data-kpi=selected]").textContent()).toBe(e.count.toLocaleString("en"));
    await waitForData(page, "parallel", "lines", (v) => v === String(e.count));

    // The selection's top classes by total score, from the API's own vectors.
    const samples = await api<{ sampleId: string[]; label: number[]; predicted: number[] }>(`/runs/${RUN}/epochs/${last}/samples?split=validation`);
    const ids = samples.sampleId.filter((_, k) => samples.label[k] === e.r && samples.predicted[k] === e.c);
    const { scores } = await api<{ scores: number[][] }>(`/runs/${RUN}/epochs/${last}/scores`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ split: "validation", sampleIds: ids }),
    });
    const total = run.classes.map((_, c) => scores.reduce((s, v) => s + v[c], 0));
    const axisNames = () => tile(page, "parallel").locator("g.pc-axis").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-class")!));
    await expect.poll(async () => (await axisNames()).length).toBe(10);
    const axes = (await axisNames()).map((n) => run.classes.indexOf(n));
    expect(axes).toContain(e.c);
    const lowest = Math.min(...axes.map((c) => total[c]));
    const others = total.filter((_, c) => !axes.includes(c));
    expect(lowest).toBeGreaterThanOrEqual(Math.max(...others) - 1e-6);
    expect(await tile(page, "parallel").locator(".axis-basis").textContent()).toContain("the selection's top classes");

    // Any class can be added by name, and removed again.
    const extra = run.classes.find((_, c) => !axes.includes(c) && total[c] === Math.min(...total))!;
    const search = tile(page, "parallel").locator("input.axis-search");
    await search.fill(extra);
    await search.press("Enter");
    await expect.poll(axisNames).toContain(extra);
    expect(await axisNames()).toHaveLength(11);
    await shot(tile(page, "parallel"), "thousand-parallel-added-axis");
    await tile(page, "parallel").locator(`button[data-axis-class="${extra}"]`).click();
    await expect.poll(axisNames).not.toContain(extra);
    const dropped = run.classes[axes[0]];
    await tile(page, "parallel").locator(`button[data-axis-class="${dropped}"]`).click();
    await expect.poll(axisNames).not.toContain(dropped);
    expect(await axisNames()).toHaveLength(9);
  });

  test("the class slicer finds classes by typing, and Enter keeps only them", async () => {
    await open();
    await page.locator("#slicer-classes").click();
    const search = page.locator("#slicer-class-search");
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    const wanted = "C50.";
    const matching = run.classes.map((n, k) => [n, k] as const).filter(([n]) => n.toLowerCase().includes(wanted.toLowerCase()));
    expect(matching.length).toBeGreaterThan(1);
    await page.keyboard.type(wanted);
    const visible = page.locator(".dropdown .menu label[data-class]:not([hidden])");
    await expect.poll(() => visible.count()).toBe(matching.length);
    expect(await visible.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-class")))).toEqual(matching.map(([n]) => n));
    expect(await page.locator(".dropdown .match-count").textContent()).toBe(`${matching.length} of 1,000 classes match`);
    await shot(page, "thousand-class-search");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#slicer-classes").textContent()).toBe(`${matching.length} of 1000 classes`);
    await waitForData(page, "confusion", "geometry", (v) => !!v && (JSON.parse(v) as Geometry).classes.length === matching.length);
    expect((await geometry()).classes).toEqual(matching.map(([, k]) => k));
    // Escape closes the list.
    await page.keyboard.press("Escape");
    expect(await page.locator("details.dropdown").evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
  });
});
