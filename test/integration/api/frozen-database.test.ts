/**
 * A database that stops answering (its processes frozen with SIGSTOP: the postmaster and every backend) or that is
 * shutting down (smart shutdown: sessions go on, new connections are refused). The API must say so quickly and
 * clearly, and recover by itself: `/readyz` answers within 2 s (503 with a reason), a query fails with
 * DATABASE_UNAVAILABLE instead of hanging, a CSV export ends with an error marker line instead of being silently
 * cut, and all of it works again once the database does (SIGCONT).
 * This file runs its own embedded PostgreSQL: freezing the shared test server would stall every other test.
 */
import fs from 'node:fs';
import { initOrm, type Orm } from '../../../src/db/orm';
import { CSV_ERROR_MARKER } from '../../../src/http/figures-csv';
import { tempDataDir, waitFor } from '../../helpers/service-process';
import { startOwnPostgres, type OwnPostgres } from '../../helpers/own-postgres';
import { startTestApi, type TestApi } from '../../helpers/api';

jest.setTimeout(90_000);

const STATEMENT_TIMEOUT = 1000;
const UNITS_QUERY = '{ units(search: "binh thanh", first: 1) { edges { node { name } } } }';

/** The postmaster and all its children (backends, checkpointer, …). */
function serverProcesses(postmaster: number): number[] {
  const children = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
    } catch {
      return false;
    }
  });
  return [postmaster, ...children];
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; millis: number }> {
  const began = Date.now();
  const value = await fn();
  return { value, millis: Date.now() - began };
}

/** GET with a client-side limit, so a hanging endpoint fails the test instead of stalling it. */
async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(8000) });
  return { status: res.status, text: await res.text() };
}

describe('API over a frozen or stopping database', () => {
  const dataDir = tempDataDir('cchc-frozen-');
  let pg: OwnPostgres;
  let orm: Orm;
  let api: TestApi;
  let frozen: number[] = [];

  beforeAll(async () => {
    pg = await startOwnPostgres(dataDir, 'cchc_frozen');
    orm = await initOrm(pg.url);
    api = await startTestApi(orm, {
      env: { STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT), DB_CONNECT_TIMEOUT_MS: '1000', DB_ACQUIRE_TIMEOUT_MS: '1500', READY_TIMEOUT_MS: '1500' },
    });
  });

  afterAll(async () => {
    for (const pid of frozen) try { process.kill(pid, 'SIGCONT'); } catch { /* gone */ }
    await api?.close();
    await orm?.close(true);
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers fast and clearly while the database is frozen, and recovers by itself', async () => {
    expect((await get(`${api.url}/readyz`)).status).toBe(200);
    expect((await api.gql(UNITS_QUERY)).body.data.units.edges[0].node.name).toBe('Quận Bình Thạnh');

    const postmaster = pg.postmasterPid;
    frozen = serverProcesses(postmaster);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    try {
      const ready = await timed(() => get(`${api.url}/readyz`));
      expect(ready.millis).toBeLessThan(2000);
      expect(ready.value.status).toBe(503);
      expect(JSON.parse(ready.value.text)).toEqual({ status: 'unavailable', reason: 'the database did not answer within 1500 ms' });

      // Two at once: one may wait on a pooled connection whose query hangs, the other on a new connection.
      const [a, b] = await Promise.all([timed(() => api.gql(UNITS_QUERY)), timed(() => api.gql('{ sources { id } }'))]);
      for (const r of [a, b]) {
        expect(r.value.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
        expect(r.value.body.errors?.[0]?.message).toMatch(/^the database did not answer in time/);
        expect(r.millis).toBeLessThan(STATEMENT_TIMEOUT + 2500);
      }

      const csv = await timed(() => get(`${api.url}/export/figures.csv`));
      expect(csv.millis).toBeLessThan(STATEMENT_TIMEOUT + 2500);
      expect(csv.value.status).toBe(200);
      const lines = csv.value.text.split('\r\n');
      expect(lines[0]).toMatch(/^figure_id,/); // (fetch drops the BOM)
      expect(lines[lines.length - 2]).toMatch(new RegExp(`^${CSV_ERROR_MARKER},"?export incomplete after 0 rows: the database did not answer in time`));
      expect(lines[lines.length - 1]).toBe('');
    } finally {
      for (const pid of [...frozen].reverse()) process.kill(pid, 'SIGCONT');
      frozen = [];
    }

    await waitFor('/readyz to say ready again', async () => (await get(`${api.url}/readyz`)).status === 200, 10_000);
    expect((await api.gql(UNITS_QUERY)).body.data.units.edges[0].node.name).toBe('Quận Bình Thạnh');
    expect((await api.gql('{ sources { id } }')).body.errors).toBeUndefined();
    const csv = await get(`${api.url}/export/figures.csv`);
    expect(csv.text).not.toContain(CSV_ERROR_MARKER);
  });

  it('is not ready while the database refuses new connections (smart shutdown)', async () => {
    const postmaster = pg.postmasterPid;
    expect((await api.gql(UNITS_QUERY)).body.errors).toBeUndefined(); // pooled sessions keep the server up
    process.kill(postmaster, 'SIGTERM'); // smart shutdown
    await waitFor('the server to refuse new connections', async () => (await get(`${api.url}/readyz`)).status === 503, 5000);
    const ready = await timed(() => get(`${api.url}/readyz`));
    expect(ready.millis).toBeLessThan(2000);
    expect(ready.value.status).toBe(503);
    expect(JSON.parse(ready.value.text)).toEqual({ status: 'unavailable', reason: 'the database refuses new connections: the database system is shutting down' });
  });
});
