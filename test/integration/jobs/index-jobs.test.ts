/**
 * The national index on the job queue: `source.run` of `dvc-index` queues the province lists, `index.period` jobs
 * do one request each and queue the provinces. Real `npm run worker` processes over the loopback index mirror:
 * - 3 workers end with exactly the figures of the in-process walk (`runIndexBackfill`) of the same periods;
 * - a worker SIGKILLed mid-backfill, then workers restarted, end with exactly the expected figures, each once;
 * - a 403 is retried by the queue (and holds the host for every worker), an answer of unknown shape is a skip:
 *   recorded with its reason, not retried, a request refused on every try is dead-lettered; the next run asks
 *   only for what is not done;
 * - a cron tick queued for the workers covers the periods published by the tick;
 * - `npm run ingest -- --source dvc-index --queue` follows the queued range to the end.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count } from '../../helpers/ingest';
import { settlePgBoss, startWorkerProcess, testBoss, TEST_JOBS, waitForConnectionsToEnd, waitForJobsToSettle, waitForRuns, type WorkerProcess } from '../../helpers/jobs';
import { enqueueRun, type IndexRunRange } from '../../../ingest/jobs/runs';
import { startJobWorkers } from '../../../ingest/jobs/worker';
import { QUEUES } from '../../../ingest/jobs/boss';
import { registerIndexSource } from '../../../ingest/dvc-index/source';
import { INDEX_FETCH_OPTIONS, runIndexBackfill } from '../../../ingest/dvc-index/run';
import { HttpFetcher } from '../../../ingest/fetch';
import { demoIndexAgencies, startIndexMirror, type IndexMirror } from '../../../demo/dvc-index/mirror';
import { silentLogger } from '../../../src/logger';
import { connectionsOfProcess } from '../../../src/db/connection-name';

jest.setTimeout(180_000);

const workers: WorkerProcess[] = [];
const dbs: TestDatabase[] = [];
const mirrors: IndexMirror[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(mirrors.map((m) => m.close()));
  await Promise.all(dbs.map((d) => d.drop()));
});

async function setup(o: { mirrorDelayMillis?: number } = {}): Promise<{ db: TestDatabase; mirror: IndexMirror }> {
  const db = await createTestDatabase();
  dbs.push(db);
  const mirror = await startIndexMirror({ delayMillis: o.mirrorDelayMillis ?? 0 });
  mirrors.push(mirror);
  await registerIndexSource(db.orm.em.fork(), { baseUrl: mirror.origin, demo: true, minDelayMillis: 0 });
  return { db, mirror };
}

async function queueIndex(db: TestDatabase, boss: PgBoss, index: IndexRunRange): Promise<number> {
  const r = await enqueueRun(db.orm, boss, 'dvc-index', 'cli', { index });
  if (!r.queued) throw new Error(r.reason);
  return r.runId;
}

/** Figures as comparable rows (no ids: local units for departments get ids in arrival order). */
async function figures(db: TestDatabase): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<{ row: string }[]>(
    `select concat_ws(' ', d.url, f.fingerprint, f.metric_code, f.value::text, f.numerator::text, f.total::text, f.subject_label,
       f.period_year, f.period_from_month, f.period_to_month) as row
     from figure f join document d on d.id = f.document_id order by 1`);
  return rows.map((r) => r.row);
}

const duplicates = `select count(*) as n from (select subject_label, metric_code, period_year, period_from_month, period_to_month
  from figure group by 1, 2, 3, 4, 5 having count(*) > 1) d`;

it('3 worker processes end with exactly the figures of the in-process walk, over both API generations', async () => {
  const { db, mirror } = await setup();
  const reference = await createTestDatabase();
  dbs.push(reference);
  await registerIndexSource(reference.orm.em.fork(), { baseUrl: mirror.origin, demo: true, minDelayMillis: 0 });
  // 2025-11/12 from the legacy service (list + 3 provinces), 2026-01/02 from the current API (list + 3 × scores and five count trees).
  const range = { from: { year: 2025, month: 11 }, to: { year: 2026, month: 2 }, grains: ['month' as const] };
  const requests = 2 * 4 + 2 * (1 + 3 * 6);

  const walked = await runIndexBackfill({
    orm: reference.orm, logger: silentLogger, baseUrl: mirror.origin,
    fetcher: new HttpFetcher({ ...INDEX_FETCH_OPTIONS, allowPrivateAddresses: true, minDelayMillis: 0, maxAttempts: 1 }),
  }, { ...range, trigger: 'cli' });
  expect(walked).toMatchObject({ status: 'succeeded', requests, failed: 0 });
  const expected = await figures(reference);
  expect(expected.length).toBe(walked.figuresAdded);

  workers.push(...await Promise.all([1, 2, 3].map(() => startWorkerProcess(db.url))));
  const boss = await testBoss(db.url);
  try {
    const runId = await queueIndex(db, boss, range);
    const [run] = await waitForRuns(db.orm, [runId], 90_000);
    expect(run).toMatchObject({ status: 'succeeded', listed: requests, parsed: requests, failed: 0, figures_added: expected.length });
    expect(await figures(db)).toEqual(expected);
    expect(await count(db.orm, duplicates)).toBe(0);
    expect(await count(db.orm, `select count(*) as n from index_request where status = 'done'`)).toBe(requests);
    expect(await count(db.orm, `select count(*) as n from pgboss.job where name = ?`, [QUEUES.indexPeriod])).toBe(requests);
    expect(await waitForJobsToSettle(db.orm)).toEqual({ open: 0, jobs: '' });
    // Each request was answered once (nothing was fetched twice by two workers).
    expect(mirror.requests()).toBe(2 * requests);

    // A second run of the same periods asks the portal nothing new and stores nothing: the lists are done, so no
    // province job is queued.
    const again = await queueIndex(db, boss, range);
    const [second] = await waitForRuns(db.orm, [again], 60_000);
    expect(second).toMatchObject({ status: 'succeeded', listed: 4, unchanged: 4, figures_added: 0 });
    expect(mirror.requests()).toBe(2 * requests);
    expect(await figures(db)).toEqual(expected);
  } finally {
    await boss.stop({ graceful: false });
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  }
});

it('a worker SIGKILLed mid-backfill, restarted, ends with exactly the expected figures, none twice', async () => {
  const { db } = await setup({ mirrorDelayMillis: 250 });
  const agencies = demoIndexAgencies().length;
  const months = 12;
  const requests = months * 4;
  const expectedFigures = months * agencies * 8; // legacy answers: total, six groups, rank
  const boss = await testBoss(db.url);
  try {
    const first = await startWorkerProcess(db.url);
    workers.push(first);
    const runId = await queueIndex(db, boss, { from: { year: 2024, month: 1 }, to: { year: 2024, month: 12 }, grains: ['month'] });
    const deadline = Date.now() + 60_000;
    while (await count(db.orm, `select count(*) as n from index_request where status = 'done'`) < requests / 3
      || await count(db.orm, `select count(*) as n from pgboss.job where name = ? and state = 'active'`, [QUEUES.indexPeriod]) === 0) {
      if (Date.now() > deadline) throw new Error(`the backfill did not get far enough:\n${first.output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The worker's connections carry its pid (connectionName), so the wait below is not vacuous.
    expect(await count(db.orm, `select count(*) as n from pg_stat_activity where application_name like ?`, [connectionsOfProcess(first.child.pid!)]))
      .toBeGreaterThan(0);
    first.child.kill('SIGKILL');
    await first.exited;
    await waitForConnectionsToEnd(db.orm, first.child.pid!);
    const orphaned = await count(db.orm, `select count(*) as n from pgboss.job where name = ? and state = 'active'`, [QUEUES.indexPeriod]);
    expect(orphaned).toBeGreaterThan(0);
    expect(await count(db.orm, `select count(*) as n from index_request where status = 'done'`)).toBeLessThan(requests);

    workers.push(await startWorkerProcess(db.url), await startWorkerProcess(db.url));
    const [run] = await waitForRuns(db.orm, [runId], 120_000);
    expect(run).toMatchObject({ status: 'succeeded', listed: requests, failed: 0, figures_added: expectedFigures });
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(expectedFigures);
    expect(await count(db.orm, duplicates)).toBe(0);
    expect(await count(db.orm, `select count(*) as n from document where source_id = 'dvc-index'`)).toBe(requests);
    expect(await count(db.orm, `select count(*) as n from index_request where status = 'done'`)).toBe(requests);
    // The killed worker's jobs expired and were tried again; nothing is left waiting or failed.
    expect(await count(db.orm, `select count(*) as n from pgboss.job where name = ? and retry_count > 0 and state = 'completed'`, [QUEUES.indexPeriod]))
      .toBeGreaterThanOrEqual(orphaned);
    expect(await waitForJobsToSettle(db.orm)).toEqual({ open: 0, jobs: '' });
  } finally {
    await boss.stop({ graceful: false });
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  }
});

it('retries a refused request on the queue and holds the host; records an unknown answer as a skip; dead-letters a request refused every time', async () => {
  const { db, mirror } = await setup();
  const boss = await testBoss(db.url);
  const jobs = await startJobWorkers(db.orm, boss, db.url, silentLogger, { concurrency: 2, settings: TEST_JOBS, fetcherOptions: { allowPrivateAddresses: true } });
  try {
    mirror.failNext(1, 'forbidden'); // the province list is refused once by the "WAF"
    mirror.failMatching('"p_tinh_id":"420192"', 1, 'garbage'); // Lai Châu's answer is of an unknown shape
    mirror.failMatching('"p_tinh_id":"410516"', TEST_JOBS.retryLimit + 1, 'rate-limited'); // Cao Bằng: 429 on every try
    const runId = await queueIndex(db, boss, { from: { year: 2025, month: 10 }, to: { year: 2025, month: 10 }, grains: ['month'] });
    const [run] = await waitForRuns(db.orm, [runId], 60_000);
    expect(run).toMatchObject({ status: 'partial', listed: 4, parsed: 2, failed: 2 });
    const failures = run.failures as Array<{ url: string; reason: string; action: string }>;
    expect(failures).toEqual([
      { url: 'legacy|report_tinh_766_service|2025-M10|H14', reason: expect.stringMatching(/HTTP 429.*\(dead-lettered after 3 tries\)/), action: 'retry' },
      { url: 'legacy|report_tinh_766_service|2025-M10|H35', reason: expect.stringMatching(/unrecognised response/), action: 'skip' },
    ]);

    const state = await db.orm.em.fork().execute<{ scope: string; status: string; attempts: number; reason: string | null }[]>(
      'select scope, status, attempts, reason from index_request order by scope');
    expect(state).toEqual([
      { scope: 'H01', status: 'done', attempts: 1, reason: null },
      { scope: 'H14', status: 'failed', attempts: 3, reason: expect.stringMatching(/HTTP 429/) },
      { scope: 'H35', status: 'failed', attempts: 1, reason: expect.stringMatching(/unrecognised response/) },
      { scope: 'national', status: 'done', attempts: 2, reason: null }, // refused once, then stored
    ]);
    const tries = await db.orm.em.fork().execute<{ url: string; retry_count: number; state: string }[]>(
      `select data->>'url' as url, retry_count, state::text as state from pgboss.job where name = ? order by 1`, [QUEUES.indexPeriod]);
    expect(tries.map((t) => [t.url.split('|')[3], t.retry_count, t.state])).toEqual([
      ['H01', 0, 'completed'], ['H14', 2, 'failed'], ['H35', 0, 'completed'], ['national', 1, 'completed'],
    ]);
    const dead = await db.orm.em.fork().execute<{ url: string }[]>(`select data->>'url' as url from pgboss.job where name = ?`, [QUEUES.deadLetter]);
    expect(dead).toEqual([{ url: 'legacy|report_tinh_766_service|2025-M10|H14' }]);
    // The refusal held the mirror's host for every worker (a 403 without Retry-After).
    expect(await count(db.orm, 'select count(*) as n from host_politeness where host = ?', [new URL(mirror.origin).host])).toBe(1);
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe((3 + demoIndexAgencies().filter((a) => a.provinceCode === 'H01' && a.kind !== 'province').length) * 8); // the list, An Giang's units

    // The next run asks only for what is not done: Cao Bằng and Lai Châu (the list is done, An Giang too).
    const hits = mirror.requests();
    const again = await queueIndex(db, boss, { from: { year: 2025, month: 10 }, to: { year: 2025, month: 10 }, grains: ['month'] });
    const [second] = await waitForRuns(db.orm, [again], 60_000);
    expect(second).toMatchObject({ status: 'succeeded', listed: 3, unchanged: 1, parsed: 2, failed: 0 });
    expect(mirror.requests() - hits).toBe(2);
  } finally {
    await jobs.stop();
    await settlePgBoss();
  }
});

it('a cron tick queued for the workers asks for every period published by the tick', async () => {
  const { db } = await setup();
  const boss = await testBoss(db.url);
  const jobs = await startJobWorkers(db.orm, boss, db.url, silentLogger, { concurrency: 2, settings: TEST_JOBS, fetcherOptions: { allowPrivateAddresses: true } });
  try {
    // The tick of 6 March 2022: January and February 2022 are published (from the 5th), March is not.
    const r = await enqueueRun(db.orm, boss, 'dvc-index', 'cron', { tickTime: new Date('2022-03-05T23:30:00Z') });
    if (!r.queued) throw new Error(r.reason);
    const [run] = await waitForRuns(db.orm, [r.runId], 60_000);
    expect(run).toMatchObject({ status: 'succeeded', listed: 2 * 4, parsed: 2 * 4, figures_added: 2 * demoIndexAgencies().length * 8 });
    expect(await count(db.orm, `select count(*) as n from index_request where period_year = 2022 and period_from_month in (1, 2) and status = 'done'`)).toBe(8);
    expect(await count(db.orm, 'select count(*) as n from index_request')).toBe(8);
  } finally {
    await jobs.stop();
    await settlePgBoss();
  }
});

it('npm run ingest -- --source dvc-index --queue queues the range for the workers and follows it to the end', async () => {
  const { db, mirror } = await setup();
  const worker = await startWorkerProcess(db.url);
  workers.push(worker);
  try {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'ingest/cli.ts', '--source', 'dvc-index', '--from', '2025-10', '--to', '2025-11', '--grains', 'month', '--queue'], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent', INDEX_BASE_URL: mirror.origin, INDEX_DELAY_MS: '0', ALLOW_PRIVATE_SOURCES: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/dvc-index\s+succeeded\s+8\s/) });
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(2 * demoIndexAgencies().length * 8);
    expect(await count(db.orm, `select count(*) as n from pgboss.job where name = ? and state = 'completed'`, [QUEUES.indexPeriod])).toBe(8);
  } finally {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  }
});
