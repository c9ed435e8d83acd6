/**
 * A process that dies between committing figures and refreshing the stored choices leaves marks behind. Nobody's job
 * would clear them (the next writer of another key might never come), so every worker's periodic sweep refreshes.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startWorkerProcess, type WorkerProcess } from '../../helpers/jobs';
import { count } from '../../helpers/ingest';
import { waitFor } from '../../helpers/service-process';

let db: TestDatabase;
let worker: WorkerProcess | null = null;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await worker?.stop();
  await db.drop();
});

it('a worker clears marks a dead writer left, with no job to run', async () => {
  // What a writer killed after its commit leaves: marks of keys whose choices were never recomputed.
  await db.orm.em.fork().execute(`insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
    select 'on_time_rate', 'actual', id, 2024 from admin_unit order by id limit 3`);
  expect(await count(db.orm, 'select count(*) as n from figure_pick_dirty')).toBe(3);
  worker = await startWorkerProcess(db.url);
  await waitFor('the sweep to refresh', async () => await count(db.orm, 'select count(*) as n from figure_pick_dirty') === 0, 30_000);
  expect(await count(db.orm, 'select count(*) as n from pgboss.job')).toBe(0);
});
