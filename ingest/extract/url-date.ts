/**
 * The date a page's address carries, for a page that shows none. Many newspapers and portals file an article under
 * its month or day: "/xa-hoi/201803/…" (Báo Bà Rịa - Vũng Tàu, Báo Đà Nẵng), "/News/ketquacongtac/2018/06/490.aspx",
 * "/portal/pages/2022-06-1/…" (the provincial SharePoint portals). Extraction reads such a page with that date rather
 * than none: "từ đầu năm đến nay" and an undated "năm nay" then have a year (d1104, d6761, d1557).
 *
 * Only the path is read, and only whole path segments: a year and month ("2018/06", "201803") or a year, month and day
 * ("2018/06/25", "2022-06-1"). Eight-digit runs inside slugs and ids ("…-20200519092523.htm") are left alone: they are
 * as often ids as dates. A month alone gives its first day.
 */

/** The years a page's address may name: older ones are ids. */
const EARLIEST_YEAR = 1995;

const PATTERNS: readonly RegExp[] = [
  // "/2018/06/", "/2018/06/25/"
  /(?:^|\/)((?:19|20)\d\d)\/(0[1-9]|1[0-2])(?:\/(0[1-9]|[12]\d|3[01]))?(?=\/)/,
  // "/201803/"
  /(?:^|\/)((?:19|20)\d\d)(0[1-9]|1[0-2])(?=\/)/,
  // "/2021-10-13/", "/2022-06-1/"
  /(?:^|\/)((?:19|20)\d\d)-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?=\/)/,
];

/**
 * The date in `url`'s path (noon, Vietnam time), or null when it names none or names one in the future of `now`.
 * Month precision gives the month's first day.
 */
export function dateFromUrl(url: string | null | undefined, now: Date = new Date()): Date | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const re of PATTERNS) {
    const m = re.exec(path);
    if (!m) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = m[3] ? Number(m[3]) : 1;
    if (year < EARLIEST_YEAR) continue;
    const date = new Date(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00+07:00`);
    // "31/02" and the like roll over: not a date.
    if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day || date.getTime() > now.getTime()) continue;
    return date;
  }
  return null;
}
