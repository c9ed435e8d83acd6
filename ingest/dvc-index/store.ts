/**
 * Storing one index answer, in one transaction: its agencies in the crosswalk, the answer as a document (raw JSON
 * gzip, endpoint and parameters as the URL, one text line per agency that the figures cite), its figures (kind
 * ACTUAL, the period asked for), and the request marked done. A request already done is a no-op, so a retried job
 * or a resumed backfill stores nothing twice; figures are also unique per document and fingerprint.
 * Public surface: `storeIndexAnswer`, `recordIndexFailure`, `IndexStoreInput`, `IndexStoreOutcome`, `INDEX_METRICS`,
 * `INDEX_EXTRACTOR_VERSION`.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ensureAgencies, DVC_INDEX_SOURCE_ID } from './crosswalk';
import { INDEX_GROUPS, requestKey, type IndexCall, type IndexGroup, type IndexRequest, type IndexRow } from './protocol';
import { periodLabel, periodSpan } from './periods';

/** Recorded as the documents' and figures' extractor version. */
export const INDEX_EXTRACTOR_VERSION = 'dvc-index/1';

/** Metric code of each group score. */
export const INDEX_METRICS: Record<IndexGroup | 'total' | 'rank', string> = {
  total: 'dvc_index_total', CKMB: 'dvc_index_transparency', TDGQ: 'dvc_index_progress', CLGQ: 'dvc_index_online',
  TTTT: 'dvc_index_payment', MDHL: 'dvc_index_satisfaction', MDSH: 'dvc_index_digitisation', rank: 'dvc_index_rank',
};

export interface IndexStoreInput {
  request: IndexRequest;
  call: IndexCall;
  rows: IndexRow[];
  rawBody: string;
  httpStatus: number;
  fetchedAt: Date;
  /**
   * Called inside the store's transaction once the answer is stored (not when it was already done): the job
   * queue closes its run item and registers the follow-up requests there, atomically with the figures.
   */
  inTransaction?: (tx: EntityManager, stored: { figuresAdded: number }) => Promise<void>;
}

export interface IndexStoreOutcome {
  status: 'stored' | 'already-done';
  documentId: number | null;
  figuresAdded: number;
}

function fmt(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/** The document text: a title line, then one line per agency; figures cite their agency's line. */
function documentText(title: string, rows: IndexRow[]): { text: string; lines: Array<{ start: number; end: number; line: string }> } {
  let text = `${title}\n\n`;
  const lines = rows.map((r) => {
    const parts = [...(r.total !== null ? [`TONG_SCORE ${fmt(r.total)}/100`] : []), ...INDEX_GROUPS.filter((g) => r.groups[g] !== undefined).map((g) => `${g} ${fmt(r.groups[g]!)}`)];
    if (r.rank !== null) parts.push(`ROW_STT ${r.rank}`);
    if (r.counts) {
      parts.push(`totalReceived ${r.counts.received}`);
      if (r.counts.onTime !== null) parts.push(`totalOnTime ${r.counts.onTime}`);
      if (r.counts.overdue !== null) parts.push(`totalOverdue ${r.counts.overdue}`);
    }
    for (const rate of r.rates ?? []) parts.push(`${rate.fields} ${rate.numerator}/${rate.denominator}`);
    const line = `${r.name} [${r.code}]: ${parts.join('; ')}.`;
    const start = text.length;
    text += `${line}\n`;
    return { start, end: start + line.length, line };
  });
  return { text, lines };
}

function title(r: IndexRequest, rows: IndexRow[]): string {
  const scope = r.province ? `đơn vị thuộc ${rows.find((x) => x.kind === 'province')?.name ?? `tỉnh ${r.province.code}`}` : 'các tỉnh, thành phố';
  return `Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), ${periodLabel(r.period)}: ${scope}`;
}

const INSERT = `
insert into figure (document_id, metric_code, subject_id, subject_scope, subject_label, value, total, numerator, unit,
  kind, comparator, approximate, is_change, period_year, period_from_month, period_to_month, period_label,
  evidence_sentence, evidence_start, evidence_end, confidence, extractor_version, fingerprint)
select ?, x.metric, x.subject_id, 'unit', x.label, x.value::numeric, x.total::numeric, x.numerator::numeric, x.unit,
  'actual', 'eq', false, false, x.year, x.from_month, x.to_month, x.period_label, x.sentence, x.start_offset, x.end_offset,
  1, ?, x.fingerprint
from jsonb_to_recordset(?::jsonb) as x(metric text, subject_id int, label text, value text, total text, numerator text,
  unit text, year int, from_month int, to_month int, period_label text, sentence text, start_offset int, end_offset int,
  fingerprint text)
on conflict (document_id, fingerprint) do nothing
returning id`;

/** Store one answer (see the file header). `provinceUnitId` is the unit of the request's province, if any. */
export async function storeIndexAnswer(em: EntityManager, input: IndexStoreInput): Promise<IndexStoreOutcome> {
  const key = requestKey(input.request);
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`cchc-atlas:index:${key}`]);
    const [state] = await tx.execute<{ status: string; document_id: number | null }[]>(
      'select status, document_id from index_request where key = ? for update', [key]);
    if (state?.status === 'done') return { status: 'already-done' as const, documentId: state.document_id, figuresAdded: 0 };
    let provinceUnitId: number | null = null;
    if (input.request.province) {
      const [p] = await tx.execute<{ unit_id: number }[]>('select unit_id from index_agency where code = ?', [input.request.province.code]);
      if (!p) throw new Error(`province ${input.request.province.code} is not in the crosswalk: store the province list of the period first`);
      provinceUnitId = p.unit_id;
    }
    const units = await ensureAgencies(tx, input.request.generation, input.rows, provinceUnitId);
    const docTitle = title(input.request, input.rows);
    const { text, lines } = documentText(docTitle, input.rows);
    const hash = createHash('sha256').update(input.rawBody).digest('hex');
    const [doc] = await tx.execute<{ id: number }[]>(
      `insert into document (url, source_id, title, published_at, category, fetched_at, http_status, content_hash, raw_html_gz, text, extractor_version)
       values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)
       on conflict (url) do update set fetched_at = excluded.fetched_at, http_status = excluded.http_status,
         content_hash = excluded.content_hash, raw_html_gz = excluded.raw_html_gz, text = excluded.text, title = excluded.title,
         updated_at = now()
       returning id`,
      [input.call.provenanceUrl, DVC_INDEX_SOURCE_ID, docTitle, `dvc-index ${input.call.endpoint}`, input.fetchedAt, input.httpStatus,
        hash, gzipSync(Buffer.from(input.rawBody, 'utf8')), text, INDEX_EXTRACTOR_VERSION]);
    const span = periodSpan(input.request.period);
    const label = periodLabel(input.request.period);
    const figures = input.rows.flatMap((r, i) => {
      const { line, start, end } = lines[i];
      // [metric, value, unit, numerator, denominator]
      const values: Array<[string, number, string, number | null, number | null]> = [];
      if (r.total !== null) values.push([INDEX_METRICS.total, r.total, 'score', null, null]);
      for (const g of INDEX_GROUPS) if (r.groups[g] !== undefined) values.push([INDEX_METRICS[g], r.groups[g]!, 'score', null, null]);
      if (r.rank !== null) values.push([INDEX_METRICS.rank, r.rank, 'rank', null, null]);
      if (r.counts) {
        values.push(['dossiers_received', r.counts.received, 'count', null, null]);
        if (r.counts.overdue !== null) values.push(['late_dossiers', r.counts.overdue, 'count', null, null]);
        // The rate from the published counts, with both kept; no rate without dossiers (0/0 is not 100 %).
        if (r.counts.onTime !== null && r.counts.received > 0) {
          values.push(['on_time_rate', (100 * r.counts.onTime) / r.counts.received, 'percent', r.counts.onTime, r.counts.received]);
        }
      }
      // Rates of the other count trees, the same way: numerator and denominator kept, no rate of 0/0.
      for (const rate of r.rates ?? []) {
        if (rate.denominator > 0) values.push([rate.metric, (100 * rate.numerator) / rate.denominator, 'percent', rate.numerator, rate.denominator]);
      }
      return values.map(([metric, value, unit, numerator, denominator]) => ({
        metric, subject_id: units.get(r.code)!, label: `${r.name} [${r.code}]`.slice(0, 300), value: fmt(Number(value.toFixed(6))),
        total: denominator === null ? null : String(denominator), numerator: numerator === null ? null : String(numerator),
        unit, year: input.request.period.year, from_month: span.fromMonth, to_month: span.toMonth,
        period_label: label, sentence: line, start_offset: start, end_offset: end,
        fingerprint: createHash('sha256').update(JSON.stringify([metric, r.code, key, fmt(Number(value.toFixed(6)))])).digest('hex'),
      }));
    });
    const inserted = figures.length
      ? await tx.execute<{ id: number }[]>(INSERT, [doc.id, INDEX_EXTRACTOR_VERSION, JSON.stringify(figures)])
      : [];
    const { request } = input;
    await tx.execute(
      `insert into index_request (key, generation, endpoint, period_year, period_from_month, period_to_month, scope, status, attempts, reason, document_id, figures, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, 'done', 1, null, ?, ?, now())
       on conflict (key) do update set status = 'done', attempts = index_request.attempts + 1, reason = null,
         document_id = excluded.document_id, figures = excluded.figures, updated_at = now()`,
      [key, request.generation, input.call.endpoint, request.period.year, span.fromMonth, span.toMonth,
        request.province?.code ?? 'national', doc.id, figures.length]);
    await input.inTransaction?.(tx, { figuresAdded: inserted.length });
    return { status: 'stored' as const, documentId: doc.id, figuresAdded: inserted.length };
  });
}

/** Record a failed try of a request (never over a done one). */
export async function recordIndexFailure(em: EntityManager, request: IndexRequest, endpoint: string, reason: string): Promise<void> {
  const span = periodSpan(request.period);
  await em.execute(
    `insert into index_request (key, generation, endpoint, period_year, period_from_month, period_to_month, scope, status, attempts, reason, figures, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'failed', 1, ?, 0, now())
     on conflict (key) do update set attempts = index_request.attempts + 1, reason = excluded.reason, updated_at = now()
       where index_request.status <> 'done'`,
    [requestKey(request), request.generation, endpoint, request.period.year, span.fromMonth, span.toMonth,
      request.province?.code ?? 'national', reason.slice(0, 1000)]);
}
