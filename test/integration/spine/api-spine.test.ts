import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';

let db: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  db = await createTestDatabase();
  api = await startTestApi(db.orm);
});
afterAll(async () => {
  await api.close();
  await db.drop();
});

describe('GraphQL over HTTP (spine)', () => {
  it('answers units(search) accent-insensitively with the unit and its parent', async () => {
    const { status, body } = await api.gql(`{ units(search: "binh thanh", first: 1) { totalCount edges { node { name level code parent { name } } } } }`);
    expect(status).toBe(200);
    expect(body.data.units.edges[0].node).toEqual({ name: 'Quận Bình Thạnh', level: 'DISTRICT', code: '765', parent: { name: 'Thành phố Hồ Chí Minh' } });
    expect(body.data.units.totalCount).toBeGreaterThan(1);
  });

  it('pages with cursors', async () => {
    const first = await api.gql(`{ units(search: "quan", first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`);
    const { endCursor, hasNextPage } = first.body.data.units.pageInfo;
    expect(hasNextPage).toBe(true);
    const second = await api.gql(`query($after: String) { units(search: "quan", first: 2, after: $after) { edges { node { id } } pageInfo { hasPreviousPage } } }`, { after: endCursor });
    const ids = [...first.body.data.units.edges, ...second.body.data.units.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);
    expect(second.body.data.units.pageInfo.hasPreviousPage).toBe(true);
  });

  it('lists the metric catalogue with both labels', async () => {
    const { body } = await api.gql(`{ metrics { code nameVi nameEn unit } }`);
    const onTime = body.data.metrics.find((m: any) => m.code === 'on_time_rate');
    expect(onTime).toEqual({ code: 'on_time_rate', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Dossiers resolved on time', unit: 'percent' });
  });

  it('rejects bad arguments with BAD_USER_INPUT and a bad cursor without crashing', async () => {
    const tooMany = await api.gql(`{ units(first: 100000) { totalCount } }`);
    expect(tooMany.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await api.gql(`{ units(after: "garbage") { totalCount } }`);
    expect(badCursor.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(badCursor.body.errors?.[0].message).toMatch(/not a cursor/);
  });

  it('serves /healthz and /readyz', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('refuses a body that is not JSON and one over 1 MB', async () => {
    const notJson = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const huge = await fetch(`${api.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ metrics { code } }`, x: 'a'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });
});
