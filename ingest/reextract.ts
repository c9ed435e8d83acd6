/**
 * Re-extraction: re-read stored documents whose figures came from another extractor version, from their stored
 * text (no re-fetch), through the same idempotent store as ingestion. Running it twice changes nothing.
 * Public surface: `reextractDocuments`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { attachmentFormat } from './attachments';
import { attachmentFigures, pageFigures } from './document-figures';
import { EXTRACTOR_VERSION } from './extract/version';
import { loadSubjectContext, type SubjectContext } from './gazetteer-resolver';
import { persistDocument } from './store';
import { gunzipSync } from 'node:zlib';
import { refreshPicksAfterWrite } from '../src/modules/figure/figure-pick';
import { type Logger, silentLogger } from '../src/logger';
import { dateFromUrl } from './extract/url-date';

export interface ReextractSummary { documents: number; figuresAdded: number; figuresUpdated: number; failed: number }

interface DocRow {
  id: number; url: string; source_id: string; title: string; published_at: string | null; category: string | null;
  text: string; fetched_at: string; http_status: number; etag: string | null; last_modified: string | null;
  raw_html_gz: Buffer; publisher_id: number; family: string; content_type: string | null; linked_from_id: number | null;
}

/** Re-extract every document not yet read by the current extractor (or all with `all`). */
export async function reextractDocuments(
  orm: MikroORM, options: { all?: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void; log?: Logger } = {},
): Promise<ReextractSummary> {
  const em = orm.em.fork();
  const where = options.all ? 'true' : 'd.extractor_version <> ?';
  const params = options.all ? [] : [EXTRACTOR_VERSION];
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from document d where ${where}`, params);
  const total = Number(n);
  const summary: ReextractSummary = { documents: 0, figuresAdded: 0, figuresUpdated: 0, failed: 0 };
  const contexts = new Map<number, SubjectContext>();
  let lastId = 0;
  for (;;) {
    const batch = await em.execute<DocRow[]>(
      `select d.id, d.url, d.source_id, d.title, d.published_at, d.category, d.text, d.fetched_at, d.http_status, d.etag,
              d.last_modified, d.raw_html_gz, s.publisher_id, s.family, d.content_type, d.linked_from_id
       from document d join source s on s.id = d.source_id
       where ${where} and d.id > ? and s.publisher_id is not null order by d.id limit ?`,
      [...params, lastId, options.batchSize ?? 100]);
    if (batch.length === 0) break;
    for (const doc of batch) {
      lastId = doc.id;
      try {
        let ctx0 = contexts.get(doc.publisher_id);
        if (!ctx0) contexts.set(doc.publisher_id, ctx0 = await loadSubjectContext(em, doc.publisher_id));
        // Raw queries return timestamps as strings.
        // A page that showed no date is read with the one its address carries, as ingestion read it.
        const publishedAt = doc.published_at ? new Date(doc.published_at) : dateFromUrl(doc.url);
        const ctx = { publishedAt, publisher: ctx0.publisher, title: doc.title, resolver: ctx0.resolver };
        const raw = gunzipSync(doc.raw_html_gz);
        let text = doc.text;
        let figures;
        if (doc.content_type) {
          // An attached report: read again from its original bytes.
          const read = await attachmentFigures(em, doc.publisher_id, raw, attachmentFormat(doc.url, doc.content_type)!, ctx);
          figures = read.figures;
          text = read.text;
        } else {
          figures = (await pageFigures(em, doc.publisher_id, { html: raw.toString('utf8'), url: doc.url, family: doc.family }, doc.text, ctx)).figures;
        }
        const article = { canonicalUrl: doc.url, title: doc.title, publishedAt, category: doc.category, text };
        const outcome = await persistDocument(em, {
          sourceId: doc.source_id, publisherUnitId: doc.publisher_id, article, rawHtml: doc.content_type ? raw : raw.toString('utf8'),
          httpStatus: doc.http_status, etag: doc.etag, lastModified: doc.last_modified, fetchedAt: new Date(doc.fetched_at),
          figures, extractorVersion: EXTRACTOR_VERSION, contentType: doc.content_type, linkedFromId: doc.linked_from_id,
        });
        summary.figuresAdded += outcome.figuresAdded;
        summary.figuresUpdated += outcome.figuresUpdated;
      } catch {
        summary.failed++;
      }
      summary.documents++;
      options.onProgress?.(summary.documents, total);
    }
  }
  await refreshPicksAfterWrite(em, options.log ?? silentLogger);
  return summary;
}
