/**
 * Render sample report tables (./data.ts) in the formats portals publish: an HTML fragment, flattened text (one
 * cell per line), DOCX (written with jszip, which mammoth itself uses), XLSX (exceljs) and PDF (./pdf-writer.ts).
 * Used by the demo mirror's attachments, the tests and the benchmark; every document says it is sample data.
 */
import type ExcelJSType from 'exceljs';
import type JSZipType from 'jszip';
import { parseViNumber } from '../../ingest/extract/vi-number';
import type { RawCell } from '../../ingest/tables/grid';
import type { ReportTable } from './data';
import { writePdf, type PdfPage, type PdfText } from './pdf-writer';

export const SAMPLE_MARK = 'DỮ LIỆU MẪU — sample data written for the cchc-atlas demo';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An HTML fragment: a caption paragraph, the table (th for headers, spans kept), the notes. */
export function tableToHtml(t: ReportTable): string {
  const rows = t.rows.map((row) => `<tr>${row.map((c) => {
    const tag = c.header ? 'th' : 'td';
    const span = `${(c.colspan ?? 1) > 1 ? ` colspan="${c.colspan}"` : ''}${(c.rowspan ?? 1) > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
    return `<${tag}${span}>${esc(c.text)}</${tag}>`;
  }).join('')}</tr>`).join('\n');
  return `<p><strong>${esc(t.caption)}</strong></p>\n<table border="1">\n${rows}\n</table>\n${t.notes.map((n) => `<p><em>${esc(n)}</em></p>`).join('\n')}`;
}

/** Resolved positions of a table: each source cell with its row and column (spans expanded). */
function layout(t: ReportTable): { width: number; placed: Array<{ cell: RawCell; row: number; col: number }> } {
  const taken = new Set<string>();
  const placed: Array<{ cell: RawCell; row: number; col: number }> = [];
  let width = 0;
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r}:${c}`)) c++;
      placed.push({ cell, row: r, col: c });
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) taken.add(`${r + dr}:${c + dc}`);
      c += cell.colspan ?? 1;
      width = Math.max(width, c);
    }
  });
  return { width, placed };
}

/** Text as some CMSs and search snippets give a table: the caption, then one cell per line (spans not repeated). */
export function tableToFlatText(t: ReportTable): string {
  const { width, placed } = layout(t);
  const headerRows = t.rows.findIndex((r) => !r.every((c) => c.header));
  // A flattened header keeps one line per column: the lowest header cell of each column.
  const header: string[] = [];
  for (let c = 0; c < width; c++) {
    const cells = placed.filter((p) => p.row < headerRows && p.col <= c && c < p.col + (p.cell.colspan ?? 1) && (p.cell.colspan ?? 1) === 1);
    header.push(cells.length ? cells[cells.length - 1].cell.text : '');
  }
  const lines = [t.caption, '', ...header];
  for (const row of t.rows.slice(headerRows)) lines.push(...row.map((c) => c.text));
  return [...lines, '', ...t.notes].join('\n');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A DOCX with a title paragraph, then each table's caption, table and notes. */
export async function tablesToDocx(title: string, tables: ReportTable[]): Promise<Buffer> {
  const para = (text: string, bold = false) =>
    `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
  const body: string[] = [para(title, true), para(SAMPLE_MARK)];
  for (const t of tables) {
    const { width, placed } = layout(t);
    body.push(para(t.caption, true));
    const rows: string[] = [];
    for (let r = 0; r < t.rows.length; r++) {
      const cells: string[] = [];
      for (let c = 0; c < width;) {
        const own = placed.find((p) => p.row === r && p.col === c);
        const above = own ? null : placed.find((p) => p.row < r && p.row + (p.cell.rowspan ?? 1) > r && p.col === c);
        const p = own ?? above;
        if (!p) { cells.push(`<w:tc>${para('')}</w:tc>`); c++; continue; }
        const span = p.cell.colspan ?? 1;
        const props = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${(p.cell.rowspan ?? 1) > 1 ? (own ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''}`;
        cells.push(`<w:tc><w:tcPr>${props}</w:tcPr>${own ? para(p.cell.text, p.cell.header) : para('')}</w:tc>`);
        c += span;
      }
      rows.push(`<w:tr>${cells.join('')}</w:tr>`);
    }
    body.push(`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1800"/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`);
    for (const n of t.notes) body.push(para(n));
  }
  // Loaded on use: the renderers import this file for HTML only, and exceljs / jszip take a while to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof JSZipType;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body.join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** An XLSX with one sheet per table: the caption merged over the first row, then the table with its merges. */
export async function tablesToXlsx(tables: ReportTable[]): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof ExcelJSType;
  const wb = new ExcelJS.Workbook();
  wb.creator = SAMPLE_MARK;
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(`Bang ${i + 1}`);
    const { width, placed } = layout(t);
    ws.getCell(1, 1).value = t.caption;
    ws.mergeCells(1, 1, 1, width);
    for (const p of placed) {
      const n = p.cell.header ? null : parseViNumber(p.cell.text);
      ws.getCell(p.row + 2, p.col + 1).value = n ?? p.cell.text;
      if ((p.cell.colspan ?? 1) > 1 || (p.cell.rowspan ?? 1) > 1) {
        ws.mergeCells(p.row + 2, p.col + 1, p.row + 1 + (p.cell.rowspan ?? 1), p.col + (p.cell.colspan ?? 1));
      }
    }
    t.notes.forEach((n, k) => { ws.getCell(t.rows.length + 3 + k, 1).value = n; });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A PDF of text placed like a printed report: a title, then per table the caption and one line per row with each
 * cell at its column's x position (spanning header cells are printed once, at their first column). Tables break
 * across pages; `repeat` prints the data rows that many times (for the 50-page benchmark report).
 */
export function tablesToPdf(title: string, tables: ReportTable[], repeat = 1): Buffer {
  const pages: PdfPage[] = [];
  let items: PdfText[] = [];
  let y = 800;
  const newPage = () => { pages.push({ texts: items }); items = []; y = 800; };
  const line = (texts: Array<{ x: number; text: string }>, size = 9) => {
    if (y < 60) newPage();
    for (const t of texts) if (t.text) items.push({ x: t.x, y, text: t.text, size });
    y -= size + 6;
  };
  line([{ x: 50, text: title }], 12);
  line([{ x: 50, text: SAMPLE_MARK }], 8);
  for (const t of tables) {
    const { width, placed } = layout(t);
    // Each column as wide as its longest cell (uniform advance: half the font size per letter) plus a gutter.
    const widths = Array.from({ length: width }, (_, c) => Math.max(...placed.filter((p) => p.col === c && (p.cell.colspan ?? 1) === 1).map((p) => p.cell.text.length), 3) * 4.5 + 14);
    const colX = (c: number) => 40 + Math.round(widths.slice(0, c).reduce((a, b) => a + b, 0));
    y -= 8;
    line([{ x: 50, text: t.caption }], 10);
    const headerRows = t.rows.findIndex((r) => !r.every((c) => c.header));
    for (let rep = 0; rep < repeat; rep++) {
      for (let r = rep === 0 ? 0 : headerRows; r < t.rows.length; r++) {
        line(placed.filter((p) => p.row === r).map((p) => ({ x: colX(p.col), text: p.cell.text })));
      }
    }
    for (const n of t.notes) line([{ x: 50, text: n }], 8);
  }
  newPage();
  return writePdf(pages);
}
