/** Sources as plain rows by id, one statement per GraphQL level (the sources of a page's documents). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Source } from './source.entity';
import { loadRow, rowLoader, toDate, type RawRow } from '../../graphql/rows';

/** What the `Source` field resolvers read: an entity or a plain row. */
export type SourceRow = Omit<Source, 'publisher'> & { publisher: { id: number } | null };

const toSourceRow = (r: RawRow): SourceRow => ({
  id: r.id, name: r.name, baseUrl: r.base_url, family: r.family, listingUrls: r.listing_urls, schedule: r.schedule,
  enabled: r.enabled, publisher: r.publisher_id === null ? null : { id: r.publisher_id }, minDelayMillis: r.min_delay_millis,
  maxPages: r.max_pages, demo: r.demo, createdAt: toDate(r.created_at)!, updatedAt: toDate(r.updated_at)!,
});

export function loadSource(em: EntityManager, id: string): Promise<SourceRow> {
  const loader = rowLoader<string, SourceRow>(em, 'source.byId',
    `select id, name, base_url, family, listing_urls, schedule, enabled, publisher_id, min_delay_millis, max_pages, demo, created_at, updated_at
      from source where id in (?)`, toSourceRow, (s) => s.id);
  return loadRow(loader, id, 'Source');
}
