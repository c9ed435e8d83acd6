/**
 * Errors a user can cause are answered as such, the same way in GraphQL and in the CSV export: BAD_USER_INPUT / HTTP
 * 400 with a message that says what is wrong, logged at warn without a stack; never INTERNAL_SERVER_ERROR, a reset
 * connection, an empty answer that looks like "no data", or a truncated file. Statistics carry no float noise.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';
import { insertHcmcFigures, type FigureFixtures } from '../../helpers/figure-fixtures';
import { loadConfig } from '../../../src/config';
import { ConfigError } from '../../../src/errors';

let db: TestDatabase;
let api: TestApi;
let fx: FigureFixtures;
const logs: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await insertHcmcFigures(db.orm.em.fork());
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  api = await startTestApi(db.orm, { logger });
});
afterAll(async () => {
  await api.close();
  await db.drop();
});
beforeEach(() => {
  logs.length = 0;
});

const codeOf = (body: { errors?: Array<{ extensions?: { code?: string } }> }) => body.errors?.[0]?.extensions?.code;

async function csv(query: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${api.url}/export/figures.csv?${query}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('units without a search', () => {
  it.each([
    ['level only', '{ units(level: [DISTRICT], first: 3) { totalCount edges { node { level } } } }'],
    ['parentId only', 'PARENT'],
    ['an empty search', '{ units(search: "", first: 3) { totalCount edges { node { id } } } }'],
    ['no arguments', '{ units(first: 2) { totalCount edges { node { id } } } }'],
  ])('%s lists units in tier order', async (_label, query) => {
    const q = query === 'PARENT' ? `{ units(parentId: "${fx.hcmc.id}", first: 50) { totalCount edges { node { parent { id } } } } }` : query;
    const { body } = await api.gql(q);
    expect(body.errors).toBeUndefined();
    expect(body.data.units.totalCount).toBeGreaterThan(0);
    expect(body.data.units.edges.length).toBeGreaterThan(0);
    if (query === 'PARENT') for (const e of body.data.units.edges) expect(e.node.parent.id).toBe(String(fx.hcmc.id));
  });

  it('an unknown parentId is BAD_USER_INPUT, not an empty list', async () => {
    const { body } = await api.gql('{ units(parentId: "99999999") { totalCount } }');
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(/parentId 99999999: no such unit/);
  });
});

describe('request bodies over 1 MB', () => {
  it('get a 413 answer with a JSON error body, on a connection that stays usable', async () => {
    const huge = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ metrics { code } }', x: 'a'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await huge.json()).toEqual({ errors: [{ message: expect.stringMatching(/request body over 1048576 bytes/), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const after = await api.gql('{ metrics { code } }');
    expect(after.status).toBe(200);
  });
});

describe('NUL and other control characters in arguments', () => {
  it.each([
    ['unit(code:)', '{ unit(code: "79\\u0000") { id } }', /code must not contain control characters/],
    ['units(search:)', '{ units(search: "quan\\u00001") { totalCount } }', /search must not contain control characters/],
    ['figures(filter.unitCodes)', '{ figures(filter: { unitCodes: ["760\\u0000"] }) { totalCount } }', /unitCodes must not contain control characters/],
    ['a unit\'s figures', '{ unit(code: "79") { figures(filter: { unitCodes: ["7\\u00006"] }) { totalCount } } }', /unitCodes must not contain/],
  ])('%s: BAD_USER_INPUT', async (_label, query, message) => {
    const { status, body } = await api.gql(query);
    expect(status).toBe(200);
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(message);
  });

  it('the CSV export answers 400 before sending any row, never a truncated file', async () => {
    const res = await csv('metric=on_time_rate&unitCodes=760%00');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({ code: 'BAD_USER_INPUT', error: expect.stringMatching(/unitCodes must not contain control characters/) });
  });
});

describe('unknown metric, source or parent: the same error everywhere', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['metric', '{ figures(filter: { metrics: ["no_such_metric"] }) { totalCount } }', 'metric=no_such_metric', /unknown metric "no_such_metric"/],
    ['source', '{ figures(filter: { sourceIds: ["no-such-source"] }) { totalCount } }', 'sourceIds=no-such-source', /unknown source "no-such-source"/],
    ['province', '{ figures(filter: { provinceId: "99999999" }) { totalCount } }', 'provinceId=99999999', /provinceId 99999999: no such unit/],
  ];

  it.each(cases)('unknown %s: BAD_USER_INPUT in figures, 400 in the CSV export', async (_what, query, params, message) => {
    const g = await api.gql(query);
    expect(codeOf(g.body)).toBe('BAD_USER_INPUT');
    expect(g.body.errors![0].message).toMatch(message);
    const c = await csv(params);
    expect(c.status).toBe(400);
    expect(JSON.parse(c.text)).toEqual({ code: 'BAD_USER_INPUT', error: expect.stringMatching(message) });
  });

  it('and in compare, timeSeries and figureStats', async () => {
    const compare = await api.gql('{ compare(metric: "no_such_metric", year: 2019, parentId: "1") { rows { value } } }');
    expect(compare.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/unknown metric "no_such_metric"/) });
    const parent = await api.gql('{ compare(metric: "on_time_rate", year: 2019, parentId: "99999999") { rows { value } } }');
    expect(parent.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/parentId 99999999: no such unit/) });
    const series = await api.gql('{ timeSeries(metric: "on_time_rate", parentId: "99999999") { points { year } } }');
    expect(codeOf(series.body)).toBe('BAD_USER_INPUT');
    const stats = await api.gql('{ figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { sourceIds: ["no-such-source"] }) { count } }');
    expect(stats.body.errors![0].message).toMatch(/unknown source "no-such-source"/);
  });

  it('a known but empty filter still answers an empty list (not an error)', async () => {
    const { body } = await api.gql('{ figures(filter: { metrics: ["on_time_rate"], yearFrom: 2099 }) { totalCount } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.figures.totalCount).toBe(0);
  });
});

describe('logging', () => {
  it('logs user errors at warn with their code and no stack; nothing at error', async () => {
    await api.gql('{ units(first: 100000) { totalCount } }');
    await api.gql('{ unit(code: "79\\u0000") { id } }');
    await api.gql('{ figures(filter: { metrics: ["no_such_metric"] }) { totalCount } }');
    const refusals = logs.filter((l) => l.msg === 'request refused');
    expect(refusals).toHaveLength(3);
    for (const l of refusals) {
      expect(l.level).toBe(40);
      expect(l.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(l)).not.toMatch(/stack|    at /);
    }
    expect(logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});

describe('statistics', () => {
  it('avg and median carry no float noise (at most six decimals)', async () => {
    // Every pair of two HCMC districts' 2019 on-time rates: medians are midpoints, where floating point shows.
    const rows = (await api.gql(`{ compare(metric: "on_time_rate", year: 2019, parentId: "${fx.hcmc.id}") { rows { value unit { id } } } }`)).body.data.compare.rows as Array<{ value: number; unit: { id: string } }>;
    const pairs = rows.slice(0, 8).flatMap((a, i) => rows.slice(i + 1, 8).map((b) => [a, b]));
    let noisyInJs = 0;
    for (const [a, b] of pairs) {
      const { body } = await api.gql(`{ figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { unitIds: ["${a.unit.id}", "${b.unit.id}"], yearFrom: 2019, yearTo: 2019 }) { avg median } }`);
      expect(body.errors).toBeUndefined();
      const [g] = body.data.figureStats;
      const exact = Number(((a.value + b.value) / 2).toFixed(6));
      if (exact !== (a.value + b.value) / 2) noisyInJs++;
      expect(g.median).toBe(exact);
      expect(g.avg).toBe(exact);
    }
    expect(noisyInJs).toBeGreaterThan(0); // the check met values where floating point adds noise
  });
});

describe('configuration', () => {
  it('HOST that is not an address is a ConfigError naming HOST', () => {
    expect(() => loadConfig({ HOST: 'not-a-host' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: 'not-a-host' })).toThrow(/^HOST must be an IP address to listen on .*got "not-a-host"$/);
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });

  it('the service started with HOST=not-a-host prints one line and exits 1', () => {
    const root = path.resolve(__dirname, '../../..');
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: root, env: { ...process.env, HOST: 'not-a-host', DATA_DIR: '/nonexistent-data-dir-for-test' }, encoding: 'utf8', timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^cchc-atlas: HOST must be an IP address to listen on/)]);
  });
});
