/**
 * Per-test-file database: a clone of the migrated, seeded template made by global-setup. Clean state per file,
 * real schema, real reference data, no shared rows between files.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { initOrm, type Orm } from '../../src/db/orm';

export interface TestDatabase {
  orm: Orm;
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.CCHC_TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create a fresh database from the template and open an ORM on it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.CCHC_TEST_TEMPLATE_DB;
  if (!template || !process.env.CCHC_TEST_ADMIN_URL) throw new Error('global-setup did not run (CCHC_TEST_TEMPLATE_DB unset)');
  const name = `cchc_t_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}" template "${template}"`));
  const url = new URL(process.env.CCHC_TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  const orm = await initOrm(url.toString());
  return {
    orm, url: url.toString(), name,
    drop: async () => {
      await orm.close(true);
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
