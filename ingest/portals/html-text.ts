/**
 * Element → clean article text, shared by every adapter. Block elements become paragraph breaks; page furniture
 * that leaks into bodies on real portals (visitor counters, view counts, related-news lists, comment forms, share
 * bars, the demo mirror's sample-data banner, template-repeated paragraphs, TCVN3 mojibake) is removed or repaired.
 *
 * Public surface: {@link extractParagraphs}, {@link cleanParagraphs}, {@link joinParagraphs}, {@link normalizeInline},
 * {@link dropRepeatedParagraphs}, {@link PortalLogger}.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';
import { type VTree, attrOf, boundedQuery, compiledQuery, forEachDescendant, isElement, isRemoved, liveTagChildren, nextLiveElementSibling, textOf } from './dom';
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
/** Zero-width characters and every whitespace character but the plain space (what `\s` matches besides ' '). */
const SPECIAL_SPACE_RE = /[\t-\r\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/** NFC, drop zero-width characters and soft hyphens, collapse all whitespace (incl. &nbsp;) to single spaces. */
export function normalizeInline(s: string): string {
  const t = s.normalize('NFC');
  // Most text is already clean prose (single plain spaces, nothing invisible): the replacements would not change it.
  if (t.length === 0 || (t.charCodeAt(0) !== 0x20 && t.charCodeAt(t.length - 1) !== 0x20 && t.indexOf('  ') < 0 && !SPECIAL_SPACE_RE.test(t))) return t;
  return t.replace(ZERO_WIDTH_RE, '').replace(/\s+/g, ' ').trim();
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
 * Clean paragraphs of `root` (which is not modified). `noiseSelectors` adds the adapter's family-specific furniture
 * to the common list.
 */
export function extractParagraphs(
  $: CheerioAPI,
  root: Cheerio<AnyNode>,
  noiseSelectors: readonly string[] = [],
  logger?: PortalLogger,
): string[] {
  const first = root.toArray()[0];
  if (first && isElement(first)) return paragraphsOf(first, noiseSelectors, logger);
  // A text node walks to its own text; comments and documents to nothing.
  const data = first?.type === 'text' ? (first as Text).data : '';
  return cleanParagraphs(data.trim() ? [data] : []);
}

/**
 * The paragraphs of a cleaned copy of `root` — as if the subtree (minus `base.removed`, when given: the caller's
 * own virtual clone) were cloned, its furniture removed, TCVN3 repaired, counters and related lists dropped, and
 * the rest walked — computed on the original nodes without copying or modifying them.
 */
export function paragraphsOf(root: Element, noiseSelectors: readonly string[] = [], logger?: PortalLogger, base?: ReadonlySet<AnyNode>): string[] {
  const v: VTree = { root, removed: new Set(base ?? []), textOverride: new Map() };
  removeNoise(v, [ALWAYS_NOISE, ...noiseSelectors].join(', '));
  removeSmallForms(v);
  repairTcvn3(v, logger);
  removeDigitCounters(v);
  removeRelatedBlocks(v);
  const acc: Acc = { paras: [], cur: '' };
  walk(root, acc, v);
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

function walk(node: AnyNode, acc: Acc, v: VTree): void {
  if (node.type === 'text') {
    acc.cur += v.textOverride?.get(node as Text) ?? (node as Text).data;
    return;
  }
  if (node.type !== 'tag') return; // comments, scripts, styles, directives
  const el = node as Element;
  const name = el.name.toLowerCase();
  if (name === 'br' || name === 'hr') return flush(acc);
  if (name === 'tr') {
    const cells = dataRowCells(el, v);
    if (cells) {
      flush(acc);
      acc.cur = cells
        .map((c) => normalizeInline(textOf(c, v)))
        .filter(Boolean)
        .join(' | ');
      return flush(acc);
    }
  }
  const block = BLOCK_TAGS.has(name);
  if (block) flush(acc);
  for (const child of el.children) if (!v.removed.has(child)) walk(child, acc, v);
  if (block) flush(acc);
}

/** A table row whose cells hold only inline text: keep the row on one line so a label stays next to its figure. */
function dataRowCells(tr: Element, v: VTree): Element[] | null {
  const isCell = compiledQuery('td, th');
  const cells = liveTagChildren(tr, v).filter((c) => isCell(c));
  if (cells.length < 2) return null;
  const layout = compiledQuery(LAYOUT_CELL_CONTENT);
  for (const cell of cells) {
    let found = false;
    forEachDescendant(
      cell,
      v,
      (e) => {
        if (found) return false;
        if (layout(e)) found = true;
        return !found;
      },
      true,
    );
    if (found) return null;
  }
  return cells;
}

/** Page furniture by selector, matched in the clone before anything is removed (as `find(…).remove()` did). */
function removeNoise(v: VTree, selector: string): void {
  const matches = boundedQuery(selector);
  const hits: Element[] = [];
  forEachDescendant(v.root, v, (e) => {
    if (!matches(e, v)) return true;
    hits.push(e);
    return false; // everything below goes with it
  });
  for (const e of hits) v.removed.add(e);
}

/**
 * Forms with little paragraph text (search and comment forms) go; ASP.NET's page-wide form stays. Each form is
 * judged on the tree before any form was removed: an outer form precedes its inner ones in document order.
 */
function removeSmallForms(v: VTree): void {
  const isForm = boundedQuery('form');
  const forms: Element[] = [];
  forEachDescendant(v.root, v, (e) => {
    if (isForm(e, v)) forms.push(e);
  });
  for (const f of forms) {
    let chars = 0;
    forEachDescendant(
      f,
      v,
      (e) => {
        if (e.name === 'p') chars += textOf(e, v).length;
        return chars < FORM_MAX_TEXT_CHARS;
      },
      true,
    );
    if (chars < FORM_MAX_TEXT_CHARS) v.removed.add(f);
  }
}

/** Convert text in `.VnTime`-style font elements from TCVN3 mojibake to Unicode (into the tree's text overrides). */
function repairTcvn3(v: VTree, logger?: PortalLogger): void {
  const styled = boundedQuery('[style], font[face]');
  forEachDescendant(v.root, v, (n) => {
    // A TCVN3 font name contains ".vn" in the face or the style: without it, nothing below can convert (cheap test first).
    const attribs = n.attribs;
    if (!attribs || !(MAYBE_VN_FONT_RE.test(attribs.style ?? '') || MAYBE_VN_FONT_RE.test(attribs.face ?? ''))) return;
    if (!styled(n, v)) return;
    const font = `${attrOf(n, 'face') ?? ''} ${/font-family\s*:\s*([^;]+)/i.exec(attrOf(n, 'style') ?? '')?.[1] ?? ''}`;
    if (!isTcvn3FontName(font) || !looksLikeTcvn3(textOf(n, v))) return;
    const overrides = v.textOverride as Map<Text, string>;
    const convert = (owner: AnyNode): void => {
      for (const t of (owner as Element).children) {
        if (t.type === 'text' && !v.removed.has(t)) overrides.set(t as Text, tcvn3ToUnicode(overrides.get(t as Text) ?? (t as Text).data, font));
      }
    };
    convert(n);
    forEachDescendant(n, v, convert, n !== v.root);
    logger?.debug({ font: font.trim() }, 'converted TCVN3 text');
  });
}

/** Remove containers whose children are one digit each (visitor counters), with their label. */
function removeDigitCounters(v: VTree): void {
  const hits: Element[] = [];
  forEachDescendant(v.root, v, (node) => {
    // Count element children first (no allocation): most elements have fewer than a counter's digits.
    let kids = 0;
    for (const c of node.children) if (isElement(c) && !v.removed.has(c)) kids++;
    if (kids >= COUNTER_MIN_DIGITS && liveTagChildren(node, v).every((k) => isOneDigit(k, v))) {
      hits.push(node);
      return false;
    }
    return true;
  });
  for (const e of hits) v.removed.add(e);
}

/** `/^\d$/.test($(k).text().trim())`, without building the text of a large element. */
function isOneDigit(el: Element, v: VTree): boolean {
  let seen = '';
  let ok = true;
  const visit = (n: AnyNode): void => {
    for (const c of (n as Element).children) {
      if (!ok) return;
      if (v.removed.has(c)) continue;
      if (c.type === 'text') {
        const data = v.textOverride?.get(c as Text) ?? (c as Text).data;
        for (let i = 0; i < data.length && ok; i++) {
          const ch = data[i];
          if (/\s/.test(ch)) continue;
          if (seen) ok = false;
          else seen = ch;
        }
      } else if (c.type !== 'comment' && (c as Element).children) visit(c);
    }
  };
  visit(el);
  return ok && seen.length === 1 && seen >= '0' && seen <= '9';
}

/** Every name `isTcvn3FontName` accepts contains ".vn" (any case). */
const MAYBE_VN_FONT_RE = /\.vn/i;

/** Related-news headings are short: a text with more non-blank characters than this cannot be one. */
const HEADING_MAX_CHARS = 120;
const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6, span, div, p, strong, b, a, td, li';

/**
 * `normalizeInline` of the element's text, or null when the text is too long to be a related-news heading
 * (stops reading early, so large containers cost little).
 */
function shortText(el: AnyNode, v: VTree): string | null {
  let out = '';
  let solid = -1;
  let tooLong = false;
  const visit = (n: AnyNode): void => {
    for (const c of (n as Element).children) {
      if (tooLong) return;
      if (v.removed.has(c)) continue;
      if (c.type === 'text') {
        const data = v.textOverride?.get(c as Text) ?? (c as Text).data;
        out += data;
        // Only a text longer than the bound can have too many non-blank characters: count them from then on.
        if (out.length > HEADING_MAX_CHARS) {
          solid = solid < 0 ? solidChars(out) : solid + solidChars(data);
          if (solid > HEADING_MAX_CHARS) tooLong = true;
        }
      } else if (c.type !== 'comment' && (c as Element).children) visit(c);
    }
  };
  visit(el);
  return tooLong ? null : normalizeInline(out);
}

/** Characters that are neither whitespace (`\s`) nor zero-width (what `normalizeInline` keeps, before NFC). */
function solidChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) n++;
    else if (!isSpace(c) && !(c >= 0x200b && c <= 0x200d) && c !== 0x2060 && c !== 0xad) n++;
  }
  return n;
}

/** JavaScript's `\s` as a code test. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isHeadingText(t: string | null): boolean {
  return t !== null && RELATED_HEADING_RE.test(t);
}

/** Remove "TIN MỚI HƠN" / "BÀI VIẾT LIÊN QUAN"-style headings and the link lists after them. */
function removeRelatedBlocks(v: VTree): void {
  const isCandidate = boundedQuery(HEADING_SELECTOR);
  const candidates: Element[] = [];
  forEachDescendant(v.root, v, (e) => {
    if (isCandidate(e, v)) candidates.push(e);
  });
  for (const node of candidates) {
    // Removing earlier headings and lists changes parents and siblings, so each candidate sees the tree as it is now.
    if (isRemoved(node, v) || !isHeadingText(shortText(node, v))) continue;
    // Climb while the parent holds nothing but related headings (tagDiv puts two tabs in one h4).
    let heading: AnyNode = node;
    while (heading !== v.root && heading.parent && heading.parent.type !== 'root' && isOnlyHeadings(heading.parent, v)) heading = heading.parent;
    let next = nextLiveElementSibling(heading, v);
    while (next && isLinkList(next, v)) {
      const after = nextLiveElementSibling(next, v);
      v.removed.add(next);
      next = after;
    }
    // The clone's root cannot leave the clone: removing it changed nothing that was walked.
    if (heading !== v.root) v.removed.add(heading);
  }
}

function isOnlyHeadings(el: ParentNode, v: VTree): boolean {
  let own = '';
  for (const c of el.children) if (c.type === 'text' && !v.removed.has(c)) own += v.textOverride?.get(c as Text) ?? (c as Text).data;
  if (normalizeInline(own)) return false;
  const parts = liveTagChildren(el, v);
  return parts.length > 0 && parts.every((c) => {
    const t = shortText(c, v);
    return t === '' || isHeadingText(t);
  });
}

function isLinkList(el: Element, v: VTree): boolean {
  const text = normalizeInline(textOf(el, v));
  if (!text) return true;
  let links = '';
  const isLink = compiledQuery('a');
  forEachDescendant(
    el,
    v,
    (e) => {
      if (isLink(e)) links += textOf(e, v);
    },
    true,
  );
  const linkText = normalizeInline(links);
  return linkText.length / text.length >= 0.5 || isRelatedItem(text);
}
