/**
 * Liferay 6.x Asset Publisher pages (portals.md §8 fixture 2) in two variants: stock 6.2 (liferay-ui:header title,
 * "Xuất bản thông tin" portlet title, asset-metadata date) and Bkav portal-egov (div.asset_title, the `HH:ss`
 * assetPublishDate bug, abstract repeated as the first body paragraph, "Tin mới hơn / Tin cũ hơn" lists).
 * Both print the template's "null" text node and a `<title>` that names the page, not the article.
 * Public surface: {@link liferayRenderer}.
 */
import type { DemoArticle, DemoSite } from '../types';
import {
  type FamilyRenderer, type RenderContext, EN_WEEKDAYS, VN_WEEKDAYS, ddmmyyyy, esc, hash, hhmm, htmlHead,
  paragraphsHtml, reportExtrasHtml, relatedOf, sampleBanner, seeded, seededId, slugify, vnParts,
} from './common';

type Variant = 'stock' | 'bkav';

function variantOf(site: DemoSite, ctx?: RenderContext): Variant {
  if (ctx?.variant === 'stock' || ctx?.variant === 'bkav') return ctx.variant;
  return hash(site.id) % 2 === 0 ? 'bkav' : 'stock';
}

/** Portlet instance ids are 12 random characters per placement; derived from the site id so URLs are stable. */
const instanceOf = (site: DemoSite): string => seededId(`${site.id}:inst`, 12);

function articlePath(site: DemoSite, a: DemoArticle): string {
  return `/${site.id}/chi-tiet-bai-viet/-/asset_publisher/${instanceOf(site)}/content/${a.slug}`;
}

function listingPath(site: DemoSite, page: number): string {
  const base = `/${site.id}/${slugify(site.category)}`;
  if (page <= 1) return base;
  const ns = `_101_INSTANCE_${instanceOf(site)}_`;
  return `${base}?p_p_id=101_INSTANCE_${instanceOf(site)}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2&p_p_col_count=1&${ns}cur=${page}`;
}

function frame(site: DemoSite, pageName: string, body: string, sidebar: string): string {
  return `${htmlHead(`${pageName} - ${site.siteName}`, '<link rel="stylesheet" href="/html/themes/portal-egov-theme/css/main.css">')}
<body class="public-page guest-site signed-out">
<div class="body-wrapper">
${sampleBanner()}
<div id="banner"><div class="site-name">${esc(site.siteName)}</div></div>
<nav id="navigation"><ul><li><a href="/${site.id}">Trang chủ</a></li><li><a href="${esc(listingPath(site, 1))}">${esc(site.category)}</a></li></ul></nav>
<div class="breadcrumbs"><a href="/${site.id}">Trang chủ</a> › <span>${esc(pageName)}</span></div>
<div id="content"><div class="columns-2-r"><div class="portlet-column" id="column-2">
${body}
</div><div class="portlet-column" id="column-3">
${sidebar}
<div class="visit-counter-content"><div class="total-visit-counter"><span>Tổng lượt truy cập:</span> <span class="counter-value">${seeded(`${site.id}:visits`, 100000, 9000000)}</span></div><div class="online-visitor-counter"><span>Đang truy cập:</span> <span class="counter-value">${seeded(`${site.id}:online`, 3, 90)}</span></div></div>
</div></div></div>
<footer id="footer"><p>Cơ quan chủ quản: UBND ${esc(site.unit.name)}, ${esc(site.unit.province)}</p><p>© Bản quyền thuộc ${esc(site.siteName)}</p></footer>
</div>
</body>
</html>
`;
}

function portlet(inst: string, title: string, inner: string): string {
  return `<div id="p_p_id_101_INSTANCE_${inst}_" class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher">
<span id="p_101_INSTANCE_${inst}"></span>
<section class="portlet" id="portlet_101_INSTANCE_${inst}">
<header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">${esc(title)}</span></h1></header>
<div class="portlet-content"><div class="portlet-body">
${inner}
</div></div></section></div>`;
}

function sidebar(site: DemoSite, ctx: RenderContext, current: DemoArticle | null): string {
  const items = relatedOf(current, ctx, 3)
    .map((r) => `<li class="title-list"><a href="${esc(articlePath(site, r))}">${esc(r.title)}</a></li>`)
    .join('');
  return portlet(seededId(`${site.id}:side`, 12), 'Xem nhiều', `<ul class="title-list">${items}</ul>`);
}

function relatedBlock(site: DemoSite, a: DemoArticle, ctx: RenderContext): string {
  const item = (r: DemoArticle): string => {
    const p = vnParts(r.publishedAt);
    return `<li><a href="${esc(articlePath(site, r))}">${esc(r.title)}</a> <span class="publish_date">(${String(p.d).padStart(2, '0')}/${String(p.mo).padStart(2, '0')})</span></li>`;
  };
  const rel = relatedOf(a, ctx);
  return `<div class="related_asset"><div class="newer_related_asset"><span class="related_asset_title">Tin mới hơn</span><ul>${rel.slice(0, 2).map(item).join('')}</ul></div>
<div class="older_related_asset"><span class="related_asset_title">Tin cũ hơn</span><ul>${rel.slice(2).map(item).join('')}</ul></div></div>`;
}

function renderArticle(site: DemoSite, a: DemoArticle, ctx: RenderContext): string {
  const variant = variantOf(site, ctx);
  const inst = instanceOf(site);
  const p = vnParts(a.publishedAt);
  const lead = a.lead ?? a.paragraphs[0] ?? '';
  const author = a.author ? `\n<p align="right" style="text-align:right"><strong>${esc(a.author)}</strong></p>` : '';
  const views = seeded(`${a.slug}:views`, 50, 3000);
  // The web-content template prints an unset field as the literal text "null" before its own date line.
  const dateLine = variant === 'bkav' ? `${VN_WEEKDAYS[p.weekday]}, ngày ${ddmmyyyy(p)} ${hhmm(p)}` : `${VN_WEEKDAYS[p.weekday]}, ngày ${ddmmyyyy(p)}`;
  // Both variants repeat the lead: Bkav shows the abstract above a body starting with it; the stock template
  // editors pasted the lead twice (seed 002).
  const bodyLead = a.lead ? `<p><strong>${esc(a.lead)}</strong></p>\n` : '';
  const stockRepeat = variant === 'stock' && a.lead ? bodyLead : '';
  const journal = `<div class="journal-content-article">null<p class="date-line"><em>${esc(dateLine)}</em></p>
${bodyLead}${stockRepeat}${paragraphsHtml(a.paragraphs, ' style="text-align:justify"')}${reportExtrasHtml(a)}${author}</div>`;
  const full = `<div class="asset-full-content default-asset-publisher show-asset-title">
<div class="asset-user-actions"><div class="print-action"><a href="javascript:print()">In trang</a></div></div>
<div class="asset-content" id="_101_INSTANCE_${inst}_${a.itemId}">
<div class="taglib-social-bookmarks"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
${journal}
<div class="asset-ratings"><span>Đánh giá:</span> ★★★★☆</div>
</div>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">${ddmmyyyy(p)} ${hhmm(p)}</span> <span class="metadata-entry metadata-view-count">Số lượt xem: ${views}</span></div>
<div class="asset-categories"><span class="taglib-asset-categories-summary"><span class="asset-vocabulary">Chuyên mục:</span> <a class="asset-category" href="${esc(listingPath(site, 1))}">${esc(a.category)}</a></span></div>
</div>`;
  let inner: string;
  if (variant === 'bkav') {
    const bugTime = `${String(p.h).padStart(2, '0')}:${String(p.s).padStart(2, '0')}`; // Bkav formats HH:ss
    inner = `<div class="asset_publisher_view_full_content">
<div class="asset_title"><span>${esc(a.title)}</span></div>
<span class="assetPublishDate">${EN_WEEKDAYS[p.weekday]}, ${ddmmyyyy(p)} ${bugTime} | GMT +7</span>
<div class="asset-abstract"><div class="assetdesc"><span class="assetdesc-text">${esc(lead)}</span></div></div>
${full.replace(/<div class="asset-metadata">.*?<\/div>/s, `<div class="asset-metadata"><span class="metadata-view-count">Số lượt xem: ${views}</span></div>`)}
${relatedBlock(site, a, ctx)}
</div>`;
  } else {
    inner = `<div class="taglib-header"><span class="header-back-to"><a class="previous-level" href="${esc(listingPath(site, 1))}" title="Quay lại"><span class="helper-hidden-accessible">Quay lại</span></a></span>
<h3 class="header-title"><span>${esc(a.title)}</span></h3></div>
${full}`;
  }
  const title = variant === 'bkav' ? a.category : 'Xuất bản thông tin';
  return frame(site, 'Chi tiết bài viết', portlet(inst, title, inner), sidebar(site, ctx, a));
}

function renderListing(site: DemoSite, items: DemoArticle[], page: number, pageCount: number, ctx: RenderContext): string {
  const inst = instanceOf(site);
  const back = encodeURIComponent(`${ctx.origin}${listingPath(site, page)}`);
  const abstracts = items
    .map((a, i) => {
      const href = `${articlePath(site, a)}?redirect=${back}`;
      return `<div class="asset-abstract${i === 0 ? '-first' : ''}"><div class="assetdesc">
<span class="assetdesc-img"><img class="img-outsite" src="/image/journal/article?img_id=${a.itemId}" alt=""></span>
<span class="assetdesc-text"><div class="asset_title"><span class="assettile"><a href="${esc(href)}">${esc(a.title)}</a></span></div>
<span class="asset-category-name">${esc(a.category)}</span> <span class="asset-publish-date">${ddmmyyyy(vnParts(a.publishedAt), '-')}</span>
<div class="asset-summary-text">${esc((a.lead ?? a.paragraphs[0] ?? '').slice(0, 200))}</div></span></div></div>`;
    })
    .join('\n');
  const auth = seededId(`${site.id}:auth:${page}`, 8);
  const link = (n: number, label: string): string => `<li><a href="${esc(listingPath(site, n))}${n > 1 ? `&amp;p_p_auth=${auth}` : ''}">${label}</a></li>`;
  const pager = `<div class="taglib-page-iterator"><div class="search-results">Trang ${page} của ${pageCount}</div>
<div class="pagination"><ul class="pager lfr-pagination-buttons">${page > 1 ? link(1, 'Đầu') + link(page - 1, '← Trước') : ''}${page < pageCount ? link(page + 1, 'Tiếp →') + link(pageCount, 'Cuối') : ''}</ul></div></div>`;
  return frame(site, site.category, portlet(inst, site.category, abstracts + pager), sidebar(site, ctx, null));
}

/** Renderer for the liferay family. */
export const liferayRenderer: FamilyRenderer = { articlePath, listingPath, renderArticle, renderListing };
