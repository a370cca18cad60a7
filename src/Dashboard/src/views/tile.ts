import { h } from "../ui/dom";
import { downloadText, downloadBlob, elementToPng } from "../ui/download";
import { toCsv, type Cell } from "../lib/csv";

/** A report tile: title, subtitle, tools, and the two exports every tile offers. */
export interface TileOptions {
  /** Stable id: the tile's DOM id, the export file names and the e2e tests use it. */
  id: string;
  title: string;
  /** Grid span class (span-12, span-6, ...). */
  span: string;
  /** Rows of the tile's data for "export data (CSV)"; null when there is nothing to export. */
  csv: () => { header: string[]; rows: Iterable<Cell[]> } | null;
  /** Extra buttons before the exports (toggles). */
  tools?: HTMLElement[];
}

export interface Tile {
  root: HTMLElement;
  body: HTMLElement;
  setSubtitle(text: string): void;
  /** A centred message over the body (loading, empty, error); null clears it. */
  setMessage(text: string | null): void;
}

export function tile(o: TileOptions): Tile {
  const subtitle = h("div", { class: "tile-subtitle" });
  const message = h("div", { class: "tile-message", role: "status" });
  message.hidden = true;
  const body = h("div", { class: "tile-body" });
  const csvButton = h("button", { type: "button", title: "Export data (CSV)", "data-export": "csv" }, "⇩ CSV");
  const pngButton = h("button", { type: "button", title: "Export image (PNG)", "data-export": "png" }, "⇩ PNG");
  const root = h("section", { class: `tile ${o.span}`, id: `tile-${o.id}`, "aria-label": o.title },
    h("header", { class: "tile-head" }, h("div", { class: "tile-title" }, o.title), subtitle,
      h("div", { class: "tile-tools" }, ...(o.tools ?? []), csvButton, pngButton)),
    body, message);
  csvButton.addEventListener("click", () => {
    const data = o.csv();
    if (data) downloadText(`${o.id}.csv`, toCsv(data.header, data.rows));
  });
  pngButton.addEventListener("click", async () => {
    downloadBlob(`${o.id}.png`, await elementToPng(root));
  });
  return {
    root, body,
    setSubtitle: (text) => { subtitle.textContent = text; subtitle.title = text; },
    setMessage: (text) => { message.hidden = text === null; message.textContent = text ?? ""; },
  };
}

/** A toggle button for tile tools. */
export function toggleButton(label: string, title: string, onChange: (on: boolean) => void, initial = false): HTMLButtonElement {
  const b = h("button", { type: "button", title, "aria-pressed": String(initial) }, label);
  b.addEventListener("click", () => {
    const on = b.getAttribute("aria-pressed") !== "true";
    b.setAttribute("aria-pressed", String(on));
    onChange(on);
  });
  return b;
}
