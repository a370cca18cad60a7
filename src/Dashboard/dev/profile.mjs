// Where the time goes in one dashboard action, by function (CPU profile of the page).
//   CVC_BASE_URL=... node dev/profile.mjs "?run=generated-100000x70" epoch|pick
import { launch, BASE_URL } from "../e2e/chromium.mjs";

const [query = "", action = "epoch"] = process.argv.slice(2);
const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
const cdp = await page.context().newCDPSession(page);
async function startProfiler() {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
}
if (action === "load") await startProfiler();
await page.goto(`${BASE_URL}/${query}`);
await page.waitForFunction(() => window.__cvc?.ready === true, undefined, { timeout: 120_000 });
if (action !== "load") { await page.waitForTimeout(Number(process.env.CVC_PROFILE_WAIT_MS ?? 1500)); await startProfiler(); }
const ms = action === "load" ? await page.evaluate(() => window.__cvc.renderedAt) : await page.evaluate(async (action) => {
  const d = window.__cvc.dashboard, t = performance.now();
  if (action === "epoch") await d.setEpoch(d.model().epoch - 1);
  else { const a = []; for (let i = 0; i < 1500; i++) a.push(i * 3); for (let k = 0; k < 20; k++) { d.actions.pick(a.map((x) => x + k), "replace", true); await new Promise(requestAnimationFrame); } }
  return performance.now() - t;
}, action);
const { profile } = await cdp.send("Profiler.stop");
const self = new Map();
const dt = profile.timeDeltas.reduce((a, b) => a + b, 0) / profile.samples.length / 1000;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const id of profile.samples) {
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt);
}
console.log(`${action}: ${ms.toFixed(1)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(7), k);
await browser.close();
