/**
 * WordPress sites on the tagDiv Newspaper theme, classic markup and the newer "tdb" cloud templates
 * (portals.md §2E, fixture 3). Public surface: {@link wordpressNewspaperAdapter}.
 */
import type { Element } from 'domhandler';
import type { ParsedArticle, ParsedListing } from '../types';
import { PortalLayoutError } from '../errors';
import {
  type PortalAdapter, bestDateOf, dateCandidate, declaredCanonical, finishArticle, firstText, linkUrls, loadHtml, loadPage,
  metaContent, unique,
} from './adapter';
import { absoluteUrl, canonicalUrl } from './canonical-url';
import { type Page, attrOf } from './dom';
import { paragraphsOf, type PortalLogger } from './html-text';

const ID = 'wordpress-newspaper';
const HTML_RE = /\btd-post-content\b|\btdb_single_content\b|\btd_module_wrap\b|\btd-main-content-wrap\b|wp-content\/themes\/Newspaper/i;
const TITLE_SELECTORS = ['h1.tdb-title-text', 'header.td-post-title h1.entry-title', '.td-post-title .entry-title', 'h1.entry-title'];
/** The tdi_<n> classes of cloud templates change per page, so only the stable block classes are used. */
const BODY_SELECTORS = ['.tdb_single_content .tdb-block-inner', 'div.td-post-content', '.tdb_single_content'];
const DATE_SELECTORS = ['.tdb-author-date time', 'span.td-post-date time', 'time.entry-date', '.td-post-date time'];
const CATEGORY_SELECTORS = ['ul.td-category li.entry-category a', '.tdb-category a', '.tdb-entry-category', 'a[rel~="category"]'];
/** Theme furniture that can sit inside the content block. */
const NOISE = [
  '.td-post-sharing', '.td-post-sharing-top', '.td-post-sharing-bottom', '.td-a-rec', '.td-post-source-tags',
  '.td-post-next-prev', '.author-box-wrap', '.td-author-box', '.td_block_related_posts', '.td-related-row',
  '.td-post-featured-image', '.sharedaddy', '.jp-relatedposts', '.td-fix-index > .tdb-author-box',
];

function parseArticle(html: string, url: string, logger?: PortalLogger): ParsedArticle {
  const page = loadPage(html);
  const body = firstMatch(page, BODY_SELECTORS);
  if (!body) throw new PortalLayoutError(url, ID, 'article body (div.td-post-content / .tdb_single_content)');
  const title = firstText(page, TITLE_SELECTORS) ?? metaContent(page, 'og:title');
  if (!title) throw new PortalLayoutError(url, ID, 'title (h1.entry-title / h1.tdb-title-text)');
  // Prefer the ISO datetime attribute: the visible text follows the site's date_format setting.
  const publishedAt = bestDateOf([
    () => dateCandidate(firstAttr(page, DATE_SELECTORS, 'datetime')),
    () => dateCandidate(metaContent(page, 'article:published_time')),
    () => dateCandidate(firstText(page, DATE_SELECTORS)),
  ]);
  return finishArticle({
    // WordPress core prints rel=canonical for single posts; it unifies ?p=N and the pretty permalink.
    canonicalUrl: canonicalUrl(declaredCanonical(page, url) ?? url),
    title,
    publishedAt,
    category: firstText(page, CATEGORY_SELECTORS) ?? metaContent(page, 'article:section'),
    paragraphs: paragraphsOf(body, NOISE, logger),
  });
}

/** The first element of the first selector that matches anything. */
function firstMatch(page: Page, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = page.first(s);
    if (el) return el;
  }
  return null;
}

/** The first non-empty `name` attribute among the first matches of the selectors, in order. */
function firstAttr(page: Page, selectors: readonly string[], name: string): string | undefined {
  for (const s of selectors) {
    const v = attrOf(page.first(s), name);
    if (v) return v;
  }
  return undefined;
}

const MODULE_LINKS =
  '.td_module_wrap h3.entry-title a, .td_module_wrap .td-module-title a, .td_module_flex .entry-title a, ' +
  '.tdb_loop .entry-title a, article .entry-title a';

function pageOf(url: string): number {
  const u = new URL(url);
  const m = /\/page\/(\d+)\/?$/.exec(u.pathname);
  return Number(m?.[1] ?? u.searchParams.get('paged') ?? 1);
}

function parseListing(html: string, url: string): ParsedListing {
  const $ = loadHtml(html);
  // Scope to the main column: the sidebar and footer hold module lists ("popular posts") too.
  const main = ['.td-ss-main-content', '.td-main-content', '.tdb_loop'].map((sel) => $(sel).first()).find((el) => el.length);
  const modules = main ? main.find(MODULE_LINKS) : $(MODULE_LINKS).filter((_, a) => !$(a).closest('.td-main-sidebar, .td-footer-wrapper').length);
  const articleUrls = unique(linkUrls($, modules, url).map(canonicalUrl));
  const wanted = pageOf(url) + 1;
  const candidates = [
    $('link[rel="next"]').attr('href'),
    ...$('.page-nav a[href], .pagination a[href], a.next.page-numbers').toArray().map((a) => $(a).attr('href')),
  ];
  const next = candidates.map((h) => absoluteUrl(h, url)).find((u) => !!u && pageOf(u) === wanted);
  return { articleUrls, nextPageUrl: next ? canonicalUrl(next) : null };
}

/** Adapter for WordPress + tagDiv Newspaper sites. */
export const wordpressNewspaperAdapter: PortalAdapter = {
  id: ID,
  // Newspaper sites use plain WordPress URLs, so only the markup identifies them.
  matches: (_url: string, html?: string) => !!html && HTML_RE.test(html),
  parseArticle,
  parseListing,
};
