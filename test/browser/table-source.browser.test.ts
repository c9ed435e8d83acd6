/**
 * The charts page shows a ward ranking read from a report (the demo's Quận 3 reports site ingested from the mirror:
 * an HTML table for 2022, an attached PDF for 2023), and its source panel cites the table cell:
 * "Bảng 1, dòng UBND Phường 4, cột Tổng điểm, trang 1". Saves test-artifacts/charts-table-source.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { startIngestFixture, type IngestFixture } from '../helpers/ingest';
import { runSource } from '../../ingest/pipeline';
import { staticRoutes } from '../../src/http/static';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

jest.setTimeout(120_000);

let db: TestDatabase;
let fx: IngestFixture;
let api: TestApi;
let userDataDir: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['quan-3-bao-cao'] });
  await runSource(fx.deps, fx.sourceIds['quan-3-bao-cao'], { trigger: 'cli' });
  api = await startTestApi(db.orm, { routes: staticRoutes() });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  await api?.close();
  await fx?.mirror.close();
  await db?.drop();
});

it('ranks the wards of Quận 3 from the report and cites the cell of the chosen bar', async () => {
  const [{ id }] = await db.orm.em.fork().execute<{ id: number }[]>(`select id from admin_unit where code_set = 'gso' and code = '770'`);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(`${api.url}/?tab=compare&metric=par_index_score&year=2023&parent=${id}`);
  await page.waitForSelector('#panel-compare[data-status="ready"]', { timeout: 15_000 });
  const chart = await page.evaluate(() => {
    const c = (window as any).__cchcCharts.bar;
    return { labels: c.data.labels as string[], values: c.data.datasets[0].data as Array<number | null> };
  });
  const ranked = chart.labels.map((l, i) => [l, chart.values[i]]).filter(([, v]) => v !== null);
  expect(ranked).toHaveLength(5);
  expect(ranked[0][1]).toBe(92.35);
  // Click the top dot of the ranking (Phường 4) where Chart.js drew it.
  const at = await page.evaluate(() => {
    const c = (window as any).__cchcCharts.bar;
    const el = c.getDatasetMeta(0).data[0];
    const before = c.canvas.getBoundingClientRect();
    window.scrollBy(0, before.top + el.y - window.innerHeight / 2);
    const box = c.canvas.getBoundingClientRect();
    return { x: box.left + el.x, y: box.top + el.y };
  });
  await page.mouse.click(at.x, at.y);
  await page.waitForSelector('#source-panel .source-cell');
  const cell = await page.evaluate(() => document.querySelector('#source-panel .source-cell')!.textContent);
  expect(cell).toBe(`Bảng 1, dòng UBND Phường 4, cột Tổng điểm, trang 1 — Bảng 1: Kết quả xác định Chỉ số cải cách hành chính năm 2023 của UBND các phường`);
  await page.locator('#source-panel').screenshot({ path: path.join(ARTIFACTS, 'charts-table-source.png') });
  await page.screenshot({ path: path.join(ARTIFACTS, 'charts-table-ranking.png'), fullPage: true });
  expect(problems).toEqual([]);
});
