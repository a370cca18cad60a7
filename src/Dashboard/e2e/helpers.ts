import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { BASE_URL } from "./browser";

export const RUN = process.env.CVC_RUN ?? "fortunes-han";
export const SCREENSHOTS = join(process.cwd(), "test-output", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${path}`, init);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

export interface ClassCount { index: number; name: string; predicted: number; correct: number }
export const classCounts = (epoch: number, split = "validation") =>
  api<{ classes: ClassCount[] }>(`/runs/${RUN}/epochs/${epoch}/classes?split=${split}`).then((r) => r.classes);

export async function shot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export const tile = (page: Page, id: string) => page.locator(`#tile-${id}`);

export async function dataset(page: Page, id: string): Promise<Record<string, string>> {
  return tile(page, id).evaluate((el) => ({ ...(el as HTMLElement).dataset }) as Record<string, string>);
}

/** Where a class column's boxes start, in page coordinates. */
export async function columnBox(page: Page, className: string) {
  const head = await page.locator(`#tile-classification g.column-head[data-class="${className}"]`).boundingBox();
  const canvas = await page.locator("#tile-classification canvas.boxes").boundingBox();
  if (!head || !canvas) throw new Error(`no column ${className}`);
  return { x: head.x, width: head.width, top: canvas.y };
}

/** Drags the mouse in small steps, as a user brushing does. */
export async function drag(page: Page, from: [number, number], to: [number, number], steps = 12): Promise<void> {
  await page.mouse.move(...from);
  await page.mouse.down();
  await page.mouse.move(...to, { steps });
  await page.mouse.up();
}

export async function waitForData(page: Page, id: string, key: string, predicate: (v: string | undefined) => boolean, timeout = 10_000) {
  const start = Date.now();
  for (;;) {
    const v = (await dataset(page, id))[key];
    if (predicate(v)) return v;
    if (Date.now() - start > timeout) throw new Error(`#tile-${id} data-${key} stayed ${v}`);
    await page.waitForTimeout(50);
  }
}

/** The URL follows the state a moment later (it is written at most every 150 ms). */
export async function waitForUrl(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(location.href), pattern.source, { timeout: 5_000 });
}
