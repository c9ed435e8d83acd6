/**
 * The switch from parse5 to htmlparser2 (ingest/portals/parse-html.ts) changes no adapter output, and the parser's
 * limits turn a hostile page into a per-item skip with its reason instead of minutes of CPU.
 * The full corpus (≈ 3,000 pages incl. the benchmark pages) is checked by `npm run parity:parser`.
 */
import { compareParsers, fixturePages, malformedPages, mirrorPages } from '../../../bench/parser-parity';
import { PageTooComplexError, ingestErrorAction } from '../../../ingest/errors';
import { parseArticlePage, parseListingPage } from '../../../ingest/portals';
import { withHtmlParser } from '../../../ingest/portals/adapter';
import { DEFAULT_HTML_LIMITS, HtmlLimitError, parseHtmlDocument } from '../../../ingest/portals/parse-html';

const URL = 'https://phuong.example.vn/tin-tuc/bai-viet-1';

function nested(depth: number, inner: string): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;
}

const ARTICLE = '<div class="content"><h1>Kết quả một cửa quý I năm 2022</h1><p class="date">Ngày 05/04/2022</p>' +
  '<p>Trong quý I, bộ phận một cửa tiếp nhận 1.240 hồ sơ, giải quyết đúng hạn 99,2%.</p>' +
  '<p>Phường đã đưa 35 thủ tục lên dịch vụ công trực tuyến toàn trình.</p></div>';

describe('parser parity (parse5 → htmlparser2)', () => {
  it.each([
    ['fixture pages (detected adapter and the family adapter)', fixturePages],
    ['demo mirror pages (every listing and article, fault site included)', mirrorPages],
    ['malformed pages (mis-nested headings, tables in paragraphs, CRLF, stray end tags)', malformedPages],
  ])('%s: identical adapter output', (_label, pages) => {
    const all = pages();
    expect(all.length).toBeGreaterThan(4);
    const r = compareParsers(all);
    expect(r.different.map((d) => ({ name: d.page.name, parse5: d.parse5, htmlparser2: d.htmlparser2 }))).toEqual([]);
    expect(r.identical).toBe(all.length);
  });

  it('a heading closed by another heading end tag ends there (HTML5 rule htmlparser2 lacks)', () => {
    const html = '<html><body><div><h1>Tiêu đề bài viết</h2><div class="content"><p>Đoạn văn bản thứ nhất khá dài để làm thân bài.</p>' +
      '<p>Đoạn văn bản thứ hai cũng đủ dài để làm thân bài.</p></div></div></body></html>';
    const out = parseArticlePage(html, URL);
    expect(out.title).toBe('Tiêu đề bài viết');
    expect(withHtmlParser('parse5', () => parseArticlePage(html, URL))).toEqual(out);
  });
});

describe('parser limits', () => {
  it('a page of 50,000 nested divs is refused as too complex (depth), quickly, and the item is skipped', () => {
    const html = nested(50_000, ARTICLE);
    const t0 = performance.now();
    let caught: unknown;
    try {
      parseArticlePage(html, URL);
    } catch (err) {
      caught = err;
    }
    const ms = performance.now() - t0;
    expect(caught).toBeInstanceOf(PageTooComplexError);
    expect(caught).toMatchObject({ limit: 'depth', max: DEFAULT_HTML_LIMITS.maxDepth, url: URL });
    expect((caught as Error).message).toContain(`nest deeper than ${DEFAULT_HTML_LIMITS.maxDepth} levels`);
    expect(ingestErrorAction(caught)).toBe('skip');
    // Parsing stops at the limit: far below the 16 s parse5 took (generous bound for a shared machine).
    expect(ms).toBeLessThan(2000);
  });

  it('listing pages have the same limits', () => {
    expect(() => parseListingPage(nested(1000, '<a href="/a">a</a>'), URL)).toThrow(PageTooComplexError);
  });

  it('a page with more nodes than allowed is refused (nodes)', () => {
    const many = '<span>x</span>'.repeat(DEFAULT_HTML_LIMITS.maxNodes / 2 + 10);
    expect(() => parseArticlePage(`<html><body>${ARTICLE}<div>${many}</div></body></html>`, URL))
      .toThrow(expect.objectContaining({ name: 'PageTooComplexError', limit: 'nodes' }));
  });

  it('pages just inside the limits parse as before', () => {
    const html = nested(DEFAULT_HTML_LIMITS.maxDepth - 10, ARTICLE);
    const out = parseArticlePage(html, URL);
    expect(out.title).toBe('Kết quả một cửa quý I năm 2022');
    expect(out.text).toContain('giải quyết đúng hạn 99,2%');
    expect(withHtmlParser('parse5', () => parseArticlePage(html, URL))).toEqual(out);
  });

  it('limits are exact: depth N passes, N + 1 fails', () => {
    const limits = { maxDepth: 5, maxNodes: 1000 };
    // <html> is depth 1, <body> 2, so 3 divs reach depth 5.
    expect(() => parseHtmlDocument(nested(3, 'x'), limits)).not.toThrow();
    expect(() => parseHtmlDocument(nested(4, 'x'), limits)).toThrow(HtmlLimitError);
    expect(() => parseHtmlDocument('<p>a</p>'.repeat(500), limits)).not.toThrow(); // 1,000 nodes
    expect(() => parseHtmlDocument(`${'<p>a</p>'.repeat(500)}<p>`, limits)).toThrow(HtmlLimitError);
  });
});
