/**
 * Data tables of an article page, with their structure kept (cells, colspan / rowspan, `<th>`, caption, the heading
 * above, notes below) for the table reader (ingest/tables). Additive to the adapters: the prose text they return is
 * unchanged, this reads the same page's tables next to it.
 *
 * Which tables: the innermost `<table>`s inside the family's article body (SharePoint rich-text fields, Liferay
 * journal content, WordPress post content; the generic family uses `article`/`main` or the whole page without
 * navigation), with at least two rows of at least two cells. Layout tables that hold other tables are skipped, and
 * so are tables in navigation, headers, footers, forms and asides.
 *
 * Public surface: {@link articleTables}, {@link tablesFromHtml}, {@link MAX_TABLES_PER_PAGE}.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { RawCell, RawTable } from '../tables/grid';
import { adapterFor } from './index';

/** More tables than this on one page is not a report: the rest are ignored (bounded work). */
export const MAX_TABLES_PER_PAGE = 50;

const BODY_SCOPES: Readonly<Record<string, string>> = {
  'hcmc-sharepoint': '#part1 [class*="ExternalClass"]',
  liferay: '.asset-full-content .journal-content-article, .asset-full-content .asset-content, .journal-content-article',
  'wordpress-newspaper': '.tdb_single_content .tdb-block-inner, div.td-post-content, .tdb_single_content',
  generic: 'article, main, [role="main"], .article-content, .post-content, #content, .content',
};

const OUTSIDE = 'nav, header, footer, form, aside, script, style, noscript, [class*="related"], [class*="Related"], [class*="menu"], [class*="Menu"]';
const CAPTION_RE = /^\s*(?:bảng|biểu|phụ lục)\s*(?:số\s*)?[0-9ivx]*\b/i;
const NOTE_RE = /^\s*(?:ghi chú|chú thích|nguồn|lưu ý|\(\*+\)|\*)/i;
const NEAR_TEXT_MAX = 300;

/**
 * Whether `el` sits in navigation, a header, a form… between itself and `root` (furniture around the root does not
 * count: SharePoint wraps the whole page, article included, in a form).
 */
function insideFurniture($: CheerioAPI, el: Element, root: Element): boolean {
  const hit = $(el).closest(OUTSIDE)[0];
  return hit !== undefined && hit !== root && $.contains(root, hit);
}

function text($: CheerioAPI, el: Element): string {
  return $(el).text().normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The closest element before `el` with text (climbing out of wrappers such as `<figure>` or `<div>`). */
function previousText($: CheerioAPI, el: Element, depth = 0): string | null {
  let prev = $(el).prev();
  while (prev.length) {
    const t = prev.text().normalize('NFC').replace(/\s+/g, ' ').trim();
    if (t && !prev.is('table')) return t.length <= NEAR_TEXT_MAX ? t : t.slice(-NEAR_TEXT_MAX);
    if (prev.is('table')) return null;
    prev = prev.prev();
  }
  const parent = el.parent as Element | null;
  return parent && parent.type === 'tag' && depth < 2 && !/^(?:body|html)$/i.test(parent.name) ? previousText($, parent, depth + 1) : null;
}

function followingNotes($: CheerioAPI, el: Element): string[] {
  const notes: string[] = [];
  let next = $(el).next();
  while (next.length && notes.length < 5) {
    const t = next.text().normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!t) {
      next = next.next();
      continue;
    }
    if (!NOTE_RE.test(t)) break;
    notes.push(t.slice(0, NEAR_TEXT_MAX));
    next = next.next();
  }
  return notes;
}

function rowsOf($: CheerioAPI, table: Element): RawCell[][] {
  const rows: RawCell[][] = [];
  // Rows of this table only (not of a nested one), in document order across thead / tbody / tfoot.
  $(table).find('tr').each((_, tr) => {
    if ($(tr).closest('table')[0] !== table) return;
    const cells: RawCell[] = [];
    $(tr).children('td, th').each((__, td) => {
      const el = td as Element;
      cells.push({
        text: $(el).text(),
        colspan: Number($(el).attr('colspan')) || 1,
        rowspan: Number($(el).attr('rowspan')) || 1,
        header: el.name === 'th' || $(el).closest('thead').length > 0,
      });
    });
    if (cells.length) rows.push(cells);
  });
  return rows;
}

/** Tables in `scope` (a cheerio selection root), as the reader wants them. */
function tablesIn($: CheerioAPI, roots: Element[]): RawTable[] {
  const out: RawTable[] = [];
  const seen = new Set<Element>();
  for (const root of roots) {
    const tables = $(root).is('table') ? [root, ...$(root).find('table').toArray()] : $(root).find('table').toArray();
    for (const t of tables as Element[]) {
      if (out.length >= MAX_TABLES_PER_PAGE) return out;
      if (seen.has(t)) continue;
      seen.add(t);
      if ($(t).find('table').length > 0 || insideFurniture($, t, root)) continue;
      const rows = rowsOf($, t);
      if (rows.filter((r) => r.length >= 2).length < 2) continue;
      const cap = $(t).children('caption').first();
      const before = previousText($, t);
      const caption = cap.length ? text($, cap[0] as Element) : before && CAPTION_RE.test(before) ? before : null;
      out.push({ rows, caption: caption || null, heading: before, notes: followingNotes($, t), page: null });
    }
  }
  return out;
}

/** Data tables of a whole HTML document or fragment (a DOCX converted to HTML, an attachment page). */
export function tablesFromHtml(html: string): RawTable[] {
  const $ = loadFast(html);
  return tablesIn($, $.root().children().toArray() as Element[]);
}

/** htmlparser2 tree builder: about twice as fast as parse5, and tables need no HTML5 error recovery. */
function loadFast(html: string): CheerioAPI {
  return cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/** The article body elements of a page for its family (outermost matches), or `<body>`. */
function bodyRoots($: CheerioAPI, html: string, url: string, family?: string | null): Element[] {
  const id = adapterFor(url, html, family).id;
  let roots = $(BODY_SCOPES[id] ?? BODY_SCOPES.generic).toArray() as Element[];
  // Outermost matches only: nested rich-text wrappers would list the same tables twice.
  roots = roots.filter((r) => !roots.some((o) => o !== r && $.contains(o, r)));
  if (roots.length === 0) roots = $('body').toArray() as Element[];
  if (roots.length === 0) roots = $.root().children().toArray() as Element[];
  return roots;
}

/** Data tables of an article page's body, for the family that parses it (the same pick as `parseArticlePage`). */
export function articleTables(html: string, url: string, family?: string | null): RawTable[] {
  const $ = loadFast(html);
  return tablesIn($, bodyRoots($, html, url, family));
}

/** Tables and attachment links of an article page, from one parse of it. */
export function articleTablesAndLinks(html: string, url: string, family?: string | null): { tables: RawTable[]; links: AttachmentLink[] } {
  const $ = loadFast(html);
  const roots = bodyRoots($, html, url, family);
  return { tables: tablesIn($, roots), links: linksIn($, roots, url) };
}

/** A link from an article to an attached report. */
export interface AttachmentLink {
  url: string;
  /** The link's text, or the file name. */
  title: string;
}

const REPORT_LINK_RE = /\.(?:pdf|docx?|xlsx?)(?:$|[?&#])/i;
/** At most this many attachments are read per article (bounded work per item). */
export const MAX_ATTACHMENTS_PER_ARTICLE = 10;

/**
 * Links to attached reports (.pdf, .doc, .docx, .xls, .xlsx — also behind download handlers whose query names the
 * file) in the article body, absolute, de-duplicated, in document order.
 */
export function articleAttachmentLinks(html: string, url: string, family?: string | null): AttachmentLink[] {
  const $ = loadFast(html);
  return linksIn($, bodyRoots($, html, url, family), url);
}

function linksIn($: CheerioAPI, roots: Element[], url: string): AttachmentLink[] {
  const out: AttachmentLink[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for (const a of $(root).find('a[href]').toArray()) {
      const href = $(a).attr('href') ?? '';
      let abs: URL;
      try {
        abs = new URL(href, url);
      } catch {
        continue;
      }
      if (!/^https?:$/.test(abs.protocol) || !REPORT_LINK_RE.test(decodeURIComponent(`${abs.pathname}?${abs.search}`.replace(/%(?![0-9a-f]{2})/gi, '%25')))) continue;
      abs.hash = '';
      if (seen.has(abs.href) || insideFurniture($, a as Element, root)) continue;
      seen.add(abs.href);
      const title = $(a).text().normalize('NFC').replace(/\s+/g, ' ').trim() || decodeURIComponent(abs.pathname.split('/').pop() ?? abs.href);
      out.push({ url: abs.href, title: title.slice(0, 300) });
      if (out.length >= MAX_ATTACHMENTS_PER_ARTICLE) return out;
    }
  }
  return out;
}
