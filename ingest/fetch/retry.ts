/**
 * Retry timing: exponential backoff with full jitter, and Retry-After parsing. Pure.
 * Public surface: {@link backoffDelayMillis}, {@link parseRetryAfterMillis}.
 */

/**
 * Delay before retry number `retry` (1 = first retry): uniform in [0, min(cap, base·2^(retry-1))] ("full jitter"),
 * so many crawlers retrying one overloaded portal spread out instead of arriving together.
 */
export function backoffDelayMillis(retry: number, baseMillis: number, capMillis: number, random: () => number): number {
  const ceiling = Math.min(capMillis, baseMillis * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as milliseconds from `nowMillis`: delta-seconds or an HTTP date; null when absent or unparsable. */
export function parseRetryAfterMillis(value: string | null | undefined, nowMillis: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMillis);
}
