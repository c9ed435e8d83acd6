/**
 * Fallback for portals no family adapter knows: the densest text block is the body, the title comes from h1 /
 * og:title, the date from time[datetime], meta tags or a visible date near the title. Public surface:
 * {@link genericAdapter}.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ParsedArticle, ParsedListing } from '../types';
import { PortalLayoutError } from '../errors';
import {
  type DateCandidate, type PortalAdapter, bestDate, dateCandidate, declaredCanonical, finishArticle, firstText, loadHtml, metaContent, unique,
} from './adapter';
import { absoluteUrl, canonicalUrl } from './canonical-url';
import { extractParagraphs, normalizeInline, type PortalLogger } from './html-text';

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

function inChrome($: CheerioAPI, el: Element): boolean {
  return $(el).closest(CHROME).length > 0;
}

/** The element whose paragraph children carry the most text (a small Readability): parents score fully, grandparents half. */
function densestBlock($: CheerioAPI): Cheerio<AnyNode> | null {
  const scores = new Map<Element, number>();
  $('p, div, td, li, blockquote, pre').each((_, el) => {
    if (el.tagName !== 'p' && $(el).children('p, div, table, ul, ol').length) return;
    if (inChrome($, el)) return;
    const len = normalizeInline($(el).text()).length;
    if (len < MIN_PARAGRAPH_CHARS) return;
    if (normalizeInline($(el).find('a').text()).length / len > MAX_LINK_DENSITY) return;
    const parent = el.parent?.type === 'tag' ? el.parent : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + len);
    const grand = parent?.parent?.type === 'tag' ? parent.parent : null;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len / 2);
  });
  let best: Element | null = null;
  for (const [el, score] of scores) if (!best || score > (scores.get(best) ?? 0)) best = el;
  return best ? $(best) : null;
}

function titleOf($: CheerioAPI): string | null {
  const h1 = firstText($, ['article h1', 'main h1', 'h1']);
  if (h1) return h1;
  const og = metaContent($, 'og:title');
  if (og) return og;
  // "<article> - <site>": the site name is the part after the last separator.
  const t = normalizeInline($('title').first().text());
  return t ? t.split(/\s+[-|–]\s+/)[0] || null : null;
}

/** Templates print the date just after the heading; only short lines count, so dates in prose are not taken. */
function visibleDateNearTitle($: CheerioAPI): DateCandidate | null {
  const h1 = $('h1').first();
  const near = [...h1.nextAll().slice(0, 3).toArray(), ...h1.parent().nextAll().slice(0, 2).toArray()];
  for (const el of near) {
    // Own text first: in quirks mode an unclosed <p> swallows the article that follows it.
    const own = normalizeInline($(el).contents().filter((_, c) => c.type === 'text').text());
    const text = own || normalizeInline($(el).text());
    const found = text.length <= DATE_LINE_MAX_CHARS ? dateCandidate(text) : null;
    if (found) return found;
  }
  return null;
}

function jsonLdDate($: CheerioAPI): string | null {
  for (const s of $('script[type="application/ld+json"]').toArray()) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec($(s).text());
    if (m) return m[1];
  }
  return null;
}

function parseArticle(html: string, url: string, logger?: PortalLogger): ParsedArticle {
  const $ = loadHtml(html);
  const body = densestBlock($);
  if (!body) throw new PortalLayoutError(url, ID, 'article body (no block of paragraphs)');
  const title = titleOf($);
  if (!title) throw new PortalLayoutError(url, ID, 'title (h1 / og:title / <title>)');
  const dateEls = $('[class*="date" i], [class*="time" i], [class*="ngay" i], [id*="date" i]').filter((_, el) => !inChrome($, el));
  const publishedAt = bestDate([
    dateCandidate($('article time[datetime], main time[datetime], time[datetime]').first().attr('datetime')),
    dateCandidate(metaContent($, 'article:published_time') ?? metaContent($, 'datePublished')),
    dateCandidate(jsonLdDate($)),
    dateCandidate(firstText($, ['time'])),
    ...dateEls.toArray().slice(0, 5).map((el) => dateCandidate(normalizeInline($(el).text()))),
    visibleDateNearTitle($),
  ]);
  const crumbs = $('.breadcrumb a, .breadcrumbs a, [class*="breadcrumb"] a').toArray().map((a) => normalizeInline($(a).text()));
  const crumb = crumbs.filter((c) => c && !/^(Trang chủ|Home)$/iu.test(c)).pop() ?? null;
  return finishArticle({
    canonicalUrl: canonicalUrl(declaredCanonical($, url) ?? url),
    title,
    publishedAt,
    category: metaContent($, 'article:section') ?? crumb,
    paragraphs: extractParagraphs($, body, [], logger),
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
    if (!abs || inChrome($, a)) return;
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
