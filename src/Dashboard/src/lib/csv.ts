/**
 * CSV text (RFC 4180) from a header and rows: what each tile's "export data"
 * writes. Cells that hold a comma, quote or line break are quoted; a cell that
 * starts like a formula is prefixed with a quote so a spreadsheet shows it as text.
 */
export type Cell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(cell).join(",")];
  for (const row of rows) lines.push(row.map(cell).join(","));
  return lines.join("\r\n") + "\r\n";
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
