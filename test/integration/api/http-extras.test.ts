/** /metrics (one Prometheus registry per server), /healthz and /readyz next to the API. */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';

let db: TestDatabase;
let a: TestApi;
let b: TestApi;
beforeAll(async () => {
  db = await createTestDatabase();
  a = await startTestApi(db.orm);
  b = await startTestApi(db.orm);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await db.drop();
});

async function metricsOf(api: TestApi): Promise<string> {
  const res = await fetch(`${api.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample line, or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('/metrics', () => {
  it('counts HTTP requests, GraphQL operations and errors per server, next to the default process metrics', async () => {
    await a.gql(`{ metrics { code } }`);
    await a.gql(`{ metrics { code } }`);
    await a.gql(`{ units(first: 0) { totalCount } }`);
    await a.gql(`{ nope }`);
    await fetch(`${a.url}/healthz`);
    await fetch(`${a.url}/no/such/path/${'x'.repeat(50)}`);
    const text = await metricsOf(a);
    expect(sample(text, 'graphql_operations_total', { type: 'query', field: 'metrics', outcome: 'ok' })).toBe(2);
    expect(sample(text, 'graphql_operations_total', { type: 'query', field: 'units', outcome: 'error' })).toBe(1);
    expect(sample(text, 'graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(sample(text, 'graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBe(3);
    expect(sample(text, 'http_requests_total', { route: '/healthz', status: '200' })).toBe(1);
    expect(sample(text, 'http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.005",method="POST",route="\/graphql"\} \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).not.toContain('x'.repeat(50));
    // The other server has its own registry: none of a's traffic shows there.
    const other = await metricsOf(b);
    expect(sample(other, 'graphql_operations_total', { field: 'metrics' })).toBe(0);
  });

  it('serves /healthz and /readyz', async () => {
    expect(await (await fetch(`${a.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${a.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});
