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
      if ($(t).find('table').length > 0 || $(t).closest(OUTSIDE).length > 0) continue;
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
  const $ = cheerio.load(html);
  return tablesIn($, $.root().children().toArray() as Element[]);
}

/** Data tables of an article page's body, for the family that parses it (the same pick as `parseArticlePage`). */
export function articleTables(html: string, url: string, family?: string | null): RawTable[] {
  const $ = cheerio.load(html);
  const id = adapterFor(url, html, family).id;
  let roots = $(BODY_SCOPES[id] ?? BODY_SCOPES.generic).toArray() as Element[];
  // Outermost matches only: nested rich-text wrappers would list the same tables twice.
  roots = roots.filter((r) => !roots.some((o) => o !== r && $(r).parents().toArray().includes(o)));
  if (roots.length === 0) roots = $('body').toArray() as Element[];
  return tablesIn($, roots);
}
