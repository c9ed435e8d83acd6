/**
 * Two scheduler instances (two ORMs, as two processes would have) on one database, a source ticking every second:
 * each tick runs on exactly one instance, and runs of the source never overlap.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { initOrm, type Orm } from '../../../src/db/orm';
import { IngestScheduler } from '../../../ingest/schedule';
import { pipelineDeps } from '../../../ingest/wiring';
import type { RunSummary } from '../../../ingest/pipeline';
import { createLogger, silentLogger } from '../../../src/logger';

let db: TestDatabase;
let fx: IngestFixture;
const extraOrms: Orm[] = [];
jest.setTimeout(60_000);
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['phuong-song-cau'] });
  await db.orm.em.fork().execute(`update source set schedule = '* * * * * *'`);
});
afterAll(async () => {
  for (const orm of extraOrms) await orm.close(true);
  await fx.mirror.close();
  await db.drop();
});

it('runs each tick once across two instances and never overlaps a source', async () => {
  const summaries: RunSummary[][] = [[], []];
  const schedulers = await Promise.all([0, 1].map(async (i) => {
    const orm = await initOrm(db.url);
    extraOrms.push(orm);
    const deps = pipelineDeps(orm, silentLogger, { minDelayMillis: 0, allowPrivateAddresses: true });
    await deps.pageParser.warm(); // as the service does at start: a tick must not wait for the parse worker to load
    return new IngestScheduler(deps, {
      timezone: 'Asia/Ho_Chi_Minh', onRun: (s) => summaries[i].push(s),
    });
  }));
  await Promise.all(schedulers.map((s) => s.start()));
  await new Promise((r) => setTimeout(r, 4500));
  await Promise.all(schedulers.map((s) => s.stop()));

  const all = summaries.flat();
  const ran = all.filter((s) => s.status !== 'skipped');
  const skipped = all.filter((s) => s.status === 'skipped');
  expect(ran.length).toBeGreaterThanOrEqual(2);
  // Both instances took part (a tick one of them found taken is a skip)...
  expect(summaries[0].length).toBeGreaterThan(0);
  expect(summaries[1].length).toBeGreaterThan(0);
  expect(skipped.length).toBeGreaterThan(0);
  // ...and no tick ran twice: at most one run per elapsed second (4.5 s of one-second ticks), although both
  // instances fire every tick. (How many ticks each instance fires depends on the machine's load: node-cron drops a
  // tick while the instance's previous one is still busy, so the counts of the two instances are not compared.)
  expect(ran.length).toBeLessThanOrEqual(5);

  const runs = await db.orm.em.fork().execute<{ started_at: string; finished_at: string; status: string }[]>(
    `select started_at, finished_at, status from ingest_run where trigger = 'cron' order by started_at`);
  expect(runs).toHaveLength(ran.length);
  for (let i = 1; i < runs.length; i++) {
    expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(new Date(runs[i - 1].finished_at).getTime());
  }
  expect(new Set(runs.map((r) => r.status))).toEqual(new Set(['succeeded']));
});

it("reports a tick dropped because the source's previous tick is still busy in the service's log, not on the console", async () => {
  // node-cron's overlap prevention drops such a tick and, left alone, says so with console.warn: unstructured output
  // beside the service's JSON log (and, in the suite, a failure whenever the machine is slow enough to drop a tick).
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  const orm = await initOrm(db.url);
  extraOrms.push(orm);
  const deps = pipelineDeps(orm, logger, { minDelayMillis: 0, allowPrivateAddresses: true });
  let release!: () => void;
  const busy = new Promise<void>((r) => { release = r; });
  const scheduler = new IngestScheduler(deps, {
    timezone: 'Asia/Ho_Chi_Minh',
    // The first tick stays busy for the whole test: every later tick of the source overlaps it.
    enqueue: async () => { await busy; return { queued: false, runId: null, reason: 'test' }; },
  });
  await scheduler.start();
  await new Promise((r) => setTimeout(r, 2600));
  release();
  await scheduler.stop();
  const dropped = lines.map((l) => JSON.parse(l) as { msg: string; component?: string; source?: string })
    .filter((l) => /still busy/.test(l.msg));
  expect(dropped.length).toBeGreaterThan(0);
  expect(dropped[0]).toMatchObject({ component: 'scheduler', source: expect.stringMatching(/phuong-song-cau$/) });
});
