import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openDashboard, openPage } from "./browser";
import { api, dataset, drag, RUN, shot, tile, waitForData } from "./helpers";

/** The training-dynamics tiles (data map, suspected label issues) against the real run. */
interface RunDetail { epochs: { epoch: number }[] }
interface Dynamics { sampleId: string[]; confidence: number[]; variability: number[] }
interface Suspects { total: number; suspects: { sampleId: string }[] }
interface Geometry { left: number; top: number; right: number; bottom: number; xMax: number }

let browser: Browser;
let page: Page;
let errors: string[];
let last: number;

beforeAll(async () => {
  browser = await launch();
  last = (await api<RunDetail>(`/runs/${RUN}`)).epochs.at(-1)!.epoch;
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

const dynamics = (epoch: number) => api<Dynamics>(`/runs/${RUN}/epochs/${epoch}/dynamics?split=validation`);

describe("the data map", () => {
  test("the data map draws one dot per sample of the split, and follows the epoch slider", async () => {
    await open();
    const d = await dynamics(last);
    await waitForData(page, "datamap", "dots", (v) => v === String(d.sampleId.length));
    expect((await dataset(page, "datamap")).epoch).toBe(String(last));
    await tile(page, "datamap").scrollIntoViewIfNeeded();
    await shot(tile(page, "datamap"), "tile-datamap");

    await page.locator("#slicer-epoch").focus();
    await page.keyboard.press("Home");
    await waitForData(page, "datamap", "epoch", (v) => v === "1");
    const first = await dynamics(1);
    await waitForData(page, "datamap", "dots", (v) => v === String(first.sampleId.length));
  });

  test("brushing a rectangle selects exactly the samples inside it, in every tile", async () => {
    await open();
    const d = await dynamics(last);
    await waitForData(page, "datamap", "dots", (v) => v === String(d.sampleId.length));
    await tile(page, "datamap").scrollIntoViewIfNeeded();
    const g = JSON.parse((await dataset(page, "datamap")).geometry) as Geometry;
    const canvas = (await page.locator("#tile-datamap canvas.dots").boundingBox())!;
    // The lower-left quarter of the plot: confidence below 0.5, the less certain variability half.
    const xAt = (v: number) => canvas.x + g.left + (v / g.xMax) * (g.right - g.left);
    const yAt = (c: number) => canvas.y + g.bottom - c * (g.bottom - g.top);
    const [v0, v1, c0, c1] = [0.001, g.xMax / 2, 0.01, 0.5];
    // The mouse lands on whole pixels: count the dots surely inside (rectangle shrunk by 1.5 px) and maybe inside (grown by 1.5 px).
    const dv = (1.5 * g.xMax) / (g.right - g.left), dc = 1.5 / (g.bottom - g.top);
    const within = (grow: number) => d.sampleId.filter((_, i) => d.variability[i] >= v0 - grow * dv && d.variability[i] <= v1 + grow * dv
      && d.confidence[i] >= c0 - grow * dc && d.confidence[i] <= c1 + grow * dc).length;
    const [surely, maybe] = [within(-1), within(1)];
    expect(surely).toBeGreaterThan(0);
    await drag(page, [xAt(v0), yAt(c1)], [xAt(v1), yAt(c0)]);
    await waitForData(page, "datamap", "selected", (v) => Number(v) >= surely && Number(v) <= maybe);
    const selected = Number((await dataset(page, "datamap")).selected);
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe(selected.toLocaleString("en"));
    await waitForData(page, "datamap", "selected", (v) => v === String(selected));
    await waitForData(page, "classification", "selected", (v) => v === String(selected));
    await page.mouse.move(0, 0);
    await shot(tile(page, "datamap"), "datamap-brushed");
  });

  test("hovering a dot names the sample and its statistics", async () => {
    await open();
    const d = await dynamics(last);
    await waitForData(page, "datamap", "dots", (v) => v === String(d.sampleId.length));
    await tile(page, "datamap").scrollIntoViewIfNeeded();
    const g = JSON.parse((await dataset(page, "datamap")).geometry) as Geometry;
    const canvas = (await page.locator("#tile-datamap canvas.dots").boundingBox())!;
    const i = d.sampleId.length >> 1;
    await page.mouse.move(canvas.x + g.left + (d.variability[i] / g.xMax) * (g.right - g.left), canvas.y + g.bottom - d.confidence[i] * (g.bottom - g.top));
    const tooltip = page.locator(".tooltip");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toMatch(/confidence.*variability.*correctness.*forgettings/s);
  });
});

describe("suspected label issues", () => {
  test("the suspects are listed in the API's order; a click selects the sample and opens it", async () => {
    await open();
    const s = await api<Suspects>(`/runs/${RUN}/epochs/${last}/suspects?split=validation&limit=100`);
    await waitForData(page, "suspects", "rows", (v) => v === String(s.suspects.length));
    const first = page.locator("#tile-suspects tbody tr").first();
    expect(await first.getAttribute("data-sample")).toBe(String(s.suspects[0].sampleId));
    expect(await tile(page, "suspects").locator(".tile-subtitle").textContent()).toContain(`${s.total.toLocaleString("en")} suspects`);
    await tile(page, "suspects").scrollIntoViewIfNeeded();
    await first.click();
    await waitForData(page, "detail", "sample", (v) => v === String(s.suspects[0].sampleId));
    expect(await page.locator("[data-kpi=selected]").textContent()).toBe("1");
    await waitForData(page, "datamap", "selected", (v) => v === "1");
    expect(await first.getAttribute("class")).toContain("selected");
    await shot(tile(page, "suspects"), "tile-suspects");
  });

  test("the suspects export their rows as CSV", async () => {
    await open();
    await waitForData(page, "suspects", "rows", (v) => Number(v) > 0);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#tile-suspects button[data-export=csv]").click()]);
    const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("rank,sampleId,label,likely,aum,confidence,mispredictions");
    expect(lines.length - 1).toBe(Number((await dataset(page, "suspects")).rows));
  });

  test("the dynamics tiles paint in the dark theme", async () => {
    await open();
    await page.locator("#theme").click();
    await waitForData(page, "suspects", "rows", (v) => Number(v) > 0);
    await waitForData(page, "datamap", "dots", (v) => Number(v) > 0);
    await tile(page, "datamap").scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await shot(page, "report-dark-dynamics");
  });
});

describe("the threshold on a training-dynamics statistic", () => {
  test("AUM below 0 marks exactly the suspects, and the link keeps the rule", async () => {
    await open();
    const s = await api<Suspects>(`/runs/${RUN}/epochs/${last}/suspects?split=validation&limit=1`);
    await page.locator("#slicer-mark").selectOption("aum");
    await waitForData(page, "classification", "triangles", (v) => v === String(s.total));
    expect(await page.locator("#threshold-value").textContent()).toBe("< 0");
    expect(await page.locator("[data-kpi=persistent]").textContent()).toBe(s.total.toLocaleString("en"));
    await page.waitForFunction(() => /mark=aum/.test(location.search) && /threshold=0(&|$)/.test(location.search));
    await shot(tile(page, "classification"), "classification-marked-aum");

    // The link reopens the same rule, here confidence below 0.3.
    const d = await dynamics(last);
    await page.context().close();
    await open(`?run=${RUN}&mark=confidence&threshold=0.3`);
    await waitForData(page, "classification", "triangles", (v) => v === String(d.confidence.filter((c) => c < 0.3).length));
    expect(await page.locator("#slicer-mark").inputValue()).toBe("confidence");
    await shot(page.locator(".slicers"), "slicers-mark-confidence");
  });
});

describe("epoch A vs epoch B", () => {
  test("epoch A vs epoch B shows only the samples whose prediction changed, and the link keeps the comparison", async () => {
    type Samples = { sampleId: string[]; predicted: number[] };
    const [a, b] = await Promise.all([last, 1].map((e) => api<Samples>(`/runs/${RUN}/epochs/${e}/samples?split=validation`)));
    const predictedAtB = new Map(b.sampleId.map((id, i) => [id, b.predicted[i]]));
    const changed = a.sampleId.filter((id, i) => predictedAtB.has(id) && predictedAtB.get(id) !== a.predicted[i]).length;
    expect(changed).toBeGreaterThan(0);

    await open();
    await page.locator("#slicer-vs").selectOption("1");
    await page.waitForFunction(() => /vs=1(&|$)/.test(location.search));
    const painted = async () => (JSON.parse((await dataset(page, "classification")).columns) as { painted: number }[]).reduce((s, c) => s + c.painted, 0);
    for (let i = 0; i < 100 && (await painted()) !== changed; i++) await page.waitForTimeout(50);
    expect(await painted()).toBe(changed);
    expect(await page.locator("[data-kpi=samples]").textContent()).toBe(changed.toLocaleString("en"));
    await waitForData(page, "datamap", "dots", (v) => v === String(changed));
    await shot(tile(page, "classification"), "classification-changed-vs-epoch-1");

    await page.context().close();
    await open(`?run=${RUN}&vs=1`);
    await waitForData(page, "datamap", "dots", (v) => v === String(changed));
    expect(await page.locator("#slicer-vs").inputValue()).toBe("1");
  });
});

describe("confusion over time", () => {
  interface Pairs { epochs: number[]; pairs: { true: string; predicted: string; counts: number[] }[] }
  test("sparklines show the API's largest and fastest-growing pairs; a click selects the pair's samples", async () => {
    const [largest, growth, run, confusion] = await Promise.all([
      api<Pairs>(`/runs/${RUN}/confusion-over-time?split=validation&top=20`),
      api<Pairs>(`/runs/${RUN}/confusion-growth?split=validation&k=5&top=20`),
      api<{ classes: string[] }>(`/runs/${RUN}`),
      api<{ matrix: number[][] }>(`/runs/${RUN}/epochs/${last}/confusion?split=validation`),
    ]);
    await open();
    await waitForData(page, "trends", "pairs", (v) => v === String(largest.pairs.length));
    const cards = page.locator("#tile-trends .sparkline-card");
    expect(await cards.first().getAttribute("data-true")).toBe(largest.pairs[0].true);
    expect(await cards.first().getAttribute("data-predicted")).toBe(largest.pairs[0].predicted);
    expect(await page.locator("#tile-trends .sparkline path").count()).toBe(largest.pairs.length);
    await tile(page, "trends").scrollIntoViewIfNeeded();
    await shot(tile(page, "trends"), "tile-trends");

    await page.locator("#tile-trends button[data-mode=growth]").click();
    await waitForData(page, "trends", "mode", (v) => v === "growth");
    expect(await cards.first().getAttribute("data-predicted")).toBe(growth.pairs[0].predicted);
    await cards.first().click();
    const p = growth.pairs[0];
    const expected = confusion.matrix[run.classes.indexOf(p.true)][run.classes.indexOf(p.predicted)];
    await waitForData(page, "classification", "selected", (v) => v === String(expected));
    await shot(tile(page, "trends"), "tile-trends-growth");
  });

  test("hovering an error cell of the matrix shows its count over the epochs", async () => {
    await open();
    const g = JSON.parse((await dataset(page, "confusion")).geometry) as { left: number; top: number; cell: number };
    const box = (await page.locator("#tile-confusion canvas").boundingBox())!;
    // Cell (true 0, predicted 1): the first hover asks for the history, the next move draws it.
    const at: [number, number] = [box.x + g.left + 1.5 * g.cell, box.y + g.top + 0.5 * g.cell];
    await page.mouse.move(...at);
    for (let i = 0; i < 50 && !(await page.locator(".tooltip svg.sparkline path").count()); i++) {
      await page.mouse.move(at[0] + (i % 2), at[1]);
      await page.waitForTimeout(100);
    }
    expect(await page.locator(".tooltip svg.sparkline path").count()).toBe(1);
    await shot(page.locator(".tooltip"), "confusion-hover-sparkline");
  });
});
