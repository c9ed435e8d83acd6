/**
 * Persistence of one article and its figures, in one transaction, idempotently:
 * - storing the same page twice is a no-op (figures are unique per document and fingerprint);
 * - a page whose text changed keeps its reviewed figures, drops automatic figures the new text no longer states,
 *   and adds the new ones;
 * - one article seen under a second URL of the same source (same text) is the same document.
 * Public surface: `persistDocument`, `figureFingerprint`, `StoreInput`, `StoreOutcome`.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { settleAgencySubjects } from './agency-subjects';
import { servedByDefault } from './extract/serving';
import type { ExtractedFigure, ParsedArticle } from './types';

export interface StoreInput {
  sourceId: string;
  /** Unit every figure defaults to (the source's publisher). */
  publisherUnitId: number;
  article: ParsedArticle;
  /** The page as fetched (HTML), or the original bytes of an attached report. */
  rawHtml: string | Buffer;
  /** `rawHtml` already gzipped (by the parse worker); compressed here when absent. */
  rawHtmlGz?: Uint8Array;
  /** Media type of an attached report; absent for portal pages. */
  contentType?: string | null;
  /** For an attached report: the document id of the article that links it. */
  linkedFromId?: number | null;
  httpStatus: number;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  figures: ExtractedFigure[];
  extractorVersion: string;
}

export interface StoreOutcome {
  documentId: number;
  status: 'new' | 'changed' | 'unchanged' | 'duplicate';
  figuresAdded: number;
  /** Automatic figures replaced because the page (or the extractor) changed. */
  figuresUpdated: number;
}

/** sha256 of the cleaned text and title: what decides whether a page changed. */
export function contentHash(article: Pick<ParsedArticle, 'title' | 'text'>): string {
  return createHash('sha256').update(article.title).update('\u0000').update(article.text).digest('hex');
}

function decimal(n: number | null): string | null {
  return n === null ? null : String(Number(n.toPrecision(15)));
}

/** What a figure says, independent of row ids: equal fingerprints are the same figure. */
export function figureFingerprint(f: ExtractedFigure, subjectId: number): string {
  const key = [
    f.metric, subjectId, f.subject.scope, f.kind, f.comparator, f.approximate, f.change, f.baselineYear,
    f.period.year, f.period.fromMonth, f.period.toMonth, decimal(f.value), decimal(f.total), decimal(f.upperBound),
    f.unit, f.evidence.sentence.replace(/\s+/g, ' ').trim(),
    // A table cell is its own statement: the same number in two cells is two figures.
    ...(f.cell ? [f.cell.tableIndex, f.cell.row, f.cell.column, f.cell.page] : []),
  ];
  return createHash('sha256').update(JSON.stringify(key)).digest('hex');
}

/**
 * A statement with server-side parameters, in the transaction. MikroORM's `execute` inlines parameters into the SQL
 * text in JavaScript, which for a page's text and gzipped HTML (megabytes) blocks the event loop for 100+ ms; knex
 * with bindings sends them as protocol parameters instead.
 */
async function executeBound<T>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const query = tx.getKnex().raw(sql, params as never[]);
  const trx = tx.getTransactionContext();
  if (trx) query.transacting(trx);
  const res = (await query) as { rows: T[] };
  return res.rows;
}

interface DocRow { id: number; url: string; content_hash: string; extractor_version: string }

const INSERT_FIGURES = `
insert into figure (document_id, metric_code, subject_id, subject_scope, subject_label, value, total, upper_bound, unit,
  kind, comparator, approximate, is_change, baseline_year, period_year, period_from_month, period_to_month, period_label,
  evidence_sentence, evidence_start, evidence_end, confidence, extractor_version, fingerprint,
  table_index, table_caption, row_label, column_header, source_page, check_failed, check_reason, review_status)
select ?, x.metric, x.subject_id, x.scope::subject_scope, x.subject_label, x.value::numeric, x.total::numeric,
  x.upper_bound::numeric, x.unit, x.kind::figure_kind, x.comparator::comparator, x.approximate, x.is_change,
  x.baseline_year, x.period_year, x.from_month, x.to_month, x.period_label, x.sentence, x.start_offset, x.end_offset,
  x.confidence, ?, x.fingerprint, x.table_index, x.table_caption, x.row_label, x.column_header, x.source_page,
  coalesce(x.check_reason is not null, false), x.check_reason, x.review_status::review_status
from jsonb_to_recordset(?::jsonb) as x(metric text, subject_id int, scope text, subject_label text, value text,
  total text, upper_bound text, unit text, kind text, comparator text, approximate boolean, is_change boolean,
  baseline_year int, period_year int, from_month int, to_month int, period_label text, sentence text,
  start_offset int, end_offset int, confidence real, fingerprint text, table_index int, table_caption text,
  row_label text, column_header text, source_page int, check_reason text, review_status text)
on conflict (document_id, fingerprint) do nothing
returning id`;

function figureRows(input: StoreInput) {
  const seen = new Set<string>();
  const rows = [];
  for (const f of input.figures) {
    const subjectId = f.subject.unitId && /^\d+$/.test(f.subject.unitId) ? Number(f.subject.unitId) : input.publisherUnitId;
    const fingerprint = figureFingerprint(f, subjectId);
    if (seen.has(fingerprint)) continue; // a figure the page states twice is one figure
    seen.add(fingerprint);
    rows.push({
      metric: f.metric, subject_id: subjectId, scope: f.subject.scope, subject_label: f.subject.name.slice(0, 300),
      value: decimal(f.value), total: decimal(f.total), upper_bound: decimal(f.upperBound), unit: f.unit, kind: f.kind,
      comparator: f.comparator, approximate: f.approximate, is_change: f.change, baseline_year: f.baselineYear,
      period_year: f.period.year, from_month: f.period.fromMonth, to_month: f.period.toMonth,
      period_label: f.period.label.slice(0, 200), sentence: f.evidence.sentence, start_offset: f.evidence.start,
      end_offset: f.evidence.end, confidence: f.confidence, fingerprint,
      table_index: f.cell?.tableIndex ?? null, table_caption: f.cell?.caption?.slice(0, 300) ?? null,
      row_label: f.cell?.rowLabel.slice(0, 300) ?? null, column_header: f.cell?.columnHeader.slice(0, 300) ?? null,
      source_page: f.cell?.page ?? null, check_reason: f.checkReason ?? null,
      // Below the serving threshold a figure waits for a reviewer (see ingest/extract/serving.ts); so does one about a
      // unit the text names but the gazetteer could not resolve ("Quảng Ninh đạt 90,8%" on a Hà Nội paper, "cả
      // nước"): it is stored under the publisher and must not be served as the publisher's figure.
      review_status: servedByDefault(f) ? 'auto' : 'needs_review',
    });
  }
  return rows;
}

/** Store one parsed article and its figures in one transaction (see the file header for the rules). */
export async function persistDocument(em: EntityManager, input: StoreInput): Promise<StoreOutcome> {
  const hash = contentHash(input.article);
  const url = input.article.canonicalUrl;
  return em.transactional(async (tx) => {
    // Serialise writers of the same article (two workers, or a retry racing a slow run).
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`cchc-atlas:doc:${input.sourceId}:${hash}`]);
    let [doc] = await tx.execute<DocRow[]>(
      'select id, url, content_hash, extractor_version from document where url = ? for update', [url]);
    if (!doc) {
      const [twin] = await tx.execute<DocRow[]>(
        `select id, url, content_hash, extractor_version from document
         where source_id = ? and content_hash = ? order by id limit 1 for update`, [input.sourceId, hash]);
      if (twin) {
        return { documentId: twin.id, status: 'duplicate' as const, figuresAdded: 0, figuresUpdated: 0 };
      }
    }
    if (doc && doc.content_hash === hash && doc.extractor_version === input.extractorVersion) {
      await tx.execute('update document set fetched_at = ?, etag = ?, last_modified = ?, http_status = ? where id = ?',
        [input.fetchedAt, input.etag, input.lastModified, input.httpStatus, doc.id]);
      return { documentId: doc.id, status: 'unchanged' as const, figuresAdded: 0, figuresUpdated: 0 };
    }
    const status = doc ? 'changed' as const : 'new' as const;
    const raw = input.rawHtmlGz ? Buffer.from(input.rawHtmlGz.buffer, input.rawHtmlGz.byteOffset, input.rawHtmlGz.byteLength)
      : gzipSync(typeof input.rawHtml === 'string' ? Buffer.from(input.rawHtml, 'utf8') : input.rawHtml);
    const [saved] = await executeBound<{ id: number }>(tx,
      `insert into document (url, source_id, title, published_at, category, fetched_at, http_status, etag, last_modified,
         content_hash, raw_html_gz, text, extractor_version, content_type, linked_from_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (url) do update set title = excluded.title, published_at = excluded.published_at,
         category = excluded.category, fetched_at = excluded.fetched_at, http_status = excluded.http_status,
         etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
         raw_html_gz = excluded.raw_html_gz, text = excluded.text, extractor_version = excluded.extractor_version,
         content_type = excluded.content_type, linked_from_id = excluded.linked_from_id, updated_at = now()
       returning id`,
      [url, input.sourceId, input.article.title, input.article.publishedAt, input.article.category, input.fetchedAt,
        input.httpStatus, input.etag, input.lastModified, hash, raw, input.article.text, input.extractorVersion,
        input.contentType ?? null, input.linkedFromId ?? null]);
    doc = { id: saved.id, url, content_hash: hash, extractor_version: input.extractorVersion };
    // Agencies of the publisher's province are its departments: local units, upserted in this transaction.
    await settleAgencySubjects(tx, input.publisherUnitId, input.figures);
    const rows = figureRows(input);
    const keep = rows.map((r) => r.fingerprint);
    // Reviewed figures stay whatever the page now says; automatic ones the page no longer states go.
    const removed = await tx.execute<{ id: number }[]>(
      `delete from figure where document_id = ? and review_status in ('auto', 'needs_review')
         and not (fingerprint = any(?::text[])) returning id`, [doc.id, `{${keep.join(',')}}`]);
    const inserted = rows.length
      ? await executeBound<{ id: number }>(tx, INSERT_FIGURES, [doc.id, input.extractorVersion, JSON.stringify(rows)])
      : [];
    // Unreviewed figures the new extraction states again take its confidence and serving status.
    if (status === 'changed' && rows.length > 0) {
      await tx.execute(
        `update figure f set confidence = x.confidence, review_status = x.review_status::review_status
         from jsonb_to_recordset(?::jsonb) as x(fingerprint text, confidence real, review_status text)
         where f.document_id = ? and f.fingerprint = x.fingerprint and f.review_status in ('auto', 'needs_review')
           and (f.confidence <> x.confidence or f.review_status::text <> x.review_status)`,
        [JSON.stringify(rows.map((r) => ({ fingerprint: r.fingerprint, confidence: r.confidence, review_status: r.review_status }))), doc.id]);
    }
    if (status === 'changed' && inserted.length === 0 && removed.length === 0) {
      await tx.execute(`update figure set extractor_version = ? where document_id = ? and review_status in ('auto', 'needs_review')`,
        [input.extractorVersion, doc.id]);
    }
    return { documentId: doc.id, status, figuresAdded: inserted.length, figuresUpdated: removed.length };
  });
}
