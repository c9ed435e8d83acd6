/**
 * Element → clean article text, shared by every adapter. Block elements become paragraph breaks; page furniture
 * that leaks into bodies on real portals (visitor counters, view counts, related-news lists, comment forms, share
 * bars, the demo mirror's sample-data banner, template-repeated paragraphs, TCVN3 mojibake) is removed or repaired.
 *
 * Public surface: {@link extractParagraphs}, {@link cleanParagraphs}, {@link joinParagraphs}, {@link normalizeInline},
 * {@link dropRepeatedParagraphs}, {@link PortalLogger}.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isTcvn3FontName, looksLikeTcvn3, tcvn3ToUnicode } from './tcvn3';
import { RELATED_HEADING_RE, isTextNoise, isRelatedItem, isSampleBanner } from './noise';

/** Minimal logger the adapters accept (pino-compatible). */
export interface PortalLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** Elements that never hold article text. Forms are handled separately: ASP.NET wraps whole pages in one. */
const ALWAYS_NOISE =
  'script, style, noscript, template, iframe, object, embed, svg, canvas, select, button, input, textarea, nav, ' +
  '.cchc-sample-banner, [hidden], [style*="display:none"], [style*="display: none"], ' +
  '#respond, #comments, .comment-respond, .comments-area, #commentform';

const BLOCK_TAGS = new Set(
  ('address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 header hgroup hr li main ol p pre section summary table tbody thead tfoot tr td th ul')
    .split(' '),
);
/** Descendants that make a table cell a layout cell (SharePoint lays whole pages out in tables). */
const LAYOUT_CELL_CONTENT = 'table, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, section, article';
/** A form with less paragraph text than this is a search or comment form, not a page-wide ASP.NET form. */
const FORM_MAX_TEXT_CHARS = 500;
/** Counters render one element per digit; four digits in a row is already not prose. */
const COUNTER_MIN_DIGITS = 4;
const ZERO_WIDTH_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** NFC, drop zero-width characters and soft hyphens, collapse all whitespace (incl. &nbsp;) to single spaces. */
export function normalizeInline(s: string): string {
  return s.normalize('NFC').replace(ZERO_WIDTH_RE, '').replace(/\s+/g, ' ').trim();
}

/** Paragraphs → the `text` form of ParsedArticle: blank-line separated, NFC, trimmed. */
export function joinParagraphs(paras: string[]): string {
  return paras.join('\n\n').trim();
}

/** Drop a paragraph that repeats the previous one verbatim (Liferay templates repeat the lead). */
export function dropRepeatedParagraphs(paras: string[]): string[] {
  return paras.filter((p, i) => i === 0 || p !== paras[i - 1]);
}

/** Text-level filters over already-split paragraphs; safe to call twice. */
export function cleanParagraphs(input: string[]): string[] {
  const out: string[] = [];
  let inRelated = false;
  for (const raw of input) {
    const p = normalizeInline(raw).replace(/^null\s+/, '');
    if (!p || p === 'null' || isSampleBanner(p)) continue;
    if (RELATED_HEADING_RE.test(p)) {
      inRelated = true;
      continue;
    }
    if (inRelated && isRelatedItem(p)) continue;
    inRelated = false;
    if (isTextNoise(p)) continue;
    out.push(p);
  }
  return dropRepeatedParagraphs(dropDigitRuns(out));
}

/** Drop runs of single-digit paragraphs (a counter flattened to one digit per line). */
function dropDigitRuns(paras: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paras.length; ) {
    let j = i;
    while (j < paras.length && /^\d$/.test(paras[j])) j++;
    if (j - i >= COUNTER_MIN_DIGITS) {
      i = j;
      continue;
    }
    const end = Math.max(j, i + 1);
    out.push(...paras.slice(i, end));
    i = end;
  }
  return out;
}

/**
 * Clean paragraphs of `root` (which is not modified: a clone is cleaned). `noiseSelectors` adds the adapter's
 * family-specific furniture to the common list.
 */
export function extractParagraphs(
  $: CheerioAPI,
  root: Cheerio<AnyNode>,
  noiseSelectors: readonly string[] = [],
  logger?: PortalLogger,
): string[] {
  const el = root.first().clone();
  el.find([ALWAYS_NOISE, ...noiseSelectors].join(', ')).remove();
  el.find('form').each((_, f) => {
    if ($(f).find('p').text().length < FORM_MAX_TEXT_CHARS) $(f).remove();
  });
  repairTcvn3($, el, logger);
  removeDigitCounters($, el);
  removeRelatedBlocks($, el);
  const acc: Acc = { paras: [], cur: '' };
  for (const node of el.toArray()) walk($, node, acc);
  flush(acc);
  return cleanParagraphs(acc.paras);
}

interface Acc {
  paras: string[];
  cur: string;
}

function flush(acc: Acc): void {
  if (acc.cur.trim()) acc.paras.push(acc.cur);
  acc.cur = '';
}

function walk($: CheerioAPI, node: AnyNode, acc: Acc): void {
  if (node.type === 'text') {
    acc.cur += node.data;
    return;
  }
  if (node.type !== 'tag') return; // comments, scripts, styles, directives
  const name = node.name.toLowerCase();
  if (name === 'br' || name === 'hr') return flush(acc);
  if (name === 'tr' && isDataRow($, node)) {
    flush(acc);
    acc.cur = $(node)
      .children('td, th')
      .toArray()
      .map((c) => normalizeInline($(c).text()))
      .filter(Boolean)
      .join(' | ');
    return flush(acc);
  }
  const block = BLOCK_TAGS.has(name);
  if (block) flush(acc);
  for (const child of node.children) walk($, child, acc);
  if (block) flush(acc);
}

/** A table row whose cells hold only inline text: keep the row on one line so a label stays next to its figure. */
function isDataRow($: CheerioAPI, tr: Element): boolean {
  const cells = $(tr).children('td, th');
  return cells.length >= 2 && cells.find(LAYOUT_CELL_CONTENT).length === 0;
}

/** Convert text in `.VnTime`-style font elements from TCVN3 mojibake to Unicode. */
function repairTcvn3($: CheerioAPI, el: Cheerio<AnyNode>, logger?: PortalLogger): void {
  el.find('[style], font[face]').each((_, node) => {
    const $n = $(node);
    const font = `${$n.attr('face') ?? ''} ${/font-family\s*:\s*([^;]+)/i.exec($n.attr('style') ?? '')?.[1] ?? ''}`;
    if (!isTcvn3FontName(font) || !looksLikeTcvn3($n.text())) return;
    $n.find('*')
      .addBack()
      .contents()
      .each((__, t) => {
        if (t.type === 'text') t.data = tcvn3ToUnicode(t.data, font);
      });
    logger?.debug({ font: font.trim() }, 'converted TCVN3 text');
  });
}

/** Remove containers whose children are one digit each (visitor counters), with their label. */
function removeDigitCounters($: CheerioAPI, el: Cheerio<AnyNode>): void {
  el.find('*').each((_, node) => {
    const kids = $(node).children();
    if (kids.length < COUNTER_MIN_DIGITS) return;
    if (kids.toArray().every((k) => /^\d$/.test($(k).text().trim()))) $(node).remove();
  });
}

/** Remove "TIN MỚI HƠN" / "BÀI VIẾT LIÊN QUAN"-style headings and the link lists after them. */
function removeRelatedBlocks($: CheerioAPI, el: Cheerio<AnyNode>): void {
  el.find('h1, h2, h3, h4, h5, h6, span, div, p, strong, b, a, td, li').each((_, node) => {
    let heading = $(node);
    if (!RELATED_HEADING_RE.test(normalizeInline(heading.text()))) return;
    // Climb while the parent holds nothing but related headings (tagDiv puts two tabs in one h4).
    while (heading.parent().length && isOnlyHeadings($, heading.parent())) heading = heading.parent();
    let next = heading.next();
    while (next.length && isLinkList($, next)) {
      const after = next.next();
      next.remove();
      next = after;
    }
    heading.remove();
  });
}

function isOnlyHeadings($: CheerioAPI, el: Cheerio<AnyNode>): boolean {
  const parts = el.children().toArray().map((c) => normalizeInline($(c).text()));
  const own = normalizeInline(el.contents().filter((_, c) => c.type === 'text').text());
  return !own && parts.length > 0 && parts.every((t) => !t || RELATED_HEADING_RE.test(t));
}

function isLinkList($: CheerioAPI, el: Cheerio<AnyNode>): boolean {
  const text = normalizeInline(el.text());
  if (!text) return true;
  const linkText = normalizeInline(el.find('a').text());
  return linkText.length / text.length >= 0.5 || isRelatedItem(text);
}
