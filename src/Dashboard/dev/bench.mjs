// Speed of the dashboard in headless Chromium against the DevHost serving large runs, as a user meets it.
//   CVC_BASE_URL=<the DevHost of scripts/e2e-host.sh with CVC_GENERATED="1000000x70x3 50000x1000x3">
//   CVC_BENCH_RUNS="generated-1000000x70 generated-50000x1000" node dev/bench.mjs
// For each run (CVC_BENCH_SPLIT, default train when the run has it):
// - first view: navigation start until the Samples card shows the count and the network is idle
//   (no request in flight for a second; the Web Workers' requests count too), with when the KPIs and each tile became
//   ready, and the slowest requests;
// - epoch step: ArrowLeft/ArrowRight on the epoch slider until the accuracy card shows the new epoch's value
//   (to the frame that paints it), and the requests the step made (none expected: neighbours are prefetched);
// - brushing: d3-brush driven by one real mouse move per frame over the fullest column of the classification
//   view, and over an axis of the parallel coordinates with CVC_BENCH_PC_LINES selected lines (20,000 by
//   default): frames per second of the page, and of the worker that paints the boxes.
import { launch, BASE_URL } from "../e2e/chromium.mjs";

const runs = (process.env.CVC_BENCH_RUNS ?? process.env.CVC_BENCH_RUN ?? "generated-1000000x70 generated-50000x1000").split(/\s+/).filter(Boolean);
const pcLines = Number(process.env.CVC_BENCH_PC_LINES ?? 20000);
const opens = Number(process.env.CVC_BENCH_OPENS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

// Recorded in the page from its first script on: when the Samples and accuracy cards change, and the frame after.
const INSTRUMENT = () => {
  const marks = (window.__bench = { samplesAt: null, accuracy: [] });
  const watch = () => {
    const samples = document.querySelector("[data-kpi=samples]"), accuracy = document.querySelector("[data-kpi=accuracy]");
    if (!samples || !accuracy) return false;
    const seen = () => {
      if (marks.samplesAt === null && /\d/.test(samples.textContent ?? "")) requestAnimationFrame(() => (marks.samplesAt ??= performance.now()));
    };
    seen();
    new MutationObserver(seen).observe(samples, { childList: true, characterData: true, subtree: true });
    new MutationObserver(() => {
      const text = accuracy.textContent;
      // The frame that shows the change: what the user sees.
      requestAnimationFrame(() => marks.accuracy.push({ text, at: performance.now() }));
    }).observe(accuracy, { childList: true, characterData: true, subtree: true });
    return true;
  };
  const poll = () => { if (!watch()) setTimeout(poll, 5); };
  document.addEventListener("DOMContentLoaded", poll);
};


async function benchRun(run) {
  const detail = await (await fetch(`${BASE_URL}/api/runs/${run}`)).json();
  if (!detail.epochs) throw new Error(`${run}: ${JSON.stringify(detail)}`);
  const split = process.env.CVC_BENCH_SPLIT ?? (detail.splits.includes("train") ? "train" : detail.splits[0]);
  const last = detail.epochs.at(-1);
  const results = { run, split, samples: last.splits[split].samples, classes: detail.classes.length, epochs: detail.epochs.length };
  const query = `?run=${encodeURIComponent(run)}&split=${encodeURIComponent(split)}`;

  // 1. First view: fresh pages (a new browser context: nothing cached), median.
  const views = [];
  let page = null;
  for (let k = 0; k < opens; k++) {
    if (page) await page.context().close();
    page = await openFresh(query);
    views.push(await firstView(page));
  }
  const best = views[views.indexOf(views.find((v) => v.firstViewMs === median(views.map((x) => x.firstViewMs))))];
  results.firstView = {
    medianMs: round(median(views.map((v) => v.firstViewMs))), runsMs: views.map((v) => round(v.firstViewMs)),
    samplesCardMs: round(median(views.map((v) => v.samplesCardMs))), tilesReadyMs: best.tilesReadyMs, slowestRequests: best.slowest,
  };

  // 2. Epoch steps with the keyboard on the slider, each after the network went idle (the neighbours prefetched).
  const steps = [];
  const keys = detail.epochs.length > 1 ? ["ArrowLeft", "ArrowLeft", "ArrowRight", "ArrowRight", "ArrowLeft"].slice(0, Math.max(2, 2 * (detail.epochs.length - 1))) : [];
  for (const key of keys) {
    await idle(page);
    const before = await page.evaluate(() => ({ n: window.__bench.accuracy.length, requests: performance.getEntriesByType("resource").length }));
    steps.push(await epochStep(page, key, before));
  }
  results.epochStep = steps.length ? { medianMs: round(median(steps.map((s) => s.ms))), stepsMs: steps.map((s) => round(s.ms)), requests: steps.map((s) => s.requests) } : null;

  // 3. Brushing.
  await idle(page);
  results.columnBrush = await columnBrush(page);
  results.parallelBrush = await parallelBrush(page);
  const errors = page.__errors;
  results.consoleErrors = errors;
  await page.context().close();
  return results;
}

async function openFresh(query) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  page.__errors = [];
  page.on("console", (m) => { if (m.type() === "error") page.__errors.push(m.text()); });
  page.on("pageerror", (e) => page.__errors.push(String(e)));
  page.__inflight = 0;
  page.__lastChange = Date.now();
  const change = (d) => { page.__inflight += d; page.__lastChange = Date.now(); };
  // Every request Playwright sees, the Web Workers' too (the page's own resource timing lists only the page's: the
  // large answers are read in a worker), with when it ended on the wall clock; sizes come from the page's list.
  page.__finished = [];
  const finished = async (req) => {
    const t = req.timing();
    const sizes = await req.sizes().catch(() => null);
    if (t.responseEnd >= 0) page.__finished.push({ url: req.url(), startWall: t.startTime, ms: t.responseEnd, kB: sizes ? Math.round(sizes.responseBodySize / 1024) : null });
  };
  page.on("request", () => change(1));
  page.on("requestfinished", (req) => { change(-1); void finished(req); });
  page.on("requestfailed", () => change(-1));
  await page.goto(`${BASE_URL}/${query}`);
  await page.waitForFunction(() => window.__cvc?.ready === true, undefined, { timeout: 180_000 });
  return page;
}

/** Resolves once no request has been in flight for `quietMs`. */
async function idle(page, quietMs = 1000) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (page.__inflight <= 0 && Date.now() - page.__lastChange >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the network never went idle");
}

async function firstView(page) {
  await idle(page);
  await page.waitForFunction(() => window.__bench.samplesAt !== null, undefined, { timeout: 60_000 });
  const seen = await page.evaluate(() => {
    const requests = performance.getEntriesByType("resource");
    const tilesReadyMs = {};
    for (const el of document.querySelectorAll("section.tile")) if (el.dataset.readyAt) tilesReadyMs[el.id.replace(/^tile-/, "")] = Math.round(Number(el.dataset.readyAt));
    return { timeOrigin: performance.timeOrigin, pageIdleAt: Math.max(0, ...requests.map((r) => r.responseEnd)), samplesAt: window.__bench.samplesAt, tilesReadyMs };
  });
  // Every request's end on the page's clock: those of the page's own list, and those Playwright saw (workers' included).
  const requests = page.__finished.map((r) => ({ url: r.url.replace(BASE_URL, "").replace(/^\/\//, "/"), ms: Math.round(r.ms), kB: r.kB, endAt: r.startWall + r.ms - seen.timeOrigin }));
  const networkIdleAt = Math.max(seen.pageIdleAt, ...requests.map((r) => r.endAt));
  const slowest = [...requests].sort((a, b) => b.ms - a.ms).slice(0, 5).map(({ url, ms, kB }) => ({ url, ms, kB }));
  return { firstViewMs: Math.max(seen.samplesAt, networkIdleAt), samplesCardMs: seen.samplesAt, tilesReadyMs: seen.tilesReadyMs, slowest };
}

async function epochStep(page, key, before) {
  await page.focus("#slicer-epoch");
  // The keydown's time is taken in the page, in the capture phase, before the slider moves.
  await page.evaluate(() => {
    window.__benchStart = null;
    document.querySelector("#slicer-epoch").addEventListener("keydown", () => (window.__benchStart = performance.now()), { once: true, capture: true });
  });
  await page.keyboard.press(key);
  await page.waitForFunction((n) => window.__bench.accuracy.length > n, before.n, { timeout: 60_000 });
  await page.waitForTimeout(300);
  return page.evaluate((b) => ({
    ms: window.__bench.accuracy[b.n].at - window.__benchStart,
    requests: performance.getEntriesByType("resource").slice(b.requests)
      .filter((r) => r.startTime < window.__bench.accuracy[b.n].at).map((r) => r.name.replace(location.origin, "")),
  }), before);
}

// Drives d3-brush with real mouse events, one move per frame, as a hand does.
function brushFps(page, overlaySelector, x, yStart, yStep, frames) {
  return page.evaluate(async ({ overlaySelector, x, yStart, yStep, frames }) => {
    const overlay = document.querySelector(overlaySelector);
    overlay.scrollIntoView({ block: "center" });
    await new Promise(requestAnimationFrame);
    const tileRoot = overlay.closest("section.tile");
    const paintsBefore = Number(tileRoot.dataset.paints ?? 0);
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
    const paints = Number(tileRoot.dataset.paints ?? 0) - paintsBefore;
    window.dispatchEvent(new MouseEvent("mouseup", at(yStart + frames * yStep)));
    work.sort((a, b) => a - b);
    return { fps: (frames / elapsed) * 1000, paintFps: tileRoot.dataset.paints === undefined ? null : (paints / elapsed) * 1000, medianWorkMs: work[Math.floor(work.length / 2)], p95WorkMs: work[Math.floor(work.length * 0.95)] };
  }, { overlaySelector, x, yStart, yStep, frames });
}

const rounded = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? round(v) : v]));

async function columnBrush(page) {
  const biggest = await page.evaluate(() => {
    const cols = JSON.parse(document.querySelector("#tile-classification").dataset.columns);
    const k = cols.reduce((best, c, i) => (c.count > cols[best].count ? i : best), 0);
    const head = document.querySelector(`#tile-classification g.column-head[data-class="${CSS.escape(cols[k].name)}"]`);
    const overlay = document.querySelector("#tile-classification .boxes-overlay").getBoundingClientRect();
    return head ? { x: head.getBoundingClientRect().left - overlay.left + 3, count: cols[k].count } : { x: 10, count: cols[0].count };
  });
  return { column: biggest.count, ...rounded(await brushFps(page, "#tile-classification .boxes-overlay .overlay", biggest.x, 2, 6, 60)) };
}

async function parallelBrush(page) {
  const lines = await page.evaluate(async (n) => {
    const d = window.__cvc.dashboard;
    const total = d.model().data.ids.length;
    const step = Math.max(1, Math.floor(total / n));
    const picked = [];
    for (let i = 0; i < total && picked.length < n; i += step) picked.push(i);
    d.actions.pick(picked, "replace");
    for (let k = 0; k < 1200; k++) {
      const shown = Number(document.querySelector("#tile-parallel").dataset.lines ?? 0);
      if (shown >= picked.length) return shown;
      await new Promise((r) => setTimeout(r, 100));
    }
    return Number(document.querySelector("#tile-parallel").dataset.lines ?? 0);
  }, pcLines);
  const axisX = await page.evaluate(() => document.querySelector("#tile-parallel g.pc-axis .brush .overlay").getBoundingClientRect().width / 2);
  return { lines, ...rounded(await brushFps(page, "#tile-parallel g.pc-axis .brush .overlay", axisX, 2, 3, 60)) };
}

// Last: the helpers above are initialized by now.
const browser = await launch();
const all = [];
for (const run of runs) {
  all.push(await benchRun(run));
  console.error(JSON.stringify(all.at(-1)));
}
await browser.close();
console.log(JSON.stringify(all, null, 2));
