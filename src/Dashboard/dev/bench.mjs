// Speed of the dashboard in headless Chromium against a host serving a large run.
//   CVC_BASE_URL=<the DevHost of scripts/e2e-host.sh with CVC_GENERATED=100000x70x10> node dev/bench.mjs
// Reports: first full render (navigation start -> every tile drawn), epoch
// change (prefetched neighbour and cold), brushing frame rate in the
// classification view, and in the parallel coordinates with many lines.
import { launch, BASE_URL } from "../e2e/chromium.mjs";

const run = process.env.CVC_BENCH_RUN ?? "generated-100000x70";
const pcLines = Number(process.env.CVC_BENCH_PC_LINES ?? 20000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

const detail = await (await fetch(`${BASE_URL}/api/runs/${run}`)).json();
const epochs = detail.epochs.map((e) => e.epoch);
// Warm the host, so that its own first-request work is not counted as the dashboard's.
await Promise.all(epochs.map((e) => fetch(`${BASE_URL}/api/runs/${run}/epochs/${e}/samples?format=arrow`).then((r) => r.arrayBuffer())));

const browser = await launch();
const results = { run, samples: detail.epochs.at(-1).splits[detail.splits.includes("validation") ? "validation" : detail.splits[0]].samples, classes: detail.classes.length };

async function openFresh() {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${BASE_URL}/?run=${encodeURIComponent(run)}`);
  await page.waitForFunction(() => window.__cvc?.ready === true, undefined, { timeout: 120_000 });
  if (errors.length) throw new Error(errors.join("\n"));
  return page;
}

// 1. First full render: three fresh page loads, median.
const renders = [];
let page;
for (let k = 0; k < 3; k++) {
  if (page) await page.context().close();
  page = await openFresh();
  renders.push(await page.evaluate(() => window.__cvc.renderedAt));
}
results.firstRenderMs = round(median(renders));
results.firstRenderRuns = renders.map(round);

// 2. Epoch change: neighbours are prefetched after each change; far epochs are cold.
const setEpoch = (e) => page.evaluate(async (epoch) => { const t = performance.now(); await window.__cvc.dashboard.setEpoch(epoch); return performance.now() - t; }, e);
const warm = [], cold = [];
let current = epochs.at(-1);
for (let k = 0; k < Math.min(5, epochs.length - 1); k++) {
  await page.waitForTimeout(1500);
  current = epochs[epochs.indexOf(current) - 1];
  warm.push(await setEpoch(current));
}
for (const e of [epochs.at(-1), epochs[0]]) { await page.waitForTimeout(300); cold.push(await setEpoch(e)); }
results.epochChangeMs = { prefetchedMedian: round(median(warm)), prefetched: warm.map(round), cold: cold.map(round) };

// 3. Brushing: drive d3-brush with real mouse events, one move per frame, as a hand does.
async function brushFps(overlaySelector, x, yStart, yStep, frames) {
  return page.evaluate(async ({ overlaySelector, x, yStart, yStep, frames }) => {
    const overlay = document.querySelector(overlaySelector);
    overlay.scrollIntoView({ block: "center" });
    await new Promise(requestAnimationFrame);
    const box = overlay.getBoundingClientRect();
    const at = (y) => ({ clientX: box.left + x, clientY: box.top + y, view: window, bubbles: true, button: 0 });
    overlay.dispatchEvent(new MouseEvent("mousedown", at(yStart)));
    const work = [];
    const t0 = performance.now();
    for (let k = 1; k <= frames; k++) {
      await new Promise(requestAnimationFrame);
      const t = performance.now();
      window.dispatchEvent(new MouseEvent("mousemove", at(yStart + k * yStep)));
      work.push(performance.now() - t);
    }
    await new Promise(requestAnimationFrame);
    const elapsed = performance.now() - t0;
    window.dispatchEvent(new MouseEvent("mouseup", at(yStart + frames * yStep)));
    work.sort((a, b) => a - b);
    return { fps: (frames / elapsed) * 1000, medianWorkMs: work[Math.floor(work.length / 2)], p95WorkMs: work[Math.floor(work.length * 0.95)] };
  }, { overlaySelector, x, yStart, yStep, frames });
}

await page.waitForTimeout(500);
const biggest = await page.evaluate(() => {
  const cols = JSON.parse(document.querySelector("#tile-classification").dataset.columns);
  const k = cols.reduce((best, c, i) => (c.count > cols[best].count ? i : best), 0);
  const head = document.querySelectorAll("#tile-classification g.column-head")[k].getBoundingClientRect();
  const overlay = document.querySelector("#tile-classification .boxes-overlay").getBoundingClientRect();
  return { x: head.left - overlay.left + 3, count: cols[k].count };
});
const columnBrush = await brushFps("#tile-classification .boxes-overlay .overlay", biggest.x, 2, 6, 60);
results.columnBrush = { fps: round(columnBrush.fps), medianWorkMs: round(columnBrush.medianWorkMs), p95WorkMs: round(columnBrush.p95WorkMs) };

// 4. Parallel coordinates with many selected lines: select them, wait for their vectors, brush an axis.
const selectedLines = await page.evaluate(async (n) => {
  const d = window.__cvc.dashboard;
  const total = d.model().data.ids.length;
  const step = Math.max(1, Math.floor(total / n));
  const picked = [];
  for (let i = 0; i < total && picked.length < n; i += step) picked.push(i);
  d.actions.pick(picked, "replace");
  for (let k = 0; k < 600; k++) {
    const lines = Number(document.querySelector("#tile-parallel").dataset.lines ?? 0);
    if (lines >= picked.length) return lines;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(document.querySelector("#tile-parallel").dataset.lines ?? 0);
}, pcLines);
const axisX = await page.evaluate(() => {
  const axis = document.querySelector("#tile-parallel g.pc-axis .brush .overlay").getBoundingClientRect();
  return axis.width / 2;
});
const pcBrush = await brushFps("#tile-parallel g.pc-axis .brush .overlay", axisX, 2, 3, 60);
results.parallelBrush = { lines: selectedLines, fps: round(pcBrush.fps), medianWorkMs: round(pcBrush.medianWorkMs), p95WorkMs: round(pcBrush.p95WorkMs) };

await browser.close();
console.log(JSON.stringify(results, null, 2));
