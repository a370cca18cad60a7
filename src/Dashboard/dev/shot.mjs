// Quick look during development: node dev/shot.mjs [query] [out.png] [light|dark] [css selector]
import { chromium } from "playwright-core";
const base = process.env.CVC_BASE_URL ?? "http://127.0.0.1:7071";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: 1500, height: 1300 }, colorScheme: process.argv[4] ?? "light" })).newPage();
page.on("console", (m) => m.type() === "error" && console.log("console error:", m.text()));
page.on("pageerror", (e) => console.log("page error:", e));
const t0 = Date.now();
await page.goto(`${base}/${process.argv[2] ?? ""}`);
await page.waitForFunction(() => window.__cvc?.ready === true, undefined, { timeout: 60000 });
console.log("ready in", Date.now() - t0, "ms");
await page.waitForTimeout(600);
const target = process.argv[5] ? page.locator(process.argv[5]) : page;
await target.screenshot({ path: process.argv[3] ?? "/tmp/shot.png", ...(process.argv[5] ? {} : { fullPage: true }) });
await browser.close();
