/**
 * The extract CLI for documents with tables: `.html` (article page: prose + its `<table>`s), `.pdf`, `.docx`,
 * `.xlsx` (and `.doc` / `.xls`, which are refused with a reason), and `.txt` holding a flattened table. Prose and
 * tables go through the same engine as ingestion; with `--unit` the publisher and the row subjects are resolved in
 * the gazetteer packages (no database), so "UBND Phường 4" in a Quận 3 report is Phường 4 of Quận 3.
 *
 * Output: one JSON object `{"figures":[…],"document":{format,tables,pages,truncated}}` with `--json`, else a table.
 * Public surface: {@link isDocumentFile}, {@link extractDocumentFile}.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { foldVietnamese } from '../../src/text/vi-fold';
import { attachmentFormat, readAttachment, AttachmentError } from '../attachments';
import { packageContextForUnit, withOfficialCodes } from '../gazetteer-packages';
import type { ExtractedFigure, ExtractionContext, ResolvedUnit, SubjectResolver } from '../types';
import { tablesFromText } from './flat';
import { figuresFromDocument, type DocumentInput } from './index';

export interface DocumentCliArgs {
  file: string;
  published: string | null;
  unit: string | null;
  json: boolean;
}

/** Whether the CLI should read `file` here: a report format, an HTML page, or a text holding a flattened table. */
export function isDocumentFile(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (['.html', '.htm', '.pdf', '.docx', '.xlsx', '.doc', '.xls'].includes(ext)) return true;
  if (ext !== '.txt') return false;
  try {
    return tablesFromText(readFileSync(file, 'utf8')).length > 0;
  } catch {
    return false;
  }
}

function formatTable(figures: ExtractedFigure[]): string {
  const rows = figures.map((f) => [
    f.metric, String(f.value), f.unit, f.kind, f.period.label || String(f.period.year ?? ''),
    f.subject.unitId ? f.subject.name : `${f.subject.name} (?)`,
    f.cell ? `Bảng ${f.cell.tableIndex}${f.cell.page ? ` tr.${f.cell.page}` : ''}, dòng ${f.cell.rowLabel}, cột ${f.cell.columnHeader}` : 'prose',
    f.checkReason ? `! ${f.checkReason}` : '',
  ]);
  const header = ['metric', 'value', 'unit', 'kind', 'period', 'subject', 'source', 'check'];
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), `${figures.length} figure(s)`].join('\n');
}

/** Run the CLI on one document; resolves with the exit code. */
export async function extractDocumentFile(args: DocumentCliArgs): Promise<number> {
  const file = args.file;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    process.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  let publishedAt = args.published ? new Date(args.published) : null;
  if (publishedAt && Number.isNaN(publishedAt.getTime())) {
    process.stderr.write(`--published ${args.published} is not a date (use YYYY-MM-DD)\n`);
    return 2;
  }
  const ext = extname(file).toLowerCase();
  let input: DocumentInput;
  let title: string | null = null;
  const meta: { format: string; tables: number; pages: number | null; truncated: string | null } = { format: ext.slice(1), tables: 0, pages: null, truncated: null };
  try {
    if (ext === '.html' || ext === '.htm') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const portals = require('../portals') as typeof import('../portals');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { articleTables } = require('../portals/tables') as typeof import('../portals/tables');
      const html = bytes.toString('utf8');
      const url = pathToFileURL(file).href;
      const article = portals.parseArticlePage(html, url);
      const tables = articleTables(html, url);
      input = { text: article.text, tables: tables.length ? tables : undefined };
      title = article.title;
      publishedAt = publishedAt ?? article.publishedAt;
    } else if (ext === '.txt') {
      input = { text: bytes.toString('utf8') };
    } else {
      const content = await readAttachment(bytes, attachmentFormat(file)!);
      input = { text: content.text, tables: content.tables };
      meta.pages = content.pages;
      meta.truncated = content.truncated;
    }
  } catch (err) {
    const reason = err instanceof AttachmentError ? err.message : `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${reason}\n`);
    return 1;
  }
  const gazetteer = args.unit ? packageContextForUnit(args.unit) : null;
  if (args.unit && !gazetteer) process.stderr.write(`--unit ${args.unit}: not found in the gazetteer; row subjects stay unresolved\n`);
  const publisher = gazetteer?.publisher ?? (args.unit ? { id: `cli:${args.unit}`, name: args.unit.normalize('NFC'), level: 'unknown' } : null);
  const ctx: ExtractionContext = { publishedAt, publisher, title, resolver: gazetteer?.resolver };
  const result = figuresFromDocument(input, ctx);
  withOfficialCodes(result.figures);
  meta.tables = result.tableCount;
  process.stdout.write(args.json ? `${JSON.stringify({ figures: result.figures, document: meta })}\n` : `${formatTable(result.figures)}\n`);
  return 0;
}
