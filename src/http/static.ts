/**
 * The charts page: routes serving the static files under `web/` and Chart.js from node_modules (no copy, no build).
 *
 * Routes are exact paths built once from a listing of `web/`, so a request can only ever reach a file that was
 * listed at start: `..`, encoded slashes, dotfiles and unknown extensions have no route (404 from the server).
 * Files are read on each request (they are small; edits show without a restart) and revalidated by ETag.
 */
import fs from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import type { RouteHandler } from './server';

/** Where the page's own files are served from; the page is served at `/`. */
export const ASSET_PREFIX = '/assets/';
/** The vendored chart library, served straight from node_modules. */
export const CHART_JS_ROUTE = '/assets/vendor/chart.umd.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page talks to its own origin only (GraphQL at /graphql), loads no third-party code and may not be framed.
 * Chart.js sets element styles through the CSSOM, which `style-src 'self'` allows.
 */
const PAGE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
  "connect-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'",
].join('; ');

/** Own files are revalidated on every load (unversioned names); the vendor file changes only with the package. */
const OWN_CACHE = 'no-cache';
const VENDOR_CACHE = 'public, max-age=86400';

export interface StaticRoutesOptions {
  /** Folder of the page; found by walking up from this file when omitted (works from src/ and from dist/). */
  webDir?: string;
  /** Chart.js UMD bundle; resolved from the installed `chart.js` package when omitted. */
  chartJsFile?: string;
}

interface StaticFile {
  file: string;
  contentType: string;
  cacheControl: string;
  csp: boolean;
}

/** The nearest `web/index.html` above this module (src/http → repo, dist/src/http → repo). */
export function findWebDir(start = __dirname): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'web');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`web/index.html not found above ${start}: the charts page is missing from this installation`);
}

/** `chart.js` exports only its ESM/CJS entries, so the UMD file is found next to the resolved main entry. */
export function findChartJs(): string {
  const file = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.js');
  if (!fs.existsSync(file)) throw new Error(`Chart.js UMD bundle not found at ${file}: is the chart.js package installed?`);
  return file;
}

/** Every servable file under `dir`, as URL paths relative to it (no dotfiles, known extensions only). */
function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else if (entry.isFile() && CONTENT_TYPES[path.extname(entry.name)]) out.push(child);
  }
  return out;
}

function weakEtag(stat: fs.Stats): string {
  return `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
}

function serve(target: StaticFile): RouteHandler {
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(target.file);
    } catch {
      // Listed at start, deleted since: answer like any unknown path.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const etag = weakEtag(stat);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': target.contentType,
      'cache-control': target.cacheControl,
      etag,
      'last-modified': stat.mtime.toUTCString(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (target.csp) headers['content-security-policy'] = PAGE_CSP;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = req.method === 'HEAD' ? null : await fs.promises.readFile(target.file);
    res.writeHead(200, { ...headers, 'content-length': body?.length ?? stat.size });
    res.end(body ?? undefined);
  };
}

/**
 * Routes for the charts page: `/` (web/index.html), `/assets/<file>` for the other files of web/, and
 * {@link CHART_JS_ROUTE}. Pass them to `startApi({ routes })`.
 */
export function staticRoutes(options: StaticRoutesOptions = {}): Record<string, RouteHandler> {
  const webDir = path.resolve(options.webDir ?? findWebDir());
  const routes: Record<string, RouteHandler> = {};
  for (const rel of listFiles(webDir)) {
    const ext = path.extname(rel);
    const file: StaticFile = { file: path.join(webDir, rel), contentType: CONTENT_TYPES[ext], cacheControl: OWN_CACHE, csp: ext === '.html' };
    if (rel === 'index.html') routes['/'] = serve(file);
    else routes[`${ASSET_PREFIX}${rel}`] = serve(file);
  }
  if (!routes['/']) throw new Error(`${webDir} has no index.html`);
  routes[CHART_JS_ROUTE] = serve({
    file: options.chartJsFile ?? findChartJs(), contentType: CONTENT_TYPES['.js'], cacheControl: VENDOR_CACHE, csp: false,
  });
  return routes;
}
