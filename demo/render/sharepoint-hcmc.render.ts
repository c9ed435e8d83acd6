/**
 * HCMC district SharePoint "Posts" pages (portals.md §8 fixture 1): ASP.NET form around the page, left column with
 * the "Xem theo ngày" box and a one-digit-per-element visitor counter, `#part1` with the title, the
 * category/date line, the body in `div.ExternalClass<GUID>`, view count and "TIN MỚI HƠN / TIN ĐÃ ĐƯA" lists.
 * Public surface: {@link sharePointHcmcRenderer}.
 */
import { sharePointQuery } from '../../ingest/portals/canonical-url';
import type { DemoArticle, DemoSite } from '../types';
import {
  type FamilyRenderer, type RenderContext, ddmmyyyy, digitCounter, dotnetViDate, esc, htmlHead, paragraphsHtml, reportExtrasHtml,
  relatedOf, sampleBanner, seeded, seededId, vnParts,
} from './common';

/** Real portals serve the posts list from the "tintuc" subsite; on the mirror it sits under /<site.id>/. */
const SUBSITE = '/tintuc';

function postsPath(site: DemoSite): string {
  return `/${site.id}${SUBSITE}/lists/posts/post.aspx`;
}

function articlePath(site: DemoSite, a: DemoArticle): string {
  return postsPath(site) + sharePointQuery({ source: SUBSITE, category: a.category, itemId: a.itemId, mode: 1 });
}

function listingPath(site: DemoSite, page: number): string {
  return postsPath(site) + sharePointQuery({ source: SUBSITE, category: site.category, mode: 2, page });
}

function frame(site: DemoSite, main: string, seed: string): string {
  const viewState = seededId(`${seed}:vs`, 64);
  return `${htmlHead(site.siteName, '<script type="text/javascript" src="/_layouts/15/init.js"></script>\n<script type="text/javascript" src="/_layouts/15/core.js"></script>')}
<body>
<form method="post" action="./post.aspx" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUK${viewState}">
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAA${viewState.slice(0, 20)}">
<div id="s4-ribbonrow" style="display:none"></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
${sampleBanner()}
<div class="Header"><div class="Banner">${esc(site.siteName.toUpperCase())}</div>
<ul class="TopMenu"><li><a href="/${site.id}/">Trang chủ</a></li><li><a href="${listingPath(site, 1)}">${esc(site.category)}</a></li><li><a href="#">Thủ tục hành chính</a></li></ul>
<div class="SearchBox"><input type="text" name="q" title="Tìm kiếm"><a href="#">Tìm kiếm</a></div></div>
<table class="MainLayout" width="100%"><tr>
<td class="LeftColumn" valign="top">
<div class="Box"><div class="BoxTitle">Xem theo ngày</div><select name="ngay"><option>Ngày</option></select><select name="thang"><option>Tháng</option></select><select name="nam"><option>Năm</option></select><input type="button" value="Xem"></div>
<div class="Box"><div class="BoxTitle">SỐ LƯỢT TRUY CẬP</div><ul class="Counter">${digitCounter(`${site.id}:visits`)}</ul></div>
</td>
<td class="MainColumn" valign="top">
${main}
</td>
<td class="RightColumn" valign="top"><div class="Box"><div class="BoxTitle">Liên kết website</div><select><option>-- Chọn liên kết --</option><option>Cổng thông tin điện tử Thành phố</option></select></div>
<div class="Box"><div class="BoxTitle">Văn bản mới</div><ul><li><a href="#">Kế hoạch cải cách hành chính của ${esc(site.unit.name)}</a></li></ul></div></td>
</tr></table>
<div class="Footer">Cơ quan chủ quản: UBND ${esc(site.unit.name)} – ${esc(site.unit.province)}<br>Ghi rõ nguồn "${esc(site.siteName)}" khi phát hành lại thông tin từ website này.</div>
</div></div>
</form>
</body>
</html>
`;
}

function relatedList(site: DemoSite, items: DemoArticle[]): string {
  return items
    .map((r) => `<li><a href="${esc(articlePath(site, r))}">${esc(r.title)}</a> <span class="DateRelated">(${ddmmyyyy(vnParts(r.publishedAt))})</span></li>`)
    .join('');
}

function renderArticle(site: DemoSite, a: DemoArticle, ctx: RenderContext): string {
  const p = vnParts(a.publishedAt);
  const related = relatedOf(a, ctx);
  const guid = seededId(`${site.id}:${a.itemId}`, 32, '0123456789ABCDEF');
  const author = a.author ? `\n<p class="MsoNormal" style="text-align:right" align="right"><b><span lang="VI">${esc(a.author)}</span></b></p>` : '';
  const main = `<div id="part1"><table width="100%" cellpadding="0" cellspacing="0"><tr><td>
<h2 class="TitleDetail">${esc(a.title)}</h2>
<div class="PostInfo"><span class="Category">${esc(a.category)}</span> <span class="DateCreate">${dotnetViDate(p)}</span></div>
${a.lead ? `<div class="PostLead"><b>${esc(a.lead)}</b></div>` : ''}
<div class="ExternalClass${guid}">
${paragraphsHtml(a.paragraphs, ' class="MsoNormal" style="text-align:justify"')}${reportExtrasHtml(a)}${author}
</div>
<div class="ViewCount">Số lượt người xem: ${seeded(`${a.slug}:views`, 120, 2400)}&nbsp;&nbsp;&nbsp;&nbsp;</div>
<div class="RelatedNews"><div class="RelatedTitle">TIN MỚI HƠN</div><ul>${relatedList(site, related.slice(0, 2))}</ul>
<div class="RelatedTitle">TIN ĐÃ ĐƯA</div><ul>${relatedList(site, related.slice(2))}</ul><a href="${esc(listingPath(site, 1))}">Xem tiếp</a></div>
</td></tr></table></div>`;
  return frame(site, main, a.slug);
}

function renderListing(site: DemoSite, items: DemoArticle[], page: number, pageCount: number, ctx: RenderContext): string {
  const rows = items
    .map((a) => {
      const summary = a.lead ?? a.paragraphs[0] ?? '';
      return `<tr><td class="tinHT" rowspan="2" valign="top"><a href="${esc(articlePath(site, a))}"><img src="${SUBSITE}/PublishingImages/${a.itemId}.jpg" width="120" alt=""></a></td>
<td class="TitleFront"><a href="${esc(articlePath(site, a))}">${esc(a.title)}</a> <span class="DateFront">(${ddmmyyyy(vnParts(a.publishedAt))})</span></td></tr>
<tr><td><div class="ContentText"><div>${esc(summary.slice(0, 240))}</div></div></td></tr>`;
    })
    .join('\n');
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1)
    .map((n) => (n === page ? `<b>${n}</b>` : `<a href="${esc(listingPath(site, n))}">${n}</a>`))
    .join(' ');
  const next = page < pageCount ? ` <a href="${esc(listingPath(site, page + 1))}">Sau »</a>` : '';
  // Real pages carry a second td.TitleFront group ("other news") below the main list.
  const others = relatedOf(null, ctx, 3)
    .map((a) => `<tr><td class="TitleFront"><a href="${esc(articlePath(site, a))}">${esc(a.title)}</a></td></tr>`)
    .join('');
  const main = `<div id="part1"><div class="CategoryTitle">${esc(site.category)}</div>
<table class="ListNews" width="100%">
${rows}
</table>
<div class="Paging">Trang: ${pages}${next}</div>
</div>
<div class="Box"><div class="BoxTitle">Tin nổi bật</div><table class="OtherNews">${others}</table></div>`;
  return frame(site, main, `${site.id}:list:${page}`);
}

/** Renderer for the hcmc-sharepoint family. */
export const sharePointHcmcRenderer: FamilyRenderer = { articlePath, listingPath, renderArticle, renderListing };
