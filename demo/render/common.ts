/**
 * Helpers shared by the demo renderers: escaping, the sample-data banner, Vietnamese date formats as the portal
 * families print them, and deterministic "noise" numbers (counters, view counts) so pages are stable across runs.
 * Public surface: every export (used by demo/render/* only).
 */
import type { DemoArticle, DemoSite } from '../types';

/** Text of the banner every mirror page shows (the adapters drop it from article text). */
export const SAMPLE_BANNER_TEXT = 'DỮ LIỆU MẪU – Trang mô phỏng phục vụ thử nghiệm cchc-atlas (sample data)';

/** What a renderer needs besides the content. */
export interface RenderContext {
  /** Mirror origin without a trailing slash, e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Other articles of the site, for the related-news blocks (optional; noise only). */
  related?: DemoArticle[];
  /** Force a markup variant (Liferay: 'stock' | 'bkav'; WordPress: 'classic' | 'tdb'); default depends on site id. */
  variant?: string;
}

/** Renders one portal family's pages and knows its URL patterns. */
export interface FamilyRenderer {
  /** Path (with query) of an article on the mirror, starting with `/<site.id>/`. */
  articlePath(site: DemoSite, article: DemoArticle): string;
  /** Path (with query) of listing page `page` (1-based) on the mirror. */
  listingPath(site: DemoSite, page: number): string;
  /** Full HTML document of an article page. */
  renderArticle(site: DemoSite, article: DemoArticle, ctx: RenderContext): string;
  /** Full HTML document of listing page `page` of `pageCount`, showing `articles` (that page's items). */
  renderListing(site: DemoSite, articles: DemoArticle[], page: number, pageCount: number, ctx: RenderContext): string;
}

/** Escape text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The visible sample-data banner, outside any article body. */
export function sampleBanner(): string {
  return (
    '<div class="cchc-sample-banner" role="note" style="background:#fff3cd;color:#664d03;border:2px dashed #b58105;' +
    `padding:8px 12px;margin:0 0 8px;font:bold 15px sans-serif;text-align:center">${esc(SAMPLE_BANNER_TEXT)}</div>`
  );
}

/** ASCII slug ("Cải cách hành chính" → "cai-cach-hanh-chinh"). */
export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Stable 32-bit hash (FNV-1a) for deterministic noise. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Deterministic integer in [min, max] derived from `seed`. */
export function seeded(seed: string, min: number, max: number): number {
  return min + (hash(seed) % (max - min + 1));
}

/** Deterministic id of `length` chars from [A-Za-z0-9] (Liferay instance ids, SharePoint GUIDs use hex). */
export function seededId(seed: string, length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += alphabet[hash(`${seed}#${i}`) % alphabet.length];
  return out;
}

/** Wall-clock parts in Vietnam (UTC+7) of an ISO instant. */
export interface VnParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  weekday: number;
}

/** Vietnam wall-clock parts of an ISO 8601 instant ("2018-11-30T17:25:00+07:00"). */
export function vnParts(iso: string): VnParts {
  const t = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return {
    y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(),
    h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds(), weekday: t.getUTCDay(),
  };
}

/** Two-digit zero padding. */
const pad = (n: number): string => String(n).padStart(2, '0');

/** "30/11/2018". */
export function ddmmyyyy(p: VnParts, sep = '/'): string {
  return `${pad(p.d)}${sep}${pad(p.mo)}${sep}${p.y}`;
}

/** "09:05". */
export function hhmm(p: VnParts): string {
  return `${pad(p.h)}:${pad(p.mi)}`;
}

const DOTNET_MONTHS = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười Một', 'Mười Hai'];

/** .NET vi-VN `dd MMMM yyyy h:mm:ss tt`: "30 Tháng Mười Một 2018 5:25:00 CH". */
export function dotnetViDate(p: VnParts): string {
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12;
  return `${pad(p.d)} Tháng ${DOTNET_MONTHS[p.mo - 1]} ${p.y} ${h12}:${pad(p.mi)}:${pad(p.s)} ${p.h < 12 ? 'SA' : 'CH'}`;
}

/** Vietnamese weekday names; Bkav's array spells Saturday "Thứ Bẩy". */
export const VN_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bẩy'];
/** English weekday abbreviations, as Bkav's hook prints them in assetPublishDate. */
export const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A counter rendered one element per digit, zero-padded to 8 (Vietsoftware/SharePoint counters). */
export function digitCounter(seed: string, itemTag = 'li'): string {
  const digits = String(seeded(seed, 1_000_000, 39_999_999)).padStart(8, '0');
  return [...digits].map((d) => `<${itemTag}><span>${d}</span></${itemTag}>`).join('');
}

/** Body paragraphs as HTML, escaped. */
export function paragraphsHtml(paras: string[], attrs = ''): string {
  return paras.map((p) => `<p${attrs}>${esc(p)}</p>`).join('\n');
}

/**
 * Report tables and attachment links of a sample report article, printed after its paragraphs (SAMPLE DATA).
 * Attachments are served by the mirror at /<site>/attachments/<file>.
 */
export function reportExtrasHtml(a: DemoArticle): string {
  if (!a.tables?.length && !a.attachments?.length) return '';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { REPORT_TABLES } = require('../reports/data') as typeof import('../reports/data');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { tableToHtml } = require('../reports/formats') as typeof import('../reports/formats');
  const tables = (a.tables ?? []).map((k) => tableToHtml(REPORT_TABLES[k]));
  const links = (a.attachments ?? []).map((f) => `<p>Tải về: <a href="/${esc(a.siteId)}/attachments/${encodeURIComponent(f.file)}">${esc(f.title)}</a></p>`);
  return [...tables, ...links].join('\n');
}

/** Related articles other than `article` (at most `n`). */
export function relatedOf(article: DemoArticle | null, ctx: RenderContext, n = 4): DemoArticle[] {
  return (ctx.related ?? []).filter((a) => !article || a.slug !== article.slug).slice(0, n);
}

/** `<html>` wrapper pieces most families share. */
export function htmlHead(title: string, extra = ''): string {
  return `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n${extra}\n</head>`;
}
