/** A tiny element builder: the views build plain DOM, no framework. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (name === "class") el.className = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A canvas sized in CSS pixels, backed at the device pixel ratio; returns its 2D context. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr)), hgt = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== hgt) { canvas.width = w; canvas.height = hgt; }
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/**
 * A theme color from the CSS variables, so both themes paint right. Cached per
 * theme: getComputedStyle forces a style pass, too slow for every brush move.
 */
const cssCache = new Map<string, string>();
export function cssVar(name: string): string {
  const key = `${document.documentElement.className}|${name}`;
  let value = cssCache.get(key);
  if (value === undefined) {
    value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    cssCache.set(key, value);
  }
  return value;
}

/**
 * The element's content-box size, kept current by a ResizeObserver, so that
 * drawing never reads clientWidth (which forces a layout of the whole page
 * after other tiles have changed the DOM). `onResize` runs after each change.
 */
export function watchSize(el: HTMLElement, onResize: () => void): { readonly width: number; readonly height: number } {
  const size = { width: 0, height: 0 };
  new ResizeObserver(([entry]) => {
    size.width = entry.contentRect.width;
    size.height = entry.contentRect.height;
    onResize();
  }).observe(el);
  return size;
}
