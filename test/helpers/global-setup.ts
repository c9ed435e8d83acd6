/**
 * Once per test run: a real PostgreSQL (the embedded one in a fresh temp folder, or the server named by
 * DATABASE_URL), the real migrations, the reference data, and a check that entities and migrations agree.
 * The result is a template database; each integration test file clones it (test/helpers/db.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { execFileSync } from 'node:child_process';

export const TEMPLATE_DB = 'cchc_test_template';

async function recreate(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export default async function globalSetup(): Promise<void> {
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-test-'));
    fs.chmodSync(dir, 0o755); // the `postgres` OS user must traverse it when tests run as root
    const port = 55000 + Math.floor(Math.random() * 5000);
    const pg = await startEmbeddedPostgres({ dataDir: dir, port, database: 'postgres', ephemeral: true });
    (globalThis as Record<string, unknown>).__CCHC_PG__ = { stop: pg.stop, dir };
    baseUrl = pg.databaseUrl;
  }
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  await recreate(admin.toString(), TEMPLATE_DB);
  const templateUrl = new URL(baseUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  try {
    execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'prepare-template.ts'), templateUrl.toString()],
      { stdio: ['ignore', 'ignore', 'pipe'], cwd: path.resolve(__dirname, '..', '..') });
  } catch (err) {
    throw new Error(`preparing the test database failed: ${(err as { stderr?: Buffer }).stderr?.toString() ?? err}`);
  }
  process.env.CCHC_TEST_ADMIN_URL = admin.toString();
  process.env.CCHC_TEST_TEMPLATE_DB = TEMPLATE_DB;
}
