/** Sources as plain rows by id, one statement per GraphQL level (the sources of a page's documents). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source } from './source.entity';
import { loadRow, prefixedKeys, rowLoader, toDate, type MaybePromise, type RawRow } from '../../graphql/rows';
import type { TableColumns } from '../../graphql/projection';

/** What the `Source` field resolvers read: an entity or a plain row. */
export type SourceRow = Omit<Source, 'publisher'> & { publisher: { id: number } | null };

const COLUMNS = ['id', 'name', 'base_url', 'family', 'listing_urls', 'schedule', 'enabled', 'publisher_id', 'min_delay_millis', 'max_pages',
  'demo', 'created_at', 'updated_at'] as const;
const keys = prefixedKeys(COLUMNS);

/** The columns the `Source` fields read (projections, src/graphql/projection.ts); field resolvers read the ids. */
export const SOURCE_TABLE: TableColumns = {
  all: COLUMNS, always: ['id', 'publisher_id'], computed: { publisher: ['publisher_id'], lastRun: ['id'] },
};

/** Columns of a source row for `source` aliased `a`, each prefixed with `prefix`. */
export const sourceColumns = (a: string, prefix: string) => COLUMNS.map((c) => `${a}.${c} as ${prefix}${c}`).join(', ');

/** A driver row selected with `sourceColumns(a, p)` → a source row. */
export function toSourceRow(r: RawRow, p = ''): SourceRow {
  const k = keys(p);
  const publisherId = r[k.publisher_id];
  return {
    id: r[k.id], name: r[k.name], baseUrl: r[k.base_url], family: r[k.family], listingUrls: r[k.listing_urls],
    schedule: r[k.schedule], enabled: r[k.enabled], publisher: publisherId === null ? null : { id: publisherId },
    minDelayMillis: r[k.min_delay_millis], maxPages: r[k.max_pages], demo: r[k.demo],
    createdAt: toDate(r[k.created_at])!, updatedAt: toDate(r[k.updated_at])!,
  };
}

const BY_ID = `select ${sourceColumns('s', '')} from source s where s.id in (?)`;

export function loadSource(em: EntityManager, id: string): MaybePromise<SourceRow> {
  const loader = rowLoader<string, SourceRow>(em, 'source.byId', BY_ID, (r) => toSourceRow(r), (s) => s.id);
  return loadRow(loader, id, 'Source');
}
