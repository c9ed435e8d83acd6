/**
 * The index as a scheduled source: a cron tick of `dvc-index` goes through `runSource` (as the scheduler calls it)
 * and walks every period published by the tick's date, under the run lease, with an IngestRun; the same tick on a
 * second instance is skipped.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count } from '../../helpers/ingest';
import { startIndexFixture, type IndexFixture } from '../../helpers/dvc-index';
import { runSource } from '../../../ingest/pipeline';
import { pipelineDeps } from '../../../ingest/wiring';
import { silentLogger } from '../../../src/logger';
import { demoIndexAgencies } from '../../../demo/dvc-index/mirror';
import { INDEX_SCHEDULE } from '../../../ingest/dvc-index/source';

let db: TestDatabase;
let fx: IndexFixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIndexFixture(db.orm);
});
afterAll(async () => {
  await fx.mirror.close();
  await db.drop();
});

it('runs monthly after the publication day and walks the periods published by then', async () => {
  const [source] = await db.orm.em.fork().execute<{ family: string; schedule: string }[]>(`select family, schedule from source where id = 'dvc-index'`);
  expect(source).toEqual({ family: 'dvc-index', schedule: INDEX_SCHEDULE });
  expect(INDEX_SCHEDULE).toBe('30 6 6 * *');
  const deps = pipelineDeps(db.orm, silentLogger, { maxAttempts: 1, allowPrivateAddresses: true });
  // The tick of 6 March 2022: January and February 2022 are published (from the 5th), March is not.
  const tick = new Date('2022-03-05T23:30:00Z');
  const summary = await runSource(deps, 'dvc-index', { trigger: 'cron', tickTime: tick });
  const agencies = demoIndexAgencies().length;
  expect(summary).toMatchObject({ status: 'succeeded', listed: 2 * 4, parsed: 2 * 4, figuresAdded: 2 * agencies * 8, failed: 0 });
  expect(await count(db.orm, `select count(*) as n from ingest_run where source_id = 'dvc-index' and status = 'succeeded'`)).toBe(1);
  expect(await count(db.orm, `select count(*) as n from figure where period_year = 2022 and period_from_month = 3`)).toBe(0);
  // The run stored the rankings' choices of every key it wrote (the two months and their quarter/half/year keys).
  expect(await count(db.orm, 'select count(*) as n from figure_pick_dirty')).toBe(0);
  expect(await count(db.orm, `select count(*) as n from figure_pick where grain = 1 and served`)).toBe(2 * agencies * 8);
  // The same tick seen by a second scheduler instance is not run again.
  const again = await runSource(deps, 'dvc-index', { trigger: 'cron', tickTime: tick });
  expect(again).toMatchObject({ status: 'skipped', figuresAdded: 0 });
  expect(await count(db.orm, 'select count(*) as n from figure')).toBe(2 * agencies * 8);
});
