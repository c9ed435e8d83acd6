/** Sources as plain rows by id, one statement per GraphQL level (the sources of a page's documents). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source } from './source.entity';
import { loadRow, rowLoader, toDate, type RawRow } from '../../graphql/rows';

/** What the `Source` field resolvers read: an entity or a plain row. */
export type SourceRow = Omit<Source, 'publisher'> & { publisher: { id: number } | null };

/** Columns of a source row for `source` aliased `a`, each prefixed with `prefix`. */
export const sourceColumns = (a: string, prefix: string) => ['id', 'name', 'base_url', 'family', 'listing_urls', 'schedule', 'enabled',
  'publisher_id', 'min_delay_millis', 'max_pages', 'demo', 'created_at', 'updated_at'].map((c) => `${a}.${c} as ${prefix}${c}`).join(', ');

/** A driver row selected with `sourceColumns(a, p)` → a source row. */
export const toSourceRow = (r: RawRow, p = ''): SourceRow => ({
  id: r[`${p}id`], name: r[`${p}name`], baseUrl: r[`${p}base_url`], family: r[`${p}family`], listingUrls: r[`${p}listing_urls`],
  schedule: r[`${p}schedule`], enabled: r[`${p}enabled`], publisher: r[`${p}publisher_id`] === null ? null : { id: r[`${p}publisher_id`] },
  minDelayMillis: r[`${p}min_delay_millis`], maxPages: r[`${p}max_pages`], demo: r[`${p}demo`],
  createdAt: toDate(r[`${p}created_at`])!, updatedAt: toDate(r[`${p}updated_at`])!,
});

export function loadSource(em: EntityManager, id: string): Promise<SourceRow> {
  const loader = rowLoader<string, SourceRow>(em, 'source.byId',
    `select ${sourceColumns('s', '')} from source s where s.id in (?)`, (r) => toSourceRow(r), (s) => s.id);
  return loadRow(loader, id, 'Source');
}
