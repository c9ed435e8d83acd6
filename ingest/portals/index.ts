/**
 * The only registry of portal adapters: picks the adapter for a page (by family id when given, else by
 * detection, else the generic fallback) and parses it.
 *
 * Public surface: {@link parseArticlePage}, {@link parseListingPage}, {@link adapterFor}, {@link adapterById},
 * {@link ADAPTERS}, and the re-exported types. Helpers in the sibling files are internal to the adapters.
 */
import type { ParsedArticle, ParsedListing } from '../types';
import { PageTooComplexError } from '../errors';
import { HtmlLimitError } from './parse-html';
import type { PortalAdapter, PortalFamilyId } from './adapter';
import type { PortalLogger } from './html-text';
import { genericAdapter } from './generic.adapter';
import { liferayAdapter } from './liferay.adapter';
import { sharePointHcmcAdapter } from './sharepoint-hcmc.adapter';
import { wordpressNewspaperAdapter } from './wordpress-newspaper.adapter';

export type { PortalAdapter, PortalFamilyId, PortalLogger };

/** Detection order: the specific families first (URL patterns are the strongest signal), generic last. */
export const ADAPTERS: readonly PortalAdapter[] = [sharePointHcmcAdapter, liferayAdapter, wordpressNewspaperAdapter, genericAdapter];

/** Other names a family goes by (seeds/gold.jsonl `portal_style`, source catalogues). */
const ALIASES: Readonly<Record<string, PortalFamilyId>> = {
  'liferay-asset-publisher': 'liferay',
  sharepoint: 'hcmc-sharepoint',
  'sharepoint-hcmc': 'hcmc-sharepoint',
  wordpress: 'wordpress-newspaper',
  newspaper: 'wordpress-newspaper',
};

/** The adapter with this family id (or alias), or undefined. */
export function adapterById(id: string): PortalAdapter | undefined {
  const key = ALIASES[id] ?? id;
  return ADAPTERS.find((a) => a.id === key);
}

/** The adapter for a page: `family` when it names one, else the first whose `matches` accepts, else generic. */
export function adapterFor(url: string, html?: string, family?: string | null): PortalAdapter {
  const named = family ? adapterById(family) : undefined;
  if (named) return named;
  return ADAPTERS.find((a) => a.id !== 'generic' && a.matches(url, html)) ?? genericAdapter;
}

/**
 * Parse an article page into title, date, category, canonical URL and clean text.
 * Throws PortalLayoutError (skip the item) when the page has no article body, PageTooComplexError (skip) when it nests
 * deeper or has more nodes than the parser accepts.
 */
export function parseArticlePage(html: string, url: string, family?: string | null, logger?: PortalLogger): ParsedArticle {
  return withLimitsAsSkip(url, () => adapterFor(url, html, family).parseArticle(html, url, logger));
}

/** Parse a listing page into article URLs and the next page URL. */
export function parseListingPage(html: string, url: string, family?: string | null, logger?: PortalLogger): ParsedListing {
  return withLimitsAsSkip(url, () => adapterFor(url, html, family).parseListing(html, url, logger));
}

/** A page over a parsing limit (depth, node count) is skipped with its reason: PageTooComplexError. */
function withLimitsAsSkip<T>(url: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof HtmlLimitError) throw new PageTooComplexError(url, err.limit, err.max);
    throw err;
  }
}
