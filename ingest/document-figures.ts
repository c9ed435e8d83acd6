/**
 * One document → figures, the same way for ingestion and re-extraction: an article page (its prose, and its
 * `<table>`s or, when it has none, the tables flattened in its text) or an attached report (PDF, DOCX, XLSX: prose
 * and tables). Row subjects the gazetteer does not know are settled (local units or flagged) before storing.
 * Public surface: `pageFigures`, `attachmentFigures`, `tablesAsText`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { readAttachment, type AttachmentContent, type AttachmentFormat } from './attachments';
import { articleTables } from './portals/tables';
import type { RawTable } from './tables/grid';
import { figuresFromDocument } from './tables';
import { settleTableSubjects } from './table-subjects';
import type { ExtractedFigure, ExtractionContext } from './types';

/** Plain rendering of tables (one row per line, cells joined by " | "), appended to an attachment's stored text. */
export function tablesAsText(tables: readonly RawTable[]): string {
  return tables.map((t, i) => [`Bảng ${i + 1}${t.caption ? `: ${t.caption}` : ''}`, ...t.rows.map((r) => r.map((c) => c.text.replace(/\s+/g, ' ').trim()).join(' | '))].join('\n')).join('\n\n');
}

/** Figures of an article page: prose, plus its HTML tables (or its flattened ones). */
export async function pageFigures(
  em: EntityManager, publisherUnitId: number, page: { html: string; url: string; family: string | null } | { tables: RawTable[] }, text: string,
  ctx: ExtractionContext,
): Promise<{ figures: ExtractedFigure[]; tables: number }> {
  const tables = 'tables' in page ? page.tables : articleTables(page.html, page.url, page.family);
  const result = figuresFromDocument({ text, tables: tables.length ? tables : undefined }, ctx);
  await settleTableSubjects(em, publisherUnitId, result.figures);
  return { figures: result.figures, tables: result.tableCount };
}

/** Figures of an attached report, and the text to store for it (its prose, then its tables as text). */
export async function attachmentFigures(
  em: EntityManager, publisherUnitId: number, bytes: Buffer, format: AttachmentFormat, ctx: ExtractionContext,
): Promise<{ figures: ExtractedFigure[]; text: string; content: AttachmentContent }> {
  const content = await readAttachment(bytes, format);
  const result = figuresFromDocument({ text: content.text, tables: content.tables }, ctx);
  await settleTableSubjects(em, publisherUnitId, result.figures);
  const tablesText = tablesAsText(content.tables);
  return { figures: result.figures, text: [result.text, tablesText].filter(Boolean).join('\n\n'), content };
}
