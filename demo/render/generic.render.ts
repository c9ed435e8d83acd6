/**
 * A plain hand-made news site (no known CMS), for the generic adapter: h1 title, a visible "Ngày đăng" line,
 * breadcrumb category, body paragraphs, a related list and a sidebar counter; listings paged with `?page=N`.
 * Public surface: {@link genericRenderer}.
 */
import type { DemoArticle, DemoSite } from '../types';
import {
  type FamilyRenderer, type RenderContext, ddmmyyyy, esc, hhmm, htmlHead, paragraphsHtml, reportExtrasHtml, relatedOf, sampleBanner,
  seeded, vnParts,
} from './common';

function articlePath(site: DemoSite, a: DemoArticle): string {
  return `/${site.id}/tin-tuc/${a.slug}-${a.itemId}.html`;
}

function listingPath(site: DemoSite, page: number): string {
  return page <= 1 ? `/${site.id}/tin-tuc/` : `/${site.id}/tin-tuc/?page=${page}`;
}

function frame(site: DemoSite, title: string, main: string, ctx: RenderContext, current: DemoArticle | null): string {
  const related = relatedOf(current, ctx, 5)
    .map((r) => `<li><a href="${esc(articlePath(site, r))}">${esc(r.title)}</a> <span>(${ddmmyyyy(vnParts(r.publishedAt))})</span></li>`)
    .join('');
  return `${htmlHead(`${title} | ${site.siteName}`)}
<body>
${sampleBanner()}
<header class="site-header"><div class="logo">${esc(site.siteName)}</div>
<nav><ul><li><a href="/${site.id}/">Trang chủ</a></li><li><a href="${esc(listingPath(site, 1))}">${esc(site.category)}</a></li><li><a href="/${site.id}/lien-he.html">Liên hệ</a></li></ul></nav></header>
<main class="container">
${main}
</main>
<aside class="sidebar"><div class="widget"><h3>Tin liên quan</h3><ul>${related}</ul></div>
<div class="widget counter"><h3>Thống kê truy cập</h3><p>Hôm nay: ${seeded(`${site.id}:today`, 10, 900)}</p><p>Tổng lượt truy cập: ${seeded(`${site.id}:total`, 10000, 900000)}</p></div></aside>
<footer class="site-footer"><p>Cơ quan chủ quản: UBND ${esc(site.unit.name)}, ${esc(site.unit.province)}</p></footer>
</body>
</html>
`;
}

function renderArticle(site: DemoSite, a: DemoArticle, ctx: RenderContext): string {
  const p = vnParts(a.publishedAt);
  const lead = a.lead ? `<p class="sapo"><strong>${esc(a.lead)}</strong></p>\n` : '';
  const author = a.author ? `\n<p class="author" style="text-align:right"><em>${esc(a.author)}</em></p>` : '';
  const main = `<div class="breadcrumb"><a href="/${site.id}/">Trang chủ</a> / <a href="${esc(listingPath(site, 1))}">${esc(a.category)}</a></div>
<article class="news-detail">
<h1 class="news-title">${esc(a.title)}</h1>
<div class="news-date">Ngày đăng: ${ddmmyyyy(p)} ${hhmm(p)}</div>
<div class="news-content">
${lead}${paragraphsHtml(a.paragraphs)}${reportExtrasHtml(a)}${author}
</div>
<div class="news-tools"><a href="javascript:window.print()">In bài viết</a> | <a href="javascript:history.back()">Quay lại</a> | <span>Lượt xem: ${seeded(`${a.slug}:views`, 30, 2000)}</span></div>
</article>`;
  return frame(site, a.title, main, ctx, a);
}

function renderListing(site: DemoSite, items: DemoArticle[], page: number, pageCount: number, ctx: RenderContext): string {
  const list = items
    .map((a) => `<li class="news-item"><a class="news-link" href="${esc(articlePath(site, a))}">${esc(a.title)}</a> <span class="news-date">${ddmmyyyy(vnParts(a.publishedAt))}</span>
<p>${esc((a.lead ?? a.paragraphs[0] ?? '').slice(0, 200))}</p></li>`)
    .join('\n');
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1)
    .map((n) => (n === page ? `<strong>${n}</strong>` : `<a href="${esc(listingPath(site, n))}">${n}</a>`))
    .join(' ');
  const next = page < pageCount ? ` <a href="${esc(listingPath(site, page + 1))}">Trang sau</a>` : '';
  const main = `<h1 class="category-title">${esc(site.category)}</h1>
<ul class="news-list">
${list}
</ul>
<div class="pager">${pages}${next}</div>`;
  return frame(site, site.category, main, ctx, null);
}

/** Renderer for the generic family. */
export const genericRenderer: FamilyRenderer = { articlePath, listingPath, renderArticle, renderListing };
