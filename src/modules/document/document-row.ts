/**
 * A document as a plain row: every column the GraphQL `Document` type reads, the source as an id. The article text
 * (the one large column) is read only when the request selects `text`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Document } from './document.entity';
import { loadRow, prefixedKeys, rowLoader, toDate, type MaybePromise, type RawRow } from '../../graphql/rows';
import { isJoined, joined, type TableColumns } from '../../graphql/projection';
import { sourceColumns, toSourceRow, type SourceRow } from '../source/source-row';

/** What the `Document` field resolvers read: an entity or a plain row (`text` undefined when not selected). */
export type DocumentRow = Omit<Document, 'source' | 'rawHtmlGz'> & { source: { id: string } };

const COLUMNS = ['id', 'url', 'source_id', 'title', 'published_at', 'category', 'fetched_at', 'http_status', 'etag', 'last_modified',
  'content_hash', 'content_type', 'extractor_version', 'created_at', 'updated_at'] as const;

/**
 * The columns the `Document` fields read (projections, src/graphql/projection.ts); field resolvers read the ids. The
 * text is not among them: a statement that joins documents to other rows leaves it to the document loader.
 */
export const DOCUMENT_TABLE: TableColumns = {
  all: COLUMNS, always: ['id', 'source_id'], computed: { source: ['source_id'], figures: ['id'] },
};
const keys = prefixedKeys([...COLUMNS, 'text']);

/**
 * Columns of a document row for a `document` table aliased `d`; `text` only when asked for. With `prefix` (a statement
 * that joins documents to other rows) every column is aliased `<prefix><column>`.
 */
export function documentColumns(withText: boolean, prefix = ''): string {
  const columns: readonly string[] = withText ? [...COLUMNS, 'text'] : COLUMNS;
  return columns.map((c) => (prefix ? `d.${c} as ${prefix}${c}` : `d.${c}`)).join(', ');
}

/**
 * A driver row selected with `documentColumns(…, p)` (and, `withSource`, `sourceColumns('…', p + 'src_')`) → a
 * document row.
 */
export function toDocumentRow(r: RawRow, withSource = false, p = ''): DocumentRow {
  const k = keys(p);
  return {
    id: r[k.id], url: r[k.url], source: withSource ? joined(toSourceRow(r, `${p}src_`)) : { id: r[k.source_id] }, title: r[k.title],
    publishedAt: toDate(r[k.published_at]), category: r[k.category], fetchedAt: toDate(r[k.fetched_at])!,
    httpStatus: r[k.http_status], etag: r[k.etag], lastModified: r[k.last_modified], contentHash: r[k.content_hash], contentType: r[k.content_type],
    text: r[k.text], extractorVersion: r[k.extractor_version], createdAt: toDate(r[k.created_at])!, updatedAt: toDate(r[k.updated_at])!,
  };
}

/** Name and SQL of the document loader for each combination of text and source (built once). */
const LOADERS = [false, true].map((withText) => [false, true].map((withSource) => ({
  name: `document.byId${withText ? '+text' : ''}${withSource ? '+source' : ''}`,
  sql: `select ${documentColumns(withText)}${withSource ? `, ${sourceColumns('src', 'src_')}` : ''}
      from document d${withSource ? ' join source src on src.id = d.source_id' : ''} where d.id in (?)`,
})));

/** The request's loader of documents by id, for one combination of `withText` and `withSource`. */
function documentLoader(em: EntityManager, withText: boolean, withSource: boolean) {
  const { name, sql } = LOADERS[Number(withText)][Number(withSource)];
  return rowLoader<number, DocumentRow>(em, name, sql, (r) => toDocumentRow(r, withSource), (d) => d.id);
}

/**
 * Documents by id, one statement per GraphQL level: `withText` when the selection asks for the article text,
 * `withSource` when it asks for the source (joined in the same statement: no second statement, no extra round trip).
 * A document already read in this request comes back without a promise.
 */
export function loadDocument(em: EntityManager, id: number, withText: boolean, withSource = false): MaybePromise<DocumentRow> {
  return loadRow(documentLoader(em, withText, withSource), id, 'Document');
}

/** A document row whose `source` is the whole source row (read in the same statement), not only its id. */
export function withLoadedSource(doc: DocumentRow): SourceRow | null {
  const source = doc.source as Partial<SourceRow>;
  // a source read with the document (possibly with some columns only) or a loaded entity
  return isJoined(source) || source.name !== undefined ? source as SourceRow : null;
}
