/**
 * `npm run ingest -- --source dvc-index --from 2022-01 --to 2024-12 --grains month` over the mirror of 3 provinces
 * × 36 months, SIGKILLed halfway: the second run resumes (it does not repeat done requests) and ends with exactly
 * the expected number of figures, each stored once.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count } from '../../helpers/ingest';
import { demoIndexAgencies, startIndexMirror, type IndexMirror } from '../../../demo/dvc-index/mirror';

const ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(180_000);

let db: TestDatabase;
let mirror: IndexMirror;
beforeAll(async () => {
  db = await createTestDatabase();
  mirror = await startIndexMirror({ delayMillis: 15 });
});
afterAll(async () => {
  await mirror.close();
  await db.drop();
});

function backfill() {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'ingest/cli.ts', '--source', 'dvc-index', '--from', '2022-01', '--to', '2024-12', '--grains', 'month'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent', INDEX_BASE_URL: mirror.origin, INDEX_DELAY_MS: '0', ALLOW_PRIVATE_SOURCES: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

it('resumes a killed backfill and stores every figure exactly once', async () => {
  const agencies = demoIndexAgencies();
  const months = 36;
  const requests = months * (1 + 3); // the province list, then each province
  const expectedFigures = months * agencies.length * 8; // legacy answers: total, six groups, rank
  const first = backfill();
  const deadline = Date.now() + 90_000;
  while ((await count(db.orm, `select count(*) as n from index_request where status = 'done'`)) < requests / 2) {
    if (Date.now() > deadline) throw new Error(`the backfill stored too little in time:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  first.child.kill('SIGKILL');
  await first.exited;
  const doneBefore = await count(db.orm, `select count(*) as n from index_request where status = 'done'`);
  expect(doneBefore).toBeLessThan(requests);
  const hitsBefore = mirror.requests();

  const second = backfill();
  expect(await second.exited).toBe(0);
  expect(second.output()).toMatch(/dvc-index\s+succeeded/);
  // Resumed: only the requests not yet done were sent again (at most one was in flight when the first was killed).
  expect(mirror.requests() - hitsBefore).toBeLessThanOrEqual(requests - doneBefore + 1);
  expect(await count(db.orm, `select count(*) as n from index_request where status = 'done'`)).toBe(requests);
  expect(await count(db.orm, `select count(*) as n from document where source_id = 'dvc-index'`)).toBe(requests);
  expect(await count(db.orm, 'select count(*) as n from figure')).toBe(expectedFigures);
  expect(await count(db.orm, `select count(*) as n from (select subject_label, metric_code, period_year, period_from_month
    from figure group by 1, 2, 3, 4 having count(*) > 1) d`)).toBe(0);
  expect(await count(db.orm, `select count(*) as n from ingest_run where source_id = 'dvc-index' and status = 'abandoned'`)).toBe(1);
});
