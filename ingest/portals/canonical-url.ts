/**
 * Canonical URLs, so that one article reached under several URLs is stored once (portals.md §3 "Tips", §9.8). Pure.
 *
 * Public surface: {@link canonicalUrl}, {@link canonicalSharePointUrl}, {@link sharePointQuery},
 * {@link canonicalLiferayUrl}, {@link liferayListingUrl}, {@link absoluteUrl}.
 */

/** Query parameters that only track or decorate a visit. */
const TRACKING_PARAM_RE = /^(utm_[a-z]+|fbclid|gclid|zarsrc|_ga|replytocom|amp)$/i;

/**
 * Liferay parameters that do not identify content: the back-link (`redirect`), the per-session auth token
 * (`p_p_auth`), portlet lifecycle and window state, listing position (`_cur`, `_delta`, search form state) and Sở Tư pháp's
 * "view by date" flag. Namespaced forms (`_101_INSTANCE_x_redirect`) are matched by suffix.
 */
const LIFERAY_DROP_RE =
  /^(redirect|p_p_auth|p_p_lifecycle|p_p_state|p_p_mode|p_p_col_id|p_p_col_pos|p_p_col_count|enableXemTheoNgay)$|_(redirect|cur|delta|keywords|advancedSearch|andOperator|backURL)$/i;

/** Resolve `href` against `base`; null for javascript:, mailto:, fragments-only and unparsable hrefs. */
export function absoluteUrl(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || /^(javascript|mailto|tel|data):/i.test(trimmed) || trimmed.startsWith('#')) return null;
  try {
    const u = new URL(trimmed, base);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** Generic canonical form: lower-case host, no fragment, no `;jsessionid=`, no tracking parameters. */
export function canonicalUrl(url: string): string {
  const u = new URL(url.replace(/;jsessionid=[^?#/]*/i, ''));
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAM_RE.test(key)) u.searchParams.delete(key);
  return u.href;
}

/** Encode a SharePoint query value the way the portals' own links do: UTF-8 percent-encoding with '+' for spaces. */
function encodeSharePointValue(v: string): string {
  return encodeURIComponent(v).replace(/%20/g, '+');
}

/**
 * The query of a SharePoint Posts URL in canonical order: Source, Category, ItemID (articles) or Page (listings),
 * Mode. Also used by the demo renderers so mirror links and canonical URLs agree.
 */
export function sharePointQuery(q: { source: string; category: string; itemId?: number; page?: number; mode: 1 | 2 }): string {
  const parts = [`Source=${encodeSharePointValue(q.source)}`, `Category=${encodeSharePointValue(q.category)}`];
  if (q.itemId !== undefined) parts.push(`ItemID=${q.itemId}`);
  parts.push(`Mode=${q.mode}`);
  if (q.page !== undefined && q.page > 1) parts.push(`Page=${q.page}`);
  return `?${parts.join('&')}`;
}

/**
 * SharePoint Posts article URL: lower-case path (`Lists/Posts` and `lists/posts` are one list), parameters
 * decoded and re-encoded in a fixed order, anything else dropped. Query values keep their case because
 * `Category` holds the Vietnamese category name.
 */
export function canonicalSharePointUrl(url: string): string {
  const u = new URL(canonicalUrl(url));
  const get = (name: string): string | null => {
    for (const [k, v] of u.searchParams) if (k.toLowerCase() === name.toLowerCase()) return v;
    return null;
  };
  const itemId = get('ItemID');
  const mode = get('Mode') === '2' || !itemId ? 2 : 1;
  const page = Number(get('Page') ?? '1');
  const query = sharePointQuery({
    source: (get('Source') ?? '').normalize('NFC'),
    category: (get('Category') ?? '').normalize('NFC'),
    itemId: itemId && /^\d+$/.test(itemId) ? Number(itemId) : undefined,
    page: mode === 2 && page > 1 ? page : undefined,
    mode,
  });
  return `${u.origin}${u.pathname.toLowerCase()}${query}`;
}

/**
 * Liferay article URL without navigation state. Friendly URLs (`/-/asset_publisher/<id>/content/<slug>`) keep
 * no query at all; non-friendly ones keep the identifying parameters (p_p_id, struts_action, assetEntryId, type,
 * urlTitle…) sorted, so parameter order does not create duplicates.
 */
export function canonicalLiferayUrl(url: string): string {
  const u = new URL(canonicalUrl(url));
  if (/\/-\/asset_publisher\/[^/]+\/content\//.test(u.pathname)) {
    u.search = '';
    return u.href;
  }
  const kept = [...u.searchParams].filter(([k]) => !LIFERAY_DROP_RE.test(k));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  return u.href;
}

/** Drop only the session-bound Liferay parameters (for listing URLs, where `_cur` must stay). */
export function liferayListingUrl(url: string): string {
  const u = new URL(canonicalUrl(url));
  for (const key of [...u.searchParams.keys()]) if (/^(p_p_auth|redirect)$/i.test(key)) u.searchParams.delete(key);
  return u.href;
}
