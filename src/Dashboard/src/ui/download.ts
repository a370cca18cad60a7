/**
 * Tile exports. CSV is text; the PNG is the tile as it looks, drawn through an
 * SVG foreignObject (the page's own CSS inlined, canvases turned into images),
 * so HTML tiles such as the detail view export as well as the canvas ones.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url; a.download = name;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(name: string, text: string, type = "text/csv;charset=utf-8"): void {
  downloadBlob(name, new Blob([text], { type }));
}

function pageCss(): string {
  let css = "";
  for (const sheet of Array.from(document.styleSheets)) {
    try { for (const rule of Array.from(sheet.cssRules)) css += rule.cssText + "\n"; } catch { /* cross-origin sheet: skip */ }
  }
  return css;
}

/**
 * Canvases painted by a worker (transferControlToOffscreen): their pixels live
 * in the worker, which gives them as a PNG on request.
 */
export const offscreenSnapshots = new WeakMap<HTMLCanvasElement, () => Promise<Blob>>();

const blobToDataUrl = (b: Blob) => new Promise<string>((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result));
  reader.onerror = () => reject(reader.error ?? new Error("PNG export failed"));
  reader.readAsDataURL(b);
});

export async function elementToPng(el: HTMLElement): Promise<Blob> {
  const { width, height } = el.getBoundingClientRect();
  const sources = Array.from(el.querySelectorAll("canvas"));
  const images = await Promise.all(sources.map((c) => { const worker = offscreenSnapshots.get(c); return worker ? worker().then(blobToDataUrl) : c.toDataURL("image/png"); }));
  const clone = el.cloneNode(true) as HTMLElement;
  // Canvas pixels are not cloned: swap each canvas for an image of it.
  clone.querySelectorAll("canvas").forEach((c, i) => {
    const img = document.createElement("img");
    img.src = images[i];
    img.style.cssText = sources[i].style.cssText + ";display:block";
    c.replaceWith(img);
  });
  clone.querySelectorAll(".tile-tools").forEach((t) => t.remove());
  // Scrolled content exports from its scroll position.
  const scrollers = el.querySelectorAll<HTMLElement>(".scroll-x");
  clone.querySelectorAll<HTMLElement>(".scroll-x").forEach((s, i) => { s.style.overflow = "hidden"; s.firstElementChild && ((s.firstElementChild as HTMLElement).style.marginLeft = `${-scrollers[i].scrollLeft}px`); });
  clone.style.width = `${width}px`; clone.style.height = `${height}px`; clone.style.margin = "0";
  const root = document.documentElement;
  const xhtml = new XMLSerializer().serializeToString(clone);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><foreignObject width="100%" height="100%"><div xmlns="http://www.w3.org/1999/xhtml" class="${root.className}" style="background:${getComputedStyle(document.body).backgroundColor}"><style>${pageCss().replace(/:root/g, ".export-root, :root")}</style><div class="export-root ${root.className}">${xhtml}</div></div></foreignObject></svg>`;
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await img.decode();
  const dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * dpr); canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext("2d")!;
  ctx.scale(dpr, dpr);
  ctx.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"));
}
