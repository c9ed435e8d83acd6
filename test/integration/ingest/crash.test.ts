/**
 * Crash safety: `npm run ingest` is SIGKILLed mid-run; running it again stores every figure exactly once and loses
 * none — the result equals an uninterrupted run into a fresh database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { runSource } from '../../../ingest/pipeline';
import { registerSources } from '../../../ingest/sources';
import { demoSources } from '../../../demo/sources';

const ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(120_000);

let crashed: TestDatabase;
let reference: TestDatabase;
let fx: IngestFixture;
beforeAll(async () => {
  crashed = await createTestDatabase();
  reference = await createTestDatabase();
  fx = await startIngestFixture(crashed.orm, { siteIds: ['quan-1'], articleDelayMillis: 150 });
  await registerSources(reference.orm.em.fork(), demoSources(fx.sites, fx.mirror.origin));
});
afterAll(async () => {
  await fx.mirror.close();
  await crashed.drop();
  await reference.drop();
});

function ingestCli(databaseUrl: string) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'ingest/cli.ts', '--source', 'demo-quan-1'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ALLOW_PRIVATE_SOURCES: 'true' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function fingerprints(db: TestDatabase): Promise<string[]> {
  const rows = await db.orm.em.fork().execute<{ k: string }[]>(
    `select d.url || ' ' || f.fingerprint as k from figure f join document d on d.id = f.document_id order by 1`);
  return rows.map((r) => r.k);
}

it('stores every figure exactly once after a SIGKILL mid-run', async () => {
  const total = fx.articles.length;
  const first = ingestCli(crashed.url);
  const deadline = Date.now() + 60_000;
  while ((await count(crashed.orm, 'select count(*) as n from document')) < 3) {
    if (Date.now() > deadline) throw new Error(`the ingest child stored nothing in time:\n${first.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  first.child.kill('SIGKILL');
  await first.exited;
  const partial = await count(crashed.orm, 'select count(*) as n from document');
  expect(partial).toBeGreaterThanOrEqual(3);
  expect(partial).toBeLessThan(total);
  expect(await count(crashed.orm, `select count(*) as n from ingest_run where status = 'running'`)).toBe(1);

  const second = ingestCli(crashed.url);
  expect(await second.exited).toBe(0);
  expect(await count(crashed.orm, 'select count(*) as n from document')).toBe(total);
  expect(await count(crashed.orm, `select count(*) as n from ingest_run where status = 'abandoned'`)).toBe(1);

  await runSource({ ...fx.deps, orm: reference.orm }, 'demo-quan-1', { trigger: 'cli' });
  const expected = await fingerprints(reference);
  expect(expected.length).toBeGreaterThan(total);
  expect(await fingerprints(crashed)).toEqual(expected);
});
