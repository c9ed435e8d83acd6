/**
 * Two scheduler instances (two ORMs and two pg-boss clients, as two processes would have) over one database, a
 * source ticking every second, in queue mode: every tick fires on both, at most one queues it, and every queued
 * tick is exactly one run and one `source.run` job (a job worker finishes the runs so later ticks can queue).
 */
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { TEST_JOBS, settlePgBoss, testBoss } from '../../helpers/jobs';
import { initOrm, type Orm } from '../../../src/db/orm';
import { IngestScheduler, type TickEnqueued } from '../../../ingest/schedule';
import { enqueueRun } from '../../../ingest/jobs/runs';
import { startJobWorkers, type JobWorkers } from '../../../ingest/jobs/worker';
import { silentLogger } from '../../../src/logger';

jest.setTimeout(60_000);
let db: TestDatabase;
let fx: IngestFixture;
const orms: Orm[] = [];
const bosses: PgBoss[] = [];
let workers: JobWorkers;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['phuong-song-cau'] });
  await db.orm.em.fork().execute(`update source set schedule = '* * * * * *'`);
  const workerBoss = await testBoss(db.url);
  workers = await startJobWorkers(db.orm, workerBoss, db.url, silentLogger, { concurrency: 2, settings: TEST_JOBS, fetcherOptions: { allowPrivateAddresses: true } });
});
afterAll(async () => {
  await workers.stop();
  await settlePgBoss();
  for (const b of bosses) await b.stop({ graceful: false });
  for (const orm of orms) await orm.close(true);
  await fx.mirror.close();
  await db.drop();
});

it('queues each tick once across two instances', async () => {
  const outcomes: Array<TickEnqueued & { instance: number; tickTime: Date }> = [];
  const schedulers = await Promise.all([0, 1].map(async (instance) => {
    const orm = await initOrm(db.url);
    const boss = await testBoss(db.url);
    orms.push(orm);
    bosses.push(boss);
    return new IngestScheduler({ ...fx.deps, orm }, {
      timezone: 'Asia/Ho_Chi_Minh',
      enqueue: (id, tickTime) => enqueueRun(orm, boss, id, 'cron', { tickTime }),
      onEnqueue: (o) => outcomes.push({ ...o, instance }),
    });
  }));
  await Promise.all(schedulers.map((s) => s.start()));
  const bothRunning = Date.now();
  await new Promise((r) => setTimeout(r, 6000));
  const stopping = Date.now();
  await Promise.all(schedulers.map((s) => s.stop()));

  const byTick = new Map<number, typeof outcomes>();
  for (const o of outcomes) byTick.set(o.tickTime.getTime(), [...(byTick.get(o.tickTime.getTime()) ?? []), o]);
  for (const [tick, seen] of byTick) {
    // The tick fired on both instances — unless it fell in the moment one had started or stopped before the other.
    if (tick >= bothRunning && tick < stopping - 1000) expect(seen.map((o) => o.instance).sort()).toEqual([0, 1]);
    expect(seen.filter((o) => o.queued).length).toBeLessThanOrEqual(1);
  }
  const queued = outcomes.filter((o) => o.queued);
  expect(queued.length).toBeGreaterThanOrEqual(2);
  expect(outcomes.filter((o) => !o.queued).every((o) => /another instance|in progress/.test(o.reason ?? ''))).toBe(true);
  expect(await count(db.orm, `select count(*) as n from ingest_run where trigger = 'cron'`)).toBe(queued.length);
  expect(await count(db.orm, `select count(*) as n from pgboss.job where name = 'source.run'`)).toBe(queued.length);
  // Runs of the source never overlapped: each started after the previous one finished.
  const runs = await db.orm.em.fork().execute<{ started_at: string; finished_at: string | null }[]>(
    `select started_at, finished_at from ingest_run where trigger = 'cron' order by started_at`);
  for (let i = 1; i < runs.length; i++) {
    expect(runs[i - 1].finished_at).not.toBeNull();
    expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(new Date(runs[i - 1].finished_at!).getTime());
  }
});
