/**
 * A document as a plain row: every column the GraphQL `Document` type reads, the source as an id. The article text
 * (the one large column) is read only when the request selects `text`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Document } from './document.entity';
import { loadRow, rowLoader, toDate, type RawRow } from '../../graphql/rows';
import { sourceColumns, toSourceRow, type SourceRow } from '../source/source-row';

/** What the `Document` field resolvers read: an entity or a plain row (`text` undefined when not selected). */
export type DocumentRow = Omit<Document, 'source' | 'rawHtmlGz'> & { source: { id: string } };

/** Columns of a document row for a `document` table aliased `d`; `text` only when asked for. */
export function documentColumns(withText: boolean): string {
  return `d.id, d.url, d.source_id, d.title, d.published_at, d.category, d.fetched_at, d.http_status, d.etag, d.last_modified,
    d.content_hash, d.extractor_version, d.created_at, d.updated_at${withText ? ', d.text' : ''}`;
}

/** A driver row selected with `documentColumns` (and, `withSource`, `sourceColumns('…', 'src_')`) → a document row. */
export function toDocumentRow(r: RawRow, withSource = false): DocumentRow {
  return {
    id: r.id, url: r.url, source: withSource ? toSourceRow(r, 'src_') : { id: r.source_id }, title: r.title, publishedAt: toDate(r.published_at), category: r.category,
    fetchedAt: toDate(r.fetched_at)!, httpStatus: r.http_status, etag: r.etag, lastModified: r.last_modified, contentHash: r.content_hash,
    text: r.text, extractorVersion: r.extractor_version, createdAt: toDate(r.created_at)!, updatedAt: toDate(r.updated_at)!,
  };
}

/**
 * Documents by id, one statement per GraphQL level: `withText` when the selection asks for the article text,
 * `withSource` when it asks for the source (joined in the same statement: no second statement, no extra round trip).
 */
export function loadDocument(em: EntityManager, id: number, withText: boolean, withSource = false): Promise<DocumentRow> {
  const loader = rowLoader<number, DocumentRow>(em, `document.byId${withText ? '+text' : ''}${withSource ? '+source' : ''}`,
    `select ${documentColumns(withText)}${withSource ? `, ${sourceColumns('src', 'src_')}` : ''}
      from document d${withSource ? ' join source src on src.id = d.source_id' : ''} where d.id in (?)`,
    (r) => toDocumentRow(r, withSource), (d) => d.id);
  return loadRow(loader, id, 'Document');
}

/** A document row whose `source` is the whole source row (read in the same statement), not only its id. */
export function withLoadedSource(doc: DocumentRow): SourceRow | null {
  const source = doc.source as Partial<SourceRow>;
  return source.name !== undefined ? source as SourceRow : null;
}
