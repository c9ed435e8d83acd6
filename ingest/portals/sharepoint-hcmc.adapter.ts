/**
 * HCMC district portals (and baclieu.gov.vn) on a customised SharePoint "Posts" list (portals.md §2A, fixture 1):
 * articles at `…/lists/posts/post.aspx?Source=…&Category=…&ItemID=N&Mode=1`, listings at the same path with
 * `Mode=2`. Public surface: {@link sharePointHcmcAdapter}.
 */
import type { Element } from 'domhandler';
import type { ParsedArticle, ParsedListing } from '../types';
import { PortalLayoutError } from '../errors';
import {
  type PortalAdapter, bestDate, dateCandidate, finishArticle, firstText, loadHtml, loadPage, metaContent, unique,
} from './adapter';
import { absoluteUrl, canonicalSharePointUrl } from './canonical-url';
import { findVietnameseDate } from './dates';
import { type Page, type VTree, attrOf } from './dom';
import { paragraphsOf, type PortalLogger } from './html-text';

const ID = 'hcmc-sharepoint';
const POSTS_PATH_RE = /\/lists\/posts\/post\.aspx$/i;
/** SharePoint wraps rich-text fields in `div.ExternalClass<32-hex GUID>`; the GUID is random, so match the prefix. */
const EXTERNAL_CLASS_RE = /\bExternalClass[0-9a-f]{32}\b/i;
const TITLE_SELECTORS = ['.TitleDetail', '.PostTitle', '.TitleNews', 'h1', 'h2', 'h3'];
const CATEGORY_SELECTORS = ['.Category', '.PostCategory', '.CategoryName'];
const LEAD_SELECTORS = ['.PostLead', '.Sapo', '.TomTat'];
/** The date/category line is short; a long paragraph with a date in it is prose. */
const DATE_LINE_MAX_CHARS = 200;
/** Page furniture that sits inside #part1 next to the body on these portals. */
const NOISE = ['.ViewCount', '.RelatedNews', '.OtherNews', '.Paging', '[class*="Counter"]'];

function isPostsUrl(url: string): boolean {
  try {
    return POSTS_PATH_RE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Rich-text field wrappers in #part1, outermost only (pasted content nests them). */
function bodyFields(page: Page): Element[] {
  const isField = (el: Element): boolean => EXTERNAL_CLASS_RE.test(attrOf(el, 'class') ?? '');
  return page
    .select('#part1 [class*="ExternalClass"]')
    .filter((el) => isField(el) && page.parents(el, '[class*="ExternalClass"]').filter(isField).length === 0);
}

/** `root` as a clone with the elements matching `selector` removed (cheerio: `root.clone().find(sel).remove()`). */
function cloneWithout(page: Page, root: Element, selector: string): VTree {
  const tree: VTree = { root, removed: new Set() };
  const hits = page.select(selector, tree);
  for (const el of hits) tree.removed.add(el);
  return tree;
}

/** The "Hoạt động Đảng 30 Tháng Mười Một 2018 5:25:00 CH" line: category text, then the .NET vi-VN date. */
function dateLine(page: Page, title: string): { date: Date | null; category: string | null } {
  const part1 = page.first('#part1');
  const paras = part1 ? paragraphsOf(part1, NOISE, undefined, cloneWithout(page, part1, '[class*="ExternalClass"]').removed) : [];
  for (const p of paras) {
    // The title may itself contain a date ("Kế hoạch ngày 07 tháng 5 năm 2021"): never read it as the date line.
    const found = p !== title && p.length <= DATE_LINE_MAX_CHARS ? findVietnameseDate(p) : null;
    if (found) return { date: found.date, category: p.slice(0, found.index).trim() || null };
  }
  return { date: null, category: null };
}

function categoryFromUrl(url: string): string | null {
  for (const [k, v] of new URL(url).searchParams) if (k.toLowerCase() === 'category' && v.trim()) return v.trim();
  return null;
}

function parseArticle(html: string, url: string, logger?: PortalLogger): ParsedArticle {
  const page = loadPage(html);
  const fields = bodyFields(page);
  if (!fields.length) throw new PortalLayoutError(url, ID, 'article body (#part1 … div.ExternalClass<GUID>)');
  const part1 = page.first('#part1') as Element; // fields lie inside a #part1
  const scope = cloneWithout(page, part1, '[class*="ExternalClass"], .RelatedNews, .OtherNews');
  const title = firstText(page, TITLE_SELECTORS, scope) ?? metaContent(page, 'og:title');
  if (!title) throw new PortalLayoutError(url, ID, 'title (#part1 .TitleDetail / h1-h3)');
  const dated = dateCandidate(firstText(page, ['.DateCreate', '.PostDate', '[class*="Date"]'], scope));
  const category = firstText(page, CATEGORY_SELECTORS, scope);
  // The line scan re-walks #part1; only needed when the classed spans are missing.
  const line = dated && category ? null : dateLine(page, title);
  const lead = firstOfSelectors(page, LEAD_SELECTORS, scope);
  const paragraphs = [
    ...(lead ? paragraphsOf(lead, NOISE, logger, scope.removed) : []),
    ...fields.flatMap((el) => paragraphsOf(el, NOISE, logger)),
  ];
  return finishArticle({
    canonicalUrl: canonicalSharePointUrl(url),
    title,
    publishedAt: bestDate([dated, line?.date ? { date: line.date, precision: 'minute' } : null]),
    category: category ?? line?.category ?? categoryFromUrl(url),
    paragraphs,
  });
}

/** The first element of the first selector that matches anything in the tree. */
function firstOfSelectors(page: Page, selectors: readonly string[], scope: VTree): Element | null {
  for (const sel of selectors) {
    const el = page.first(sel, scope);
    if (el) return el;
  }
  return null;
}

function pageOf(url: string): number {
  for (const [k, v] of new URL(url).searchParams) if (k.toLowerCase() === 'page' && /^\d+$/.test(v)) return Number(v);
  return 1;
}

function parseListing(html: string, url: string, logger?: PortalLogger): ParsedListing {
  const $ = loadHtml(html);
  // Pages hold two td.TitleFront groups (the main list and an "other news" box); the first table is the listing.
  const cells = $('td.TitleFront');
  const firstTable = cells.first().closest('table')[0];
  const mainCells = cells.filter((_, c) => $(c).closest('table')[0] === firstTable);
  const articleUrls = unique(
    mainCells
      .find('a[href]')
      .toArray()
      .map((a) => absoluteUrl($(a).attr('href'), url))
      .filter((u): u is string => !!u && isPostsUrl(u) && /[?&]ItemID=\d+/i.test(u))
      .map(canonicalSharePointUrl),
  );
  const wanted = pageOf(url) + 1;
  let nextPageUrl: string | null = null;
  let postback = false;
  for (const a of $('a[href]').toArray()) {
    const href = $(a).attr('href') ?? '';
    if (/__doPostBack/i.test(href)) postback = true;
    const abs = absoluteUrl(href, url);
    if (abs && isPostsUrl(abs) && !/[?&]ItemID=/i.test(abs) && pageOf(abs) === wanted) {
      nextPageUrl = canonicalSharePointUrl(abs);
      break;
    }
  }
  // ASP.NET postback paging needs a form POST with view state; we do not replay it, so the walk stops here.
  if (!nextPageUrl && postback) logger?.debug({ url }, 'listing pages by __doPostBack; next page not followed');
  return { articleUrls, nextPageUrl };
}

/** Adapter for HCMC district SharePoint Posts portals. */
export const sharePointHcmcAdapter: PortalAdapter = {
  id: ID,
  matches(url: string, html?: string): boolean {
    if (isPostsUrl(url)) return true;
    return !!html && /id=["']?part1\b/i.test(html) && (EXTERNAL_CLASS_RE.test(html) || /class=["']?TitleFront\b/i.test(html));
  },
  parseArticle,
  parseListing,
};
