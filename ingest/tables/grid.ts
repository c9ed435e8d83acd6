/**
 * The table model every reader shares: a table as its source gives it (rows of cells with colspan / rowspan, a
 * caption, the heading above it, footnotes, a PDF page) → a rectangular grid with spans resolved (a merged cell's
 * text is repeated in every position it covers, so a merged "Đơn vị" cell labels each row it spans). Pure.
 *
 * Limits (bounded work on hostile input): at most {@link TABLE_LIMITS}.maxRows rows and maxColumns columns are kept
 * (the rest is cut and the grid says so), spans are clipped to those bounds, and cell text to maxCellChars.
 *
 * Public surface: {@link RawCell}, {@link RawTable}, {@link Grid}, {@link buildGrid}, {@link TABLE_LIMITS}.
 */

/** One cell as the source gives it. */
export interface RawCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  /** A header cell (`<th>`, or bold / shaded in a document). */
  header?: boolean;
}

/** One table as found in a document, before spans are resolved. */
export interface RawTable {
  rows: RawCell[][];
  /** `<caption>`, or a "Bảng 2: …" line right above the table. */
  caption: string | null;
  /** The nearest heading or paragraph above the table (it often names the period: "… năm 2023"). */
  heading: string | null;
  /** Notes after the table ("Ghi chú: …", "(*) …"). */
  notes: string[];
  /** 1-based page for PDF tables, else null. */
  page: number | null;
  /** For a PDF table that runs over several pages: the page of each row. */
  rowPages?: Array<number | null>;
}

export interface Grid {
  /** 1-based position of the table in its document. */
  index: number;
  /** Rectangular cell texts, `cells[row][column]`, whitespace collapsed, NFC. */
  cells: string[][];
  /** Whether each position came from a header cell. */
  header: boolean[][];
  /** Whether each position is covered by a span that started in an earlier row or column. */
  spanned: boolean[][];
  caption: string | null;
  heading: string | null;
  notes: string[];
  page: number | null;
  /** Page of each row (PDF tables over several pages), when known. */
  rowPages: Array<number | null> | null;
  /** Set when the source had more rows or columns than the limits allow: what was cut. */
  truncated: string | null;
}

export const TABLE_LIMITS = { maxRows: 5000, maxColumns: 60, maxCellChars: 400 } as const;

function cleanText(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0\u200b]+/g, ' ').trim().slice(0, TABLE_LIMITS.maxCellChars);
}

function span(n: number | undefined, max: number): number {
  return Number.isInteger(n) && (n as number) > 1 ? Math.min(n as number, max) : 1;
}

/** Resolve spans into a rectangular grid. Time and memory are linear in the kept rows × columns. */
export function buildGrid(raw: RawTable, index: number): Grid {
  const { maxRows, maxColumns } = TABLE_LIMITS;
  const cut: string[] = [];
  const rows = raw.rows.length > maxRows ? raw.rows.slice(0, maxRows) : raw.rows;
  if (raw.rows.length > maxRows) cut.push(`${raw.rows.length - maxRows} row(s) past the limit of ${maxRows}`);
  const cells: string[][] = rows.map(() => []);
  const header: boolean[][] = rows.map(() => []);
  const spanned: boolean[][] = rows.map(() => []);
  let width = 0;
  let cutColumns = false;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < maxColumns && cells[r][c] !== undefined) c++;
      if (c >= maxColumns) {
        cutColumns = true;
        break;
      }
      const text = cleanText(cell.text ?? '');
      const cs = span(cell.colspan, maxColumns - c);
      const rs = span(cell.rowspan, rows.length - r);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (cells[rr][cc] !== undefined) continue; // overlapping spans: the first cell wins
          cells[rr][cc] = text;
          header[rr][cc] = cell.header === true;
          spanned[rr][cc] = dr > 0 || dc > 0;
        }
      }
      c += cs;
      width = Math.max(width, c);
    }
  });
  if (cutColumns) cut.push(`cells past the limit of ${maxColumns} columns`);
  for (let r = 0; r < cells.length; r++) {
    for (let c = 0; c < width; c++) {
      if (cells[r][c] === undefined) {
        cells[r][c] = '';
        header[r][c] = false;
        spanned[r][c] = false;
      }
    }
  }
  return {
    index,
    cells,
    header,
    spanned,
    caption: raw.caption ? cleanText(raw.caption) || null : null,
    heading: raw.heading ? cleanText(raw.heading) || null : null,
    notes: raw.notes.map(cleanText).filter(Boolean),
    page: raw.page,
    rowPages: raw.rowPages ? raw.rowPages.slice(0, rows.length) : null,
    truncated: cut.length ? cut.join('; ') : null,
  };
}
