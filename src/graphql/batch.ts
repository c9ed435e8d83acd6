/**
 * Request-scoped batching for relations MikroORM's own dataloaders do not cover (rows of another table keyed by
 * a column, such as a figure's reviews or a unit's successors). All `load(key)` calls made while one GraphQL level
 * resolves are collected and answered by one query, so a list of N parents costs one query, not N.
 */
import type { EntityName, Primary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Waiter<V> = { resolve: (value: V) => void; reject: (err: unknown) => void };

/** Answers a batch of keys; keys missing from the map get the loader's default value. */
export type BatchFn<K, V> = (keys: readonly K[]) => Promise<Map<K, V>>;

/** Collects keys until the current tick's promise jobs have run, then calls the batch function once. */
export class BatchLoader<K, V> {
  private readonly cache = new Map<K, Promise<V>>();
  /** Values already answered by a batch, so a resolver can return them without a promise. */
  private readonly known = new Map<K, V>();
  private queue = new Map<K, Waiter<V>[]>();
  private scheduled = false;

  constructor(private readonly batch: BatchFn<K, V>, private readonly fallback: () => V) {}

  /** The value for one key (cached for the rest of the request). */
  load(key: K): Promise<V> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      const waiters = this.queue.get(key) ?? [];
      waiters.push({ resolve, reject });
      this.queue.set(key, waiters);
    });
    this.cache.set(key, promise);
    if (!this.scheduled) {
      this.scheduled = true;
      // Same trick as the dataloader package: wait for the promise jobs already queued (sibling resolvers), then run.
      void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
    }
    return promise;
  }

  /**
   * The value for `key` if it is already known (loaded earlier in this request), else undefined. Lets a
   * field resolver answer synchronously: graphql-js completes a plain value without promise bookkeeping.
   */
  peek(key: K): V | undefined {
    return this.known.get(key);
  }

  private async dispatch(): Promise<void> {
    const queue = this.queue;
    this.queue = new Map();
    this.scheduled = false;
    try {
      const found = await this.batch([...queue.keys()]);
      for (const [key, waiters] of queue) {
        const value = found.has(key) ? found.get(key)! : this.fallback();
        this.known.set(key, value);
        for (const w of waiters) w.resolve(value);
      }
    } catch (err) {
      for (const [key, waiters] of queue) {
        this.cache.delete(key);
        for (const w of waiters) w.reject(err);
      }
    }
  }
}

const LOADERS = new WeakMap<object, Map<string, BatchLoader<unknown, unknown>>>();

/**
 * The loader called `name` for one request. `scope` is the request's EntityManager fork, so loaders (and their
 * caches) live exactly as long as the request.
 */
export function loaderFor<K, V>(scope: object, name: string, batch: BatchFn<K, V>, fallback: () => V): BatchLoader<K, V> {
  let loaders = LOADERS.get(scope);
  if (!loaders) {
    loaders = new Map();
    LOADERS.set(scope, loaders);
  }
  let loader = loaders.get(name) as BatchLoader<K, V> | undefined;
  if (!loader) {
    loader = new BatchLoader(batch, fallback);
    loaders.set(name, loader as BatchLoader<unknown, unknown>);
  }
  return loader;
}

/** Group rows into a map of arrays by a key. */
export function groupBy<K, T>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * An entity by primary key through MikroORM's reference dataloader: every call made while one GraphQL level
 * resolves becomes one `where id in (…)` query. Throws MikroORM's NotFoundError when the row is gone.
 */
export function loadById<T extends object>(em: EntityManager, entity: EntityName<T>, id: Primary<T>): Promise<T> {
  return em.getReference(entity, id, { wrapped: true }).loadOrFail() as Promise<T>;
}
