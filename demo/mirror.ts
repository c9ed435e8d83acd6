/**
 * The offline mirror: serves demo content rendered in each portal family's markup on a loopback port, with ETags
 * (so re-runs get 304s) and, for the tests, a site of deliberately faulty pages (demo/faults.ts).
 * Public surface: `startMirror`, `Mirror`, `MirrorOptions`, `normalizePathKey`.
 */
import http from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DemoArticle, DemoSite } from './types';
import { articlePath, listingPath, renderArticle, renderListing } from './render';
import { FAULT_ROBOTS_TXT, handleFault, type FaultState } from './faults';

export interface MirrorOptions {
  sites: DemoSite[];
  articles: DemoArticle[];
  /** Preferred port; 0 (default) picks a free one. A busy preferred port falls back to a free one. */
  port?: number;
  /** Articles per listing page. */
  pageSize?: number;
  /** Delay before each article response (crash tests need a run that takes a while). */
  articleDelayMillis?: number;
  /** Slugs with fault behaviours (see demo/faults.ts); only tests set this. */
  faultySlugs?: ReadonlySet<string>;
}

export interface Mirror {
  origin: string;
  /** Replace an article's content (a page edited between runs). */
  editArticle(slug: string, patch: Partial<DemoArticle>): void;
  /** Requests served per path key. */
  hits(pathKey: string): number;
  close(): Promise<void>;
}

type Route = { kind: 'article'; site: DemoSite; slug: string } | { kind: 'listing'; site: DemoSite; page: number };

/** Path plus query with parameters sorted and decoded, lower-case path: two spellings of one URL map together. */
export function normalizePathKey(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, 'http://mirror.invalid');
  const params = [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const query = params.map(([k, v]) => `${k.toLowerCase()}=${v}`).join('&');
  return `${decodeURIComponent(url.pathname).toLowerCase()}${query ? `?${query}` : ''}`;
}

function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

const MEDIA: Record<string, string> = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', doc: 'application/msword', xls: 'application/vnd.ms-excel',
};

function attachmentMediaType(file: string): string {
  return MEDIA[file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
}

/** Bytes of a sample attachment, generated from the sample tables (legacy .doc / .xls: an OLE header and zeros). */
const attachmentCache = new Map<string, Promise<Buffer>>();
function attachmentBytes(f: { file: string; title: string; tables: string[] }): Promise<Buffer> {
  const key = `${f.file}:${f.tables.join(',')}`;
  let bytes = attachmentCache.get(key);
  if (!bytes) {
    bytes = (async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { REPORT_TABLES } = require('./reports/data') as typeof import('./reports/data');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const formats = require('./reports/formats') as typeof import('./reports/formats');
      const tables = f.tables.map((k) => REPORT_TABLES[k]);
      const ext = f.file.split('.').pop()!.toLowerCase();
      if (ext === 'pdf') return formats.tablesToPdf(f.title, tables);
      if (ext === 'docx') return formats.tablesToDocx(f.title, tables);
      if (ext === 'xlsx') return formats.tablesToXlsx(tables);
      return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    })();
    attachmentCache.set(key, bytes);
  }
  return bytes;
}

export async function startMirror(o: MirrorOptions): Promise<Mirror> {
  const pageSize = o.pageSize ?? 10;
  const articles = new Map(o.articles.map((a) => [a.slug, { ...a }]));
  const hits = new Map<string, number>();
  const faults: FaultState = { hits };
  const routes = new Map<string, Route>();
  const bySite = (site: DemoSite) => [...articles.values()]
    .filter((a) => a.siteId === site.id)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.itemId - a.itemId);
  for (const site of o.sites) {
    const list = bySite(site);
    const pages = Math.max(1, Math.ceil(list.length / pageSize));
    for (let page = 1; page <= pages; page++) routes.set(normalizePathKey(listingPath(site, page)), { kind: 'listing', site, page });
    for (const a of list) routes.set(normalizePathKey(articlePath(site, a)), { kind: 'article', site, slug: a.slug });
  }
  let origin = '';

  const send = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const etag = etagOf(body);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const key = normalizePathKey(req.url ?? '/');
    hits.set(key, (hits.get(key) ?? 0) + 1);
    if (key === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(o.faultySlugs ? FAULT_ROBOTS_TXT : 'User-agent: *\nAllow: /\n');
      return;
    }
    const attachment = /^\/([^/]+)\/attachments\/([^/?]+)$/.exec(key);
    if (attachment) {
      const a = [...articles.values()].find((x) => x.siteId === attachment[1] && x.attachments?.some((f) => f.file.toLowerCase() === attachment[2]));
      const file = a?.attachments?.find((f) => f.file.toLowerCase() === attachment[2]);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      attachmentBytes(file).then((bytes) => {
        res.writeHead(200, { 'content-type': attachmentMediaType(file.file), 'content-length': bytes.length, etag: etagOf(bytes) });
        res.end(bytes);
      }, (err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
      return;
    }
    // Fault pages answer whatever query they are asked with (the redirect loop bounces between two spellings).
    const route = routes.get(key) ?? (o.faultySlugs ? routes.get(key.split('?')[0]) : undefined);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>404</title><h1>Không tìm thấy trang</h1>');
      return;
    }
    const ctx = { origin };
    if (route.kind === 'listing') {
      const list = bySite(route.site);
      const pages = Math.max(1, Math.ceil(list.length / pageSize));
      send(req, res, renderListing(route.site, list.slice((route.page - 1) * pageSize, route.page * pageSize), route.page, pages, ctx));
      return;
    }
    const article = articles.get(route.slug)!;
    const related = bySite(route.site).filter((a) => a.slug !== article.slug).slice(0, 5);
    const html = () => renderArticle(route.site, article, { ...ctx, related });
    const serve = () => {
      if (o.faultySlugs?.has(article.slug) && handleFault(article.slug, req, res, html, faults)) return;
      send(req, res, html());
    };
    if (o.articleDelayMillis) setTimeout(serve, o.articleDelayMillis);
    else serve();
  });
  server.keepAliveTimeout = 1000;
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.removeListener('error', reject); resolve(); });
  });
  try {
    await listen(o.port ?? 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !o.port) throw err;
    await listen(0);
  }
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    editArticle: (slug, patch) => {
      const current = articles.get(slug);
      if (!current) throw new Error(`no demo article "${slug}"`);
      articles.set(slug, { ...current, ...patch });
    },
    hits: (pathKey) => hits.get(normalizePathKey(pathKey)) ?? 0,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
