// Speed of the data map in headless Chromium against a host serving a large run with its dynamics.
//   CVC_BASE_URL=<the DevHost of scripts/e2e-host.sh with CVC_GENERATED=100000x70x10> node dev/bench-datamap.mjs
// Reports: dots painted, time to paint them, and brushing (one mouse move per
// frame): the whole dashboard update per move and the data map's share of it.
import { launch, BASE_URL } from "../e2e/chromium.mjs";

const run = process.env.CVC_BENCH_RUN ?? "generated-100000x70";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
await page.goto(`${BASE_URL}/?run=${encodeURIComponent(run)}`);
await page.waitForFunction(() => window.__cvc?.ready === true, undefined, { timeout: 120_000 });
await page.waitForFunction(() => Number(document.querySelector("#tile-datamap")?.dataset.dots) > 0, undefined, { timeout: 120_000 });
const tile = page.locator("#tile-datamap");
await tile.scrollIntoViewIfNeeded();
const data = () => tile.evaluate((el) => ({ ...el.dataset }));
const first = await data();
const results = { run, dots: Number(first.dots), paintMs: Number(first.paintMs) };

const g = JSON.parse(first.geometry);
const box = await page.locator("#tile-datamap canvas.dots").boundingBox();
const moves = [], shares = [];
await page.mouse.move(box.x + g.left + 5, box.y + g.top + 5);
await page.mouse.down();
for (let k = 1; k <= 40; k++) {
  await page.mouse.move(box.x + g.left + 5 + k * (g.right - g.left - 10) / 40, box.y + g.top + 5 + k * (g.bottom - g.top - 10) / 40);
  // One move per frame, as a user's; the timings are those of the update the move caused.
  const t = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__cvc.dashboard.timings))));
  moves.push(Object.values(t).reduce((a, b) => a + b, 0));
  shares.push(t.datamap);
}
await page.mouse.up();
results.brushUpdateMedianMs = round(median(moves));
results.brushUpdateMaxMs = round(Math.max(...moves));
results.brushDataMapMedianMs = round(median(shares));
results.selectedAtEnd = Number((await data()).selected);
await browser.close();
if (errors.length) throw new Error(errors.join("\n"));
console.log(JSON.stringify(results, null, 2));
