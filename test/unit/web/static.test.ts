/**
 * The charts page's static routes: what is served, with which headers, and that nothing outside web/ (or the one
 * Chart.js file) can be reached. Requests go over real HTTP to a server that dispatches on the exact pathname of
 * `new URL(req.url)`, as src/http/server.ts does.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { staticRoutes, findWebDir, findChartJs, CHART_JS_ROUTE } from '../../../src/http/static';
import type { RouteHandler } from '../../../src/http/server';

function serve(routes: Record<string, RouteHandler>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no route"}');
      return;
    }
    Promise.resolve(route(req, res, url)).catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
  }));
}

/** A raw request: the path goes on the wire exactly as given (fetch would normalise "..", this does not). */
function raw(origin: string, rawPath: string, method = 'GET'): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('staticRoutes over the real web/ folder', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve(staticRoutes());
  });
  afterAll(() => server.close());

  it('serves the page at / as HTML with a strict content security policy', async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/assets/app.js">');
    expect(html).toContain(`src="${CHART_JS_ROUTE}"`);
  });

  it('serves every module the page imports, with JavaScript and CSS content types', async () => {
    const web = findWebDir();
    const modules = fs.readdirSync(web).filter((f) => f.endsWith('.js'));
    expect(modules).toEqual(expect.arrayContaining(['app.js', 'api.js', 'charts.js', 'i18n.js', 'state.js']));
    for (const file of modules) {
      const res = await fetch(`${server.origin}/assets/${file}`);
      expect([file, res.status, res.headers.get('content-type')]).toEqual([file, 200, 'text/javascript; charset=utf-8']);
      // Every relative import of a module must itself be served.
      for (const [, spec] of (await res.text()).matchAll(/from '(\.\/[^']+)'/g)) {
        expect((await fetch(`${server.origin}/assets/${spec.slice(2)}`)).status).toBe(200);
      }
    }
    const css = await fetch(`${server.origin}/assets/styles.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${server.origin}/assets/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves Chart.js from node_modules, cacheable, byte for byte', async () => {
    const res = await fetch(`${server.origin}${CHART_JS_ROUTE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(await res.text()).toBe(fs.readFileSync(findChartJs(), 'utf8'));
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await fetch(`${server.origin}/assets/app.js`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await fetch(`${server.origin}/assets/app.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers HEAD with headers only and refuses other methods with 405', async () => {
    const head = await raw(server.origin, '/assets/state.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBe(fs.statSync(path.join(findWebDir(), 'state.js')).size);
    const post = await raw(server.origin, '/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/assets/../package.json',
    '/assets/%2e%2e/package.json',
    '/assets/%2E%2E/%2E%2E/etc/passwd',
    '/assets/..%2fpackage.json',
    '/assets/..%5cpackage.json',
    '/assets//etc/passwd',
    '/assets/vendor/../../src/config.ts',
    '/assets/vendor/chart.cjs',
    '/assets/index.html/..',
    '/../../etc/passwd',
    '/web/app.js',
    '/assets/',
    '/assets',
    '/assets/app.js%00.css',
    '/node_modules/chart.js/dist/chart.umd.js',
  ])('does not serve %s', async (rawPath) => {
    const res = await raw(server.origin, rawPath);
    expect(res.status).toBe(404);
    expect(res.body).not.toMatch(/"name": "cchc-atlas"|root:|import /);
  });

  it('does not route the page itself twice (only at /)', () => {
    const routes = staticRoutes();
    expect(routes['/']).toBeDefined();
    expect(routes['/assets/index.html']).toBeUndefined();
    expect(Object.keys(routes).every((p) => p === '/' || p.startsWith('/assets/'))).toBe(true);
  });
});

describe('staticRoutes over a given folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-web-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(dir, 'a.js'), 'export const a = 1;');
    fs.writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(dir, 'notes.md'), '# not served');
    fs.writeFileSync(path.join(dir, 'backup.js~'), 'old');
    fs.mkdirSync(path.join(dir, 'img'));
    fs.writeFileSync(path.join(dir, 'img', 'logo.svg'), '<svg/>');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('routes only known file types, not dotfiles, including subfolders', () => {
    const routes = Object.keys(staticRoutes({ webDir: dir })).sort();
    expect(routes).toEqual(['/', '/assets/a.js', '/assets/img/logo.svg', CHART_JS_ROUTE].sort());
  });

  it('answers 404 for a file deleted after start', async () => {
    const server = await serve(staticRoutes({ webDir: dir }));
    try {
      fs.rmSync(path.join(dir, 'a.js'));
      expect((await fetch(`${server.origin}/assets/a.js`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('refuses a folder without index.html, and says where it looked', () => {
    fs.rmSync(path.join(dir, 'index.html'));
    expect(() => staticRoutes({ webDir: dir })).toThrow(/has no index\.html/);
    expect(() => findWebDir(dir)).toThrow(/web\/index\.html not found above/);
  });
});
