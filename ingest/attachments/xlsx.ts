/**
 * XLSX → one table per worksheet (merged ranges as colspan / rowspan, formulas by their cached results), read with
 * exceljs. Numbers are written back in Vietnamese notation ("92,35") so the table reader parses them as it parses
 * a page. Public surface: {@link readXlsx}.
 */
import type ExcelJSType from 'exceljs';
import type { RawCell, RawTable } from '../tables/grid';
import { TABLE_LIMITS } from '../tables/grid';
import { ATTACHMENT_LIMITS, AttachmentError } from './limits';
import type { AttachmentContent } from './index';

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(range);
  if (!m) return null;
  return { top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) };
}

function viNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12))).replace('.', ',');
}

/** A cell's value as text: numbers in Vietnamese notation, rich text joined, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return viNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

export async function readXlsx(bytes: Buffer): Promise<AttachmentContent> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof ExcelJSType;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new AttachmentError('broken', `not a readable XLSX (${err instanceof Error ? err.message.slice(0, 120) : String(err)})`);
  }
  const tables: RawTable[] = [];
  let truncated: string | null = null;
  for (const ws of wb.worksheets.slice(0, ATTACHMENT_LIMITS.maxTables)) {
    const rowCount = Math.min(ws.rowCount, TABLE_LIMITS.maxRows + 10);
    const colCount = Math.min(ws.columnCount, TABLE_LIMITS.maxColumns);
    if (ws.rowCount > rowCount) truncated = `sheet "${ws.name}": ${ws.rowCount - rowCount} row(s) past the limit`;
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRange).filter((r) => r !== null);
    const covered = new Set<string>();
    const spanAt = new Map<string, { colspan: number; rowspan: number }>();
    for (const m of merges) {
      spanAt.set(`${m.top}:${m.left}`, { colspan: m.right - m.left + 1, rowspan: m.bottom - m.top + 1 });
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
    const rows: RawCell[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const cells: RawCell[] = [];
      for (let c = 1; c <= colCount; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const span = spanAt.get(`${r}:${c}`);
        const cell = row.getCell(c);
        cells.push({ text: cellText(cell.value), colspan: span?.colspan, rowspan: span?.rowspan, header: cell.font?.bold === true });
      }
      if (cells.some((x) => x.text.trim() !== '')) rows.push(cells);
      else if (rows.length) rows.push(cells.map((x) => ({ ...x, text: '' })));
    }
    while (rows.length && rows[rows.length - 1].every((x) => x.text.trim() === '')) rows.pop();
    if (rows.length >= 2) tables.push({ rows, caption: null, heading: ws.name, notes: [], page: null });
  }
  return { format: 'xlsx', text: '', tables, pages: null, truncated };
}
