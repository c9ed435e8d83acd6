/**
 * The real Fetcher: HTTP(S) to public addresses only (guarded-fetch.ts: each hop's address checked and pinned) with robots.txt, per-host politeness, bounded
 * redirects with loop detection, retries with backoff and Retry-After, conditional GET, and charset decoding.
 * Public surface: {@link HttpFetcher}.
 */
import type { FetchedPage } from '../types';
import {
  CriticalIngestError, FetchError, RedirectLoopError, RobotsDisallowedError, TooManyRedirectsError,
} from '../errors';
import { decodeBody } from './charset';
import { type Clock, systemClock } from './clock';
import { guardedFetch } from './guarded-fetch';
import { HostGate } from './host-gate';
import { type RawResponse, type RequestSettings, requestOnce } from './http-request';
import { backoffDelayMillis } from './retry';
import { RobotsCache } from './robots';
import { type FetchedBytes, type FetchRequestOptions, type Fetcher, type HttpFetcherOptions, PRODUCT_USER_AGENT, type RequestGate } from './types';

/** RFC 9309 asks crawlers to parse at least 500 KiB of robots.txt; more than that is not a robots file. */
const ROBOTS_MAX_BYTES = 512 * 1024;

const DEFAULTS = {
  userAgent: PRODUCT_USER_AGENT,
  connectTimeoutMillis: 10_000,
  totalTimeoutMillis: 15_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  minDelayMillis: 1_000,
  perHostConcurrency: 1,
  maxAttempts: 3,
  backoffBaseMillis: 500,
  backoffCapMillis: 30_000,
  maxRetryAfterMillis: 60_000,
  respectRobots: true,
  robotsTtlMillis: 24 * 3_600_000,
  robotsErrorTtlMillis: 10 * 60_000,
  maxCrawlDelayMillis: 60_000,
  extraRetryStatuses: [] as number[],
};
type Settings = typeof DEFAULTS;

/** Fetcher over HTTP(S). One instance per process: robots and politeness state live in it. */
export class HttpFetcher implements Fetcher {
  private readonly s: Settings;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly gate: RequestGate;
  private readonly robots: RobotsCache;
  private readonly crawlDelays = new Map<string, number>();
  private readonly transport: typeof fetch;

  constructor(private readonly options: HttpFetcherOptions = {}) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.s = { ...DEFAULTS, ...(defined as Partial<Settings>) };
    for (const [key, value] of Object.entries(this.s)) {
      if (Array.isArray(value)) continue;
      if (typeof value === 'number' && (!Number.isFinite(value) || value < 0)) {
        throw new CriticalIngestError(`HttpFetcher option ${key} must be a finite number >= 0, got ${value}; fix the fetcher configuration`);
      }
    }
    if (this.s.maxAttempts < 1 || this.s.perHostConcurrency < 1) {
      throw new CriticalIngestError('HttpFetcher maxAttempts and perHostConcurrency must be >= 1; fix the fetcher configuration');
    }
    this.transport = guardedFetch({ allowPrivate: options.allowPrivateAddresses ?? false, resolve: options.resolveHost, dial: options.dialAddress });
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.gate = options.hostGate ?? new HostGate(this.clock, this.s.perHostConcurrency);
    this.robots = new RobotsCache({
      userAgent: this.s.userAgent,
      ttlMillis: this.s.robotsTtlMillis,
      errorTtlMillis: this.s.robotsErrorTtlMillis,
      clock: this.clock,
      logger: options.logger,
      loader: (robotsUrl) => this.loadRobots(robotsUrl),
    });
  }

  /** Fetch and decode `url`; see {@link Fetcher.fetch}. */
  async fetch(url: string, options: FetchRequestOptions = {}): Promise<FetchedPage> {
    const conditional: Record<string, string> = {};
    if (options.etag) conditional['if-none-match'] = options.etag;
    if (options.lastModified) conditional['if-modified-since'] = options.lastModified;
    Object.assign(conditional, options.headers);
    const request = options.method === 'POST' ? { method: 'POST' as const, body: options.body ?? '' } : undefined;
    const { finalUrl, res } = await this.follow(url, conditional, this.s.maxBodyBytes, true, false, request);
    const base = {
      url,
      finalUrl,
      status: res.status,
      headers: res.headers,
      etag: res.headers.etag ?? null,
      lastModified: res.headers['last-modified'] ?? null,
      fetchedAt: new Date(this.clock.now()),
    };
    if (res.kind === 'not-modified') return { ...base, body: '', charset: 'utf-8', notModified: true };
    if (res.kind === 'redirect') throw new TooManyRedirectsError(url, request ? 0 : this.s.maxRedirects);
    const decoded = decodeBody(res.bytes, res.headers['content-type'] ?? null);
    this.options.logger?.debug({ url, charset: decoded.charset, source: decoded.source }, 'page decoded');
    return { ...base, body: decoded.text, charset: decoded.charset, notModified: false };
  }

  /**
   * Fetch `url` as bytes (an attached report), with the same robots.txt, per-host delay, retries, redirects and
   * size limit as pages; `maxBytes` may lower the limit.
   */
  async fetchBytes(url: string, maxBytes = this.s.maxBodyBytes): Promise<FetchedBytes> {
    const { finalUrl, res } = await this.follow(url, {}, Math.min(maxBytes, this.s.maxBodyBytes), true, true);
    if (res.kind === 'redirect') throw new TooManyRedirectsError(url, this.s.maxRedirects);
    if (res.kind === 'not-modified') throw new Error(`unexpected 304 for ${url}`);
    return { url, finalUrl, status: res.status, headers: res.headers, bytes: Buffer.from(res.bytes), fetchedAt: new Date(this.clock.now()) };
  }

  /** Follow redirects (each hop checked against robots.txt and its host's politeness). */
  private async follow(
    url: string,
    headers: Record<string, string>,
    maxBytes: number,
    checkRobots: boolean,
    binary = false,
    request?: { method: 'POST'; body: string },
  ): Promise<{ finalUrl: string; res: RawResponse }> {
    const chain = [stripHash(url)];
    let current = chain[0];
    for (let hop = 0; ; hop++) {
      if (checkRobots && this.s.respectRobots) await this.assertAllowed(current);
      const res = await this.withRetries(current, headers, maxBytes, binary, request);
      // A POST is never re-sent to another URL: the caller gets the redirect (and skips the item).
      if (res.kind !== 'redirect' || request) return { finalUrl: current, res };
      const next = stripHash(new URL(res.location, current).href);
      if (chain.includes(next)) throw new RedirectLoopError(url, [...chain, next]);
      if (hop + 1 > this.s.maxRedirects) throw new TooManyRedirectsError(url, this.s.maxRedirects);
      chain.push(next);
      current = next;
    }
  }

  private async assertAllowed(url: string): Promise<void> {
    const verdict = await this.robots.check(url);
    if (!verdict.allowed) throw new RobotsDisallowedError(url, this.s.userAgent);
    if (verdict.crawlDelayMillis !== null) {
      const host = new URL(url).host;
      if (verdict.crawlDelayMillis > this.s.maxCrawlDelayMillis && !this.crawlDelays.has(host)) {
        this.options.logger?.warn({ host, crawlDelayMillis: verdict.crawlDelayMillis, cappedAt: this.s.maxCrawlDelayMillis }, 'crawl-delay capped');
      }
      this.crawlDelays.set(host, Math.min(verdict.crawlDelayMillis, this.s.maxCrawlDelayMillis));
    }
  }

  /** One hop with retries on FetchError: full-jitter backoff, or the server's Retry-After when it gave one. */
  private async withRetries(
    url: string, headers: Record<string, string>, maxBytes: number, binary = false, request?: { method: 'POST'; body: string },
  ): Promise<RawResponse> {
    const host = new URL(url).host;
    const settings: RequestSettings = {
      userAgent: this.s.userAgent,
      connectTimeoutMillis: this.s.connectTimeoutMillis,
      totalTimeoutMillis: this.s.totalTimeoutMillis,
      maxBodyBytes: maxBytes,
      acceptBinary: binary,
      fetchImpl: () => this.options.fetchImpl ?? this.transport,
      now: () => this.clock.now(),
      extraRetryStatuses: this.s.extraRetryStatuses,
      method: request?.method,
      body: request?.body,
    };
    for (let attempt = 1; ; attempt++) {
      const delay = Math.max(this.s.minDelayMillis, this.crawlDelays.get(host) ?? 0);
      try {
        return await this.gate.run(host, delay, () => requestOnce(url, headers, settings));
      } catch (err: unknown) {
        if (!(err instanceof FetchError)) throw err;
        const retryAfter = err.retryAfterMs;
        if (retryAfter !== null) this.gate.defer(host, this.clock.now() + Math.min(retryAfter, this.s.maxRetryAfterMillis));
        // A Retry-After beyond the cap is not waited for: the pipeline gets it and can come back later.
        if (attempt >= this.s.maxAttempts || (retryAfter !== null && retryAfter > this.s.maxRetryAfterMillis)) throw err;
        const wait = retryAfter ?? backoffDelayMillis(attempt, this.s.backoffBaseMillis, this.s.backoffCapMillis, this.random);
        this.options.logger?.warn({ url, attempt, waitMillis: wait, status: err.status, kind: err.kind }, 'fetch retry scheduled');
        await this.clock.sleep(wait);
      }
    }
  }

  private async loadRobots(robotsUrl: string): Promise<string> {
    const { res } = await this.follow(robotsUrl, {}, ROBOTS_MAX_BYTES, false);
    if (res.kind !== 'ok') return '';
    return Buffer.from(res.bytes).toString('utf8');
  }
}

function stripHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
