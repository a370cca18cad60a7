/**
 * CSV text (RFC 4180) from a header and rows: what each tile's "export data"
 * writes. Cells that hold a comma, semicolon, quote or line break are quoted; a
 * cell that starts like a formula is prefixed with a quote so a spreadsheet
 * shows it as text. In locales whose separator is ";" a spreadsheet also splits
 * at every ";" (mid-line it ignores our quotes), so what follows a ";" starts a
 * cell too and gets the same quote.
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
  if (typeof value === "string") text = neutralise(text);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A quote before anything a spreadsheet would run as a formula: at the start, and after each ";". */
function neutralise(text: string): string {
  const safe = text.replace(/;(?=[=+\-@\t\r])/g, ";'");
  return /^[=+\-@\t\r]/.test(safe) ? `'${safe}` : safe;
}
