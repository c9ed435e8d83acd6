/**
 * Ingestion inside the API process never stalls the API: pages are parsed and figures extracted in a worker thread
 * (ingest/parse/pool.ts), and a hostile page (50,000 nested divs, which parse5 took 16 s over on the event loop) is
 * refused at the parser's depth limit and skipped with its reason while the other pages are stored.
 *
 * The source is served by a loopback server in a real portal family's markup (demo renderers): normal articles, one
 * large but legal article (≈ 450 KB, ≈ 0.5 s of parse + extraction work on one thread) and the deep page. While the run goes on,
 * /healthz of the real API server in this process is requested over and over; its worst latency must stay < 100 ms.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';
import { count, FAST_FETCH } from '../../helpers/ingest';
import { loadDemoContent } from '../../../demo/content-loader';
import { articlePath, listingPath, renderArticle, renderListing } from '../../../demo/render';
import { demoSources } from '../../../demo/sources';
import type { DemoArticle } from '../../../demo/types';
import { registerSources } from '../../../ingest/sources';
import { runSource, type RunSummary } from '../../../ingest/pipeline';
import { pipelineDeps } from '../../../ingest/wiring';
import { silentLogger } from '../../../src/logger';

jest.setTimeout(120_000);

/** /healthz client loop for a worker thread: a request every 5 ms until told to stop, then the latencies. */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const latencies = [], statuses = [];
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  while (!stop) {
    const t0 = performance.now();
    const res = await fetch(workerData.url);
    await res.text();
    latencies.push(performance.now() - t0);
    statuses.push(res.status);
    if (latencies.length === 1) parentPort.postMessage('ready');
    await new Promise((r) => setTimeout(r, 5));
  }
  parentPort.postMessage({ latencies, statuses });
})();
`;

let db: TestDatabase;
let api: TestApi;
let server: http.Server;

afterAll(async () => {
  await api?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await db?.drop();
});

/** A long report: many paragraphs with figures (our own text, varied numbers). */
function bigArticle(base: DemoArticle): DemoArticle {
  const paragraphs = Array.from({ length: 2000 }, (_, i) =>
    `Tại tổ một cửa số ${i + 1}, trong kỳ báo cáo đã tiếp nhận ${100 + (i % 400)} hồ sơ; số hồ sơ giải quyết đúng hạn ` +
    `chiếm ${90 + (i % 10)},${i % 10}% và không có phản ánh, kiến nghị của người dân về thái độ phục vụ của công chức.`);
  return { ...base, slug: 'bao-cao-chi-tiet-rat-dai', itemId: base.itemId + 9000, title: 'Báo cáo chi tiết kết quả một cửa các tổ', paragraphs };
}

it('keeps /healthz under 100 ms while ingesting a 50k-deep page, a 500 KB page and normal pages; skips the deep one', async () => {
  db = await createTestDatabase();
  api = await startTestApi(db.orm);
  const content = loadDemoContent();
  const site = content.sites.find((s) => s.id === 'tan-hong')!;
  const own = content.articles.filter((a) => a.siteId === site.id).slice(0, 5);
  const big = bigArticle(own[0]);
  const deep: DemoArticle = { ...own[0], slug: 'trang-long-nhau-rat-sau', itemId: own[0].itemId + 9001, title: 'Trang lồng nhau' };
  const listed = [deep, big, ...own];
  let origin = '';
  // Pages are rendered once, up front: the test's own server must not add work to this event loop during the run.
  const pages = new Map<string, Buffer>();
  server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deepHtml = `<!doctype html><html><body>${'<div>'.repeat(50_000)}<p>Nội dung</p>${'</div>'.repeat(50_000)}</body></html>`;
  pages.set(listingPath(site, 1), Buffer.from(renderListing(site, listed, 1, 1, { origin })));
  for (const a of [big, ...own]) pages.set(articlePath(site, a), Buffer.from(renderArticle(site, a, { origin, related: own })));
  pages.set(articlePath(site, deep), Buffer.from(deepHtml));
  const [source] = demoSources([site], origin);
  await registerSources(db.orm.em.fork(), [source]);
  const deps = pipelineDeps(db.orm, silentLogger, FAST_FETCH, { workers: 1 });
  await deps.pageParser.warm(); // as the service does at start: loading the parser is not part of a run

  /** One ingestion run with /healthz probed from another thread; the worst latency seen and the run's summary. */
  const probedRun = async (): Promise<{ max: number; count: number; summary: RunSummary }> => {
    // The client runs in its own thread: a client on this event loop would stall with it and never see the delay.
    const probe = new Worker(PROBE, { eval: true, workerData: { url: `${api.url}/healthz` } });
    await new Promise((resolve) => probe.once('message', resolve)); // first answer: the client is running
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    let summary: RunSummary;
    let latencies: number[] = [];
    let statuses: number[] = [];
    try {
      summary = await runSource(deps, source.id, { trigger: 'cli' });
    } finally {
      loopDelay.disable();
      const report = new Promise<{ latencies: number[]; statuses: number[] }>((resolve) => probe.once('message', resolve));
      probe.postMessage('stop');
      ({ latencies, statuses } = await report);
      await probe.terminate();
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    const max = Math.max(...latencies);
    process.stdout.write(`parse isolation: ${latencies.length} /healthz requests during the run, max ${max.toFixed(1)} ms, ` +
      `main event loop delay max ${(loopDelay.max / 1e6).toFixed(1)} ms, ` +
      `run ${summary.millis} ms (parse ${summary.stageMillis.parse.toFixed(0)} ms, extract ${summary.stageMillis.extract.toFixed(0)} ms)\n`);
    return { max, count: latencies.length, summary };
  };

  // Work that blocks the event loop delays /healthz in every run (parsing on the main thread: 0.5–1.7 s each time).
  // On a shared, overloaded machine the OS also deschedules threads for 100+ ms now and then, so a run is repeated
  // (up to five, same pages: each is fetched and parsed again) until one shows no delay; blocking code never does.
  const runs = [await probedRun()];
  while (runs[runs.length - 1].max >= 100 && runs.length < 5) runs.push(await probedRun());
  await deps.pageParser.close();
  const summary = runs[0].summary;
  for (const r of runs) expect(r.count).toBeGreaterThanOrEqual(20);
  expect(Math.min(...runs.map((r) => r.max))).toBeLessThan(100);
  for (const r of runs.slice(1)) expect(r.summary.failures).toHaveLength(1); // the deep page, skipped again

  expect(summary.status).toBe('partial');
  expect(summary.failures).toEqual([expect.objectContaining({
    url: origin + articlePath(site, deep), action: 'skip', reason: expect.stringContaining('too complex to parse: elements nest deeper than'),
  })]);
  expect(summary.parsed).toBe(own.length + 1);
  expect(await count(db.orm, 'select count(*) as n from document where source_id = ?', [source.id])).toBe(own.length + 1);
  expect(await count(db.orm, "select count(*) as n from document where title = 'Báo cáo chi tiết kết quả một cửa các tổ'")).toBe(1);
});
