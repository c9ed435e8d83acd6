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
 * The keys under which a statement returns `columns` with a prefix (`prefix + column`), computed once per prefix:
 * mapping a page's rows reads thousands of values, and building each key string anew per value showed in profiles.
 */
export function prefixedKeys<C extends string>(columns: readonly C[]): (prefix: string) => Readonly<Record<C, string>> {
  const byPrefix = new Map<string, Readonly<Record<C, string>>>();
  return (prefix) => {
    let keys = byPrefix.get(prefix);
    if (!keys) {
      keys = Object.fromEntries(columns.map((c) => [c, `${prefix}${c}`])) as Record<C, string>;
      byPrefix.set(prefix, keys);
    }
    return keys;
  };
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

/**
 * The row for `key`, or a NotFoundError naming what was missing (a row deleted while the request ran). A row the
 * loader already knows (loaded earlier in the request, or primed by a page statement that joined it) comes back as a
 * plain value, not a promise: for a page of 50 figures that saves graphql-js a promise per related object.
 */
export function loadRow<K, R>(loader: BatchLoader<K, R | null>, key: K, what: string): R | Promise<R> {
  const known = loader.peek(key);
  if (known === undefined) {
    return loader.load(key).then((row) => {
      if (row === null) throw new NotFoundError(what, String(key));
      return row;
    });
  }
  if (known === null) throw new NotFoundError(what, String(key));
  return known;
}

/** A value or a promise of it: what a field resolver may return. */
export type MaybePromise<T> = T | Promise<T>;
