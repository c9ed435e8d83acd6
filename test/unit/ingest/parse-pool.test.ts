/**
 * The parse worker pool (ingest/parse/pool.ts): the same answers as the calling thread, ingest errors that keep
 * their class across the thread boundary (so the pipeline still decides retry/skip/abort), and a task over its time
 * limit stopped with ParseTimeoutError while the pool goes on with a fresh worker.
 */
import { ParseTimeoutError, PageTooComplexError, PortalLayoutError, ingestErrorAction } from '../../../ingest/errors';
import { createPageParser, type PageParser } from '../../../ingest/parse/pool';
import { runPageTask, type PageTask } from '../../../ingest/parse/task';
import type { SubjectData } from '../../../ingest/gazetteer-resolver';

jest.setTimeout(60_000);

const URL = 'https://phuong.example.vn/tin-tuc/bai-1';
const subjects: SubjectData = {
  publisher: { id: 7, parent_id: null, name: 'Phường Bến Nghé', type_vi: 'Phường', code_set: 'gso', search_key: 'phuong ben nghe', aliases: [], valid_from: null, valid_to: null },
  units: [],
};
const ARTICLE = '<!doctype html><html><body><div class="content"><h1>Kết quả một cửa quý I năm 2022</h1><p class="date">Ngày 05/04/2022</p>' +
  '<p>Trong quý I, bộ phận một cửa tiếp nhận 1.240 hồ sơ, giải quyết đúng hạn 99,2%.</p>' +
  '<p>Phường đã đưa 35 thủ tục lên dịch vụ công trực tuyến toàn trình.</p></div></body></html>';
const article = (html: string): PageTask => ({ kind: 'article', html, url: URL, family: null, subjects });

let pool: PageParser | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

it('answers as the calling thread does', async () => {
  pool = createPageParser({ workers: 1 });
  const inWorker = await pool.run(article(ARTICLE));
  const inline = runPageTask(article(ARTICLE));
  expect(inWorker.kind).toBe('article');
  if (inWorker.kind !== 'article' || inline.kind !== 'article') return;
  expect(inWorker.article).toEqual(inline.article);
  expect(inWorker.figures).toEqual(inline.figures);
  expect(inWorker.figures.length).toBeGreaterThan(0);
  expect(Buffer.from(inWorker.rawHtmlGz)).toEqual(Buffer.from(inline.rawHtmlGz));
});

it('rebuilds ingest errors with their class and fields', async () => {
  pool = createPageParser({ workers: 1 });
  const layout = await pool.run(article('<html><body><p>x</p></body></html>')).catch((e: unknown) => e);
  expect(layout).toBeInstanceOf(PortalLayoutError);
  expect(layout).toMatchObject({ url: URL, adapterId: 'generic' });
  const deep = await pool.run(article(`<html><body>${'<div>'.repeat(5000)}</body></html>`)).catch((e: unknown) => e);
  expect(deep).toBeInstanceOf(PageTooComplexError);
  expect(deep).toMatchObject({ limit: 'depth', url: URL });
  expect(ingestErrorAction(deep)).toBe('skip');
});

it('stops a task over its time limit (skipped with ParseTimeoutError) and replaces the stopped worker', async () => {
  pool = createPageParser({ workers: 1, timeoutMillis: 30 });
  await pool.warm();
  const slow = `<html><body>${ARTICLE}<div>${'<span>x</span> '.repeat(90_000)}</div></body></html>`;
  const err = await pool.run(article(slow)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ParseTimeoutError);
  expect(ingestErrorAction(err)).toBe('skip');
  // The stopped worker is gone; warming starts and waits for a fresh one.
  await expect(pool.warm()).resolves.toBeUndefined();
});

it('workers: 0 parses on the calling thread', async () => {
  pool = createPageParser({ workers: 0 });
  expect(pool.workers).toBe(0);
  const r = await pool.run({ kind: 'listing', html: '<html><body><a href="/tin-tuc/bai-2">Bài 2</a></body></html>', url: URL, family: null });
  expect(r.kind).toBe('listing');
});

it('reads a page that shows no date with the month its address carries, and stores no date for it', () => {
  const undated = '<!doctype html><html><body><div class="content"><h1>Kết quả giải quyết hồ sơ</h1>' +
    '<p>Từ đầu năm đến nay, bộ phận một cửa của phường tiếp nhận 1.240 hồ sơ, giải quyết đúng hạn 99,2%.</p>' +
    '<p>Phường đã đưa 35 thủ tục lên dịch vụ công trực tuyến toàn trình.</p></div></body></html>';
  const read = (url: string) => runPageTask({ kind: 'article', html: undated, url, family: null, subjects });
  const filed = read('https://phuong.example.vn/tin-tuc/201905/ket-qua-giai-quyet-ho-so-123/');
  const bare = read('https://phuong.example.vn/tin-tuc/ket-qua-giai-quyet-ho-so-123/');
  if (filed.kind !== 'article' || bare.kind !== 'article') throw new Error('not an article');
  expect(filed.article.publishedAt).toBeNull();
  const received = filed.figures.find((f) => f.metric === 'dossiers_received');
  expect(received?.period).toMatchObject({ year: 2019, fromMonth: 1, toMonth: 5 });
  expect(bare.figures.find((f) => f.metric === 'dossiers_received')?.period.year).toBeNull();
});
