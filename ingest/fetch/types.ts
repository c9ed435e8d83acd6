/**
 * The fetcher's contract and options.
 * Public surface: {@link Fetcher}, {@link FetchRequestOptions}, {@link HttpFetcherOptions}, {@link FetchLogger},
 * {@link PRODUCT_USER_AGENT}.
 */
import type { FetchedPage } from '../types';
import type { Clock } from './clock';

/** The product's user agent; robots.txt groups are matched on its first token, "cchc-atlas". */
export const PRODUCT_USER_AGENT = 'cchc-atlas/0.1 (+https://github.com/cchc-atlas)';

/** Minimal logger (pino-compatible): constant message, data object. */
export interface FetchLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** Validators of a copy we already hold (conditional GET), or a POST to an API (method, body, headers). */
export interface FetchRequestOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** Default GET. A POST is sent with `body` and is not followed across redirects (a redirect skips the item). */
  method?: 'GET' | 'POST';
  body?: string;
  /** Extra request headers (content-type, referer…), lower-case names. */
  headers?: Record<string, string>;
}

/** Fetches one page. Implementations: HttpFetcher (network), test and pipeline fakes. */
export interface Fetcher {
  /**
   * Fetch `url`, following redirects. Resolves with the decoded page (or `notModified: true` on 304); rejects with
   * FetchError (retry later), a SkipItemError subclass (skip the item) or CriticalIngestError.
   */
  fetch(url: string, options?: FetchRequestOptions): Promise<FetchedPage>;
  /** Fetch an attached report's bytes with the same politeness and limits (absent in fetchers that read no attachments). */
  fetchBytes?(url: string, maxBytes?: number): Promise<FetchedBytes>;
}

/** An attachment as fetched: its original bytes. */
export interface FetchedBytes {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
  fetchedAt: Date;
}

/** HttpFetcher settings; every field has a default. */
export interface HttpFetcherOptions {
  /** Default {@link PRODUCT_USER_AGENT}. */
  userAgent?: string;
  /** Time allowed until response headers arrive (connect + server think time). Default 10 000. */
  connectTimeoutMillis?: number;
  /** Time allowed for the whole request including the body. Default 15 000. */
  totalTimeoutMillis?: number;
  /** Bodies beyond this are aborted mid-stream. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Minimum pause between requests to one host. Default 1 000; 0 for tests and benchmarks. */
  minDelayMillis?: number;
  /** Requests in flight per host. Default 1. */
  perHostConcurrency?: number;
  /** Attempts per request, including the first. Default 3. */
  maxAttempts?: number;
  /** Backoff base and cap (full jitter). Defaults 500 and 30 000. */
  backoffBaseMillis?: number;
  backoffCapMillis?: number;
  /** A Retry-After longer than this is not waited for: the FetchError carries it for the pipeline. Default 60 000. */
  maxRetryAfterMillis?: number;
  /**
   * Statuses retried with backoff besides 408/425/429/5xx: e.g. 403 for a portal behind a WAF that rejects bursts
   * (the national index). Default none.
   */
  extraRetryStatuses?: number[];
  /** Honour robots.txt. Default true. */
  respectRobots?: boolean;
  /** Default 24 h. */
  robotsTtlMillis?: number;
  /** How long an unreachable robots.txt keeps its host disallowed. Default 10 min. */
  robotsErrorTtlMillis?: number;
  /** Crawl-delay is honoured up to this (a garbled "Crawl-delay: 86400" must not stall a run). Default 60 000. */
  maxCrawlDelayMillis?: number;
  clock?: Clock;
  /** Random source for jitter, [0, 1). Default Math.random. */
  random?: () => number;
  /**
   * The fetch implementation. Default: {@link guardedFetch} (public addresses only, checked address pinned at
   * connect time, every redirect hop checked). A fetchImpl given here replaces that check (tests of other concerns).
   */
  fetchImpl?: typeof fetch;
  /** Allow loopback and private addresses (ALLOW_PRIVATE_SOURCES: the demo mirror and tests). Default false. */
  allowPrivateAddresses?: boolean;
  /** Host name → addresses for the address check (tests: there is no DNS here). Default: the system resolver. */
  resolveHost?: (host: string) => Promise<string[]>;
  /** Tests only: the address to dial for a checked one (a public-looking test host served on loopback). */
  dialAddress?: (address: string) => string;
  logger?: FetchLogger;
  /**
   * Who spaces requests per host. Default: an in-process gate (enough for one process). Workers pass a gate shared
   * through PostgreSQL so politeness holds across processes (ingest/jobs/shared-host-gate.ts).
   */
  hostGate?: RequestGate;
}

/** Spaces requests per host: `run` waits for the host's turn and its delay; `defer` holds the host until an instant. */
export interface RequestGate {
  run<T>(host: string, delayMillis: number, task: () => Promise<T>): Promise<T>;
  defer(host: string, untilMillis: number): void;
}
