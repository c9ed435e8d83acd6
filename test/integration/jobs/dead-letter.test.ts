/**
 * A poison page (the server fails on it every time) is retried with backoff, then lands in the dead-letter queue
 * with its reason while the rest of the run finishes; the `jobs` query and `/metrics` show it.
 */
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count } from '../../helpers/ingest';
import { startTestApi, type TestApi } from '../../helpers/api';
import { settlePgBoss, testBoss, waitForRuns } from '../../helpers/jobs';
import { enqueueRun } from '../../../ingest/jobs/runs';
import { startJobWorkers, type JobWorkers } from '../../../ingest/jobs/worker';
import { QUEUES, type JobSettings } from '../../../ingest/jobs/boss';
import { registerSources } from '../../../ingest/sources';
import { loadDemoContent } from '../../../demo/content-loader';
import { startMirror, type Mirror } from '../../../demo/mirror';
import { demoSources } from '../../../demo/sources';
import { silentLogger } from '../../../src/logger';

jest.setTimeout(60_000);
const SETTINGS: JobSettings = { retryLimit: 1, retryDelaySeconds: 1, expireInSeconds: 10, maintenanceSeconds: 1, pollingSeconds: 0.5 };

let db: TestDatabase;
let mirror: Mirror;
let boss: PgBoss;
let workers: JobWorkers;
let api: TestApi;
let healthy: number;
beforeAll(async () => {
  db = await createTestDatabase();
  const content = loadDemoContent();
  const sites = content.sites.filter((s) => s.id === 'phuong-song-cau');
  const articles = content.articles.filter((a) => a.siteId === 'phuong-song-cau');
  healthy = articles.length;
  const poison = { ...articles[0], slug: 'trang-luon-loi', itemId: 9901, publishedAt: '2024-12-30T08:00:00+07:00', title: 'Trang luôn lỗi' };
  mirror = await startMirror({ sites, articles: [...articles, poison], faultySlugs: new Set(['trang-luon-loi']) });
  await registerSources(db.orm.em.fork(), demoSources(sites, mirror.origin));
  boss = await testBoss(db.url, SETTINGS);
  workers = await startJobWorkers(db.orm, boss, db.url, silentLogger, { concurrency: 2, settings: SETTINGS, fetcherOptions: { allowPrivateAddresses: true } });
  api = await startTestApi(db.orm);
});
afterAll(async () => {
  await api.close();
  await workers.stop();
  await settlePgBoss();
  await mirror.close();
  await db.drop();
});

it('dead-letters the poison page with its reason after the last try and finishes the rest', async () => {
  const queued = await enqueueRun(db.orm, boss, 'demo-phuong-song-cau', 'manual');
  if (!queued.queued) throw new Error(queued.reason);
  const [run] = await waitForRuns(db.orm, [queued.runId], 45_000);

  expect(run.status).toBe('partial');
  expect(run.listed).toBe(healthy + 1);
  expect(run.parsed).toBe(healthy);
  expect(run.failed).toBe(1);
  const [failure] = run.failures as Array<{ url: string; reason: string; action: string }>;
  expect(failure.url).toContain('trang-luon-loi');
  expect(failure.reason).toMatch(/HTTP 500 .*\(dead-lettered after 2 tries\)/);
  expect(failure.action).toBe('retry');
  expect(await count(db.orm, 'select count(*) as n from document')).toBe(healthy);

  const dead = await db.orm.em.fork().execute<{ data: { url: string }; output: { message: string } }[]>(
    'select data, output from pgboss.job where name = ?', [QUEUES.deadLetter]);
  expect(dead).toHaveLength(1);
  expect(dead[0].data.url).toBe(failure.url);
  expect(dead[0].output.message).toMatch(/HTTP 500/);

  const { body } = await api.gql(`{ jobs { counts { queue state count } oldestWaiting { queue }
    failures { queue url runId tries reason } } }`);
  expect(body.errors).toBeUndefined();
  expect(body.data.jobs.failures).toEqual([
    { queue: QUEUES.documentFetch, url: failure.url, runId: queued.runId, tries: 2, reason: expect.stringMatching(/HTTP 500/) },
  ]);
  const counts = body.data.jobs.counts as Array<{ queue: string; state: string; count: number }>;
  expect(counts).toContainEqual({ queue: QUEUES.deadLetter, state: 'created', count: 1 });
  expect(counts).toContainEqual({ queue: QUEUES.documentParse, state: 'completed', count: healthy });
  expect(body.data.jobs.oldestWaiting).toBeNull(); // dead letters wait for a person, not for a worker

  await boss.send(QUEUES.documentFetch, { runId: queued.runId, sourceId: 'demo-phuong-song-cau', url: failure.url }, { startAfter: 3600 });
  const later = await api.gql('{ jobs { oldestWaiting { queue waitingSeconds data } } }');
  expect(later.body.data.jobs.oldestWaiting).toMatchObject({ queue: QUEUES.documentFetch, data: { url: failure.url } });

  const metrics = await (await fetch(`${api.url}/metrics`)).text();
  expect(metrics).toContain(`cchc_jobs{queue="${QUEUES.documentFetch}",state="failed"} 1`);
  expect(metrics).toMatch(new RegExp(`cchc_job_duration_seconds\\{queue="${QUEUES.documentParse.replace('.', '\\.')}",stat="count"\\} ${healthy}`));
});
