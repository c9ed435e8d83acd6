/** Admin writes: bearer checks, source upserts with URL safety, enabling, and triggering ingestion through the port. */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';
import type { IngestTrigger } from '../../../src/graphql/context';
import { assertSafeSourceUrl, DNS_TIMEOUT_MILLIS } from '../../../src/modules/source/source-url';

const ADMIN_TOKEN = 'admin-token-for-tests-0001';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

let db: TestDatabase;
/** Writes on, private addresses refused (production-like). */
let api: TestApi;
/** Writes on, loopback sources allowed (the demo and tests). */
let lenient: TestApi;
/** No ADMIN_TOKEN: writes disabled. */
let readOnly: TestApi;
const triggered: string[] = [];
const trigger: IngestTrigger = {
  trigger: async (sourceId) => {
    triggered.push(sourceId);
    return sourceId === 'busy-source' ? { runId: null, started: false, reason: 'a run is already in progress' } : { runId: 41, started: true };
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startTestApi(db.orm, { env: { ADMIN_TOKEN }, ingestTrigger: trigger });
  lenient = await startTestApi(db.orm, { env: { ADMIN_TOKEN, ALLOW_PRIVATE_SOURCES: 'true' } });
  readOnly = await startTestApi(db.orm);
});
afterAll(async () => {
  await api.close();
  await lenient.close();
  await readOnly.close();
  await db.drop();
});

const UPSERT = `mutation($input: SourceInput!) { upsertSource(input: $input) { id name baseUrl family listingUrls schedule enabled minDelayMillis maxPages demo publisher { code } } }`;
const input = (over: Record<string, unknown> = {}) => ({
  id: 'hcm-quan-3', name: 'Cổng thông tin điện tử Quận 3', baseUrl: 'http://203.162.4.190', family: 'hcmc-sharepoint',
  listingUrls: ['http://203.162.4.190/tin-tuc'], ...over,
});

describe('mutations need the admin token', () => {
  it('answers UNAUTHENTICATED without a token, FORBIDDEN with a wrong one, and FORBIDDEN "writes are disabled" without ADMIN_TOKEN', async () => {
    const none = await api.gql(UPSERT, { input: input() });
    expect(none.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('Authorization: Bearer') });
    const wrong = await api.gql(UPSERT, { input: input() }, { authorization: 'Bearer admin-token-for-tests-0002' });
    expect(wrong.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const basic = await api.gql(UPSERT, { input: input() }, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` });
    expect(basic.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const disabled = await readOnly.gql(UPSERT, { input: input() }, AUTH);
    expect(disabled.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('writes are disabled') });
    const anonymousDisabled = await readOnly.gql(UPSERT, { input: input() });
    expect(anonymousDisabled.body.errors![0].message).toContain('writes are disabled');
    const sources = await api.gql(`{ sources { id } }`);
    expect(sources.body.data.sources).toEqual([]);
  });
});

describe('upsertSource', () => {
  it('creates a source, then updates it in place', async () => {
    const hcmc = await api.gql(`{ unit(code: "770") { id } }`);
    const created = await api.gql(UPSERT, { input: input({ publisherId: hcmc.body.data.unit.id }) }, AUTH);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.upsertSource).toMatchObject({
      id: 'hcm-quan-3', name: 'Cổng thông tin điện tử Quận 3', enabled: true, schedule: '0 5 * * *', minDelayMillis: 2000,
      maxPages: 5, demo: false, publisher: { code: '770' },
    });
    const updated = await api.gql(UPSERT, { input: input({ name: 'Quận 3', maxPages: 9, schedule: '30 6 * * 1' }) }, AUTH);
    expect(updated.body.data.upsertSource).toMatchObject({ id: 'hcm-quan-3', name: 'Quận 3', maxPages: 9, schedule: '30 6 * * 1', publisher: null });
    const list = await api.gql(`{ sources { id name } source(id: "hcm-quan-3") { name lastRun { id } } }`);
    expect(list.body.data).toEqual({ sources: [{ id: 'hcm-quan-3', name: 'Quận 3' }], source: { name: 'Quận 3', lastRun: null } });
  });

  it.each([
    ['ftp://203.162.4.190/x', /only http and https/],
    ['http://127.0.0.1:8080/', /not a public address: loopback \(127/],
    ['http://localhost/tin-tuc', /local host name/],
    ['http://10.1.2.3/', /private/],
    ['http://192.168.1.10/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /link-local|reserved/],
    ['http://[::1]/', /loopback/],
    ['http://[fe80::1]/', /link-local \(fe80::\/10\)/],
    ['http://[::ffff:127.0.0.1]/', /127\.0\.0\.1/],
    ['http://2130706433/', /127\.0\.0\.1/],
    ['http://0.0.0.0/', /"this network"/],
    // IPv6 forms that embed an IPv4 address, and the IPv6 non-public ranges
    ['http://[::127.0.0.1]/', /IPv4-compatible .* for 127\.0\.0\.1/],
    ['http://[::ffff:0:7f00:1]/', /IPv4-translated .* for 127\.0\.0\.1/],
    ['http://[::ffff:7f00:1]/', /IPv4-mapped for 127\.0\.0\.1, loopback/],
    ['http://[2002:7f00:1::]/', /6to4 .* for 127\.0\.0\.1, loopback/],
    ['http://[64:ff9b::7f00:1]/', /NAT64 .* for 127\.0\.0\.1, loopback/],
    ['http://[64:ff9b:1::7f00:1]/', /local-use NAT64/],
    ['http://[::a9fe:a9fe]/', /for 169\.254\.169\.254/],
    ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', /Teredo .* client for 127\.0\.0\.1/],
    ['http://[fec0::1]/', /site-local/],
    ['http://[fc00::1]/', /unique local/],
    ['http://[ff02::1]/', /multicast/],
    ['http://[2001:db8::1]/', /documentation/],
    // IPv4 written in decimal, octal, hex and short forms, and the other non-public IPv4 ranges
    ['http://0x7f.1/', /127\.0\.0\.1 is not a public address/],
    ['http://017700000001/', /127\.0\.0\.1 is not a public address/],
    ['http://0x7f000001/', /127\.0\.0\.1 is not a public address/],
    ['http://100.64.0.1/', /shared address space/],
    ['http://198.18.0.1/', /benchmarking/],
    ['http://224.0.0.251/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
    ['http://192.0.0.8/', /IETF protocol assignments/],
    ['http://user:secret@203.162.4.190/', /credentials/],
    ['not a url', /not an absolute URL/],
    ['http://intranet/', /local host name/],
    ['http://does-not-exist.invalid/', /cannot resolve/],
  ])('refuses %s', async (url, why) => {
    const res = await api.gql(UPSERT, { input: input({ id: 'bad-source', baseUrl: url }) }, AUTH);
    expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(why) });
  });

  it('checks listing URLs like the base URL, and allows loopback when ALLOW_PRIVATE_SOURCES is set', async () => {
    const listing = await api.gql(UPSERT, { input: input({ id: 'bad-listing', listingUrls: ['http://127.0.0.1:4580/list'] }) }, AUTH);
    expect(listing.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const mirror = await lenient.gql(UPSERT, { input: input({ id: 'demo-mirror', baseUrl: 'http://127.0.0.1:4580', listingUrls: ['http://127.0.0.1:4580/list'] }) }, AUTH);
    expect(mirror.body.data.upsertSource.baseUrl).toBe('http://127.0.0.1:4580');
    const ftp = await lenient.gql(UPSERT, { input: input({ id: 'demo-ftp', baseUrl: 'ftp://127.0.0.1/' }) }, AUTH);
    expect(ftp.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('validates the other fields with BAD_USER_INPUT messages that name them', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ id: 'Bad Id!' }, /id must be a slug/],
      [{ schedule: 'every day' }, /not a cron expression/],
      [{ minDelayMillis: 10 }, /minDelayMillis/],
      [{ maxPages: 1000 }, /maxPages/],
      [{ listingUrls: [] }, /listingUrls/],
      [{ family: 'Drupal 7' }, /family/],
      [{ publisherId: '99999999' }, /unit 99999999 does not exist/],
    ];
    for (const [over, message] of cases) {
      const res = await api.gql(UPSERT, { input: input({ id: 'checked', ...over }) }, AUTH);
      expect(res.body.errors![0]).toMatchObject({ message: expect.stringMatching(message) });
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(res.body.errors![0].extensions!.code);
    }
  });
});

describe('upsertSource written with literal arguments (compiled from the second run)', () => {
  it('applies the input\'s defaults and answers as the same mutation with variables does', async () => {
    const fields = 'id name baseUrl family listingUrls schedule enabled minDelayMillis maxPages demo publisher { code }';
    const literal = `mutation { upsertSource(input: { id: "literal-src", name: "Cổng Quận 5", baseUrl: "http://203.162.4.191", family: "hcmc-sharepoint", listingUrls: ["http://203.162.4.191/tin-tuc"] }) { ${fields} } }`;
    const first = await api.gql(literal, {}, AUTH);
    const second = await api.gql(literal, {}, AUTH);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(first.body.data.upsertSource).toMatchObject({ id: 'literal-src', schedule: '0 5 * * *', minDelayMillis: 2000, maxPages: 5, enabled: true });
    const viaVariables = await api.gql(`mutation($input: SourceInput!) { upsertSource(input: $input) { ${fields} } }`, {
      input: { id: 'literal-src', name: 'Cổng Quận 5', baseUrl: 'http://203.162.4.191', family: 'hcmc-sharepoint', listingUrls: ['http://203.162.4.191/tin-tuc'] },
    }, AUTH);
    expect(viaVariables.body).toEqual(first.body);
    const refused = `mutation { upsertSource(input: { id: "literal-src", name: "x", baseUrl: "http://127.0.0.1/", family: "hcmc-sharepoint", listingUrls: ["http://127.0.0.1/a"] }) { id } }`;
    await api.gql(refused, {}, AUTH);
    const again = await api.gql(refused, {}, AUTH);
    expect(again.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/loopback/) });
  });
});

describe('setSourceEnabled and triggerIngest', () => {
  it('switches a source off and on', async () => {
    const off = await api.gql(`mutation { setSourceEnabled(id: "hcm-quan-3", enabled: false) { id enabled } }`, {}, AUTH);
    expect(off.body.data.setSourceEnabled).toEqual({ id: 'hcm-quan-3', enabled: false });
    const disabled = await api.gql(`{ sources(enabled: false) { id } }`);
    expect(disabled.body.data.sources).toEqual([{ id: 'hcm-quan-3' }]);
    const missing = await api.gql(`mutation { setSourceEnabled(id: "no-such-source", enabled: true) { id } }`, {}, AUTH);
    expect(missing.body.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('starts a run through the IngestTrigger port and reports a refusal with its reason', async () => {
    const started = await api.gql(`mutation { triggerIngest(sourceId: "hcm-quan-3") { started runId reason } }`, {}, AUTH);
    expect(started.body.data.triggerIngest).toEqual({ started: true, runId: '41', reason: null });
    expect(triggered).toEqual(['hcm-quan-3']);
    await api.gql(UPSERT, { input: input({ id: 'busy-source' }) }, AUTH);
    const busy = await api.gql(`mutation { triggerIngest(sourceId: "busy-source") { started runId reason } }`, {}, AUTH);
    expect(busy.body.data.triggerIngest).toEqual({ started: false, runId: null, reason: 'a run is already in progress' });
    const unauthenticated = await api.gql(`mutation { triggerIngest(sourceId: "hcm-quan-3") { started } }`);
    expect(unauthenticated.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(triggered).toEqual(['hcm-quan-3', 'busy-source']);
  });

  it('says clearly when this process has no ingestion pipeline', async () => {
    const res = await lenient.gql(`mutation { triggerIngest(sourceId: "hcm-quan-3") { started } }`, {}, AUTH);
    expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('ingestion is not available in this process') });
  });
});

describe('source URL checks against what a host name resolves to', () => {
  it('refuses a name that resolves to a private address (any of them), accepts a public one', async () => {
    const url = 'https://portal.example.vn/tin-tuc';
    await expect(assertSafeSourceUrl(url, false, async () => ['10.0.0.5'])).rejects.toThrow(/resolves to 10\.0\.0\.5/);
    await expect(assertSafeSourceUrl(url, false, async () => ['203.162.4.190', '::1'])).rejects.toThrow(/resolves to ::1/);
    await expect(assertSafeSourceUrl(url, false, async () => ['::ffff:c0a8:101'])).rejects.toThrow(/resolves to/);
    await expect(assertSafeSourceUrl(url, false, async () => ['203.162.4.190'])).resolves.toBeInstanceOf(URL);
  });

  it('answers "cannot resolve" instead of hanging when no resolver answers', async () => {
    const started = Date.now();
    await expect(assertSafeSourceUrl('https://slow.example.vn/', false, () => new Promise<string[]>(() => undefined))).rejects.toThrow(/cannot resolve/);
    expect(Date.now() - started).toBeLessThan(DNS_TIMEOUT_MILLIS + 2000);
    await expect(assertSafeSourceUrl('https://broken.example.vn/', false, async () => { throw new Error('ENOTFOUND'); })).rejects.toThrow(/cannot resolve/);
  });
});
