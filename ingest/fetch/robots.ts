/**
 * robots.txt per origin, cached, for the product's user agent (RFC 9309 semantics):
 * - 2xx: parsed; `Crawl-delay` is returned as a minimum delay between requests.
 * - 4xx (404 included), too many redirects, oversized file: "unavailable" in the RFC's sense → allow all.
 * - 5xx, 429, network failure or timeout (after the fetcher's retries): "unreachable" → complete disallow. We cache
 *   that for `errorTtlMillis` only (default 10 min), so the host is skipped for this run, not forever; the next run
 *   asks again. Pages of the host fail with RobotsUnavailableError (skip).
 * Successful answers are cached for `ttlMillis` (RFC: at most 24 h).
 * Public surface: {@link RobotsCache}, {@link RobotsVerdict}, {@link RobotsLoader}.
 */
import robotsParser from 'robots-parser';
import { FetchError, RobotsUnavailableError, SkipItemError } from '../errors';
import type { Clock } from './clock';
import type { FetchLogger } from './types';

/** Fetches a robots.txt; resolves with the body of a 2xx, throws FetchError (unreachable) or SkipItemError (4xx…). */
export type RobotsLoader = (robotsUrl: string) => Promise<string>;

/** What robots.txt says about one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our user agent, in milliseconds, or null. */
  crawlDelayMillis: number | null;
}

type Rules = ReturnType<typeof robotsParser>;
interface Entry {
  expiresAt: number;
  rules: Rules | 'allow-all' | 'unreachable';
  cause?: unknown;
}

/** Per-origin robots.txt cache with in-flight de-duplication. */
export class RobotsCache {
  private readonly entries = new Map<string, Promise<Entry>>();

  constructor(
    private readonly opts: {
      userAgent: string;
      ttlMillis: number;
      errorTtlMillis: number;
      clock: Clock;
      loader: RobotsLoader;
      logger?: FetchLogger;
    },
  ) {}

  /** Verdict for `url`; throws RobotsUnavailableError while the origin's robots.txt is unreachable. */
  async check(url: string): Promise<RobotsVerdict> {
    const robotsUrl = new URL('/robots.txt', url).href;
    const entry = await this.entry(robotsUrl);
    if (entry.rules === 'unreachable') throw new RobotsUnavailableError(url, robotsUrl, { cause: entry.cause });
    if (entry.rules === 'allow-all') return { allowed: true, crawlDelayMillis: null };
    const delay = entry.rules.getCrawlDelay(this.opts.userAgent);
    return {
      // robots-parser answers undefined for a URL of another origin; ours never is, so treat it as allowed.
      allowed: entry.rules.isAllowed(url, this.opts.userAgent) !== false,
      crawlDelayMillis: typeof delay === 'number' && delay > 0 ? delay * 1000 : null,
    };
  }

  private entry(robotsUrl: string): Promise<Entry> {
    const now = this.opts.clock.now();
    const cached = this.entries.get(robotsUrl);
    if (cached) {
      return cached.then((e) => {
        if (e.expiresAt > this.opts.clock.now()) return e;
        if (this.entries.get(robotsUrl) === cached) this.entries.delete(robotsUrl);
        return this.entry(robotsUrl);
      });
    }
    const loading = this.load(robotsUrl, now);
    this.entries.set(robotsUrl, loading);
    return loading;
  }

  private async load(robotsUrl: string, now: number): Promise<Entry> {
    const ok = (rules: Entry['rules']): Entry => ({ rules, expiresAt: now + this.opts.ttlMillis });
    try {
      const body = await this.opts.loader(robotsUrl);
      this.opts.logger?.debug({ robotsUrl }, 'robots.txt loaded');
      return ok(robotsParser(robotsUrl, body));
    } catch (err: unknown) {
      if (err instanceof SkipItemError) return ok('allow-all');
      const reason = err instanceof FetchError ? err.message : String(err);
      this.opts.logger?.warn({ robotsUrl, reason }, 'robots.txt unreachable; host treated as disallowed for now');
      return { rules: 'unreachable', cause: err, expiresAt: now + this.opts.errorTtlMillis };
    }
  }
}
