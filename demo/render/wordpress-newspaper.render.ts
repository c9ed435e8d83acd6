/**
 * WordPress + tagDiv Newspaper pages (portals.md §8 fixture 3): classic single-post markup or the newer "tdb" cloud
 * template, with the "0 292" comment/view counters, share bars, "BÀI VIẾT LIÊN QUAN / MORE FROM AUTHOR" related
 * posts and the half-translated "LEAVE A REPLY" comment form; category archives paged as `/page/N/`.
 * Public surface: {@link wordpressNewspaperRenderer}.
 */
import type { DemoArticle, DemoSite } from '../types';
import {
  type FamilyRenderer, type RenderContext, ddmmyyyy, esc, hash, htmlHead, paragraphsHtml, reportExtrasHtml, relatedOf, sampleBanner,
  seeded, slugify, vnParts,
} from './common';

type Variant = 'classic' | 'tdb';

function variantOf(site: DemoSite, ctx?: RenderContext): Variant {
  if (ctx?.variant === 'classic' || ctx?.variant === 'tdb') return ctx.variant;
  return hash(`${site.id}:wp`) % 2 === 0 ? 'classic' : 'tdb';
}

function articlePath(site: DemoSite, a: DemoArticle): string {
  return `/${site.id}/${a.slug}/`;
}

function listingPath(site: DemoSite, page: number): string {
  const base = `/${site.id}/category/${slugify(site.category)}/`;
  return page <= 1 ? base : `${base}page/${page}/`;
}

function frame(site: DemoSite, title: string, head: string, bodyClass: string, main: string): string {
  return `${htmlHead(title, `<link rel="alternate" type="application/rss+xml" title="${esc(site.siteName)} &raquo; Feed" href="/${site.id}/feed/">\n${head}\n<link rel="stylesheet" href="/${site.id}/wp-content/themes/Newspaper/style.css">`)}
<body class="${bodyClass}">
<div id="td-outer-wrap" class="td-theme-wrap">
${sampleBanner()}
<div class="td-header-wrap"><div class="td-header-top-menu"><span class="td-date">${esc(site.unit.province)}</span></div>
<div class="td-header-logo"><a href="/${site.id}/">${esc(site.siteName)}</a></div>
<nav class="td-header-menu"><ul><li><a href="/${site.id}/">Trang chủ</a></li><li><a href="${esc(listingPath(site, 1))}">${esc(site.category)}</a></li></ul></nav></div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row">
${main}
<div class="td-pb-span4 td-main-sidebar"><div class="td_block_wrap td_block_social_counter"><span class="td_social_info">0 Fans</span> <span class="td_social_button">Like</span></div>
<div class="td_block_wrap"><h4 class="block-title"><span>Tin mới</span></h4></div></div>
</div></div></div>
<div class="td-footer-wrapper"><p>${esc(site.siteName)} – UBND ${esc(site.unit.name)}</p></div>
<div class="td-sub-footer-container"><div class="td-sub-footer-copy">© Bản quyền thuộc về ${esc(site.siteName)}</div></div>
</div>
</body>
</html>
`;
}

function relatedPosts(site: DemoSite, a: DemoArticle, ctx: RenderContext): string {
  const mods = relatedOf(a, ctx, 3)
    .map((r) => `<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_related_posts"><h3 class="entry-title td-module-title"><a href="${esc(articlePath(site, r))}">${esc(r.title)}</a></h3></div></div>`)
    .join('');
  return `<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title td-block-title"><a class="td-related-left td-cur-simple-item" href="#">BÀI VIẾT LIÊN QUAN</a><a class="td-related-right" href="#">MORE FROM AUTHOR</a></h4>
<div class="td-related-row">${mods}</div></div>`;
}

function commentForm(): string {
  return `<div class="comments" id="comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">LEAVE A REPLY <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Hủy trả lời</a></small></h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><div class="clearfix"></div>
<div class="comment-form-input-wrap td-form-comment"><textarea placeholder="Bình luận:" id="comment" name="comment" cols="45" rows="8"></textarea><div class="td-warning-comment">Please enter your comment!</div></div>
<div class="comment-form-input-wrap td-form-author"><input class="" id="author" name="author" placeholder="Tên:*" type="text" value="" size="30"><div class="td-warning-author">Please enter your name here</div></div>
<div class="comment-form-input-wrap td-form-email"><input class="" id="email" name="email" placeholder="Email:*" type="text" value="" size="30"><div class="td-warning-email-error">You have entered an incorrect email address!</div></div>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div></div>`;
}

function renderArticle(site: DemoSite, a: DemoArticle, ctx: RenderContext): string {
  const variant = variantOf(site, ctx);
  const p = vnParts(a.publishedAt);
  const url = `${ctx.origin}${articlePath(site, a)}`;
  const iso = new Date(a.publishedAt).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const head = `<link rel="canonical" href="${esc(url)}">\n<link rel="shortlink" href="${esc(`${ctx.origin}/${site.id}/?p=${a.itemId}`)}">\n<meta property="og:title" content="${esc(a.title)}">\n<meta property="article:published_time" content="${a.publishedAt}">`;
  const lead = a.lead ? `<p><strong>${esc(a.lead)}</strong></p>\n` : '';
  const views = seeded(`${a.slug}:views`, 40, 900);
  const content = `${lead}${paragraphsHtml(a.paragraphs)}${reportExtrasHtml(a)}\n<div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">- Quảng cáo -</span></div>`;
  const share = (pos: string): string =>
    `<div class="td-post-sharing td-post-sharing-${pos}"><span class="td-social-share-text">Chia sẻ</span><a class="td-social-facebook" href="#">Facebook</a><a class="td-social-twitter" href="#">Twitter</a><a class="td-social-pinterest" href="#">Pinterest</a><a class="td-social-whatsapp" href="#">WhatsApp</a></div>`;
  const author = a.author ?? 'Ban biên tập';
  let article: string;
  if (variant === 'classic') {
    article = `<article id="post-${a.itemId}" class="post-${a.itemId} post type-post status-publish format-standard category-${slugify(a.category)}">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="${esc(listingPath(site, 1))}">${esc(a.category)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${esc(a.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">Bởi</div> <a href="#">${esc(author)}</a><div class="td-author-line"> - </div></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${iso}">${ddmmyyyy(p)}</time></span>
<div class="td-post-comments"><a href="#respond"><i class="td-icon-comments"></i>0</a></div>
<div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-${a.itemId}">${views}</span></div></div></header></div>
${share('top')}
<div class="td-post-content tagdiv-type"><div class="td-post-featured-image"><img src="/${site.id}/wp-content/uploads/${a.itemId}.jpg" alt=""></div>
${content}</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li><li><a href="#">cải cách hành chính</a></li></ul></div>
${share('bottom')}
<div class="td-block-row td-post-next-prev"><div class="td-block-span6 td-post-prev-post"><div class="td-post-next-prev-content"><span>Previous article</span><a href="#">Bài trước</a></div></div></div>
<div class="author-box-wrap"><div class="desc"><div class="td-author-name vcard author"><a href="#">${esc(author)}</a></div></div></div></footer></article>`;
  } else {
    article = `<div class="tdc-row"><div class="td_block_wrap tdb_breadcrumbs"><span><a href="/${site.id}/">Trang chủ</a></span> <span><a href="${esc(listingPath(site, 1))}">${esc(a.category)}</a></span></div>
<div class="td_block_wrap tdb_single_categories"><div class="tdb-category td-fix-index"><a class="tdb-entry-category" href="${esc(listingPath(site, 1))}">${esc(a.category)}</a></div></div>
<div class="td_block_wrap tdb_title tdi_${seeded(a.slug, 40, 90)}"><h1 class="tdb-title-text">${esc(a.title)}</h1></div>
<div class="td_block_wrap tdb_single_author"><div class="tdb-author-name-wrap"><span class="tdb-author-by">Bởi</span> <a class="tdb-author-name" href="#">${esc(author)}</a></div></div>
<div class="td_block_wrap tdb_single_date"><div class="tdb-block-inner td-fix-index tdb-author-date"><time class="entry-date updated td-module-date" datetime="${iso}">${ddmmyyyy(p)}</time></div></div>
<div class="td_block_wrap tdb_single_comments_count"><span class="tdb-comm-txt">0</span></div><div class="td_block_wrap tdb_single_post_views"><span class="td-nr-views-${a.itemId}">${views}</span></div>
${share('top')}
<div class="td_block_wrap tdb_single_content tdi_${seeded(a.slug, 100, 180)} td-pb-border-top"><div class="tdb-block-inner td-fix-index">
${content}</div></div></div>`;
  }
  const main = `<div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content"><div class="entry-crumbs"><a href="/${site.id}/">Trang chủ</a> <i class="td-bread-sep"></i> <a href="${esc(listingPath(site, 1))}">${esc(a.category)}</a></div>
${article}
${relatedPosts(site, a, ctx)}
${commentForm()}</div></div>`;
  return frame(site, `${a.title} - ${site.siteName}`, head, `post-template-default single single-post postid-${a.itemId}`, main);
}

function renderListing(site: DemoSite, items: DemoArticle[], page: number, pageCount: number, ctx: RenderContext): string {
  const mods = items
    .map((a) => `<div class="td_module_10 td_module_wrap td-animation-stack"><div class="td-module-thumb"><a href="${esc(ctx.origin + articlePath(site, a))}"><img class="entry-thumb" src="/${site.id}/wp-content/uploads/${a.itemId}-150x150.jpg" alt=""></a></div>
<div class="item-details"><h3 class="entry-title td-module-title"><a href="${esc(ctx.origin + articlePath(site, a))}" rel="bookmark">${esc(a.title)}</a></h3>
<div class="td-module-meta-info"><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${new Date(a.publishedAt).toISOString()}">${ddmmyyyy(vnParts(a.publishedAt))}</time></span></div>
<div class="td-excerpt">${esc((a.lead ?? a.paragraphs[0] ?? '').slice(0, 180))}</div></div></div>`)
    .join('\n');
  const num = (n: number): string => (n === page ? `<span class="current">${n}</span>` : `<a href="${esc(ctx.origin + listingPath(site, n))}" class="page" title="${n}">${n}</a>`);
  const nav = `<div class="page-nav td-pb-padding-side">${page > 1 ? `<a href="${esc(ctx.origin + listingPath(site, page - 1))}"><i class="td-icon-menu-left"></i></a>` : ''}${Array.from({ length: pageCount }, (_, i) => num(i + 1)).join('')}${page < pageCount ? `<a href="${esc(ctx.origin + listingPath(site, page + 1))}"><i class="td-icon-menu-right"></i></a>` : ''}<span class="pages">Trang ${page} của ${pageCount}</span></div>`;
  const head = page < pageCount ? `<link rel="next" href="${esc(ctx.origin + listingPath(site, page + 1))}">` : '';
  const main = `<div class="td-pb-span8 td-main-content"><div class="td-ss-main-content"><div class="td-page-header"><h1 class="entry-title td-page-title"><span>${esc(site.category)}</span></h1></div>
${mods}
${nav}</div></div>`;
  return frame(site, `${site.category} Archives - ${site.siteName}`, head, 'archive category', main);
}

/** Renderer for the wordpress-newspaper family. */
export const wordpressNewspaperRenderer: FamilyRenderer = { articlePath, listingPath, renderArticle, renderListing };
