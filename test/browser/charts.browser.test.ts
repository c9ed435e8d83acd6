/**
 * The charts page in a real browser: Debian's Chromium driven by playwright-core, against the real API (GraphQL over
 * HTTP, a test database with known figures) serving the page through its static routes.
 * Fails — never skips — when Chromium is missing. Saves test-artifacts/charts.png (ranking with a source shown),
 * charts-series.png (time series with a source shown), charts-series-download.png (the PNG a user downloads)
 * and charts-phone.png (390 px wide), charts-unit.png (a unit's own page) and charts-embed.png (the embed view).
 * `npm run screenshots` runs this file for those pictures.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startTestApi, type TestApi } from '../helpers/api';
import { staticRoutes } from '../../src/http/static';
import { createHash } from 'node:crypto';
import { AdminUnit, CodeSet } from '../../src/modules/unit/admin-unit.entity';
import { Figure } from '../../src/modules/figure/figure.entity';
import { Source } from '../../src/modules/source/source.entity';
import { insertHcmcFigures, existedIn, expectedValue, CASES, type FigureFixtures } from '../helpers/figure-fixtures';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

jest.setTimeout(120_000);

let db: TestDatabase;
let api: TestApi;
let fx: FigureFixtures;
/** A district outside Hồ Chí Minh City without any figure (Huyện Tân Hồng, Đồng Tháp). */
let noFigures: AdminUnit;
let userDataDir: string;
let context: BrowserContext;
/** Errors the page threw or logged, and requests it made to other origins: every test ends with none. */
const pageProblems: string[] = [];

function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. The charts page test needs Debian's package: `
      + 'run `apt-get update && apt-get install -y chromium` (.ci/run does this before npm test).');
  }
}

beforeAll(async () => {
  assertChromium();
  db = await createTestDatabase();
  fx = await insertHcmcFigures(db.orm.em.fork());
  noFigures = await db.orm.em.fork().findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '869' });
  api = await startTestApi(db.orm, { routes: staticRoutes() });
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
    acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  await api?.close();
  await db?.drop();
});

afterEach(() => {
  const problems = pageProblems.splice(0);
  expect(problems).toEqual([]);
});

async function open(query = '', viewport?: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const origin = new URL(api.url).origin;
  page.on('pageerror', (err) => pageProblems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') pageProblems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !/^(data|blob):/.test(req.url())) pageProblems.push(`request to another origin: ${req.url()}`);
  });
  await page.goto(`${api.url}/${query}`);
  return page;
}

/** Wait until the tab has drawn; an error the page shows fails the test with the page's own message. */
async function ready(page: Page, tab: 'compare' | 'series'): Promise<void> {
  await page.waitForSelector(`#panel-${tab}[data-status="ready"], #panel-${tab}[data-status="error"], #error:not([hidden])`, { timeout: 15_000 });
  const error = await page.locator('#error:not([hidden])').textContent({ timeout: 100 }).catch(() => null);
  if (error) throw new Error(`the page shows an error: ${error}`);
}

/** What the ranking (a dot plot) shows, read from the live Chart.js instance. */
function barChart(page: Page) {
  return page.evaluate(() => {
    const chart = (window as any).__cchcCharts.bar;
    const meta = chart.getDatasetMeta(0);
    return {
      labels: chart.data.labels as string[],
      values: chart.data.datasets[0].data as Array<number | null>,
      bars: meta.data.filter((_: unknown, i: number) => chart.data.datasets[0].data[i] !== null).length,
      // Where each dot sits, in pixels from the left end of the value axis.
      positions: meta.data.map((dot: any) => Math.round(dot.x - chart.chartArea.left)),
      axis: { min: chart.scales.x.min, max: chart.scales.x.max, width: Math.round(chart.chartArea.right - chart.chartArea.left) },
      previous: chart.data.datasets[1].data as Array<number | null>,
      targets: chart.data.datasets[2].data as Array<number | null>,
    };
  });
}

function lineChart(page: Page) {
  return page.evaluate(() => {
    const chart = (window as any).__cchcCharts.line;
    // Target crosses are datasets of their own (`cchcTargetOf`): read by `lineTargets`.
    return chart.data.datasets.filter((ds: any) => ds.cchcTargetOf === undefined).map((ds: any, i: number) => ({
      label: ds.label,
      // One slot per year of the axis; years without a figure are gaps (null), left out here.
      points: ds.data.map((d: any, j: number) => d.point && ({
        year: d.point.year, value: d.point.value, partial: d.point.partialYear,
        style: chart.getDatasetMeta(i).data[j].options.pointStyle,
      })).filter(Boolean),
      gaps: ds.data.filter((d: any) => d.y === null).map((d: any) => Number(d.x)),
    }));
  });
}

/** Click a chart element where Chart.js drew it. */
async function clickChart(page: Page, which: 'bar' | 'line', datasetIndex: number, index: number): Promise<void> {
  const at = await page.evaluate(([w, d, i]) => {
    const chart = (window as any).__cchcCharts[w as string];
    const el = chart.getDatasetMeta(d).data[i];
    // Scroll the element to the middle of the viewport, then aim (a horizontal bar is hit anywhere: its middle).
    const before = chart.canvas.getBoundingClientRect();
    window.scrollBy(0, before.top + el.y - window.innerHeight / 2);
    const box = chart.canvas.getBoundingClientRect();
    const x = el.base !== undefined ? (el.x + el.base) / 2 : el.x;
    return { x: box.left + x, y: box.top + el.y };
  }, [which, datasetIndex, index] as const);
  await page.mouse.click(at.x, at.y);
}

async function sourceShown(page: Page) {
  await page.waitForSelector('#source-panel .source-link');
  return page.evaluate(() => ({
    href: document.querySelector<HTMLAnchorElement>('#source-panel .source-link')!.href,
    title: document.querySelector('#source-panel .source-link')!.textContent,
    sentence: document.querySelector('#source-panel .source-sentence')!.textContent,
    figure: document.querySelector('#source-panel .source-figure')!.textContent,
    date: document.querySelector('#source-panel .source-date')?.textContent ?? '',
  }));
}

/** The figure the API must choose for a unit and year: the only candidate, or the full-year one. */
function chosen(code: string, metric: string, year: number): Figure {
  const candidates = fx.candidates(code, metric, year).filter((f) => f.reviewStatus !== 'rejected');
  const full = candidates.filter((f) => f.periodFromMonth == null);
  const figure = (full.length ? full : candidates)[0];
  if (!figure) throw new Error(`no fixture figure for ${code} ${metric} ${year}`);
  return figure;
}

/** What the source panel must show for a figure. */
function sourceOf(f: Figure) {
  const doc = f.document.unwrap();
  return { href: doc.url, title: doc.title, sentence: f.evidenceSentence };
}

/** The districts of the city that year with and without a value for a metric (by the fixtures' own rule). */
function districtsBy(metric: string, year: number) {
  const all = [...fx.districts.values(), ...fx.dissolved.values()].filter((u) => existedIn(u, year));
  return {
    withData: all.filter((u) => expectedValue(metric, u.code, year) !== null),
    missing: all.filter((u) => expectedValue(metric, u.code, year) === null),
  };
}

const ids = (...codes: string[]) => codes.map((c) => String(fx.unit(c).id));
/** A percentage as the page writes it in Vietnamese ("99,8%"). */
const pct2 = (v: number) => `${String(Math.round(v * 100) / 100).replace('.', ',')}%`;

describe('charts page', () => {
  it('ranks the districts of Hồ Chí Minh City by on-time rate, lists the missing ones as missing, and links a bar to its source', async () => {
    const page = await open('?metric=on_time_rate&year=2019');
    await ready(page, 'compare');
    const { withData, missing } = districtsBy('on_time_rate', 2019);
    expect(missing.map((u) => u.code)).toEqual([CASES.missing.code]);
    const bar = await barChart(page);
    expect(bar.bars).toBe(withData.length);
    // Quận 1 and Quận 3 share the top value: both rank 1.
    expect(bar.labels.slice(0, 2).sort()).toEqual(['1. Quận 1', '1. Quận 3']);
    expect(bar.labels[2]).toMatch(/^3\. /);
    expect(bar.values.slice(0, 2)).toEqual([CASES.tie.value, CASES.tie.value]);
    const shown = bar.values.slice(0, withData.length) as number[];
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    // A dot plot on an axis fitted to the data: the cut axis is marked, and close values are visibly apart.
    expect(bar.axis.min).toBeGreaterThan(0);
    expect(await page.isVisible('#panel-compare .axis-note')).toBe(true);
    expect(await page.textContent('#panel-compare .axis-note')).toContain('không từ 0');
    const lo = Math.min(...shown);
    const hi = Math.max(...shown);
    const spread = bar.positions[shown.indexOf(hi)] - bar.positions[shown.indexOf(lo)];
    expect(spread).toBeGreaterThan(bar.axis.width * 0.5);
    // The district without data is there, without a bar: null, not zero, and named in the list below the chart.
    expect(bar.labels[withData.length]).toBe(`– ${missing[0].name}`);
    expect(bar.values[withData.length]).toBeNull();
    expect(await page.textContent('#panel-compare .missing h3')).toBe('Không có số liệu (1 đơn vị)');
    expect(await page.locator('#panel-compare .missing li').allTextContents()).toEqual([missing[0].name]);
    expect(await page.getAttribute('#bar-chart', 'aria-label')).toContain(`${withData.length} đơn vị có số liệu, 1 đơn vị không có số liệu`);

    // Previous year and change come from the API (Bình Thạnh: the full-year 2019 figure, not the 9-month one).
    const bt = fx.unit('765');
    const now = expectedValue('on_time_rate', '765', 2019)!;
    const before = expectedValue('on_time_rate', '765', 2018)!;
    const pct = (v: number) => `${String(Math.round(v * 100) / 100).replace('.', ',')}%`;
    await page.click('#panel-compare summary');
    const row = page.locator('#panel-compare tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${bt.name}$`) }) });
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining([pct(now), pct(before), 'năm 2019']));

    await clickChart(page, 'bar', 0, bar.labels.findIndex((l: string) => l.endsWith(` ${bt.name}`)));
    const src = await sourceShown(page);
    expect(src).toMatchObject(sourceOf(chosen('765', 'on_time_rate', 2019)));
    expect(src.figure).toContain(`${bt.name} — 2019: ${pct(now)}`);
    expect(src.date).toContain('15/01/2020');
    await page.screenshot({ path: path.join(ARTIFACTS, 'charts.png'), fullPage: true });
    await page.close();
  });

  it('opens on the default view: Hồ Chí Minh City districts, the latest year with data', async () => {
    const page = await open();
    await ready(page, 'compare');
    expect(await page.textContent('#parent-chip')).toContain('Thành phố Hồ Chí Minh');
    expect(await page.inputValue('#compare-metric')).toBe('on_time_rate');
    expect(await page.inputValue('#compare-year')).toBe('2021');
    expect((await barChart(page)).bars).toBe(districtsBy('on_time_rate', 2021).withData.length);
    expect(new URL(page.url()).searchParams.get('parent')).toBe(String(fx.hcmc.id));

    // Changing metric and year redraws and rewrites the URL; a part-year value is marked in the ranking.
    await page.selectOption('#compare-metric', 'satisfaction_rate');
    await ready(page, 'compare');
    await page.selectOption('#compare-year', String(CASES.partialOnly.year));
    await ready(page, 'compare');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('satisfaction_rate');
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(CASES.partialOnly.year));
    const labels = (await barChart(page)).labels;
    expect(labels.filter((l: string) => l.endsWith(' △'))).toEqual([expect.stringMatching(/^\d+\. Quận 12 △$/)]);
    expect(await page.textContent('#panel-compare .status')).toContain('△');
    await page.close();
  });

  it('draws the satisfaction time series with part-year points marked and links a point to its sentence', async () => {
    // Quận 12 has a six-month figure only for 2020; Quận 11's only 2021 figure was rejected; Tân Hồng has none.
    const page = await open(`?tab=series&smetric=satisfaction_rate&units=${[...ids('761', '772'), noFigures.id].join(',')}`);
    await ready(page, 'series');
    const lines = await lineChart(page);
    expect(lines.map((l: any) => l.label)).toEqual(['Quận 12', 'Quận 11']);
    expect(lines[0].points.map((p: any) => [p.year, p.value, p.partial, p.style])).toEqual([2018, 2019, 2020, 2021].map((y) => {
      const partial = y === CASES.partialOnly.year;
      return [y, expectedValue('satisfaction_rate', '761', y), partial, partial ? 'triangle' : 'circle'];
    }));
    expect(lines[1].points.map((p: any) => [p.year, p.partial])).toEqual([[2018, false], [2019, false], [2020, false]]);
    expect(lines.map((l: any) => l.gaps)).toEqual([[], [CASES.rejectedOnly.year]]);
    // The part-year point (2020) is not joined to its full-year neighbours: the canvas is blank halfway to it,
    // and drawn in the line's colour halfway between two full years.
    const midpoints = await page.evaluate(() => {
      const chart = (window as any).__cchcCharts.line;
      const pts = chart.getDatasetMeta(0).data;
      const ratio = chart.currentDevicePixelRatio;
      // One read of the whole canvas (repeated reads make Chromium warn).
      const image = chart.canvas.getContext('2d').getImageData(0, 0, chart.canvas.width, chart.canvas.height);
      const pixel = (x: number, y: number) => {
        const i = (y * image.width + x) * 4;
        return [image.data[i], image.data[i + 1], image.data[i + 2]];
      };
      const colour = (a: any, b: any) => {
        // The darkest pixel in a small square around the midpoint (anti-aliasing spreads a 2 px line).
        let best = [255, 255, 255];
        for (let dx = -2; dx <= 2; dx++) {
          for (let dy = -2; dy <= 2; dy++) {
            const [r, g, bl] = pixel(Math.round(((a.x + b.x) / 2 + dx) * ratio), Math.round(((a.y + b.y) / 2 + dy) * ratio));
            if (r + g + bl < best[0] + best[1] + best[2]) best = [r, g, bl];
          }
        }
        return best;
      };
      return { line: chart.data.datasets[0].borderColor, full: colour(pts[0], pts[1]), toPartial: colour(pts[1], pts[2]), fromPartial: colour(pts[2], pts[3]) };
    });
    const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const near = (rgb: number[], target: string) => {
      const t = [1, 3, 5].map((i) => parseInt(target.slice(i, i + 2), 16));
      return Math.max(...rgb.map((v, i) => Math.abs(v - t[i]))) < 60;
    };
    expect([hex(midpoints.full), near(midpoints.full, midpoints.line)]).toEqual([hex(midpoints.full), true]);
    expect([hex(midpoints.toPartial), near(midpoints.toPartial, midpoints.line)]).toEqual([hex(midpoints.toPartial), false]);
    expect([hex(midpoints.fromPartial), near(midpoints.fromPartial, midpoints.line)]).toEqual([hex(midpoints.fromPartial), false]);
    // The legend is a list of toggles: hiding a unit hides its line.
    const legend = page.locator('#series-legend button');
    expect(await legend.allTextContents()).toEqual(['Quận 12', 'Quận 11']);
    await legend.nth(1).click();
    expect(await legend.nth(1).getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => (window as any).__cchcCharts.line.isDatasetVisible(1))).toBe(false);
    await legend.nth(1).click();
    expect(await page.evaluate(() => (window as any).__cchcCharts.line.isDatasetVisible(1))).toBe(true);
    expect(await page.isVisible('#panel-series .point-legend')).toBe(true);
    expect(await page.isVisible('#panel-series .legend-target')).toBe(false); // no target among these units
    expect(await page.locator('#panel-series .missing li').allTextContents()).toEqual([noFigures.name]);

    await clickChart(page, 'line', 0, 2);
    const src = await sourceShown(page);
    const partial = chosen('761', 'satisfaction_rate', 2020);
    expect(src).toMatchObject(sourceOf(partial));
    expect(src.figure).toContain('6 tháng đầu năm 2020');
    expect(await page.textContent('#source-panel figcaption')).toContain(String(partial.id));

    // The keyboard path to a source: the data table's button.
    await page.click('#panel-series summary');
    await page.locator('#panel-series tbody tr').filter({ has: page.locator('th', { hasText: /^Quận 11$/ }) })
      .filter({ has: page.locator('td', { hasText: /^2019$/ }) }).getByRole('button').click();
    expect(await sourceShown(page)).toMatchObject(sourceOf(chosen('772', 'satisfaction_rate', 2019)));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-heading');
    await page.screenshot({ path: path.join(ARTIFACTS, 'charts-series.png'), fullPage: true });
    await page.close();
  });

  it('finds units without diacritics, and the URL reproduces the view (in English)', async () => {
    const page = await open('?metric=on_time_rate&year=2019');
    await ready(page, 'compare');
    await page.check('input[name="scope"][value="units"]');
    for (const [typed, name] of [['quan 11', 'Quận 11'], ['binh thanh', 'Quận Bình Thạnh'], ['can gio', 'Huyện Cần Giờ']]) {
      await page.fill('#unit-search', typed);
      await page.locator('#unit-results .result', { hasText: name }).first().click();
      await ready(page, 'compare');
    }
    expect(await page.locator('#unit-chips .chip').allTextContents()).toEqual(['Quận 11×', 'Quận Bình Thạnh×', 'Huyện Cần Giờ×']);
    const ranked = [['Quận 11', expectedValue('on_time_rate', '772', 2019)!], ['Quận Bình Thạnh', expectedValue('on_time_rate', '765', 2019)!]]
      .sort((a, b) => (b[1] as number) - (a[1] as number));
    const bar = await barChart(page);
    expect(bar.labels).toEqual([`1. ${ranked[0][0]}`, `2. ${ranked[1][0]}`, '– Huyện Cần Giờ']);
    expect(bar.values).toEqual([ranked[0][1], ranked[1][1], null]);

    await page.click('#lang-toggle');
    await ready(page, 'compare');
    expect(await page.textContent('#panel-compare .missing h3')).toBe('No data: 1');
    expect(await page.textContent('#panel-compare .chart-title')).toBe('Dossiers resolved on time — 2019');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    const link = page.url();
    expect(new URL(link).searchParams.get('lang')).toBe('en');
    expect(new URL(link).searchParams.get('units')).toBe(ids('772', '765', '787').join(','));
    const again = await open(new URL(link).search);
    await ready(again, 'compare');
    expect(await barChart(again)).toEqual(bar);
    expect(await again.textContent('#tab-compare')).toBe('Ranking for a year');
    expect(await again.locator('#unit-chips .chip').count()).toBe(3);
    await again.close();
    await page.close();
  });

  it('downloads what is shown as CSV (UTF-8 with BOM) and PNG', async () => {
    const page = await open('?metric=on_time_rate&year=2019');
    await ready(page, 'compare');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#panel-compare [data-action="csv"]')]);
    expect(csvDownload.suggestedFilename()).toBe('cchc-on_time_rate-2019.csv');
    const csv = fs.readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    const { withData, missing } = districtsBy('on_time_rate', 2019);
    expect(lines).toHaveLength(1 + withData.length + missing.length);
    expect(lines[0]).toMatch(/^Hạng,Đơn vị,Mã đơn vị,Chỉ số,Năm,Giá trị,Năm trước,Thay đổi,/);
    expect(lines.slice(1, 3).map((l) => l.split(',').slice(0, 6).join(',')).sort())
      .toEqual(['1,Quận 1,760,on_time_rate,2019,99.9', '1,Quận 3,770,on_time_rate,2019,99.9']);
    expect(lines.find((l) => l.includes(',Quận 1,760,'))).toContain(sourceOf(chosen('760', 'on_time_rate', 2019)).href);
    expect(lines[lines.length - 1]).toBe(',Huyện Cần Giờ,787,on_time_rate,2019,,,,,không có số liệu,,,,,');

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#panel-compare [data-action="png"]')]);
    expect(pngDownload.suggestedFilename()).toBe('cchc-on_time_rate-2019.png');
    const png = fs.readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5_000);

    // The time series PNG carries its legend (HTML on the page) and the link; it is kept as an artefact.
    await page.click('#tab-series');
    await ready(page, 'series');
    const [seriesPng] = await Promise.all([page.waitForEvent('download'), page.click('#panel-series [data-action="png"]')]);
    expect(seriesPng.suggestedFilename()).toBe('cchc-satisfaction_rate-2018-2021.png');
    await seriesPng.saveAs(path.join(ARTIFACTS, 'charts-series-download.png'));
    const size = await page.evaluate(() => {
      const c = (window as any).__cchcCharts.line.canvas as HTMLCanvasElement;
      return { width: c.width, height: c.height };
    });
    const saved = fs.readFileSync(path.join(ARTIFACTS, 'charts-series-download.png'));
    // PNG header: width and height are big-endian at bytes 16 and 20; title, legend and notes add height.
    expect(saved.readUInt32BE(16)).toBe(size.width);
    expect(saved.readUInt32BE(20)).toBeGreaterThan(size.height + 100);
    await page.close();
  });

  it('is usable on a phone: no horizontal scrolling, tabs work from the keyboard', async () => {
    const page = await open('?metric=on_time_rate&year=2019', { width: 390, height: 844 });
    await ready(page, 'compare');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The controls start collapsed, so the chart is the first thing below them, on the first screen.
    expect(await page.evaluate(() => (document.querySelector('#controls-details') as HTMLDetailsElement).open)).toBe(false);
    expect(await page.isVisible('#unit-picker')).toBe(false);
    const top = await page.evaluate(() => ({
      chart: document.querySelector('#bar-chart')!.getBoundingClientRect().top,
      controls: document.querySelector('.controls')!.getBoundingClientRect().bottom,
    }));
    expect(top.chart).toBeGreaterThan(top.controls);
    expect(top.chart).toBeLessThan(844 - 200);
    await page.screenshot({ path: path.join(ARTIFACTS, 'charts-phone-ranking.png') });
    await page.click('#controls-summary');
    expect(await page.isVisible('#unit-picker')).toBe(true);
    await page.focus('#tab-compare');
    await page.keyboard.press('ArrowRight');
    await ready(page, 'series');
    expect(await page.getAttribute('#tab-series', 'aria-selected')).toBe('true');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('series');
    expect((await lineChart(page)).length).toBe(fx.districts.size + fx.dissolved.size); // 2018-2021 spans the 2021 merger
    await page.screenshot({ path: path.join(ARTIFACTS, 'charts-phone.png'), fullPage: true });
    await page.close();
  });

  it('says what the data is: portal, review status, rank change, the figures set aside, and a banner for sample data', async () => {
    const page = await open('?metric=on_time_rate&year=2019');
    await ready(page, 'compare');
    expect(await page.isVisible('#sample-banner')).toBe(false);
    const bt = fx.unit('765');
    const bar = await barChart(page);
    const rank = Number(bar.labels.find((l: string) => l.endsWith(` ${bt.name}`))!.split('.')[0]);
    // The rank in 2018 among the districts with a 2018 figure, from the fixtures' own values.
    const before2018 = districtsBy('on_time_rate', 2018).withData.map((u) => expectedValue('on_time_rate', u.code, 2018)!);
    const previousRank = 1 + before2018.filter((v) => v > expectedValue('on_time_rate', '765', 2018)!).length;
    const move = previousRank - rank;
    const change = expectedValue('on_time_rate', '765', 2019)! - expectedValue('on_time_rate', '765', 2018)!;
    await page.click('#panel-compare summary');
    const row = page.locator(`#panel-compare tbody tr[data-unit-id="${bt.id}"]`);
    expect(await row.locator('td.rank-change').textContent()).toBe(move > 0 ? `↑${move}` : move < 0 ? `↓${-move}` : '↔');
    expect(await row.locator('td.change').textContent()).toMatch(change > 0 ? /^▲ \+/ : /^▼ −/);
    const doc = chosen('765', 'on_time_rate', 2019).document.unwrap();
    const portal = fx.sources.find((x) => x.id === (doc.source as any).id)!;
    expect(await row.locator('.portal').textContent()).toBe(portal.name);
    expect(await row.locator('.review').textContent()).toBe('tự động, chưa kiểm tra');

    // The source panel names the portal and the review status, and lists what the rule set aside (the 9-month figure).
    await row.getByRole('button', { name: 'Xem nguồn' }).click();
    await page.waitForSelector('#source-panel .source-alternatives');
    expect(await page.textContent('#source-panel .source-portal')).toContain(portal.name);
    expect(await page.textContent('#source-panel .source-alternatives')).toContain('1 số liệu khác bị gác lại');
    await page.click('#source-panel .show-alternatives');
    await page.waitForSelector('#source-panel .alternatives li');
    const alternatives = await page.locator('#source-panel .alternatives li').allTextContents();
    expect(alternatives).toHaveLength(2);
    expect(alternatives.find((a) => a.includes('được chọn'))).toContain(pct2(expectedValue('on_time_rate', '765', 2019)!));
    expect(alternatives.find((a) => !a.includes('được chọn'))).toContain(pct2(CASES.partialAlternative.partialValue));

    // A reviewed figure says so (Tân Bình 2018 was confirmed).
    await page.selectOption('#compare-year', '2018');
    await ready(page, 'compare');
    expect(await page.locator(`#panel-compare tbody tr[data-unit-id="${fx.unit(CASES.reviewedWins.code).id}"] .review`).textContent()).toBe('đã kiểm tra');
    await page.close();

    // The same database with its sources marked as the demo's samples: a banner says so, and the portals are marked.
    await db.orm.em.fork().nativeUpdate(Source, {}, { demo: true });
    try {
      const demo = await open('?metric=on_time_rate&year=2019');
      await ready(demo, 'compare');
      await demo.waitForSelector('#sample-banner:not([hidden])');
      expect(await demo.textContent('#sample-banner')).toContain('Dữ liệu mẫu');
      await demo.click('#panel-compare summary');
      expect(await demo.locator('#panel-compare tbody .badge-sample').count()).toBe(bar.bars);
      await demo.close();
    } finally {
      await db.orm.em.fork().nativeUpdate(Source, {}, { demo: false });
    }
  });

  it('tells same-named units apart by their parent, and explains errors in Vietnamese and English', async () => {
    const page = await open('?metric=on_time_rate&year=2019');
    await ready(page, 'compare');
    await page.check('input[name="scope"][value="units"]');
    const picked: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.fill('#unit-search', 'phuong 1');
      const result = page.locator('#unit-results .result').filter({ has: page.locator('.result-name', { hasText: /^Phường 1$/ }) })
        .filter({ hasNot: page.locator(picked.map((id) => `[data-unit-id="${id}"]`).join(',') || '.none') });
      await result.first().waitFor();
      const id = (await result.nth(i).getAttribute('data-unit-id'))!;
      picked.push(id);
      await result.nth(i).click();
      await ready(page, 'compare');
    }
    const chips = await page.locator('#unit-chips .chip span').allTextContents();
    expect(chips).toHaveLength(2);
    expect(chips.every((c) => c.startsWith('Phường 1 – '))).toBe(true);
    expect(new Set(chips).size).toBe(2);
    const labels = (await barChart(page)).labels;
    expect(labels.map((l: string) => l.replace(/^– /, '')).sort()).toEqual([...chips].sort());
    expect(new Set(await page.locator('#panel-compare .missing li').allTextContents()).size).toBe(2);

    // Every ward of the country is too many to rank: the page asks for a parent instead of asking the API.
    await page.check('input[name="scope"][value="level"]');
    await page.selectOption('#level-select', 'WARD');
    await page.waitForFunction(() => document.querySelector('#panel-compare .status')!.textContent!.includes('Các đơn vị trực thuộc'));
    await page.close();

    // An error from the API (a metric that does not exist) is explained, translated, never shown raw.
    for (const [lang, expected] of [['vi', 'Lựa chọn trong liên kết không hợp lệ'], ['en', 'The link asks for something invalid']]) {
      const broken = await open(`?metric=no_such_metric&year=2019${lang === 'en' ? '&lang=en' : ''}`);
      await broken.waitForSelector('#error:not([hidden])');
      const text = (await broken.textContent('#error'))!;
      expect(text).toContain(expected);
      expect(text).not.toMatch(/does not exist|metric "/);
      await broken.close();
    }
  });

  it('draws targets as target markers beside the actual values, in the ranking and the series', async () => {
    const page = await open(`?metric=${CASES.target.metric}&year=${CASES.target.year}`);
    await ready(page, 'compare');
    const bar = await barChart(page);
    const q5 = bar.labels.findIndex((l: string) => l.endsWith(` ${fx.unit(CASES.target.code).name}`));
    expect(bar.targets[q5]).toBe(CASES.target.value);
    expect(bar.targets.filter((v: number | null) => v !== null)).toHaveLength(1);
    expect(await page.evaluate(() => (window as any).__cchcCharts.bar.data.datasets[2].pointStyle)).toBe('crossRot');
    expect(await page.isVisible('#panel-compare .legend-target')).toBe(true);
    await page.close();

    const series = await open(`?tab=series&smetric=${CASES.target.metric}&units=${ids(CASES.target.code).join(',')}`);
    await ready(series, 'series');
    const target = await series.evaluate(() => {
      const chart = (window as any).__cchcCharts.line;
      const ds = chart.data.datasets.find((d: any) => d.cchcTargetOf === 0);
      return ds && { style: ds.pointStyle, showLine: ds.showLine, points: ds.data.filter((d: any) => d.y !== null).map((d: any) => [Number(d.x), d.y]) };
    });
    expect(target).toEqual({ style: 'crossRot', showLine: false, points: [[CASES.target.year, CASES.target.value]] });
    expect(await series.locator('#series-legend button').count()).toBe(1);
    expect(await series.isVisible('#panel-series .legend-target')).toBe(true);
    await series.close();
  });

  it('shows a unit\'s own page: its metrics against the province median and peers\' range, latest sources, history, CSV', async () => {
    const bt = fx.unit('765');
    const page = await open(`?unit=${bt.id}`);
    await page.waitForSelector('#unit-page[data-status="ready"]', { timeout: 15_000 });
    expect(await page.textContent('#unit-title')).toMatch(new RegExp(`^${bt.name} – `));
    expect(await page.isVisible('#charts')).toBe(false);
    const drawn = await page.evaluate(() => {
      const chart = (window as any).__cchcCharts.unit.on_time_rate;
      return { years: chart.data.labels.map(Number), own: chart.data.datasets[0].data, median: chart.data.datasets[1].data, min: chart.data.datasets[2].data, max: chart.data.datasets[3].data };
    });
    for (const [i, year] of drawn.years.entries()) {
      expect([year, drawn.own[i]]).toEqual([year, expectedValue('on_time_rate', '765', year)]);
      const peers = districtsBy('on_time_rate', year).withData.filter((u) => u.level === bt.level).map((u) => expectedValue('on_time_rate', u.code, year)!).sort((a, b) => a - b);
      const mid = peers.length % 2 ? peers[(peers.length - 1) / 2] : (peers[peers.length / 2 - 1] + peers[peers.length / 2]) / 2;
      expect([year, drawn.median[i]]).toEqual([year, expect.closeTo(mid, 6)]);
      expect([year, drawn.min[i], drawn.max[i]]).toEqual([year, peers[0], peers[peers.length - 1]]);
    }
    const latest = page.locator('.unit-latest tr[data-metric="on_time_rate"]');
    const lastYear = Math.max(...drawn.years);
    expect(await latest.locator('td').first().textContent()).toBe(String(lastYear));
    expect(await latest.locator('a.source-link').getAttribute('href')).toBe(sourceOf(chosen('765', 'on_time_rate', lastYear)).href);
    const csvHref = (await page.getAttribute('.unit-csv', 'href'))!;
    expect(csvHref).toBe(`/export/figures.csv?unitIds=${bt.id}`);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref);
    expect(csv.split('\n').filter((l) => l.includes(sourceOf(chosen('765', 'on_time_rate', lastYear)).href)).length).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'charts-unit.png'), fullPage: true });
    await page.close();

    // Across a reorganisation: Quận 2 (dissolved in 2021) links to its successor, which lists it among its predecessors.
    const q2 = fx.dissolved.get('769')!;
    const old = await open(`?unit=${q2.id}`);
    await old.waitForSelector('#unit-page[data-status="ready"]', { timeout: 15_000 });
    const successor = old.locator('.successors a.unit-link');
    expect(await successor.allTextContents()).toEqual([expect.stringMatching(/^Thành phố Thủ Đức/)]);
    await successor.first().click();
    await old.waitForSelector('#unit-page[data-status="ready"] .predecessors', { timeout: 15_000 });
    expect(await old.locator('.predecessors a.unit-link').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Quận 2/)]));
    await old.close();
  });

  it('gives a permalink that fixes the data version (asOf) and an embed view without the controls', async () => {
    const page = await open('?metric=on_time_rate&year=2019');
    await ready(page, 'compare');
    await page.click('#panel-compare [data-action="link"]');
    const permalink = await page.inputValue('#panel-compare .permalink-url');
    const asOf = new URL(permalink).searchParams.get('asOf')!;
    expect(new Date(asOf).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const embed = new URL(permalink);
    embed.searchParams.set('embed', '1');
    expect(await page.inputValue('#panel-compare .embed-code')).toContain(`src="${embed.href.replace(/%2C/g, ',')}"`);
    await page.close();

    // A figure for Cần Giờ (missing in 2019) arrives after the permalink was made.
    await new Promise((r) => setTimeout(r, 20));
    const em = db.orm.em.fork();
    const template = await em.findOneOrFail(Figure, { id: chosen('760', 'on_time_rate', 2019).id });
    const late = em.create(Figure, {
      ...template, id: undefined, subject: fx.unit(CASES.missing.code), periodYear: 2019, value: '90',
      fingerprint: createHash('sha256').update('browser-late-figure').digest('hex'), createdAt: new Date(), updatedAt: new Date(),
    } as never);
    await em.persistAndFlush(late);
    try {
      const current = await open('?metric=on_time_rate&year=2019');
      await ready(current, 'compare');
      expect((await barChart(current)).labels.some((l: string) => /^\d+\. Huyện Cần Giờ$/.test(l))).toBe(true);
      await current.close();

      const fixed = await open(new URL(permalink).search);
      await ready(fixed, 'compare');
      expect((await barChart(fixed)).labels).toContain('– Huyện Cần Giờ');
      expect(await fixed.textContent('#asof-note')).toContain('Dữ liệu tính đến');
      await fixed.close();

      const embedded = await open(`${new URL(permalink).search}&embed=1`);
      await ready(embedded, 'compare');
      for (const hidden of ['.site-header', '.controls', '.tabs', '#panel-compare .actions']) expect([hidden, await embedded.isVisible(hidden)]).toEqual([hidden, false]);
      expect(await embedded.isVisible('#bar-chart')).toBe(true);
      expect((await barChart(embedded)).labels).toContain('– Huyện Cần Giờ');
      const full = new URL((await embedded.getAttribute('#embed-open', 'href'))!);
      expect([full.searchParams.get('embed'), full.searchParams.get('asOf')]).toEqual([null, asOf]);
      await embedded.screenshot({ path: path.join(ARTIFACTS, 'charts-embed.png'), fullPage: true });
      await embedded.close();
    } finally {
      await db.orm.em.fork().nativeDelete(Figure, { id: late.id });
    }
  });

  it('serves nothing outside the page through the static routes', async () => {
    const get = (rawPath: string) => new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(api.url);
      http.get({ hostname, port, path: rawPath }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject);
    });
    expect(await get('/')).toBe(200);
    expect(await get('/assets/vendor/chart.umd.js')).toBe(200);
    for (const p of ['/assets/../package.json', '/assets/%2e%2e/src/config.ts', '/assets/..%2f..%2fpackage.json', '/web/index.html']) {
      expect([p, await get(p)]).toEqual([p, 404]);
    }
  });
});
