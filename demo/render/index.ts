/**
 * Renderers of the offline demo mirror: DemoSite/DemoArticle → full HTML pages in each portal family's real
 * markup (the structures the ingest adapters parse), with realistic page noise and a visible sample-data banner.
 * Pure functions: no IO, output depends only on the arguments.
 *
 * Public surface: {@link renderers}, {@link renderArticle}, {@link renderListing}, {@link articlePath},
 * {@link listingPath}, {@link SAMPLE_BANNER_TEXT}, and the {@link RenderContext} / {@link FamilyRenderer} types.
 */
import type { DemoArticle, DemoSite, PortalFamily } from '../types';
import type { FamilyRenderer, RenderContext } from './common';
import { genericRenderer } from './generic.render';
import { liferayRenderer } from './liferay.render';
import { sharePointHcmcRenderer } from './sharepoint-hcmc.render';
import { wordpressNewspaperRenderer } from './wordpress-newspaper.render';

export { SAMPLE_BANNER_TEXT } from './common';
export type { FamilyRenderer, RenderContext };

/** One renderer per portal family. */
export const renderers: Record<PortalFamily, FamilyRenderer> = {
  'hcmc-sharepoint': sharePointHcmcRenderer,
  liferay: liferayRenderer,
  'wordpress-newspaper': wordpressNewspaperRenderer,
  generic: genericRenderer,
};

/** Full HTML of an article page on `site`. */
export function renderArticle(site: DemoSite, article: DemoArticle, ctx: RenderContext): string {
  return renderers[site.family].renderArticle(site, article, ctx);
}

/** Full HTML of listing page `page` (1-based) of `pageCount`, showing `articles`. */
export function renderListing(site: DemoSite, articles: DemoArticle[], page: number, pageCount: number, ctx: RenderContext): string {
  return renderers[site.family].renderListing(site, articles, page, pageCount, ctx);
}

/** Mirror path (with query) of an article, starting with `/<site.id>/`. */
export function articlePath(site: DemoSite, article: DemoArticle): string {
  return renderers[site.family].articlePath(site, article);
}

/** Mirror path (with query) of listing page `page` (1-based). */
export function listingPath(site: DemoSite, page: number): string {
  return renderers[site.family].listingPath(site, page);
}
