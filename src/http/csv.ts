/**
 * CSV writing (RFC 4180): comma-separated, CRLF line ends, fields with a quote, comma or line break quoted and
 * quotes doubled; files start with a UTF-8 byte order mark so spreadsheet programs read Vietnamese correctly.
 * Text cells that a spreadsheet would run as a formula are defused (see `csvText`).
 */

/** UTF-8 byte order mark: Excel decodes a CSV as UTF-8 only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
/** A cell starting with one of these runs as a formula in Excel/LibreOffice ("CSV injection"); evidence is web text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: formula-looking text gets a leading apostrophe, then RFC 4180 quoting. */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number (already formatted by the database) or boolean cell; written as is. */
export function csvValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** One record: cells joined with commas, ended with CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}
