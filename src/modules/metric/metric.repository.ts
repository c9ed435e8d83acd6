/**
 * Metric look-ups for the comparison queries. The catalogue is small and changes only with a new seed, so what the
 * queries need (code, direction, definition change) is cached per ORM for a minute; a code not in the cache
 * triggers a reload (at most once a second), so new metrics appear without a restart.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../errors';

/** What ranking and flagging need to know about a metric. */
export interface MetricInfo {
  code: string;
  higherIsBetter: boolean | null;
  definitionChangedIn: number | null;
}

/** How long cached metric facts are trusted. */
const TTL_MILLIS = 60_000;
/** Unknown codes reload the catalogue at most this often (a flood of bogus codes costs one query a second). */
const MISS_RELOAD_MILLIS = 1_000;

interface Cache { loadedAt: number; byCode: Map<string, MetricInfo> }
const CACHES = new WeakMap<object, Cache>();

async function load(em: EntityManager): Promise<Cache> {
  const rows = await em.execute<Array<{ code: string; higher_is_better: boolean | null; definition_changed_in: number | null }>>(
    'select code, higher_is_better, definition_changed_in from metric',
  );
  const cache = {
    loadedAt: Date.now(),
    byCode: new Map(rows.map((r) => [r.code, { code: r.code, higherIsBetter: r.higher_is_better, definitionChangedIn: r.definition_changed_in }])),
  };
  CACHES.set(em.config, cache);
  return cache;
}

/** The metric with this code; throws BAD_USER_INPUT naming the code when the catalogue has none. */
export async function requireMetric(em: EntityManager, code: string): Promise<MetricInfo> {
  let cache = CACHES.get(em.config);
  const age = cache ? Date.now() - cache.loadedAt : Infinity;
  if (!cache || age > TTL_MILLIS || (!cache.byCode.has(code) && age > MISS_RELOAD_MILLIS)) cache = await load(em);
  const info = cache.byCode.get(code);
  if (!info) throw new BadInputError(`unknown metric "${code.slice(0, 60)}": the query \`metrics\` lists the catalogue`);
  return info;
}
