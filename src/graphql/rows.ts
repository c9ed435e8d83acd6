/**
 * Plain rows for the read path of the API: one SQL statement per page and one batched statement per related type
 * selected, mapped straight from the driver's rows to the objects the GraphQL types resolve — no managed entities,
 * no identity map, no per-row hydration. Field resolvers accept these rows and entities alike (they only read
 * scalar fields and the ids of relations), so mutations can keep returning entities.
 *
 * Statements go through the request's EntityManager connection, so they share its pool, its statement timeout
 * and its query logger.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderFor, type BatchLoader } from './batch';
import { NotFoundError } from '../errors';

/** A raw row from the driver (snake_case or quoted camelCase keys, as the statement aliased them). */
export type RawRow = Record<string, any>;

/** A `timestamptz` column as the driver returns it through MikroORM's connection (a string) → Date. */
export function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}

/**
 * Rows of one table by key, one statement for every key asked while a GraphQL level resolves. `sql` selects the
 * rows and has one `in (?)` placeholder for the keys; `key` reads a mapped row's key.
 */
export function rowLoader<K, R>(em: EntityManager, name: string, sql: string, map: (raw: RawRow) => R, key: (row: R) => K): BatchLoader<K, R | null> {
  return loaderFor<K, R | null>(em, name, async (keys) => {
    const raw = await em.execute<RawRow[]>(sql, [[...keys]]);
    const out = new Map<K, R | null>();
    for (const r of raw) {
      const row = map(r);
      out.set(key(row), row);
    }
    return out;
  }, () => null);
}

/** Rows grouped by a key (a parent's children), one statement per GraphQL level; a key without rows gets `[]`. */
export function rowsLoader<K, R>(em: EntityManager, name: string, sql: string, map: (raw: RawRow) => R, key: (row: R) => K): BatchLoader<K, R[]> {
  return loaderFor<K, R[]>(em, name, async (keys) => {
    const raw = await em.execute<RawRow[]>(sql, [[...keys]]);
    const out = new Map<K, R[]>();
    for (const r of raw) {
      const row = map(r);
      const k = key(row);
      const list = out.get(k);
      if (list) list.push(row);
      else out.set(k, [row]);
    }
    return out;
  }, () => []);
}

/** The row for `key`, or a NotFoundError naming what was missing (a row deleted while the request ran). */
export async function loadRow<K, R>(loader: BatchLoader<K, R | null>, key: K, what: string): Promise<R> {
  const row = await loader.load(key);
  if (row === null) throw new NotFoundError(what, String(key));
  return row;
}
