/**
 * A worker that dies on a job's last try leaves no handler to close the item: pg-boss fails the job when it expires
 * and dead-letters it, and `closeDeadItems` (run periodically by every worker) closes the item with that reason so
 * the run finishes instead of blocking its source.
 */
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { testBoss } from '../../helpers/jobs';
import { QUEUES } from '../../../ingest/jobs/boss';
import { addItems, closeDeadItems, enqueueRun, finishRun } from '../../../ingest/jobs/runs';

let db: TestDatabase;
let fx: IngestFixture;
let boss: PgBoss;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['phuong-duc-xuan'] });
  boss = await testBoss(db.url);
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await fx.mirror.close();
  await db.drop();
});

it('closes an item whose job expired on its last try, and finishes the run', async () => {
  const queued = await enqueueRun(db.orm, boss, 'demo-phuong-duc-xuan', 'manual');
  if (!queued.queued) throw new Error(queued.reason);
  const em = db.orm.em.fork();
  const url = `${fx.mirror.origin}/phuong-duc-xuan/bai-mat-tich/`;
  await addItems(em, queued.runId, [url], []);
  await boss.send(QUEUES.documentFetch, { runId: queued.runId, sourceId: 'demo-phuong-duc-xuan', url }, { retryLimit: 0, expireInSeconds: 1 });
  const [job] = await boss.fetch(QUEUES.documentFetch); // a worker takes it… and dies
  expect(job.data).toMatchObject({ url });

  expect(await closeDeadItems(em)).toBe(0); // still active: nothing to close yet
  const deadline = Date.now() + 15_000;
  let closed = 0;
  while (closed === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    closed = await closeDeadItems(em);
  }
  expect(closed).toBe(1);
  expect(await finishRun(em, queued.runId)).toBeNull(); // already finished by closeDeadItems
  const [run] = await em.execute<{ status: string; failed: number; failures: Array<{ url: string; reason: string }> }[]>(
    'select status::text as status, failed, failures from ingest_run where id = ?', [queued.runId]);
  expect(run.status).toBe('partial');
  expect(run.failures).toEqual([{ url, reason: 'job failed by timeout in active state (dead-lettered after 1 tries)', action: 'retry' }]);
  const dead = await em.execute('select 1 from pgboss.job where name = ? and data->>\'url\' = ?', [QUEUES.deadLetter, url]);
  expect(dead).toHaveLength(1);
  expect(await closeDeadItems(em)).toBe(0);
});
