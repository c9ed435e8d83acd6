/**
 * A worker process SIGKILLed while it holds document jobs loses nothing: pg-boss fails the jobs once they expire,
 * another worker retries them, and the result equals an uninterrupted in-process run of the same site.
 */
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { enqueueAll, startWorkerProcess, testBoss, waitForConnectionsToEnd, waitForJobsToSettle, waitForRuns, type WorkerProcess } from '../../helpers/jobs';
import { runSource } from '../../../ingest/pipeline';

jest.setTimeout(90_000);

let crashed: TestDatabase;
let reference: TestDatabase;
let slow: IngestFixture;
let fast: IngestFixture;
let boss: PgBoss;
const workers: WorkerProcess[] = [];
beforeAll(async () => {
  [crashed, reference] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  slow = await startIngestFixture(crashed.orm, { siteIds: ['quan-1'], articleDelayMillis: 1000 });
  fast = await startIngestFixture(reference.orm, { siteIds: ['quan-1'] });
  boss = await testBoss(crashed.url);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await boss.stop({ graceful: false });
  await slow.mirror.close();
  await fast.mirror.close();
  await crashed.drop();
  await reference.drop();
});

/** Figures keyed by the article's path (the two mirrors have different origins) and fingerprint. */
async function figures(db: TestDatabase): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<{ url: string; fingerprint: string }[]>(
    'select d.url, f.fingerprint from figure f join document d on d.id = f.document_id');
  return rows.map((r) => `${new URL(r.url).pathname} ${r.fingerprint}`).sort();
}

it('retries the jobs of a killed worker after their expiry and stores each figure once', async () => {
  const first = await startWorkerProcess(crashed.url);
  workers.push(first);
  const [runId] = await enqueueAll(crashed.orm, boss, ['demo-quan-1']);
  const deadline = Date.now() + 30_000;
  // Kill it while it holds document.fetch jobs (each article answer takes 1 s).
  while (await count(crashed.orm, `select count(*) as n from pgboss.job where name = 'document.fetch' and state = 'active'`) === 0) {
    if (Date.now() > deadline) throw new Error(`no fetch job became active:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  first.child.kill('SIGKILL');
  await first.exited;
  await waitForConnectionsToEnd(crashed.orm, first.child.pid!);
  const orphaned = await count(crashed.orm, `select count(*) as n from pgboss.job where state = 'active'`);
  expect(orphaned).toBeGreaterThan(0);

  workers.push(await startWorkerProcess(crashed.url, { WORKER_CONCURRENCY: '4' }));
  const [run] = await waitForRuns(crashed.orm, [runId], 60_000);
  expect(run.status).toBe('succeeded');
  expect(run.listed).toBe(slow.articles.length);
  expect(run.failed).toBe(0);
  // The orphaned jobs were failed by expiry and tried again.
  expect(await count(crashed.orm, `select count(*) as n from pgboss.job where retry_count > 0 and state = 'completed'`)).toBeGreaterThanOrEqual(orphaned);
  expect(await waitForJobsToSettle(crashed.orm)).toEqual({ open: 0, jobs: '' });

  await runSource({ ...fast.deps, orm: reference.orm }, 'demo-quan-1', { trigger: 'cli' });
  const expected = await figures(reference);
  expect(expected.length).toBeGreaterThan(slow.articles.length);
  expect(await figures(crashed)).toEqual(expected);
  expect(await count(crashed.orm, 'select count(*) as n from document')).toBe(slow.articles.length);
  expect(run.figures_added).toBe(expected.length);
});
