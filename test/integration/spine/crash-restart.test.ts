/**
 * Restart after a crash: `kill -9` of the service leaves its embedded PostgreSQL running (its parent is gone).
 * The next start on the same DATA_DIR must find that postmaster through `postmaster.pid`, stop it cleanly and go on:
 * ready within 10 s, nothing lost. A second service on a DATA_DIR whose service is alive is refused, naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  TS_NODE, freePort, graphql, postmasterPid, processAlive, runProcess, serviceEnv, startServiceProcess, tempDataDir, waitFor,
} from '../../helpers/service-process';

jest.setTimeout(90_000);

async function counts(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select (select count(*) from admin_unit) as units, (select count(*) from source) as sources,
      (select count(*) from metric) as metrics, (select value from app_state where key = 'crash-test') as marker`);
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('restart after the service was killed', () => {
  const dataDir = tempDataDir('cchc-crash-');
  const clusterDir = path.join(dataDir, 'pg');
  afterAll(async () => {
    const pid = postmasterPid(clusterDir);
    if (pid && processAlive(pid)) {
      process.kill(pid, 'SIGINT');
      await waitFor('the left-over postmaster to stop', () => !processAlive(pid)).catch(() => undefined);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the orphaned embedded PostgreSQL of its own data folder and starts again with nothing lost', async () => {
    const pgPort = await freePort();
    const env = serviceEnv({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
    const dbUrl = `postgres://postgres:cchc-atlas-local@127.0.0.1:${pgPort}/cchc_atlas`;

    const first = await startServiceProcess([...TS_NODE, 'src/main.ts'], env);
    const client = new Client({ connectionString: dbUrl });
    await client.connect();
    await client.query(`insert into app_state (key, value) values ('crash-test', 'written before the crash')`);
    await client.end();
    const before = await counts(dbUrl);
    const orphan = postmasterPid(clusterDir);
    expect(orphan).not.toBeNull();

    await first.kill();
    // The crash leaves the database server behind: the situation this test is about.
    expect(processAlive(orphan!)).toBe(true);

    const second = await startServiceProcess([...TS_NODE, 'src/main.ts'], env, 30_000);
    try {
      expect(second.readyMillis).toBeLessThan(10_000);
      expect(processAlive(orphan!)).toBe(false);
      expect(second.logs()).toMatch(/stopped the embedded PostgreSQL left running by a previous process/);
      const res = await graphql(second.url, '{ units(search: "binh thanh", first: 1) { edges { node { name } } } }');
      expect(res.data.units.edges[0].node.name).toBe('Quận Bình Thạnh');
      expect(await counts(dbUrl)).toEqual(before);
      expect(before.marker).toBe('written before the crash');

      // While this service is alive, a second one on the same DATA_DIR is refused with what to do, and the
      // running database is left alone.
      const running = postmasterPid(clusterDir)!;
      const other = await runProcess([...TS_NODE, 'src/main.ts'], env, 30_000);
      expect(other.code).toBe(1);
      expect(other.stderr.trim()).toMatch(new RegExp(`^cchc-atlas: the embedded PostgreSQL under ${dataDir.replace(/[/.]/g, '\\$&')}/pg is in use by process ${second.child.pid} .*: stop it first, or set DATA_DIR to another folder`));
      expect(processAlive(running)).toBe(true);
      expect((await graphql(second.url, '{ metrics { code } }')).data.metrics.length).toBeGreaterThan(5);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
