/**
 * Liferay 6.x Asset Publisher (portlet 101): the stock 6.2 full view and the Bkav portal-egov variant used by many
 * provinces, Đồng Tháp included (portals.md §2C, §2D, fixture 2). Liferay 7 class names are accepted as fallbacks.
 * Public surface: {@link liferayAdapter}.
 */
import type { ParsedArticle, ParsedListing } from '../types';
import { PortalLayoutError } from '../errors';
import { type DateCandidate, type PortalAdapter, bestDateOf, dateCandidate, finishArticle, firstText, loadHtml, loadPage, unique } from './adapter';
import { absoluteUrl, canonicalLiferayUrl, liferayListingUrl } from './canonical-url';
import { findVietnameseDate } from './dates';
import { paragraphsOf, type PortalLogger } from './html-text';

const ID = 'liferay';
const URL_RE = /\/-\/asset_publisher\/|[?&]p_p_id=\w*_INSTANCE_|_INSTANCE_\w+_(assetEntryId|cur)=/i;
const HTML_RE = /id=["']p_p_id_(101|com_liferay_asset_publisher\w*)_INSTANCE_|asset_publisher_view_full_content/i;
/** Stock 6.2 prints the title in the liferay-ui:header tag; Bkav in div.asset_title; Liferay 7 in span.asset-title. */
const TITLE_SELECTORS = [
  '.asset_publisher_view_full_content > .asset_title',
  '.asset_title',
  '.taglib-header .header-title',
  '.header-title',
  '.component-title .asset-title',
  '.asset-full-content .asset-title',
];
/**
 * Portlet titles that name the portlet, not a category: "Xuất bản thông tin" is the Vietnamese default title of
 * the Asset Publisher; Bkav replaces it with the article's first category ("Tin hoạt động"), which we keep.
 */
const DEFAULT_PORTLET_TITLE_RE = /^(Xuất bản thông tin|Asset Publisher|Chi tiết bài viết|Chi tiết tin( tức)?|Nội dung|Tin tức)$/iu;
const NOISE = [
  '.taglib-social-bookmarks', '.asset-ratings', '.asset-flag', '.asset-more', '.taglib-discussion',
  '.lfr-discussion-container', '.related_asset', '.asset-links', '.asset-metadata', '.asset-user-actions',
  '.print-action', '.export-actions', '.taglib-header', '.asset_title', '.assetPublishDate',
];
/** Words allowed around a date on the template's own date line ("Thứ Hai, ngày 03/12/2018 | GMT +7"). */
const DATE_LINE_FILLER_RE =
  /(thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s+nhật|mon|tue|wed|thu|fri|sat|sun|ngày|lúc|cập nhật|đăng|gmt\s*\+?\s*0?7(:00)?|[,|:()\-–\s])/giu;
/** Only the first few paragraphs can be the template's date line. */
const DATE_LINE_SCAN = 3;

/** The template's date line, if one of the first paragraphs is nothing but a date. */
function takeDateLine(paras: string[]): DateCandidate | null {
  for (let i = 0; i < Math.min(DATE_LINE_SCAN, paras.length); i++) {
    const found = findVietnameseDate(paras[i]);
    if (!found) continue;
    const rest = paras[i].slice(0, found.index) + paras[i].slice(found.index + found.length);
    if (rest.replace(DATE_LINE_FILLER_RE, '').trim()) continue;
    paras.splice(i, 1);
    return { date: found.date, precision: found.precision };
  }
  return null;
}

function parseArticle(html: string, url: string, logger?: PortalLogger): ParsedArticle {
  const page = loadPage(html);
  const full = page.first('.asset-full-content');
  const body = full ? (page.first('.journal-content-article', full) ?? page.first('.asset-content', full)) : null;
  if (!body) throw new PortalLayoutError(url, ID, 'article body (.asset-full-content .journal-content-article)');
  const scope = page.closest(full, '[id^="p_p_id_"]');
  // Never the <title>: it is "page name - site name" ("Chi tiết bài viết - …"), not the article (portals.md §2C).
  const title = firstText(page, TITLE_SELECTORS, scope);
  if (!title) throw new PortalLayoutError(url, ID, 'title (.asset_title / .header-title)');

  const bodyParas = paragraphsOf(body, NOISE, logger);
  const templateDate = takeDateLine(bodyParas);
  const lead = page.first('.asset_publisher_view_full_content .assetdesc-text, .asset-summary', scope);
  const paragraphs = [...(lead ? paragraphsOf(lead, NOISE, logger) : []), ...bodyParas];

  const portletTitle = firstText(page, ['.portlet-title-text', '.portlet-title'], scope);
  const category =
    firstText(page, ['.asset-categories .asset-category', '.taglib-asset-categories-summary a', '.asset-category-name'], scope) ??
    (portletTitle && !DEFAULT_PORTLET_TITLE_RE.test(portletTitle) ? portletTitle : null);

  return finishArticle({
    canonicalUrl: canonicalLiferayUrl(url),
    title,
    publishedAt: bestDateOf([
      () => templateDate,
      () => dateCandidate(firstText(page, ['.metadata-publish-date', '.asset-metadata .date', '.date-info'], scope)),
      // Bkav formats with "HH:ss": the digits after the colon are seconds, so only the hour is trusted.
      () => dateCandidate(firstText(page, ['.assetPublishDate'], scope), { hourSecondBug: true }),
      () => dateCandidate(firstText(page, ['.asset-metadata'], scope)),
    ]),
    category,
    paragraphs,
  });
}

const LISTING_LINKS =
  '.asset-abstract .asset-title a, .asset-abstract .assettile a, .asset-abstract-first .assettile a, ' +
  '.asset-title a, .assettile a, ul.title-list li a, .asset-abstract h3 a';
/** The search-paginator tag's markup (6.x page iterator, 7.x lfr-pagination) or any `_cur=` link. */
const PAGER = 'a[href*="_cur="], .taglib-page-iterator, .lfr-pagination, .pagination';
const ASSET_LINK_RE = /\/-\/asset_publisher\/|_assetEntryId=|\/-\/[\w-]+\//i;

function curOf(url: string): number {
  for (const [k, v] of new URL(url).searchParams) if (/_cur$/.test(k) && /^\d+$/.test(v)) return Number(v);
  return 1;
}

function parseListing(html: string, url: string): ParsedListing {
  const $ = loadHtml(html);
  // Sidebars ("Xem nhiều") are asset publishers too: take the portlet with a pager, else the one with most links.
  const portlets = $('[id^="p_p_id_"]')
    .toArray()
    .map((p) => ({ el: $(p), links: $(p).find(LISTING_LINKS).length, pager: $(p).find(PAGER).length }))
    .filter((p) => p.links > 0)
    .sort((a, b) => Number(b.pager > 0) - Number(a.pager > 0) || b.links - a.links);
  const main = portlets[0]?.el ?? $.root();
  const articleUrls = unique(
    main
      .find(LISTING_LINKS)
      .toArray()
      .map((a) => absoluteUrl($(a).attr('href'), url))
      .filter((u): u is string => !!u && ASSET_LINK_RE.test(u))
      .map(canonicalLiferayUrl),
  );
  const namespace = /^p_p_id(_.+_)$/.exec(main.attr('id') ?? '')?.[1];
  const wanted = curOf(url) + 1;
  const next = main
    .find('a[href*="_cur="]')
    .toArray()
    .map((a) => absoluteUrl($(a).attr('href'), url))
    .find((u) => {
      if (!u) return false;
      const params = [...new URL(u).searchParams];
      return params.some(([k, v]) => /_cur$/.test(k) && (!namespace || k === `${namespace}cur`) && Number(v) === wanted);
    });
  return { articleUrls, nextPageUrl: next ? liferayListingUrl(next) : null };
}

/** Adapter for Liferay Asset Publisher portals (stock 6.2 and Bkav). */
export const liferayAdapter: PortalAdapter = {
  id: ID,
  matches: (url: string, html?: string) => URL_RE.test(url) || (!!html && HTML_RE.test(html)),
  parseArticle,
  parseListing,
};
