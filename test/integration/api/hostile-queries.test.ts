/** Journey: hostile queries are refused with codes, quickly, while the server keeps serving everyone else. */
import { Client } from 'pg';
import { journeyContext } from '../../helpers/api-journey';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH } from '../../../src/graphql/query-limits';

const j = journeyContext({ env: { STATEMENT_TIMEOUT_MS: '200' } });

/** The server still answers an ordinary query correctly. */
async function stillServing(): Promise<void> {
  const { status, body } = await j.api.gql(`{ metrics { code } }`);
  expect(status).toBe(200);
  expect(body.data.metrics.length).toBeGreaterThan(20);
}

function nested(depth: number): string {
  let q = 'id';
  for (let i = 0; i < depth; i++) q = `parent { ${q} }`;
  return `{ unit(code: "26734") { ${q} } }`;
}

describe('hostile queries', () => {
  it('refuses a query nested 50 deep before running it', async () => {
    const { status, body } = await j.api.gql(nested(50));
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining(`at most ${MAX_DEPTH}`) });
    expect(body.data).toBeUndefined();
    await stillServing();
    const ok = await j.api.gql(nested(5));
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses 10,000 aliases fast, before validation or execution', async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: metrics { code }`).join(' ')} }`;
    const started = Date.now();
    const { status, body } = await j.api.gql(query);
    expect(Date.now() - started).toBeLessThan(5000); // generous for busy machines; typically a few ms
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions!.code).toBe('QUERY_TOO_COMPLEX');
    await stillServing();
  });

  it('refuses more aliases than allowed even in a small document, and fragment bombs', async () => {
    const aliases = await j.api.gql(`{ ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `m${i}: metrics { code }`).join(' ')} }`);
    expect(aliases.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/aliases/) });
    const levels = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Metric { ${i === 11 ? 'code' : `...F${i + 1} ...F${i + 1}`} }`);
    const bomb = await j.api.gql(`{ metrics { ...F0 } } ${levels.join(' ')}`);
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/fields/) });
    await stillServing();
  });

  it('refuses first: 1000000 with BAD_USER_INPUT, and nested lists over the cost limit with QUERY_TOO_COMPLEX', async () => {
    const big = await j.api.gql(`{ figures(first: 1000000) { totalCount edges { node { id } } } }`);
    expect(big.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('first') });
    const costly = await j.api.gql(`{ units(first: 500) { edges { node { figures(first: 500) { edges { node { id document { id } } } } } } } }`);
    expect(costly.status).toBe(400);
    expect(costly.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining(`at most ${MAX_COST}`) });
    await stillServing();
  });

  it('treats injection strings in search and filters as data or refuses them, never as SQL', async () => {
    const injections = ["'; drop table figure; --", "x' or '1'='1", '1) or (1=1', '\\\'; select pg_sleep(10); --', '%_%', '$$; drop table figure; $$'];
    for (const text of injections) {
      const search = await j.api.gql(`query($s: String) { units(search: $s, first: 5) { totalCount } }`, { s: text });
      expect(search.status).toBe(200);
      expect(search.body.errors).toBeUndefined();
      const metric = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f) { totalCount } }`, { f: { metrics: [text] } });
      expect(metric.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const ids = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f) { totalCount } }`, { f: { unitIds: [text] } });
      expect(ids.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const codes = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f) { totalCount } }`, { f: { unitCodes: [text] } });
      expect(codes.body.data.figures.totalCount).toBe(0);
      const series = await j.api.gql(`query($m: String!) { timeSeries(metric: $m, unitIds: ["1"]) { points { year } } }`, { m: text });
      expect(series.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    }
    const count = await j.api.gql(`{ figures(first: 1) { totalCount } }`);
    expect(count.body.data.figures.totalCount).toBe(j.fx.figures.filter((f) => f.reviewStatus !== 'rejected').length);
  });

  it('cuts a statement off at the per-request timeout with a clear code, and keeps serving', async () => {
    // Another session holds a lock the query needs (think of a long migration): the wait counts towards the timeout.
    const locker = new Client({ connectionString: j.db.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table figure in access exclusive mode');
      const started = Date.now();
      const blocked = await j.api.gql(`{ figures(first: 1) { edges { node { id } } } }`);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(blocked.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/statement timeout/) });
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    await stillServing();
    const again = await j.api.gql(`{ figures(first: 1) { edges { node { id } } } }`);
    expect(again.body.data.figures.edges).toHaveLength(1);
  });
});
