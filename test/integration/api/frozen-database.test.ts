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
import { CSV_ERROR_MARKER, figuresCsvRoute } from '../../../src/http/figures-csv';
import { openApiOrm } from '../../../src/http/api-orm';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { insertHcmcFigures } from '../../helpers/figure-fixtures';
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
  let exportOrm: Orm;
  const freeze = () => {
    frozen = serverProcesses(pg.postmasterPid);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
  };
  const thaw = () => {
    for (const pid of [...frozen].reverse()) process.kill(pid, 'SIGCONT');
    frozen = [];
  };

  beforeAll(async () => {
    pg = await startOwnPostgres(dataDir, 'cchc_frozen');
    orm = await initOrm(pg.url);
    await insertHcmcFigures(orm.em.fork());
    // The real export route on a pool with the API's timeouts, in pages of 5 rows; the database is frozen the moment
    // the first page has been written, so the export breaks off half-way.
    exportOrm = await openApiOrm(orm, { statementTimeoutMillis: STATEMENT_TIMEOUT, connectTimeoutMillis: 1000, acquireTimeoutMillis: 1500 });
    const csv = figuresCsvRoute({ orm: exportOrm, config: loadConfig({ NODE_ENV: 'test' }), logger: silentLogger, pageRows: 5 });
    api = await startTestApi(orm, {
      env: { STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT), DB_CONNECT_TIMEOUT_MS: '1000', DB_ACQUIRE_TIMEOUT_MS: '1500', READY_TIMEOUT_MS: '1500' },
      routes: {
        '/export/freezing.csv': (req, res, url) => {
          const write = res.write.bind(res) as (...args: unknown[]) => boolean;
          let writes = 0;
          res.write = ((...args: unknown[]) => {
            const ok = write(...args);
            if (++writes === 2) freeze(); // 1: BOM and header, 2: the first page
            return ok;
          }) as typeof res.write;
          return csv(req, res, url);
        },
      },
    });
  });

  afterAll(async () => {
    for (const pid of frozen) try { process.kill(pid, 'SIGCONT'); } catch { /* gone */ }
    await api?.close();
    await exportOrm?.close(true);
    await orm?.close(true);
    await pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers fast and clearly while the database is frozen, and recovers by itself', async () => {
    expect((await get(`${api.url}/readyz`)).status).toBe(200);
    expect((await api.gql(UNITS_QUERY)).body.data.units.edges[0].node.name).toBe('Quận Bình Thạnh');

    freeze();
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
      thaw();
    }

    await waitFor('/readyz to say ready again', async () => (await get(`${api.url}/readyz`)).status === 200, 10_000);
    expect((await api.gql(UNITS_QUERY)).body.data.units.edges[0].node.name).toBe('Quận Bình Thạnh');
    expect((await api.gql('{ sources { id } }')).body.errors).toBeUndefined();
    const csv = await get(`${api.url}/export/figures.csv`);
    expect(csv.text).not.toContain(CSV_ERROR_MARKER);
  });

  it('ends an export that the database stops half-way with the error line, not a silently shorter file', async () => {
    try {
      const { value, millis } = await timed(() => get(`${api.url}/export/freezing.csv`));
      expect(value.status).toBe(200);
      expect(millis).toBeLessThan(STATEMENT_TIMEOUT + 2500);
      const lines = value.text.split('\r\n');
      expect(lines[0]).toMatch(/^figure_id,/);
      expect(lines.slice(1, 6).every((l) => /^\d+,/.test(l))).toBe(true); // the first page arrived whole
      expect(lines.slice(6)).toEqual([`${CSV_ERROR_MARKER},export incomplete after 5 rows: the database did not answer in time; try again`, '']);
    } finally {
      thaw();
    }
    // Once the database answers again the same export is whole: every figure, no error line.
    await waitFor('/readyz to say ready again', async () => (await get(`${api.url}/readyz`)).status === 200, 10_000);
    const whole = await get(`${api.url}/export/figures.csv`);
    const rows = whole.text.split('\r\n').filter(Boolean);
    // Without a reviewStatus filter the export leaves REJECTED figures out.
    const [{ count }] = await orm.em.fork().getConnection().execute<{ count: string }[]>("select count(*) from figure where review_status <> 'rejected'");
    expect(rows.length - 1).toBe(Number(count));
    expect(Number(count)).toBeGreaterThan(10);
    expect(whole.text).not.toContain(CSV_ERROR_MARKER);
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
