/**
 * The adapter contract and small cheerio helpers the adapters share.
 *
 * Public surface: {@link PortalAdapter}, {@link PortalFamilyId}, and the helpers (used by adapters only).
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ParsedArticle, ParsedListing } from '../types';
import { findVietnameseDate, type DateOptions, type DatePrecision } from './dates';
import { absoluteUrl } from './canonical-url';
import { Page, type VTree, attrOf, textOf } from './dom';
import { cleanParagraphs, joinParagraphs, normalizeInline, type PortalLogger } from './html-text';
import { loadCheerio, loadCheerioParse5 } from './parse-html';

/** Portal software families with an adapter (same ids as demo/types.ts PortalFamily). */
export type PortalFamilyId = 'hcmc-sharepoint' | 'liferay' | 'wordpress-newspaper' | 'generic';

/** One portal family's markup: pure functions of (html, url), never fetching. */
export interface PortalAdapter {
  readonly id: PortalFamilyId;
  /** true when the URL (and, if given, the HTML) looks like this family. */
  matches(url: string, html?: string): boolean;
  /** Listing page → article URLs (absolute, canonical, page order) and the next page. */
  parseListing(html: string, url: string, logger?: PortalLogger): ParsedListing;
  /** Article page → metadata and clean text; throws PortalLayoutError when the body is missing. */
  parseArticle(html: string, url: string, logger?: PortalLogger): ParsedArticle;
}

/** Which parser {@link loadHtml} uses: htmlparser2 (linear, the only one in production) or parse5 (parity checks). */
export type HtmlParserId = 'htmlparser2' | 'parse5';
let parserInUse: HtmlParserId = 'htmlparser2';

/**
 * Run `fn` with the adapters parsing through `parser`: only for the parity check and the benchmark, which compare
 * the adapters' output under both parsers. Synchronous, so no other parse can see the switch.
 */
export function withHtmlParser<T>(parser: HtmlParserId, fn: () => T): T {
  const before = parserInUse;
  parserInUse = parser;
  try {
    return fn();
  } finally {
    parserInUse = before;
  }
}

/**
 * Parse HTML with htmlparser2 (linear time, HTML5's heading end tag rule added, depth and node count capped: throws
 * HtmlLimitError past a limit). See parse-html.ts.
 */
export function loadHtml(html: string): CheerioAPI {
  return parserInUse === 'parse5' ? loadCheerioParse5(html) : loadCheerio(html);
}

/** Parse an article page once; every query of the adapter goes through the returned {@link Page}. */
export function loadPage(html: string): Page {
  return new Page(loadHtml(html));
}

/**
 * Normalised text of the first element matching any selector (in the order given) that has text, searching the
 * document, an element (`el.find`) or a virtual clone.
 */
export function firstText(page: Page, selectors: readonly string[], scope?: Element | VTree | null): string | null {
  const tree = scope && 'removed' in scope ? scope : null;
  for (const sel of selectors) {
    for (const el of page.select(sel, scope)) {
      const t = normalizeInline(textOf(el, tree));
      if (t) return t;
    }
  }
  return null;
}

/** content of `<meta property|name=…>`. */
export function metaContent(page: Page, key: string): string | null {
  const v = attrOf(page.first(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`), 'content');
  return v ? normalizeInline(v) : null;
}

/** A date candidate with its precision; adapters collect several and keep the most precise. */
export interface DateCandidate {
  date: Date;
  precision: DatePrecision;
}

/** Parse `text` as a date candidate (null when it holds none). */
export function dateCandidate(text: string | null | undefined, opts?: DateOptions): DateCandidate | null {
  if (!text) return null;
  const found = findVietnameseDate(text, opts);
  return found && { date: found.date, precision: found.precision };
}

const PRECISION_RANK: Record<DatePrecision, number> = { minute: 3, hour: 2, day: 1 };

/**
 * Most precise candidate; among equals, the first. A less precise one is kept only when no better one exists
 * (e.g. Bkav's hour-only date loses to the template's "03/12/2018 09:05" line).
 */
export function bestDate(cands: ReadonlyArray<DateCandidate | null>): Date | null {
  let best: DateCandidate | null = null;
  for (const c of cands) if (c && (!best || PRECISION_RANK[c.precision] > PRECISION_RANK[best.precision])) best = c;
  return best?.date ?? null;
}

/**
 * {@link bestDate} over candidates computed on demand: once a candidate is as precise as a date gets (to the
 * minute) no later one can win, so the rest are never read. Same result as computing them all.
 */
export function bestDateOf(sources: ReadonlyArray<() => DateCandidate | null>): Date | null {
  let best: DateCandidate | null = null;
  for (const source of sources) {
    const c = source();
    if (c && (!best || PRECISION_RANK[c.precision] > PRECISION_RANK[best.precision])) best = c;
    if (best && best.precision === 'minute') break;
  }
  return best?.date ?? null;
}

/** Absolute URLs of `a[href]` in `scope`, resolved against `base`, de-duplicated, in document order. */
export function linkUrls($: CheerioAPI, scope: Cheerio<AnyNode>, base: string): string[] {
  const seen = new Set<string>();
  for (const a of scope.toArray()) {
    const u = absoluteUrl($(a).attr('href'), base);
    if (u) seen.add(u);
  }
  return [...seen];
}

/** `<link rel=canonical>` or og:url when it is on the same host as `url` (a foreign one is a template error). */
export function declaredCanonical(page: Page, url: string): string | null {
  const href = attrOf(page.first('link[rel="canonical"]'), 'href') ?? metaContent(page, 'og:url') ?? undefined;
  const abs = absoluteUrl(href, url);
  return abs && new URL(abs).host === new URL(url).host ? abs : null;
}

/** De-duplicate while keeping order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Fields of a parsed article before the shared finishing rules. */
export interface ArticleDraft {
  canonicalUrl: string;
  title: string;
  publishedAt: Date | null;
  category: string | null;
  paragraphs: string[];
}

/**
 * Shared last step: the title is not repeated inside `text` (templates print it again above the body), a
 * paragraph repeated back-to-back (lead then body's first paragraph) is kept once, and everything is NFC.
 */
export function finishArticle(d: ArticleDraft): ParsedArticle {
  const title = normalizeInline(d.title).replace(/^null\s+/, '');
  const paras = cleanParagraphs(d.paragraphs).filter((p) => p !== title);
  return {
    canonicalUrl: d.canonicalUrl,
    title,
    publishedAt: d.publishedAt,
    category: d.category ? normalizeInline(d.category) || null : null,
    text: joinParagraphs(paras),
  };
}
