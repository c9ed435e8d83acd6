/**
 * Parser parity: every page the adapters are known to read, parsed by the adapters once with the previous parser
 * (parse5, cheerio's default) and once with the current one (htmlparser2, ingest/portals/parse-html.ts); the outputs
 * — title, date, category, canonical URL, body text for articles; article links and next page for listings; the
 * error for pages that have no article — must be identical.
 *
 * Pages: every fixture under test/fixtures/portals (decoded as the fetcher decodes them), every page the demo mirror
 * serves (listings and articles of every demo site and of the fault site), and, when `full`, the benchmark corpus
 * (demo content and labelled texts in every family/variant, plain and with synthetic real-size chrome).
 *
 * Used by test/unit/portals/parser-parity.test.ts and `npm run parity:parser` (prints the numbers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDemoContent } from '../demo/content-loader';
import { FAULT_ARTICLES, FAULT_SITE } from '../demo/faults';
import { articlePath, listingPath, renderArticle, renderListing } from '../demo/render';
import type { DemoArticle, DemoSite } from '../demo/types';
import { decodeBody } from '../ingest/fetch/charset';
import { withHtmlParser } from '../ingest/portals/adapter';
import { parseArticlePage, parseListingPage } from '../ingest/portals';
import { buildCorpus, withChrome } from './extract.bench';

const FIXTURES = resolve(__dirname, '../test/fixtures/portals');
const MIRROR_ORIGIN = 'http://127.0.0.1:8080';

export interface ParityPage {
  set: 'fixture' | 'fixture/family' | 'mirror' | 'malformed' | 'bench' | 'bench+chrome';
  kind: 'article' | 'listing';
  /** The adapter to use (a source's family); detection when absent. */
  family?: string;
  name: string;
  url: string;
  html: string;
}

/** Every fixture page; its kind from the file name (listing*.html are listings). */
export function fixturePages(): ParityPage[] {
  const out: ParityPage[] = [];
  for (const family of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, family)).filter((f) => f.endsWith('.html')).sort()) {
      const { text } = decodeBody(readFileSync(join(FIXTURES, family, file)), 'text/html');
      // A URL of the family's own shape is not needed: the adapters are picked by detection or by the family id.
      const page: ParityPage = {
        set: 'fixture', kind: file.startsWith('listing') ? 'listing' : 'article', name: `${family}/${file}`,
        url: `https://portal.example.vn/${family}/${file}`, html: text,
      };
      // Once with the adapter picked by detection, once with the family's own adapter (as a source names it).
      out.push(page, { ...page, set: 'fixture/family', family });
    }
  }
  return out;
}

/** Every page the demo mirror serves (demo/mirror.ts: 10 articles a listing page, 5 related articles). */
export function mirrorPages(pageSize = 10): ParityPage[] {
  const { sites, articles } = loadDemoContent();
  const all: Array<[DemoSite, DemoArticle[]]> = [
    ...sites.map((s): [DemoSite, DemoArticle[]] => [s, articles.filter((a) => a.siteId === s.id)]),
    [FAULT_SITE, FAULT_ARTICLES],
  ];
  const out: ParityPage[] = [];
  const ctx = { origin: MIRROR_ORIGIN };
  for (const [site, own] of all) {
    const list = [...own].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.itemId - a.itemId);
    const pages = Math.max(1, Math.ceil(list.length / pageSize));
    for (let page = 1; page <= pages; page++) {
      out.push({
        set: 'mirror', kind: 'listing', name: `${site.id} listing ${page}`, url: MIRROR_ORIGIN + listingPath(site, page),
        html: renderListing(site, list.slice((page - 1) * pageSize, page * pageSize), page, pages, ctx),
      });
    }
    for (const a of list) {
      const related = list.filter((r) => r.slug !== a.slug).slice(0, 5);
      out.push({
        set: 'mirror', kind: 'article', name: `${site.id}/${a.slug}`, url: MIRROR_ORIGIN + articlePath(site, a),
        html: renderArticle(site, a, { ...ctx, related }),
      });
    }
  }
  return out;
}

/**
 * Hand-written malformed pages (our own text): unclosed and mis-nested tags, a heading closed by another heading's
 * end tag, a table inside a paragraph, entities without semicolons, CRLF line ends, stray end tags, comments.
 */
export function malformedPages(): ParityPage[] {
  const url = 'https://phuong.example.vn/tin-tuc/bai-viet-1';
  const pages: Array<[string, string]> = [
    ['heading closed by another heading', '<html><head><title>Cổng</title><body><div class="wrap"><h1>Phường 5 công khai 100% thủ tục hành chính</h2><p>Ngày đăng: 12/03/2020 08:15' +
      '<table><tr><td><div class="content"><p>Đoạn thứ nhất nói về việc công khai thủ tục hành chính tại phường.<p>Đoạn thứ hai: tỷ lệ hồ sơ đúng hạn đạt 97,4% trong quý I.</b></i></div></td></table>' +
      '<p>Đoạn ba không đóng thẻ và còn <span>thẻ span dở dang'],
    ['h2 closed by h3, nested inline', '<!doctype html><html><body><article><h2 class="title">Kết quả một cửa quý II năm 2021</h3><div class="date">05/07/2021</div>' +
      '<div class="entry-content"><p>Tiếp nhận <b>1.204 hồ sơ, <i>đúng hạn</b> 99,1%</i>.</p><p>Tỷ lệ hài lòng&nbsp;đạt 95% &amp tăng 2%.</div></article>'],
    ['CRLF and entities', '<html>\r\n<body>\r\n<div class="main">\r\n<h1>Sơ kết cải cách hành chính 6 tháng đầu năm 2022</h1>\r\n<p class="date">Cập nhật: 20/06/2022 10:30</p>\r\n' +
      '<div class="content">\r\n<p>Ủy ban phường &quot;giải quyết&quot; 812 hồ sơ&#44; đúng hạn 100&percnt;.</p>\r\n<p>Đã số hóa 640 hồ sơ &lt;mức độ 4&gt;.</p>\r\n</div></div></body></html>'],
    ['stray end tags and comments', '<html><body></span></div><div id="content"><!-- tin bài --><h1>Thủ tục trực tuyến năm 2023</h1></p><p>Ngày 14/09/2023' +
      '<p>Có 52 thủ tục trực tuyến toàn trình<!-- hết -->, chiếm 41,3%.</p></li><p>Không còn hồ sơ trễ hạn.</div></body></html>'],
    ['table in paragraph, list items unclosed', '<html><body><div class="news-detail"><h1 class="news-title">Kiểm tra công vụ quý III/2024</h1><span class="time">02/10/2024</span>' +
      '<div class="news-content"><p>Kết quả:<table><tr><td>Hồ sơ<td>1.530<tr><td>Đúng hạn<td>98,7%</table><ul><li>Không có phản ánh<li>Khen thưởng 3 cá nhân</ul></div></div></body></html>'],
  ];
  return pages.map(([name, html]) => ({ set: 'malformed', kind: 'article', name, url, html }));
}

/** The benchmark corpus (≥ 1,000 article pages), plain and with synthetic chrome. */
export function benchPages(): ParityPage[] {
  const corpus = buildCorpus();
  return [
    ...corpus.map((p, i): ParityPage => ({ set: 'bench', kind: 'article', name: `${p.combo} #${i}`, url: p.url, html: p.html })),
    ...corpus.map((p, i): ParityPage => ({ set: 'bench+chrome', kind: 'article', name: `${p.combo} #${i}`, url: p.url, html: withChrome(p.html, i + 1) })),
  ];
}

/** What the adapters return for a page (or the error they throw), as comparable JSON. */
export function adapterOutput(page: ParityPage): string {
  try {
    if (page.kind === 'listing') return JSON.stringify(parseListingPage(page.html, page.url, page.family));
    const a = parseArticlePage(page.html, page.url, page.family);
    return JSON.stringify({ ...a, publishedAt: a.publishedAt?.toISOString() ?? null });
  } catch (err) {
    return JSON.stringify({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}

export interface ParityResult {
  pages: number;
  identical: number;
  /** Pages whose output differs, with both outputs. */
  different: Array<{ page: ParityPage; parse5: string; htmlparser2: string }>;
  /** Per set: pages and identical ones. */
  bySet: Record<string, { pages: number; identical: number; articles: number; listings: number; errors: number }>;
}

/** Run every page through the adapters under both parsers and compare. */
export function compareParsers(pages: readonly ParityPage[]): ParityResult {
  const result: ParityResult = { pages: pages.length, identical: 0, different: [], bySet: {} };
  for (const page of pages) {
    const before = withHtmlParser('parse5', () => adapterOutput(page));
    const after = withHtmlParser('htmlparser2', () => adapterOutput(page));
    const s = (result.bySet[page.set] ??= { pages: 0, identical: 0, articles: 0, listings: 0, errors: 0 });
    s.pages++;
    s[page.kind === 'article' ? 'articles' : 'listings']++;
    if (before.startsWith('{"error"')) s.errors++;
    if (before === after) {
      result.identical++;
      s.identical++;
    } else result.different.push({ page, parse5: before, htmlparser2: after });
  }
  return result;
}

function main(): void {
  const pages = [...fixturePages(), ...mirrorPages(), ...malformedPages(), ...benchPages()];
  const t0 = performance.now();
  const r = compareParsers(pages);
  process.stdout.write(`parser parity: ${r.identical}/${r.pages} pages give identical adapter output (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  for (const [set, s] of Object.entries(r.bySet)) {
    process.stdout.write(`  ${set.padEnd(13)} ${s.identical}/${s.pages} identical (${s.articles} articles, ${s.listings} listings, ${s.errors} pages the adapters refuse under parse5)\n`);
  }
  for (const d of r.different.slice(0, 10)) {
    process.stdout.write(`DIFFERENT ${d.page.set} ${d.page.name}\n  parse5:      ${d.parse5.slice(0, 400)}\n  htmlparser2: ${d.htmlparser2.slice(0, 400)}\n`);
  }
  if (r.different.length) process.exitCode = 1;
}

if (require.main === module) main();
