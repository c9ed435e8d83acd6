/** National-index test wiring: the index mirror on loopback, the source registered, a fast polite fetcher. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { silentLogger } from '../../src/logger';
import { HttpFetcher } from '../../ingest/fetch';
import { registerIndexSource } from '../../ingest/dvc-index/source';
import { INDEX_FETCH_OPTIONS, runIndexPeriod, type IndexDeps } from '../../ingest/dvc-index/run';
import type { IndexGeneration, IndexRequest } from '../../ingest/dvc-index/protocol';
import type { IndexPeriod } from '../../ingest/dvc-index/periods';
import { startIndexMirror, type IndexMirror } from '../../demo/dvc-index/mirror';
import { createTestDatabase, type TestDatabase } from './db';
import { startTestApi, type TestApi } from './api';

export interface IndexFixture { mirror: IndexMirror; deps: IndexDeps }

export async function startIndexFixture(orm: MikroORM): Promise<IndexFixture> {
  const mirror = await startIndexMirror();
  await registerIndexSource(orm.em.fork(), { baseUrl: mirror.origin, demo: true, minDelayMillis: 0 });
  const fetcher = new HttpFetcher({ ...INDEX_FETCH_OPTIONS, allowPrivateAddresses: true, minDelayMillis: 0, maxAttempts: 3, backoffBaseMillis: 5, backoffCapMillis: 20 });
  return { mirror, deps: { orm, fetcher, logger: silentLogger, baseUrl: mirror.origin } };
}

/** Walks one period from its national list down to every province's units, in-process; every request must store. */
export async function walkIndexPeriod(fx: IndexFixture, generation: IndexGeneration, period: IndexPeriod): Promise<void> {
  const queue: IndexRequest[] = [{ generation, period, province: null }];
  while (queue.length) {
    const r = await runIndexPeriod(fx.deps, queue.shift()!);
    expect(r.status).toBe('stored');
    queue.push(...r.next);
  }
}

export interface IndexApi {
  db: TestDatabase;
  fx: IndexFixture;
  api: TestApi;
}

/**
 * The setup the index API tests share: a fresh database, the mirror's answers for `periods` (legacy generation)
 * walked in, and the real API over HTTP on it. Registers beforeAll/afterAll; the returned object is filled in before
 * the first test runs.
 */
export function indexApiContext(periods: IndexPeriod[], env?: Record<string, string>): IndexApi {
  const c = {} as IndexApi;
  beforeAll(async () => {
    c.db = await createTestDatabase();
    c.fx = await startIndexFixture(c.db.orm);
    for (const period of periods) await walkIndexPeriod(c.fx, 'legacy', period);
    c.api = await startTestApi(c.db.orm, { env });
  });
  afterAll(async () => {
    await c.api?.close();
    await c.fx?.mirror.close();
    await c.db?.drop();
  });
  return c;
}
