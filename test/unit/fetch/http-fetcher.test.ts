/**
 * HttpFetcher against a real loopback server (127.0.0.1, port 0): retries, Retry-After, timeouts, body cap,
 * charsets, robots.txt, redirects, conditional GET and per-host politeness. Time is a fake clock, so backoff and
 * politeness waits are asserted, not slept.
 */
import {
  BodyTooLargeError, FetchError, HttpStatusError, RedirectLoopError, RobotsDisallowedError, RobotsUnavailableError,
  TooManyRedirectsError, ingestErrorAction,
} from '../../../ingest/errors';
import { HttpFetcher, type HttpFetcherOptions } from '../../../ingest/fetch';
import { parseArticlePage } from '../../../ingest/portals';
import { type Route, type TestServer, fakeClock, startServer, toCp1258 } from './server-helpers';

const VI = 'Tiếng Việt: tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,5%';
const html = (body: string, head = '<meta charset="utf-8">'): string => `<!DOCTYPE html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;
const ok = (body: string, type = 'text/html; charset=utf-8'): Route => (_req, res) => res.writeHead(200, { 'content-type': type }).end(body);

let server: TestServer;
afterEach(async () => server?.close());

function fetcher(extra: HttpFetcherOptions = {}) {
  const clock = fakeClock();
  const logger = { warn: jest.fn(), info: jest.fn(), debug: jest.fn() };
  const f = new HttpFetcher({ minDelayMillis: 0, allowPrivateAddresses: true, clock, random: () => 0.5, logger, ...extra });
  return { f, clock, logger };
}

describe('retries', () => {
  it('retries a 500 with backoff and returns the 200 that follows', async () => {
    server = await startServer({
      '/page': (_req, res, hit) => (hit === 1 ? res.writeHead(500).end('boom') : ok(html(`<p>${VI}</p>`))(_req, res, hit)),
    });
    const { f, clock, logger } = fetcher({ backoffBaseMillis: 400 });
    const page = await f.fetch(`${server.origin}/page`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(VI);
    expect(server.hits.get('/page')).toBe(2);
    expect(clock.sleeps).toEqual([200]); // full jitter: random 0.5 × 400
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ status: 500, attempt: 1 }), 'fetch retry scheduled');
  });

  it('gives up after maxAttempts with a retryable FetchError', async () => {
    server = await startServer({ '/down': (_req, res) => res.writeHead(503).end() });
    const { f } = fetcher({ maxAttempts: 3 });
    const err = await f.fetch(`${server.origin}/down`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(503);
    expect(ingestErrorAction(err)).toBe('retry');
    expect(server.hits.get('/down')).toBe(3);
  });

  it('waits the Retry-After of a 429 (seconds or HTTP date) instead of its own backoff', async () => {
    server = await startServer({
      '/a': (_req, res, hit) => (hit === 1 ? res.writeHead(429, { 'retry-after': '7' }).end() : ok(html('<p>a</p>'))(_req, res, hit)),
      '/b': (_req, res, hit) =>
        hit === 1
          ? res.writeHead(429, { 'retry-after': new Date(Date.UTC(2024, 0, 1, 0, 0, 30)).toUTCString() }).end()
          : ok(html('<p>b</p>'))(_req, res, hit),
    });
    const { f, clock } = fetcher();
    await f.fetch(`${server.origin}/a`);
    expect(clock.sleeps).toContain(7000);
    clock.sleeps.length = 0;
    await f.fetch(`${server.origin}/b`);
    expect(Math.max(...clock.sleeps)).toBeGreaterThan(20_000);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(30_000);
  });

  it('does not wait a Retry-After beyond the cap: the error carries it for the pipeline', async () => {
    server = await startServer({ '/slow-down': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end() });
    const { f } = fetcher({ maxRetryAfterMillis: 60_000 });
    const err = (await f.fetch(`${server.origin}/slow-down`).catch((e: unknown) => e)) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.retryAfterMs).toBe(3_600_000);
    expect(server.hits.get('/slow-down')).toBe(1);
  });

  it('fails cleanly, with the reason, when the host cannot be reached at all', async () => {
    const { f, clock } = fetcher({ maxAttempts: 2 });
    const err = (await f.fetch('http://127.0.0.1:1/tintuc').catch((e: unknown) => e)) as RobotsUnavailableError;
    expect(err).toBeInstanceOf(RobotsUnavailableError);
    expect(err.message).toContain('http://127.0.0.1:1/robots.txt');
    expect(err.cause).toBeInstanceOf(FetchError);
    expect(ingestErrorAction(err)).toBe('skip');
    expect(clock.sleeps).toHaveLength(1); // one backoff between the two attempts
  });

  it('does not retry a 404, which is skipped', async () => {
    server = await startServer({});
    const { f } = fetcher();
    const err = await f.fetch(`${server.origin}/missing`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpStatusError);
    expect(ingestErrorAction(err)).toBe('skip');
    expect(server.hits.get('/missing')).toBe(1);
  });
});

describe('limits', () => {
  it('times out a body that stalls past the total timeout', async () => {
    server = await startServer({
      '/stall': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>first part');
        setTimeout(() => res.end('</p></body></html>'), 3000).unref();
      },
    });
    const { f } = fetcher({ totalTimeoutMillis: 300, maxAttempts: 1 });
    const started = Date.now();
    const err = (await f.fetch(`${server.origin}/stall`).catch((e: unknown) => e)) as FetchError;
    expect(err).toBeInstanceOf(FetchError);
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it.each([
    ['streamed without Content-Length', false],
    ['declared by Content-Length', true],
  ])('rejects a 20 MB page %s and stops downloading', async (_label, declare) => {
    const size = 20 * 1024 * 1024;
    let written = 0;
    server = await startServer({
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', ...(declare ? { 'content-length': String(size) } : {}) });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = (): void => {
          while (written < size && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
      },
    });
    const { f } = fetcher({ maxAttempts: 1 });
    const heapBefore = process.memoryUsage().heapUsed;
    const err = await f.fetch(`${server.origin}/huge`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect(ingestErrorAction(err)).toBe('skip');
    await new Promise((r) => setTimeout(r, 100));
    expect(written).toBeLessThan(size); // the download was aborted, not drained
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('charsets', () => {
  it('trusts the meta charset over a wrong Content-Type header when the bytes prove the header wrong', async () => {
    server = await startServer({
      '/utf8-labelled-latin1': ok(html(`<p>${VI}</p>`), 'text/html; charset=iso-8859-1'),
      '/cp1258-labelled-utf8': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>'), toCp1258(VI), Buffer.from('</p></body></html>')])),
    });
    const { f } = fetcher();
    const a = await f.fetch(`${server.origin}/utf8-labelled-latin1`);
    expect(a.body).toContain(VI);
    expect(a.charset).toBe('utf-8');
    const b = await f.fetch(`${server.origin}/cp1258-labelled-utf8`);
    expect(b.charset).toBe('windows-1258');
    expect(b.body).toContain(VI);
  });

  it('decodes a windows-1258 page (combining tone marks) to NFC', async () => {
    const bytes = toCp1258(html(`<h1>Đảng ủy phường tổng kết cải cách hành chính</h1><p>${VI}</p>`, '<meta charset="windows-1258">'));
    expect(bytes.includes(0xec)).toBe(true); // a combining acute byte: the source really is decomposed
    server = await startServer({ '/cp1258': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=windows-1258' }).end(bytes) });
    const { f } = fetcher();
    const page = await f.fetch(`${server.origin}/cp1258`);
    expect(page.charset).toBe('windows-1258');
    expect(page.body).toContain(VI);
    expect(page.body).toBe(page.body.normalize('NFC'));
    expect(page.body).not.toMatch(/[\u0300-\u036f]/);
  });
});

describe('robots.txt', () => {
  it('refuses a disallowed path without requesting it, and allows the rest', async () => {
    server = await startServer({
      '/robots.txt': ok('User-agent: *\nDisallow: /admin/\n\nUser-agent: cchc-atlas\nDisallow: /tintuc/private/\n', 'text/plain'),
      '/tintuc/private/x': ok(html('<p>secret</p>')),
      '/tintuc/ok': ok(html('<p>ok</p>')),
    });
    const { f } = fetcher();
    const err = await f.fetch(`${server.origin}/tintuc/private/x`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RobotsDisallowedError);
    expect(ingestErrorAction(err)).toBe('skip');
    expect(server.hits.get('/tintuc/private/x')).toBeUndefined();
    await expect(f.fetch(`${server.origin}/tintuc/ok`)).resolves.toMatchObject({ status: 200 });
    expect(server.hits.get('/robots.txt')).toBe(1); // cached per host
  });

  it('treats a 5xx robots.txt as disallow-all for a while, then asks again', async () => {
    server = await startServer({
      '/robots.txt': (_req, res, hit) => (hit <= 3 ? res.writeHead(503).end() : res.writeHead(404).end()),
      '/page': ok(html('<p>x</p>')),
    });
    const { f, clock } = fetcher({ robotsErrorTtlMillis: 600_000 });
    await expect(f.fetch(`${server.origin}/page`)).rejects.toBeInstanceOf(RobotsUnavailableError);
    await expect(f.fetch(`${server.origin}/page`)).rejects.toBeInstanceOf(RobotsUnavailableError);
    expect(server.hits.get('/page')).toBeUndefined();
    clock.advance(600_001);
    await expect(f.fetch(`${server.origin}/page`)).resolves.toMatchObject({ status: 200 });
  });

  it('honours Crawl-delay as a minimum delay between requests to the host', async () => {
    const arrivals: number[] = [];
    const { f, clock } = fetcher({ minDelayMillis: 100 });
    server = await startServer({
      '/robots.txt': ok('User-agent: *\nCrawl-delay: 3\n', 'text/plain'),
      '/p1': (req, res, hit) => (arrivals.push(clock.now()), ok(html('<p>1</p>'))(req, res, hit)),
      '/p2': (req, res, hit) => (arrivals.push(clock.now()), ok(html('<p>2</p>'))(req, res, hit)),
    });
    await f.fetch(`${server.origin}/p1`);
    await f.fetch(`${server.origin}/p2`);
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(3000);
  });
});

describe('redirects', () => {
  const redirect = (to: string): Route => (_req, res) => res.writeHead(302, { location: to }).end();

  it('follows a redirect and reports the final URL', async () => {
    server = await startServer({ '/old': redirect('/new'), '/new': ok(html('<p>moved</p>')) });
    const { f } = fetcher();
    const page = await f.fetch(`${server.origin}/old`);
    expect(page.finalUrl).toBe(`${server.origin}/new`);
    expect(page.url).toBe(`${server.origin}/old`);
  });

  it('detects a redirect loop', async () => {
    server = await startServer({ '/a': redirect('/b'), '/b': redirect('/a') });
    const { f } = fetcher();
    const err = await f.fetch(`${server.origin}/a`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectLoopError);
    expect(ingestErrorAction(err)).toBe('skip');
  });

  it('stops after maxRedirects', async () => {
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 10; i++) routes[`/r${i}`] = redirect(`/r${i + 1}`);
    server = await startServer(routes);
    const { f } = fetcher({ maxRedirects: 3 });
    await expect(f.fetch(`${server.origin}/r0`)).rejects.toBeInstanceOf(TooManyRedirectsError);
    expect(server.hits.get('/r4')).toBeUndefined();
  });
});

describe('pages', () => {
  it('answers a conditional GET with notModified on 304', async () => {
    server = await startServer({
      '/doc': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 01 Jun 2021 00:00:00 GMT') {
          return void res.writeHead(304, { etag: '"v1"' }).end();
        }
        res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Tue, 01 Jun 2021 00:00:00 GMT' }).end(html('<p>v1</p>'));
      },
    });
    const { f } = fetcher();
    const first = await f.fetch(`${server.origin}/doc`);
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Tue, 01 Jun 2021 00:00:00 GMT' });
    const byEtag = await f.fetch(`${server.origin}/doc`, { etag: first.etag });
    expect(byEtag).toMatchObject({ status: 304, notModified: true, body: '' });
    const byDate = await f.fetch(`${server.origin}/doc`, { lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
  });

  it('hands malformed HTML to an adapter that still finds the article', async () => {
    const broken = '<html><head><title>Cổng</title><body><div class="wrap"><h1>Phường 5 công khai 100% thủ tục hành chính</h2><p>Ngày đăng: 12/03/2020 08:15' +
      '<table><tr><td><div class="content"><p>Đoạn thứ nhất nói về việc công khai thủ tục hành chính tại phường.<p>Đoạn thứ hai: tỷ lệ hồ sơ đúng hạn đạt 97,4% trong quý I.</b></i></div></td></table>' +
      '<p>Đoạn ba không đóng thẻ và còn <span>thẻ span dở dang';
    server = await startServer({ '/broken': ok(broken) });
    const { f } = fetcher();
    const page = await f.fetch(`${server.origin}/broken`);
    const article = parseArticlePage(page.body, page.finalUrl);
    expect(article.title).toBe('Phường 5 công khai 100% thủ tục hành chính');
    expect(article.text).toContain('tỷ lệ hồ sơ đúng hạn đạt 97,4% trong quý I.');
    expect(article.publishedAt?.toISOString()).toBe('2020-03-12T01:15:00.000Z');
  });
});

describe('politeness', () => {
  it('spaces requests to one host by minDelayMillis and never runs two at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const arrivals: number[] = [];
    const { f, clock } = fetcher({ minDelayMillis: 1000 });
    const slow: Route = (_req, res) => {
      arrivals.push(clock.now());
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>x</p>'));
      }, 30);
    };
    server = await startServer({ '/1': slow, '/2': slow, '/3': slow });
    await Promise.all(['/1', '/2', '/3'].map((p) => f.fetch(server.origin + p)));
    expect(maxInFlight).toBe(1);
    expect(arrivals).toHaveLength(3);
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - 1]).toBeGreaterThanOrEqual(1000);
  });
});

describe('POST (API sources such as the national index)', () => {
  it('sends the body and headers, and backs off on 403 only when asked to', async () => {
    const seen: string[] = [];
    server = await startServer({
      '/api': (req, res, hit) => {
        let body = '';
        req.on('data', (c: Buffer) => { body += c.toString(); });
        req.on('end', () => {
          seen.push(`${req.method} ${req.headers['content-type']} ${body}`);
          if (hit <= 2) res.writeHead(403).end('WAF Request Rejected');
          else res.writeHead(201, { 'content-type': 'application/json' }).end('{"code":"OK"}');
        });
      },
    });
    const plain = fetcher();
    const refused = await plain.f.fetch(`${server.origin}/api`, { method: 'POST', body: '{"year":2026}', headers: { 'content-type': 'application/json' } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpStatusError); // a 403 is final unless the source says otherwise
    const waf = fetcher({ extraRetryStatuses: [403], backoffBaseMillis: 400 });
    const page = await waf.f.fetch(`${server.origin}/api`, { method: 'POST', body: '{"year":2026}', headers: { 'content-type': 'application/json' } });
    expect(page).toMatchObject({ status: 201, body: '{"code":"OK"}' });
    expect(waf.clock.sleeps).toEqual([200]);
    expect(seen.slice(1)).toEqual(['POST application/json {"year":2026}', 'POST application/json {"year":2026}']);
  });

  it('does not follow a redirect with a POST', async () => {
    server = await startServer({ '/api': (_req, res) => res.writeHead(302, { location: '/login' }).end(), '/login': ok('x') });
    const { f } = fetcher();
    await expect(f.fetch(`${server.origin}/api`, { method: 'POST', body: 'a=1' })).rejects.toBeInstanceOf(TooManyRedirectsError);
    expect(server.hits.get('/login')).toBeUndefined();
  });
});
