/** National-index test wiring: the index mirror on loopback, the source registered, a fast polite fetcher. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { silentLogger } from '../../src/logger';
import { HttpFetcher } from '../../ingest/fetch';
import { registerIndexSource } from '../../ingest/dvc-index/source';
import { INDEX_FETCH_OPTIONS, runIndexPeriod, type IndexDeps } from '../../ingest/dvc-index/run';
import type { IndexGeneration, IndexRequest } from '../../ingest/dvc-index/protocol';
import type { IndexPeriod } from '../../ingest/dvc-index/periods';
import { startIndexMirror, type IndexMirror } from '../../demo/dvc-index/mirror';

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
