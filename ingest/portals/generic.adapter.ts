/**
 * Fallback for portals no family adapter knows: the densest text block is the body, the title comes from h1 /
 * og:title, the date from time[datetime], meta tags or a visible date near the title. Public surface:
 * {@link genericAdapter}.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { ParsedArticle, ParsedListing } from '../types';
import { PortalLayoutError } from '../errors';
import {
  type DateCandidate, type PortalAdapter, bestDateOf, dateCandidate, declaredCanonical, finishArticle, firstText, loadHtml, loadPage,
  metaContent, unique,
} from './adapter';
import { absoluteUrl, canonicalUrl } from './canonical-url';
import { type Page, attrOf, compiledQuery, isElement, liveTagChildren, textOf } from './dom';
import { normalizeInline, paragraphsOf, type PortalLogger } from './html-text';

const ID = 'generic';
/** Page regions that never hold the article. */
const CHROME = 'header, nav, footer, aside, .sidebar, #sidebar, .menu, .breadcrumb, .cchc-sample-banner';
/** Shorter blocks are captions, labels and menu items, not prose. */
const MIN_PARAGRAPH_CHARS = 25;
/** A block that is mostly link text is a list of links. */
const MAX_LINK_DENSITY = 0.5;
const TITLE_MIN_CHARS = 20;
/** A date line is short ("Ngày đăng: 12/03/2020 08:15"); a long block with a date in it is prose. */
const DATE_LINE_MAX_CHARS = 120;
const NEXT_TEXT_RE = /^(Trang sau|Trang tiếp|Tiếp|Sau|Next|»|›|>|>>)$/iu;

function inChrome(page: Page, el: Element): boolean {
  return page.closest(el, CHROME) !== null;
}

/** Listing pages still go through cheerio directly: `closest` there, with the same selector. */
function inChromeListing($: CheerioAPI, el: Element): boolean {
  return $(el).closest(CHROME).length > 0;
}

/** The element whose paragraph children carry the most text (a small Readability): parents score fully, grandparents half. */
function densestBlock(page: Page): Element | null {
  const scores = new Map<Element, number>();
  const isContainer = compiledQuery('p, div, table, ul, ol');
  for (const el of page.select('p, div, td, li, blockquote, pre')) {
    if (el.tagName !== 'p' && liveTagChildren(el).some(isContainer)) continue;
    if (inChrome(page, el)) continue;
    const len = normalizeInline(textOf(el)).length;
    if (len < MIN_PARAGRAPH_CHARS) continue;
    let links = '';
    for (const a of page.select('a', el)) links += textOf(a);
    if (normalizeInline(links).length / len > MAX_LINK_DENSITY) continue;
    const parent = el.parent?.type === 'tag' ? (el.parent as Element) : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent?.parent?.type === 'tag' ? (parent.parent as Element) : null;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  }
  let best: Element | null = null;
  for (const [el, score] of scores) if (!best || score > (scores.get(best) ?? 0)) best = el;
  return best;
}

function titleOf(page: Page): string | null {
  const h1 = firstText(page, ['article h1', 'main h1', 'h1']);
  if (h1) return h1;
  const og = metaContent(page, 'og:title');
  if (og) return og;
  // "<article> - <site>": the site name is the part after the last separator.
  const titleEl = page.first('title');
  const t = normalizeInline(titleEl ? textOf(titleEl) : '');
  return t ? t.split(/\s+[-|–]\s+/)[0] || null : null;
}

/** Following element siblings (cheerio `nextAll()`). */
function nextAll(el: AnyNode | null): Element[] {
  const out: Element[] = [];
  for (let n = el?.next ?? null; n; n = n.next) if (isElement(n)) out.push(n);
  return out;
}

/** Templates print the date just after the heading; only short lines count, so dates in prose are not taken. */
function visibleDateNearTitle(page: Page): DateCandidate | null {
  const h1 = page.first('h1');
  const parent = h1?.parent && h1.parent.type !== 'root' ? h1.parent : null;
  const near = [...nextAll(h1).slice(0, 3), ...(parent ? nextAll(parent).slice(0, 2) : [])];
  for (const el of near) {
    // Own text first: in quirks mode an unclosed <p> swallows the article that follows it.
    let ownRaw = '';
    for (const c of el.children) if (c.type === 'text') ownRaw += (c as Text).data;
    const own = normalizeInline(ownRaw);
    const text = own || normalizeInline(textOf(el));
    const found = text.length <= DATE_LINE_MAX_CHARS ? dateCandidate(text) : null;
    if (found) return found;
  }
  return null;
}

function jsonLdDate(page: Page): string | null {
  for (const s of page.select('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(textOf(s));
    if (m) return m[1];
  }
  return null;
}

/** Up to `n` date-classed elements outside the page chrome, in document order. */
function dateElements(page: Page, n: number): Element[] {
  const out: Element[] = [];
  for (const el of page.select('[class*="date" i], [class*="time" i], [class*="ngay" i], [id*="date" i]')) {
    if (out.length >= n) break;
    if (!inChrome(page, el)) out.push(el);
  }
  return out;
}

function parseArticle(html: string, url: string, logger?: PortalLogger): ParsedArticle {
  const page = loadPage(html);
  let dateEls: Element[] | null = null;
  const dateEl = (i: number): Element | undefined => (dateEls ??= dateElements(page, 5))[i];
  const body = densestBlock(page);
  if (!body) throw new PortalLayoutError(url, ID, 'article body (no block of paragraphs)');
  const title = titleOf(page);
  if (!title) throw new PortalLayoutError(url, ID, 'title (h1 / og:title / <title>)');
  const publishedAt = bestDateOf([
    () => dateCandidate(attrOf(page.first('article time[datetime], main time[datetime], time[datetime]'), 'datetime')),
    () => dateCandidate(metaContent(page, 'article:published_time') ?? metaContent(page, 'datePublished')),
    () => dateCandidate(jsonLdDate(page)),
    () => dateCandidate(firstText(page, ['time'])),
    ...[0, 1, 2, 3, 4].map((i) => (): DateCandidate | null => {
      const el = dateEl(i);
      return el ? dateCandidate(normalizeInline(textOf(el))) : null;
    }),
    () => visibleDateNearTitle(page),
  ]);
  const crumbs = page.select('.breadcrumb a, .breadcrumbs a, [class*="breadcrumb"] a').map((a) => normalizeInline(textOf(a)));
  const crumb = crumbs.filter((c) => c && !/^(Trang chủ|Home)$/iu.test(c)).pop() ?? null;
  return finishArticle({
    canonicalUrl: canonicalUrl(declaredCanonical(page, url) ?? url),
    title,
    publishedAt,
    category: metaContent(page, 'article:section') ?? crumb,
    paragraphs: paragraphsOf(body, [], logger),
  });
}

/** A path that reads like an article: a long slug, or a numeric id with a page extension or id parameter. */
function looksLikeArticle(u: URL): boolean {
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  if (last.split('-').length >= 3) return true;
  if (/\d+\.(html?|aspx|php|jsp)$/i.test(last)) return true;
  return /[?&](id|itemid|newsid|p|articleid)=\d+/i.test(u.search);
}

function pageNumber(u: URL): number {
  const q = u.searchParams.get('page') ?? u.searchParams.get('trang');
  const path = /(?:\/page\/|trang-)(\d+)/i.exec(u.pathname)?.[1];
  return Number(q ?? path ?? 1);
}

function parseListing(html: string, url: string): ParsedListing {
  const $ = loadHtml(html);
  const here = new URL(url);
  const links: string[] = [];
  $('a[href]').each((_, a) => {
    const abs = absoluteUrl($(a).attr('href'), url);
    if (!abs || inChromeListing($, a)) return;
    const u = new URL(abs);
    if (u.host !== here.host || canonicalUrl(abs) === canonicalUrl(url)) return;
    if (normalizeInline($(a).text()).length < TITLE_MIN_CHARS || !looksLikeArticle(u)) return;
    links.push(canonicalUrl(abs));
  });
  const wanted = pageNumber(here) + 1;
  const nextHrefs = [
    $('link[rel="next"]').attr('href'),
    $('a[rel="next"]').attr('href'),
    ...$('a[href]')
      .filter((_, a) => NEXT_TEXT_RE.test(normalizeInline($(a).text())))
      .toArray()
      .map((a) => $(a).attr('href')),
    ...$('a[href]').toArray().map((a) => $(a).attr('href')),
  ];
  const next = nextHrefs
    .map((h) => absoluteUrl(h, url))
    .find((u) => !!u && new URL(u).host === here.host && pageNumber(new URL(u)) === wanted);
  return { articleUrls: unique(links), nextPageUrl: next ? canonicalUrl(next) : null };
}

/** Fallback adapter for any HTML page. */
export const genericAdapter: PortalAdapter = {
  id: ID,
  matches: () => true,
  parseArticle,
  parseListing,
};
