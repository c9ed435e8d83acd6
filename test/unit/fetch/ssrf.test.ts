/**
 * The fetcher connects only to public addresses: every form of a local address is refused before any connection,
 * every redirect hop is checked again, and the address checked is the address dialled (one resolution per hop, so a
 * name that answers differently the second time cannot slip through). There is no DNS here: names resolve through
 * the `resolveHost` hook, and a "public" test host is dialled on loopback through the `dialAddress` hook.
 */
import { BlockedAddressError, ingestErrorAction } from '../../../ingest/errors';
import { HttpFetcher, type HttpFetcherOptions } from '../../../ingest/fetch';
import { nonPublicReason } from '../../../src/net/address-policy';
import { loadSourceCatalogue, validateSource, type SourceConfig } from '../../../ingest/sources';
import { type TestServer, fakeClock, startServer } from './server-helpers';

/** A public address (not contacted: the dial hook sends it to the loopback test server). */
const PUBLIC_IP = '203.162.4.190';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(routes: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(routes);
  servers.push(s);
  return s;
}

function fetcher(extra: HttpFetcherOptions = {}): HttpFetcher {
  return new HttpFetcher({ minDelayMillis: 0, maxAttempts: 3, clock: fakeClock(), respectRobots: false, ...extra });
}

const portOf = (s: TestServer): string => new URL(s.origin).port;

describe('address policy', () => {
  it.each([
    ['::127.0.0.1', /IPv4-compatible.*127\.0\.0\.1/], ['::ffff:0:7f00:1', /IPv4-translated.*127\.0\.0\.1/],
    ['::ffff:7f00:1', /IPv4-mapped for 127\.0\.0\.1/], ['::ffff:127.0.0.1', /IPv4-mapped for 127\.0\.0\.1/],
    ['2002:7f00:1::', /6to4.*127\.0\.0\.1/], ['64:ff9b::7f00:1', /NAT64.*127\.0\.0\.1/], ['64:ff9b::a9fe:a9fe', /169\.254\.169\.254/],
    ['64:ff9b:1::7f00:1', /local-use NAT64/], ['64:ff9b:1::808:808', /local-use NAT64/],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', /Teredo.*client for 127\.0\.0\.1/], ['2001:0:a00:1::1', /Teredo.*server for 10\.0\.0\.1/],
    ['::a9fe:a9fe', /169\.254\.169\.254/], ['fec0::1', /site-local/], ['fc00::1', /unique local/], ['fd12:3456::1', /unique local/],
    ['fe80::1', /link-local/], ['fe80::1%eth0', /link-local/], ['::1', /loopback/], ['::', /unspecified/], ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/], ['100::1', /outside global unicast/],
    ['0.0.0.0', /this network/], ['127.0.0.1', /loopback/], ['127.255.255.254', /loopback/], ['10.9.8.7', /private/],
    ['172.16.0.1', /private/], ['172.31.255.255', /private/], ['192.168.0.1', /private/], ['100.64.0.1', /shared/],
    ['100.127.255.255', /shared/], ['169.254.169.254', /link-local/], ['198.18.0.1', /benchmarking/], ['198.19.255.255', /benchmarking/],
    ['192.0.2.1', /documentation/], ['198.51.100.1', /documentation/], ['203.0.113.1', /documentation/],
    ['224.0.0.1', /multicast/], ['239.255.255.250', /multicast/], ['240.0.0.1', /reserved/], ['255.255.255.255', /broadcast/],
    ['not-an-ip', /not an IP address/],
  ])('refuses %s', (address, why) => {
    expect(nonPublicReason(address)).toMatch(why);
  });

  it.each(['203.162.4.190', '8.8.8.8', '100.63.255.255', '100.128.0.0', '172.32.0.1', '198.20.0.1', '2404:6800:4005:80a::200e',
    '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2001:4860:4860::8888'])('accepts the public address %s', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });
});

describe('fetcher: no connection to a non-public address', () => {
  it.each([
    ['127.0.0.1', (p: string) => `http://127.0.0.1:${p}/`],
    ['a decimal IPv4', (p: string) => `http://2130706433:${p}/`],
    ['a hex IPv4', (p: string) => `http://0x7f.1:${p}/`],
    ['an octal IPv4', (p: string) => `http://017700000001:${p}/`],
    ['IPv4-mapped IPv6', (p: string) => `http://[::ffff:127.0.0.1]:${p}/`],
    ['IPv6 loopback', (p: string) => `http://[::1]:${p}/`],
    ['IPv4-compatible IPv6', (p: string) => `http://[::127.0.0.1]:${p}/`],
  ])('refuses %s before connecting, and does not retry', async (_label, urlFor) => {
    const s = await server({ '/': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>x</p>') });
    const url = urlFor(portOf(s));
    const err = await fetcher().fetch(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toMatch(/is not a public address/);
    expect(ingestErrorAction(err)).toBe('skip');
    expect(s.log).toEqual([]);
  });

  it('refuses a host name when any of its addresses is not public', async () => {
    const s = await server({});
    const resolveHost = async (): Promise<string[]> => [PUBLIC_IP, '10.0.0.7'];
    const err = await fetcher({ resolveHost, dialAddress: () => '127.0.0.1' }).fetch(`http://portal.example.vn:${portOf(s)}/`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toContain('portal.example.vn (10.0.0.7)');
    expect(s.log).toEqual([]);
  });

  it('checks every redirect hop: a public host redirecting to a name that resolves to loopback is refused', async () => {
    const inside = await server({ '/admin': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('secret') });
    const outside = await server({
      '/tin-tuc': (_req, res) => res.writeHead(302, { location: `http://internal.example.vn:${portOf(inside)}/admin` }).end(),
    });
    const table: Record<string, string[]> = { 'portal.example.vn': [PUBLIC_IP], 'internal.example.vn': ['127.0.0.1'] };
    const f = fetcher({ resolveHost: async (h) => table[h] ?? [], dialAddress: (a) => (a === PUBLIC_IP ? '127.0.0.1' : a) });
    const err = await f.fetch(`http://portal.example.vn:${portOf(outside)}/tin-tuc`).catch((e: unknown) => e);
    expect(outside.log).toEqual(['/tin-tuc']);
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect((err as Error).message).toMatch(/internal\.example\.vn \(127\.0\.0\.1\) is not a public address \(loopback/);
    expect(inside.log).toEqual([]);
  });

  it('refuses a redirect to an IPv6 literal that embeds a loopback address', async () => {
    const inside = await server({ '/': (_req, res) => res.writeHead(200).end('secret') });
    const outside = await server({ '/a': (_req, res) => res.writeHead(301, { location: `http://[::ffff:7f00:1]:${portOf(inside)}/` }).end() });
    const f = fetcher({ resolveHost: async () => [PUBLIC_IP], dialAddress: () => '127.0.0.1' });
    await expect(f.fetch(`http://portal.example.vn:${portOf(outside)}/a`)).rejects.toThrow(/IPv4-mapped for 127\.0\.0\.1/);
    expect(inside.log).toEqual([]);
  });

  it('pins the checked address: one resolution, the connection goes to the address checked, a rebinding answer is not used', async () => {
    const page = (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>trang công khai</p>');
    const s = await server({ '/p': page, '/q': page, '/r': page });
    const answers: string[][] = [[PUBLIC_IP]];
    const asked: string[] = [];
    const dialled: string[] = [];
    const options: HttpFetcherOptions = {
      resolveHost: async (h) => { asked.push(h); return answers.shift() ?? ['127.0.0.1']; },
      dialAddress: (a) => { dialled.push(a); return a === PUBLIC_IP ? '127.0.0.1' : a; },
    };
    const f = fetcher(options);
    expect((await f.fetch(`http://rebind.example.vn:${portOf(s)}/p`)).body).toContain('trang công khai');
    // The name would now answer loopback; the fetcher does not ask again: its connection is to the address it checked.
    expect((await f.fetch(`http://rebind.example.vn:${portOf(s)}/q`)).status).toBe(200);
    expect(asked).toEqual(['rebind.example.vn']);
    expect(dialled).toEqual([PUBLIC_IP]);
    // A new connection resolves again, gets loopback, and is refused without sending anything.
    await expect(fetcher(options).fetch(`http://rebind.example.vn:${portOf(s)}/r`)).rejects.toBeInstanceOf(BlockedAddressError);
    expect(asked).toEqual(['rebind.example.vn', 'rebind.example.vn']);
    expect(s.log).toEqual(['/p', '/q']);
  });

  it('allowPrivateAddresses (ALLOW_PRIVATE_SOURCES) lets the demo mirror and tests use loopback', async () => {
    const s = await server({ '/': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>mirror</p>') });
    const page = await fetcher({ allowPrivateAddresses: true }).fetch(`${s.origin}/`);
    expect(page.body).toContain('mirror');
  });
});

describe('source catalogue', () => {
  const base: SourceConfig = {
    id: 'thu-nghiem', name: 'Cổng thử nghiệm', family: 'generic', baseUrl: 'http://203.162.4.190/', listingUrls: ['http://203.162.4.190/tin'],
    schedule: '0 5 * * *', publisher: { codeSet: 'gso', code: '770' },
  };

  it.each(['http://127.0.0.1/', 'http://[::ffff:7f00:1]/', 'http://0x7f.1/', 'http://[64:ff9b:1::a00:1]/', 'http://169.254.169.254/'])(
    'refuses a non-demo source at %s', (url) => {
      expect(() => validateSource({ ...base, listingUrls: [url] })).toThrow(/is not a public address/);
    });

  it('allows loopback for demo sources, and the shipped catalogue passes', () => {
    expect(() => validateSource({ ...base, demo: true, baseUrl: 'http://127.0.0.1:8080/', listingUrls: ['http://127.0.0.1:8080/x'] })).not.toThrow();
    expect(loadSourceCatalogue().length).toBeGreaterThan(0);
  });
});
