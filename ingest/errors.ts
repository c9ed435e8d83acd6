/**
 * Ingest errors, classified by what the pipeline should do with the item that raised them:
 * - {@link FetchError}: retry (network failure, timeout, 408/429/5xx).
 * - {@link SkipItemError} and its subclasses: skip this item, go on with the run.
 * - {@link CriticalIngestError}: abort the run (database unreachable, configuration invalid).
 *
 * The decision is made in one place, {@link ingestErrorAction}, with `instanceof` (crawlee's errors.ts pattern).
 * Public surface: every export.
 */

/** What the pipeline does after an error. */
export type IngestAction = 'retry' | 'skip' | 'abort';

/** Why a fetch failed in a retryable way. */
export type FetchFailureKind = 'network' | 'timeout' | 'status';

/** Base of every ingest error; `action` documents the class's intent (the decision itself is {@link ingestErrorAction}). */
export abstract class IngestError extends Error {
  abstract readonly action: IngestAction;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Retryable fetch failure: network error, timeout, 408, 429 or 5xx. */
export class FetchError extends IngestError {
  readonly action = 'retry' as const;
  constructor(
    message: string,
    readonly url: string,
    readonly kind: FetchFailureKind,
    /** HTTP status, or null when no response arrived. */
    readonly status: number | null = null,
    /** Server-requested wait (Retry-After), in milliseconds, when it gave one. */
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** No response: DNS, connection refused or reset. */
  static network(url: string, cause: unknown): FetchError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new FetchError(`network error fetching ${url} (${detail}); retry later`, url, 'network', null, null, { cause });
  }

  /** The connect/headers or total timeout fired. */
  static timeout(url: string, timeoutMillis: number, phase: 'headers' | 'body'): FetchError {
    return new FetchError(
      `timed out after ${timeoutMillis} ms waiting for the ${phase} of ${url}; retry later or raise the timeout`,
      url,
      'timeout',
    );
  }

  /** A retryable status (408, 429, 5xx), with the server's Retry-After when it sent one. */
  static status(url: string, status: number, retryAfterMs: number | null): FetchError {
    const wait = retryAfterMs === null ? '' : ` (server asks to wait ${retryAfterMs} ms)`;
    return new FetchError(`HTTP ${status} from ${url}${wait}; retry later`, url, 'status', status, retryAfterMs);
  }
}

/** The item cannot be processed now or ever; skip it and go on. Subclasses say why. */
export class SkipItemError extends IngestError {
  readonly action = 'skip' as const;
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A non-retryable HTTP status: 404, 410 and the other 4xx except 408/429. */
export class HttpStatusError extends SkipItemError {
  constructor(
    url: string,
    readonly status: number,
  ) {
    const hint = status === 404 || status === 410 ? 'the page is gone; drop it from the source' : 'check the URL or access rights';
    super(`HTTP ${status} from ${url}: ${hint}`, url);
  }
}

/** robots.txt forbids our user agent from fetching the URL. */
export class RobotsDisallowedError extends SkipItemError {
  constructor(url: string, userAgent: string) {
    super(`robots.txt disallows ${url} for "${userAgent}"; skip it (do not work around robots.txt)`, url);
  }
}

/**
 * robots.txt answered 5xx or could not be reached: RFC 9309 §2.3.1.4 says to assume complete disallow.
 * Skipped for this run; the next run fetches robots.txt again.
 */
export class RobotsUnavailableError extends SkipItemError {
  constructor(url: string, robotsUrl: string, options?: { cause?: unknown }) {
    const detail = options?.cause instanceof Error ? ` (${options.cause.message})` : '';
    super(
      `robots.txt at ${robotsUrl} could not be fetched${detail}, so ${url} is treated as disallowed for this run; it is retried next run`,
      url,
      options,
    );
  }
}

/** The body exceeded the configured maximum; the download was aborted. */
export class BodyTooLargeError extends SkipItemError {
  constructor(
    url: string,
    readonly limitBytes: number,
  ) {
    super(`body of ${url} exceeds ${limitBytes} bytes; download aborted (raise maxBodyBytes if the page is legitimate)`, url);
  }
}

/**
 * The URL (or a redirect hop) leads to an address the crawler must not connect to: loopback, private, link-local,
 * reserved, or an IPv6 form embedding such an IPv4 address (server-side request forgery). Never retried.
 */
export class BlockedAddressError extends SkipItemError {
  constructor(
    url: string,
    readonly target: string,
    readonly why: string,
  ) {
    super(`refused to fetch ${url}: ${target} is not a public address (${why}); sources must point at public web servers`, url);
  }
}

/** Redirects went round in a circle. */
export class RedirectLoopError extends SkipItemError {
  constructor(
    url: string,
    readonly chain: string[],
  ) {
    super(`redirect loop from ${url}: ${chain.join(' -> ')}; fix the source URL`, url);
  }
}

/** More redirects than allowed. */
export class TooManyRedirectsError extends SkipItemError {
  constructor(url: string, maxRedirects: number) {
    super(`more than ${maxRedirects} redirects from ${url}; fix the source URL`, url);
  }
}

/** The body is not text we can decode (binary content type, NUL bytes). */
export class UndecodableBodyError extends SkipItemError {
  constructor(url: string, reason: string) {
    super(`cannot decode the body of ${url} as text (${reason}); skip it`, url);
  }
}

/** An element the portal adapter relies on is missing: the layout changed or this is not an article page. */
export class PortalLayoutError extends SkipItemError {
  constructor(
    url: string,
    readonly adapterId: string,
    readonly missing: string,
  ) {
    super(`${adapterId} adapter found no ${missing} in ${url}; skip it, and check the adapter if this repeats`, url);
  }
}

/**
 * The page is too deeply nested or has too many nodes to parse safely (a hostile or broken page: parsing it would
 * cost unbounded time and memory). Parsing stopped at the limit; skip the item.
 */
export class PageTooComplexError extends SkipItemError {
  constructor(
    url: string,
    readonly limit: 'depth' | 'nodes',
    readonly max: number,
  ) {
    const what = limit === 'depth' ? `elements nest deeper than ${max} levels` : `it has more than ${max} HTML nodes`;
    super(`page ${url} is too complex to parse: ${what}; skipped (no portal page needs that)`, url);
  }
}

/** Parsing or extracting the page took longer than allowed; the worker doing it was stopped. Skip the item. */
export class ParseTimeoutError extends SkipItemError {
  constructor(
    url: string,
    readonly timeoutMillis: number,
  ) {
    super(`parsing ${url} took longer than ${timeoutMillis} ms and was stopped; skipped (check the page or the adapter)`, url);
  }
}

/** The run cannot go on (database unreachable, invalid configuration); stop it. */
/**
 * The database refused a transaction for a reason that goes away by itself (deadlock, serialization failure, lock
 * not available): retry the item.
 */
export class TransientDatabaseError extends IngestError {
  readonly action = 'retry' as const;
}

const TRANSIENT_SQL_STATES = new Set(['40P01', '40001', '55P03']);

/** `err` as a TransientDatabaseError when it is one of those refusals (PostgreSQL SQLSTATE), else `err`. */
export function asTransientDatabaseError(err: unknown): unknown {
  const e = err as { code?: unknown; sqlState?: unknown; message?: unknown } | null;
  const state = typeof e?.sqlState === 'string' ? e.sqlState : typeof e?.code === 'string' ? e.code : null;
  if (state === null || !TRANSIENT_SQL_STATES.has(state)) return err;
  return new TransientDatabaseError(`the database refused the transaction (${state}: ${String(e?.message ?? '').slice(-200)}); retry`, { cause: err });
}

export class CriticalIngestError extends IngestError {
  readonly action = 'abort' as const;
}

/**
 * The one place that decides what to do after an error. Unknown errors skip the item: one bad item must
 * never stop a run, and only {@link CriticalIngestError} is allowed to.
 */
export function ingestErrorAction(err: unknown): IngestAction {
  if (err instanceof CriticalIngestError) return 'abort';
  if (err instanceof FetchError || err instanceof TransientDatabaseError) return 'retry';
  if (err instanceof SkipItemError) return 'skip';
  return 'skip';
}
