/**
 * `npm run bench:extract`: throughput of the figure-extraction engine and the portal page cleaner on one core
 * (no worker threads). Prints numbers only; nothing is asserted (timings belong here, not in unit tests).
 *
 * Corpus: every demo article (demo/content) and every labelled text (test/fixtures/labelled), rendered by the demo
 * mirror's own renderers (demo/render) in each portal family and markup variant the mirror serves — HCMC SharePoint,
 * Liferay stock and Bkav, WordPress/Newspaper classic and tdb — so pages carry the real templates' furniture (sample
 * banner, counters, view counts, related lists, comment forms, share bars, repeated leads). A second round varies
 * the digits so pages are not byte-identical; ≥ 1,000 pages. The generic family is measured too but kept out of the
 * headline (no demo site uses it).
 *
 * The renderers write only the markup the adapters need (5–12 KB pages, 7.5 KB on average); real portal pages are
 * tens of KB because of menus, inline scripts/styles and ASP.NET view state that the pipeline must parse but never
 * reads. So every measurement is also run on the same pages with such chrome added outside the article ("+chrome"
 * set, ≈ 50 KB/page). That chrome is synthetic and its amount is an assumption: the ratio below depends on it.
 *
 * Measurements are repeated BENCH_RUNS times (default 3, `--runs N`) after one warm-up run. Within a run each
 * family/variant block of pages is timed by every measure in turn (see `timedRun`), so a measure and its baseline are
 * seconds apart. The median over runs is printed, of wall-clock time and of process CPU time (user + system, all
 * threads, so GC helper threads count too); ratios are also given per run (paired):
 *   1. text → figures (engine only) over the pages' source texts, in articles/s (target ≥ 1,000);
 *   2. bare `cheerio.load(html)` (default parse5 tree builder) of every page — the baseline;
 *      and the parser the adapters use now (htmlparser2 with the HTML5 fixes and limits, ingest/portals/parse-html.ts);
 *   3. `parseArticlePage(html, url)` alone, with the current parser and (`parse-p5`) with the previous one (parse5);
 *   4. HTML → figures = parseArticlePage + figuresFromText, and its ratio to (2) (target ≤ 1.5).
 *
 * A last section times the two parsers on deeply nested pages (parse5 is quadratic there; the current parser is
 * linear, and refuses pages deeper than its limit after reading only the first levels), and the engine on long texts
 * (an attached year report runs to megabytes): time per megabyte must stay flat as the text grows.
 *
 * Usage: npm run bench:extract [-- --runs N] [--set demo|chrome|both|none]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as cheerio from 'cheerio';
import { loadCheerio, loadCheerioParse5, DEFAULT_HTML_LIMITS } from '../ingest/portals/parse-html';
import { withHtmlParser } from '../ingest/portals/adapter';
import { loadDemoContent } from '../demo/content-loader';
import { articlePath, renderArticle } from '../demo/render';
import type { DemoArticle, DemoSite, PortalFamily } from '../demo/types';
import { contextFromLabel, type LabelledArticle } from '../ingest/extract/evaluate';
import { figuresFromText } from '../ingest/extract/figures';
import { parseArticlePage } from '../ingest/portals';
import type { ExtractionContext } from '../ingest/types';

const LABELLED_DIR = resolve(__dirname, '../test/fixtures/labelled');
const ORIGIN = 'http://127.0.0.1:8080';
const MIN_PAGES = 1000;

/** The family/variant combinations the demo mirror serves; `headline: false` ones are reported separately. */
const COMBOS: ReadonlyArray<{ family: PortalFamily; variant?: string; headline: boolean }> = [
  { family: 'hcmc-sharepoint', headline: true },
  { family: 'liferay', variant: 'stock', headline: true },
  { family: 'liferay', variant: 'bkav', headline: true },
  { family: 'wordpress-newspaper', variant: 'classic', headline: true },
  { family: 'wordpress-newspaper', variant: 'tdb', headline: true },
  { family: 'generic', headline: false },
];

export interface BenchPage {
  combo: string;
  headline: boolean;
  html: string;
  url: string;
  /** The article's source text (lead + paragraphs), the input of the text-only measurement. */
  text: string;
  title: string;
  ctx: ExtractionContext;
}

interface BaseArticle {
  article: DemoArticle;
  ctx: ExtractionContext;
  /** The site it was written for (demo content), or null (labelled texts: any site of the family). */
  home: DemoSite | null;
}

/** Vary the digits of a text so repeated copies are not byte-identical (first number only: keeps figures sane). */
function vary(text: string, round: number): string {
  if (round === 0) return text;
  return text.replace(/\d+/, (d) => String((Number(d) + round) % 10 ** d.length).padStart(d.length, '0'));
}

function baseArticles(): { sites: DemoSite[]; base: BaseArticle[] } {
  const { sites, articles } = loadDemoContent();
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const base: BaseArticle[] = articles.map((a) => {
    const site = siteById.get(a.siteId) ?? null;
    return {
      article: a,
      home: site,
      ctx: {
        publishedAt: new Date(a.publishedAt),
        publisher: site ? { id: site.id, name: site.unit.name, level: site.unit.level } : null,
        title: a.title,
      },
    };
  });
  const ids = readdirSync(LABELLED_DIR).filter((n) => n.endsWith('.labels.json')).map((n) => n.slice(0, -'.labels.json'.length)).sort();
  ids.forEach((id, i) => {
    const label = JSON.parse(readFileSync(join(LABELLED_DIR, `${id}.labels.json`), 'utf8')) as LabelledArticle & { category?: string };
    const text = readFileSync(join(LABELLED_DIR, `${id}.txt`), 'utf8');
    base.push({
      article: {
        slug: id, siteId: '', itemId: 9000 + i,
        publishedAt: !label.published ? '2020-01-15T08:30:00+07:00' : label.published.length === 10 ? `${label.published}T08:30:00+07:00` : label.published,
        category: label.category ?? 'Cải cách hành chính',
        title: label.title ?? id,
        paragraphs: text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
      },
      home: null,
      ctx: contextFromLabel(label),
    });
  });
  return { sites, base };
}

/** Build the page corpus: every base article × every family/variant, in rounds until ≥ MIN_PAGES headline pages. */
export function buildCorpus(): BenchPage[] {
  const { sites, base } = baseArticles();
  const genericSite: DemoSite = { ...sites[0], id: 'tin-tuc-xa', family: 'generic', siteName: 'Trang thông tin điện tử xã' };
  const sitesOf = (family: PortalFamily): DemoSite[] => (family === 'generic' ? [genericSite] : sites.filter((s) => s.family === family));
  const pages: BenchPage[] = [];
  for (let round = 0; pages.filter((p) => p.headline).length < MIN_PAGES; round++) {
    for (const combo of COMBOS) {
      const familySites = sitesOf(combo.family);
      // Assign articles to sites (their own when it is of this family), then render with the site's other articles as related news.
      const placed = base.map((b, i) => {
        const site = b.home && b.home.family === combo.family ? b.home : familySites[i % familySites.length];
        const a: DemoArticle = {
          ...b.article,
          siteId: site.id,
          slug: round === 0 ? b.article.slug : `${b.article.slug}-r${round}`,
          itemId: b.article.itemId + round * 100_000,
          lead: b.article.lead === undefined ? undefined : vary(b.article.lead, round),
          paragraphs: b.article.paragraphs.map((p, k) => (k === 0 ? vary(p, round) : p)),
        };
        return { site, a, ctx: b.ctx };
      });
      for (const { site, a, ctx } of placed) {
        const related = placed.filter((p) => p.site.id === site.id && p.a.slug !== a.slug).slice(0, 8).map((p) => p.a);
        pages.push({
          combo: combo.variant ? `${combo.family}/${combo.variant}` : combo.family,
          headline: combo.headline,
          html: renderArticle(site, a, { origin: ORIGIN, related, variant: combo.variant }),
          url: ORIGIN + articlePath(site, a),
          text: [...(a.lead ? [a.lead] : []), ...a.paragraphs].join('\n\n'),
          title: a.title,
          ctx,
        });
      }
    }
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------------------------
// Synthetic real-size chrome (the "+chrome" set): present on real portals, absent from the demo renderers.

const MENU_WORDS = [
  'Giới thiệu', 'Tin tức - Sự kiện', 'Cải cách hành chính', 'Thủ tục hành chính', 'Văn bản pháp luật', 'Quy hoạch',
  'Kinh tế - Xã hội', 'Văn hóa - Thể thao', 'Y tế - Giáo dục', 'An ninh - Quốc phòng', 'Hỏi đáp', 'Liên hệ',
];

/** Deterministic pseudo-random string (base64 alphabet), for view state and script payloads. */
function filler(seed: number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % 64];
  }
  return out;
}

function megaMenu(): string {
  const cols = MENU_WORDS.map((top, i) => {
    const items = Array.from({ length: 12 }, (_, k) => `<li><a href="/chuyen-muc/${i}-${k}">${top}: mục ${k + 1} – thông tin chuyên đề</a></li>`).join('');
    return `<li class="menu-item has-children"><a href="/chuyen-muc/${i}">${top}</a><ul class="sub-menu">${items}</ul></li>`;
  }).join('\n');
  return `<nav class="main-menu mega-menu"><ul class="menu">${cols}</ul></nav>`;
}

function footerLinks(): string {
  const links = Array.from({ length: 60 }, (_, i) => `<li><a href="https://so-${i}.gov.vn/">Sở, ban, ngành số ${i + 1} – Cổng thông tin điện tử</a></li>`).join('');
  return `<div class="footer-links"><select class="lien-ket"><option>-- Liên kết website --</option>${Array.from({ length: 40 }, (_, i) => `<option>Đơn vị ${i + 1}</option>`).join('')}</select><ul>${links}</ul></div>`;
}

function headChrome(seed: number): string {
  const config = Array.from({ length: 120 }, (_, i) => `{"id":${i},"url":"/chuyen-muc/${i}","title":"Chuyên mục ${i}","k":"${filler(seed + i, 40)}"}`).join(',');
  const css = Array.from({ length: 120 }, (_, i) => `.blk-${i}{margin:${i % 7}px 0;padding:${i % 5}px;color:#${(i * 2654435761 >>> 8).toString(16).slice(0, 6).padStart(6, '0')}}`).join('\n');
  return `<script type="text/javascript">window.__portalConfig={"menu":[${config}]};(function(){var d=document;d.documentElement.className+=' js';})();</script>\n<style>${css}</style>`;
}

/** The page with real-size chrome: inline script/style in the head, a mega menu, a link footer, and SharePoint view state. */
export function withChrome(html: string, seed: number): string {
  let out = html.replace('</head>', `${headChrome(seed)}\n</head>`);
  out = out.replace(/<body[^>]*>/, (m) => `${m}\n${megaMenu()}`);
  out = out.replace(/<form [^>]*id="aspnetForm"[^>]*>/, (m) => `${m}\n<input type="hidden" name="__VIEWSTATEGENERATOR" value="${filler(seed, 16_000)}">`);
  return out.replace('</body>', `${footerLinks()}\n</body>`);
}

// ---------------------------------------------------------------------------------------------------------------

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per measure: wall-clock and process-CPU milliseconds, per combo and in total over the headline pages ('*'). */
interface PassTime {
  wall: Map<string, number>;
  cpu: Map<string, number>;
}

/**
 * One run: for each block of pages (one family/variant, a few hundred pages, a few MB of HTML: too big to stay in a
 * cache between measures), every measure times a full pass over the block, in an order that rotates per block. A
 * measure and its baseline are thus timed seconds apart, not minutes: on a shared machine, load drift then hits both.
 */
function timedRun<M extends string>(pages: readonly BenchPage[], measures: Record<M, (p: BenchPage) => void>): Record<M, PassTime> {
  const names = Object.keys(measures) as M[];
  const out = Object.fromEntries(names.map((m) => [m, { wall: new Map(), cpu: new Map() }])) as Record<M, PassTime>;
  const blocks: BenchPage[][] = [];
  for (const p of pages) {
    const last = blocks[blocks.length - 1];
    if (last && last[0].combo === p.combo && last[0].headline === p.headline) last.push(p);
    else blocks.push([p]);
  }
  const add = (m: Map<string, number>, block: BenchPage[], ms: number): void => {
    m.set(block[0].combo, (m.get(block[0].combo) ?? 0) + ms);
    if (block[0].headline) m.set('*', (m.get('*') ?? 0) + ms);
  };
  blocks.forEach((block, b) => {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + b) % names.length];
      const fn = measures[name];
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (const p of block) fn(p);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const used = process.cpuUsage(cpu0);
      add(out[name].wall, block, wall);
      add(out[name].cpu, block, (used.user + used.system) / 1000);
    }
  });
  return out;
}

const MEASURES = {
  text: (p: BenchPage): void => void figuresFromText(p.text, p.ctx),
  cheerio: (p: BenchPage): void => void cheerio.load(p.html),
  htmlparser2: (p: BenchPage): void => void loadCheerio(p.html),
  parse: (p: BenchPage): void => void parseArticlePage(p.html, p.url),
  parseP5: (p: BenchPage): void => void withHtmlParser('parse5', () => parseArticlePage(p.html, p.url)),
  html: (p: BenchPage): void => {
    const article = parseArticlePage(p.html, p.url);
    figuresFromText(article.text, { ...p.ctx, publishedAt: article.publishedAt ?? p.ctx.publishedAt, title: article.title });
  },
} as const;
type Measure = keyof typeof MEASURES;

function runSet(name: string, pages: BenchPage[], runs: number): void {
  const headline = pages.filter((p) => p.headline);
  const combos = [...new Set(pages.map((p) => p.combo))];
  const count = (combo: string): number => (combo === '*' ? headline.length : pages.filter((p) => p.combo === combo).length);
  const bytes = (ps: BenchPage[]): number => ps.reduce((n, p) => n + Buffer.byteLength(p.html), 0);

  // Sanity (not timed): every page parses back to its title, and the HTML path finds about as many figures as the text path.
  let wrongTitle = 0;
  let figHtml = 0;
  let figText = 0;
  for (const p of headline) {
    const a = parseArticlePage(p.html, p.url);
    if (a.title !== p.title) wrongTitle++;
    figHtml += figuresFromText(a.text, { ...p.ctx, publishedAt: a.publishedAt ?? p.ctx.publishedAt, title: a.title }).figures.length;
    figText += figuresFromText(p.text, p.ctx).figures.length;
  }
  process.stdout.write(
    `\n== ${name}: ${headline.length} headline pages (${combos.filter((c) => !c.startsWith('generic')).join(', ')}), ` +
      `${(bytes(headline) / headline.length / 1024).toFixed(1)} KB/page avg, ${(bytes(headline) / 1e6).toFixed(1)} MB; ` +
      `titles parsed back: ${headline.length - wrongTitle}/${headline.length}; figures: ${figHtml} from HTML, ${figText} from source text\n`,
  );

  const samples: Record<Measure, PassTime[]> = { text: [], cheerio: [], htmlparser2: [], parse: [], parseP5: [], html: [] };
  const order = Object.keys(MEASURES) as Measure[];
  timedRun(pages, MEASURES); // warm-up
  for (let r = 0; r < runs; r++) {
    const run = timedRun(pages, MEASURES);
    for (const m of order) samples[m].push(run[m]);
  }
  const perPage = (m: Measure, combo: string, clock: keyof PassTime = 'wall'): number => median(samples[m].map((s) => s[clock].get(combo) ?? 0)) / count(combo);
  const runsOf = (m: Measure, clock: keyof PassTime): string => samples[m].map((s) => ((s[clock].get('*') ?? 0) / headline.length).toFixed(2)).join(' ');
  const line = (label: string, m: Measure, extra = (_ms: number): string => ''): void => {
    const w = perPage(m, '*');
    const c = perPage(m, '*', 'cpu');
    process.stdout.write(`${label.padEnd(24)} wall ${w.toFixed(3)} ms [${runsOf(m, 'wall')}]   cpu ${c.toFixed(3)} ms [${runsOf(m, 'cpu')}]${extra(w)}\n`);
  };

  process.stdout.write(`runs: ${runs}; median per page/article, per-run values in brackets\n`);
  line('text → figures', 'text', (w) => `   = ${(1000 / w).toFixed(0)} articles/s wall, ${(1000 / perPage('text', '*', 'cpu')).toFixed(0)} cpu (target ≥ 1000)`);
  line('bare cheerio.load', 'cheerio');
  line('bare load, htmlparser2', 'htmlparser2');
  line('parseArticlePage', 'parse', (w) => `   (parse5: ${perPage('parseP5', '*').toFixed(3)} ms, ${(perPage('parseP5', '*') / w).toFixed(2)}× slower)`);
  line('parseArticlePage parse5', 'parseP5');
  line('HTML → figures', 'html', (w) => `   = ${(1000 / w).toFixed(0)} pages/s`);
  const load = perPage('htmlparser2', '*');
  const adapter = perPage('parse', '*') - load;
  const engine = perPage('html', '*') - perPage('parse', '*');
  process.stdout.write(
    `breakdown (wall): htmlparser2 load ${load.toFixed(3)} + adapter work ${adapter.toFixed(3)} (${(adapter / load).toFixed(2)}× load) + engine on the page text ${engine.toFixed(3)} ms (${(engine / load).toFixed(2)}× load)\n`,
  );
  for (const clock of ['wall', 'cpu'] as const) {
    const paired = samples.html.map((s, i) => (s[clock].get('*') ?? 0) / (samples.cheerio[i][clock].get('*') ?? 1));
    process.stdout.write(
      `HTML → figures / bare cheerio.load (${clock}) = ${(perPage('html', '*', clock) / perPage('cheerio', '*', clock)).toFixed(2)} (target ≤ 1.5; paired per run: ${paired.map((x) => x.toFixed(2)).join(' ')}); ` +
        `vs bare htmlparser2 load ${(perPage('html', '*', clock) / perPage('htmlparser2', '*', clock)).toFixed(2)}\n`,
    );
  }
  process.stdout.write(`\n${'family/variant'.padEnd(30)} ${'KB/page'.padStart(8)} ${'cheerio'.padStart(8)} ${'hp2'.padStart(8)} ${'parse'.padStart(8)} ${'html→fig'.padStart(9)} ${'ratio'.padStart(6)}   (wall ms/page, median)\n`);
  for (const combo of [...combos, '*']) {
    const ps = combo === '*' ? headline : pages.filter((p) => p.combo === combo);
    const label = combo === '*' ? 'headline (all but generic)' : combo.startsWith('generic') ? `${combo} (not in headline)` : combo;
    process.stdout.write(
      `${label.padEnd(30)} ${(bytes(ps) / ps.length / 1024).toFixed(1).padStart(8)} ${perPage('cheerio', combo).toFixed(3).padStart(8)} ${perPage('htmlparser2', combo).toFixed(3).padStart(8)} ` +
        `${perPage('parse', combo).toFixed(3).padStart(8)} ${perPage('html', combo).toFixed(3).padStart(9)} ${(perPage('html', combo) / perPage('cheerio', combo)).toFixed(2).padStart(6)}\n`,
    );
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Old (parse5) vs new (htmlparser2 + limits) parser on `depth` nested divs; parse5 only up to `maxOld`. */
function deepNesting(): void {
  process.stdout.write(`\n== deep nesting (nested <div>s around one paragraph; limit ${DEFAULT_HTML_LIMITS.maxDepth} levels)\n`);
  process.stdout.write(`${'depth'.padStart(7)} ${'parse5 ms'.padStart(10)} ${'new (limits off) ms'.padStart(20)} ${'new ms'.padStart(8)}  new outcome\n`);
  for (const depth of [1_000, 5_000, 10_000, 20_000, 50_000]) {
    const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}<p>x</p>${'</div>'.repeat(depth)}</body></html>`;
    const time = (fn: () => void): number => { const t0 = performance.now(); fn(); return performance.now() - t0; };
    const old = depth <= 20_000 ? time(() => void loadCheerioParse5(html)).toFixed(1) : 'skipped';
    const unlimited = time(() => void loadCheerio(html, { maxDepth: Infinity, maxNodes: Infinity })).toFixed(1);
    let outcome = 'parsed';
    const limited = time(() => {
      try { loadCheerio(html); } catch (err) { outcome = (err as Error).message; }
    }).toFixed(2);
    process.stdout.write(`${String(depth).padStart(7)} ${old.padStart(10)} ${unlimited.padStart(20)} ${limited.padStart(8)}  ${outcome}\n`);
  }
  process.stdout.write('(htmlparser2 keeps its open-element stack with Array.unshift, so without the depth limit it too grows\n' +
    ' quadratically with depth; with the limit the work per node is bounded and parsing is linear in the page size)\n');
}

/** text → figures on one long report (a paragraph repeated with its numbers varied), 0.25 to 5 MB: linear or not. */
function longTexts(): void {
  process.stdout.write('\n== long texts (one report paragraph repeated, its numbers varied; text → figures)\n');
  process.stdout.write(`${'MB'.padStart(6)} ${'figures'.padStart(8)} ${'ms'.padStart(9)} ${'ms per MB'.padStart(10)}\n`);
  const paragraph = (i: number): string => `Trong 6 tháng đầu năm 2023, Bộ phận một cửa quận tiếp nhận ${6000 + i} hồ sơ, đã giải quyết `
    + `${5000 + (i % 997)} hồ sơ.\n\nTỷ lệ hồ sơ giải quyết đúng hạn đạt ${90 + (i % 10)},${i % 100}%; mức độ hài lòng của người dân `
    + 'đạt 97,5%.\n\nQuận phấn đấu tỷ lệ hồ sơ trực tuyến đạt từ 60% trở lên.';
  const ctx = { publishedAt: new Date('2023-07-05T03:00:00Z'), publisher: { id: 'q', name: 'Quận 3', level: 'quan' }, title: null };
  for (const mb of [0.25, 0.5, 1, 2, 5]) {
    const parts: string[] = [];
    for (let i = 0, n = 0; n < mb * 1e6; i++) {
      parts.push(paragraph(i));
      n += parts[parts.length - 1].length + 2;
    }
    const text = parts.join('\n\n');
    const t0 = performance.now();
    const figures = figuresFromText(text, ctx).figures.length;
    const ms = performance.now() - t0;
    process.stdout.write(`${mb.toFixed(2).padStart(6)} ${String(figures).padStart(8)} ${ms.toFixed(0).padStart(9)} ${(ms / mb).toFixed(0).padStart(10)}\n`);
  }
}

function main(): void {
  const runs = Number(argValue('runs') ?? process.env.BENCH_RUNS ?? 3);
  const set = argValue('set') ?? 'both';
  const pages = buildCorpus();
  process.stdout.write(`corpus: ${pages.length} pages (${pages.filter((p) => p.headline).length} headline) from demo content + labelled texts; node ${process.version}, one thread\n`);
  if (set === 'demo' || set === 'both') runSet('demo-rendered pages', pages, runs);
  if (set === 'chrome' || set === 'both') runSet('+chrome pages (synthetic real-size menus/scripts/view state)', pages.map((p, i) => ({ ...p, html: withChrome(p.html, i + 1) })), runs);
  deepNesting();
  longTexts();
}

if (require.main === module) main();
