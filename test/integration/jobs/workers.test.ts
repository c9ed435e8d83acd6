/**
 * Scale-out with real processes: the demo mirror ingested through one `npm run worker` process and, into a second
 * database, through three; both end with exactly the same documents, figures and run totals.
 */
import type PgBoss from 'pg-boss';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { enqueueAll, snapshot, startWorkerProcess, testBoss, waitForRuns, type WorkerProcess } from '../../helpers/jobs';
import { registerSources } from '../../../ingest/sources';
import { waitFor } from '../../helpers/service-process';
import { demoSources } from '../../../demo/sources';

jest.setTimeout(120_000);
const SITES = ['quan-3', 'sa-dec', 'phuong-song-cau'];

let one: TestDatabase;
let three: TestDatabase;
let fx: IngestFixture;
const bosses: PgBoss[] = [];
const workers: WorkerProcess[] = [];
beforeAll(async () => {
  [one, three] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  fx = await startIngestFixture(one.orm, { siteIds: SITES });
  await registerSources(three.orm.em.fork(), demoSources(fx.sites, fx.mirror.origin));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  for (const b of bosses) await b.stop({ graceful: false });
  await fx.mirror.close();
  await one.drop();
  await three.drop();
});

it('three worker processes end with the same documents, figures and totals as one', async () => {
  const [bossOne, bossThree] = await Promise.all([testBoss(one.url), testBoss(three.url)]);
  bosses.push(bossOne, bossThree);
  workers.push(...await Promise.all([
    startWorkerProcess(one.url),
    startWorkerProcess(three.url), startWorkerProcess(three.url), startWorkerProcess(three.url),
  ]));
  const sourceIds = Object.values(fx.sourceIds);
  const [runsOne, runsThree] = await Promise.all([
    enqueueAll(one.orm, bossOne, sourceIds).then((ids) => waitForRuns(one.orm, ids)),
    enqueueAll(three.orm, bossThree, sourceIds).then((ids) => waitForRuns(three.orm, ids)),
  ]);

  const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ id: _id, ...rest }) => rest);
  expect(strip(runsThree)).toEqual(strip(runsOne));
  expect(runsOne.every((r) => r.status === 'succeeded')).toBe(true);
  const listed = runsOne.reduce((n, r) => n + Number(r.listed), 0);
  expect(listed).toBe(fx.articles.length);

  const [a, b] = await Promise.all([snapshot(one.orm), snapshot(three.orm)]);
  expect(a.documents).toHaveLength(fx.articles.length);
  expect(a.figures.length).toBeGreaterThan(fx.articles.length);
  expect(b).toEqual(a);
  expect(runsOne.reduce((n, r) => n + Number(r.figures_added), 0)).toBe(a.figures.length);

  // Every document job completed; nothing waits, nothing was dead-lettered.
  const [left] = await three.orm.em.fork().execute<{ n: string }[]>(
    `select count(*) as n from pgboss.job where state not in ('completed')`);
  expect(Number(left.n)).toBe(0);
  // Workers store the rankings' choices after each job that wrote figures: none is left to choose on the fly.
  await waitFor('stored choices refreshed', async () => {
    const [marks] = await three.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from figure_pick_dirty');
    return Number(marks.n) === 0;
  });
});
