// How every test and bench launches the browser: Debian's Chromium (never a
// downloaded one), headless, sandbox-free (root in CI), no side traffic.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CVC_CHROMIUM ?? "/usr/bin/chromium";
export const BASE_URL = (process.env.CVC_BASE_URL ?? "http://127.0.0.1:7071").replace(/\/+$/, "");

/** @returns {Promise<import("playwright-core").Browser>} */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
