/**
 * Dates as Vietnamese portals print them (DOMAIN.md, portals.md §4), turned into instants. Pure.
 * Vietnam is UTC+7 with no daylight saving, so a wall-clock time without an offset is read as +07:00.
 *
 * Public surface: {@link parseVietnameseDate}, {@link findVietnameseDate}, {@link vietnamTime}, {@link DatePrecision}.
 */

/** How much of the instant the text gave: a time to the minute, only the hour (Bkav bug), or only the day. */
export type DatePrecision = 'minute' | 'hour' | 'day';

/** A parsed date with its precision and where it was found in the input. */
export interface FoundDate {
  date: Date;
  precision: DatePrecision;
  index: number;
  length: number;
}

/** Options for date parsing. */
export interface DateOptions {
  /** Anchors "(dd/MM)" dates that print no year: the latest such date not after reference + 1 day. */
  referenceDate?: Date;
  /**
   * Bkav portal-egov prints `HH:ss`, so the digits after the colon are seconds, not minutes: keep the hour only
   * and report precision 'hour' rather than invent a minute.
   */
  hourSecondBug?: boolean;
}

const VN_OFFSET_HOURS = 7;

/**
 * Month words, two-word names first so "mười một" is not read as "mười" (portals.md §4).
 * .NET vi-VN says "Tháng Giêng" for January; ICU says "tháng một"; one JS calendar says "Bốn" for April.
 */
const MONTH_WORDS: ReadonlyArray<[string, number]> = [
  ['mười một', 11], ['mười hai', 12], ['giêng', 1], ['một', 1], ['hai', 2], ['ba', 3], ['tư', 4], ['bốn', 4],
  ['năm', 5], ['sáu', 6], ['bảy', 7], ['bẩy', 7], ['tám', 8], ['chín', 9], ['mười', 10],
];
const MONTH_WORD_ALT = MONTH_WORDS.map(([w]) => w.replace(' ', '\\s+')).join('|');

/** Optional time "5:25:00 CH", "09:05", "14h30", with an optional 12-hour marker. */
const TIME = String.raw`(\d{1,2})\s*[:hg]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*(SA|CH|AM|PM|sáng|chiều|tối|trưa))?`;
const TIME_SEP = String.raw`(?:\s*[,|-]?\s*(?:lúc\s+)?)`;

interface Pattern {
  re: RegExp;
  build(m: RegExpExecArray, opts: DateOptions): Parts | null;
}
interface Parts {
  y: number;
  mo: number;
  d: number;
  h?: number;
  mi?: number;
  s?: number;
  ampm?: string;
  offsetMinutes?: number;
}

const PATTERNS: Pattern[] = [
  {
    // ISO 8601 as in time[datetime] and article:published_time; no offset means Vietnam time.
    re: /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/iu,
    build: (m) => ({ y: +m[1], mo: +m[2], d: +m[3], h: opt(m[4]), mi: opt(m[5]), s: opt(m[6]), offsetMinutes: isoOffset(m[7]) }),
  },
  {
    // .NET vi-VN "30 Tháng Mười Một 2018 5:25:00 CH", ICU "30 tháng 11 2018", "30 Thg 11, 2018",
    // and prose "ngày 07 tháng 5 năm 2021".
    re: new RegExp(String.raw`(\d{1,2})\s+(?:tháng|thg)\s+(${MONTH_WORD_ALT}|\d{1,2})\s*,?\s+(?:năm\s+)?(\d{4})(?:${TIME_SEP}${TIME})?`, 'iu'),
    build: (m) => ({ d: +m[1], mo: monthOf(m[2]), y: +m[3], h: opt(m[4]), mi: opt(m[5]), s: opt(m[6]), ampm: m[7] }),
  },
  {
    // "09:05 03/12/2018" (time first, as some listing templates print it).
    re: new RegExp(String.raw`(?<![\d/])${TIME}\s*[,|-]?\s*(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])`, 'iu'),
    build: (m) => ({ h: +m[1], mi: +m[2], s: opt(m[3]), ampm: m[4], d: +m[5], mo: +m[6], y: +m[7] }),
  },
  {
    // dd/MM/yyyy, d/MM/yyyy (VCMS), dd-MM-yyyy (Bkav listing), dd.MM.yyyy (WordPress setting), with optional time.
    re: new RegExp(String.raw`(?<![\d/])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])(?:${TIME_SEP}${TIME})?`, 'iu'),
    build: (m) => ({ d: +m[1], mo: +m[3], y: +m[4], h: opt(m[5]), mi: opt(m[6]), s: opt(m[7]), ampm: m[8] }),
  },
  {
    // "(dd/MM)" in related lists: no year, inferred from the reference date.
    re: /\((\d{1,2})\/(\d{1,2})\)/u,
    build: (m, opts) => (opts.referenceDate ? inferYear(+m[1], +m[2], opts.referenceDate) : null),
  },
];

function opt(v: string | undefined): number | undefined {
  return v === undefined ? undefined : Number(v);
}

function isoOffset(tz: string | undefined): number | undefined {
  if (!tz) return undefined;
  if (tz.toUpperCase() === 'Z') return 0;
  const m = /([+-])(\d{2}):?(\d{2})/.exec(tz);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function monthOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  return MONTH_WORDS.find(([name]) => name === w)?.[1] ?? 0;
}

function inferYear(d: number, mo: number, ref: Date): Parts {
  const refVn = new Date(ref.getTime() + VN_OFFSET_HOURS * 3_600_000);
  let y = refVn.getUTCFullYear();
  // A "(dd/MM)" later than the reference (plus a day of slack) belongs to the previous year.
  if (Date.UTC(y, mo - 1, d) > refVn.getTime() + 86_400_000) y -= 1;
  return { y, mo, d };
}

/** Wall-clock time in Vietnam (UTC+7) → instant. Returns null for impossible dates (31/02, 25:00). */
export function vietnamTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 || y < 1900 || y > 2200) return null;
  const utc = Date.UTC(y, mo - 1, d, h - VN_OFFSET_HOURS, mi, s);
  const check = new Date(utc + VN_OFFSET_HOURS * 3_600_000);
  return check.getUTCDate() === d && check.getUTCMonth() === mo - 1 ? new Date(utc) : null;
}

function to24h(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = /^(ch|pm|chiều|tối)$/iu.test(ampm);
  if (h === 12) return pm || /^trưa$/iu.test(ampm) ? 12 : 0; // "12:05:00 SA" is just after midnight
  return pm ? h + 12 : h;
}

function toFound(p: Parts, opts: DateOptions): { date: Date; precision: DatePrecision } | null {
  if (p.offsetMinutes !== undefined && p.h !== undefined) {
    const utc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi ?? 0, p.s ?? 0) - p.offsetMinutes * 60_000;
    return { date: new Date(utc), precision: 'minute' };
  }
  if (p.h === undefined) {
    const date = vietnamTime(p.y, p.mo, p.d);
    return date && { date, precision: 'day' };
  }
  const h = to24h(p.h, p.ampm);
  if (opts.hourSecondBug) {
    const date = vietnamTime(p.y, p.mo, p.d, h);
    return date && { date, precision: 'hour' };
  }
  const date = vietnamTime(p.y, p.mo, p.d, h, p.mi ?? 0, p.s ?? 0);
  return date && { date, precision: 'minute' };
}

/**
 * Earliest date anywhere in `text` (weekday prefixes, "ngày", "lúc", "|", "GMT +7" are tolerated around it),
 * or null. When two patterns match at the same place, the more specific (earlier in the table) wins.
 */
export function findVietnameseDate(text: string, opts: DateOptions = {}): FoundDate | null {
  const input = text.normalize('NFC');
  let best: FoundDate | null = null;
  for (const pattern of PATTERNS) {
    const m = pattern.re.exec(input);
    if (!m || (best && best.index <= m.index)) continue;
    const parts = pattern.build(m, opts);
    const found = parts && toFound(parts, opts);
    if (found) best = { ...found, index: m.index, length: m[0].length };
  }
  return best;
}

/** Parse a date string in any supported form; null when none is found. */
export function parseVietnameseDate(text: string, opts: DateOptions = {}): Date | null {
  return findVietnameseDate(text, opts)?.date ?? null;
}
