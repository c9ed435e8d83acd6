/**
 * Every PostgreSQL connection of a process says which process and which part holds it (`cchc-atlas[<pid>] <role>`):
 * with many API instances and workers over one database, that is how a DBA (and the worker-crash test) tells whose
 * backend is whose in pg_stat_activity.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { testBoss } from '../../helpers/jobs';
import { openApiOrm } from '../../../src/http/api-orm';
import { connectionName, connectionsOfProcess } from '../../../src/db/connection-name';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

async function names(): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<Array<{ application_name: string }>>(
    `select distinct application_name from pg_stat_activity where datname = current_database() and application_name like ? order by 1`,
    [connectionsOfProcess(process.pid)]);
  return rows.map((r) => r.application_name);
}

it('names the ORM, API, job-queue and connections after this process and their role', async () => {
  const api = await openApiOrm(db.orm, { statementTimeoutMillis: 5000, connectTimeoutMillis: 1000, acquireTimeoutMillis: 1000 });
  const boss = await testBoss(db.url);
  try {
    await api.em.fork().execute('select 1');
    expect(await names()).toEqual([`cchc-atlas[${process.pid}] api`, `cchc-atlas[${process.pid}] jobs`, `cchc-atlas[${process.pid}] orm`]);
  } finally {
    await boss.stop({ graceful: false });
    await api.close(true);
  }
});

it('keeps the pid when a long role is cut to PostgreSQL\'s 63 bytes', () => {
  const name = connectionName(`run ${'x'.repeat(80)}`);
  expect(name).toHaveLength(63);
  expect(name.startsWith(`cchc-atlas[${process.pid}] run `)).toBe(true);
});
