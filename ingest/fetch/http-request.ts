/**
 * One HTTP exchange (no redirects followed, no retries): timeouts, streamed body with a size cap, and the mapping
 * of statuses onto ingest errors. Public surface: {@link requestOnce}, {@link RawResponse}, {@link RequestSettings}.
 */
import { BodyTooLargeError, FetchError, HttpStatusError, SkipItemError, UndecodableBodyError } from '../errors';
import { parseRetryAfterMillis } from './retry';

/** What one exchange produced (errors are thrown). */
export type RawResponse =
  | { kind: 'redirect'; status: number; headers: Record<string, string>; location: string }
  | { kind: 'not-modified'; status: 304; headers: Record<string, string> }
  | { kind: 'ok'; status: number; headers: Record<string, string>; bytes: Uint8Array };

/** Settings of one exchange. */
export interface RequestSettings {
  userAgent: string;
  connectTimeoutMillis: number;
  totalTimeoutMillis: number;
  maxBodyBytes: number;
  /** Accept binary bodies (attached reports); pages refuse them unread. */
  acceptBinary?: boolean;
  fetchImpl: () => typeof fetch;
  now: () => number;
  /** Statuses retried besides RETRYABLE_STATUS. */
  extraRetryStatuses?: readonly number[];
  /** Default GET. */
  method?: 'GET' | 'POST';
  body?: string;
}

/** Statuses worth retrying: the server is overloaded, rate-limiting, or timed out on its side. */
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524]);
/** Content types that cannot be article HTML; not downloading them saves the body-size budget. */
const BINARY_TYPE_RE = /^(image|audio|video|font)\/|^application\/(pdf|zip|x-rar|octet-stream|msword|vnd\.)/i;

function headerRecord(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((value, key) => (out[key.toLowerCase()] = value));
  return out;
}

/** Perform one request (GET unless `s.method` says otherwise). Throws FetchError (retryable) or a SkipItemError subclass. */
export async function requestOnce(url: string, extraHeaders: Record<string, string>, s: RequestSettings): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut: 'headers' | 'body' | null = null;
  const abortFor = (phase: 'headers' | 'body') => () => {
    timedOut ??= phase;
    controller.abort();
  };
  const headersTimer = setTimeout(abortFor('headers'), s.connectTimeoutMillis);
  const totalTimer = setTimeout(abortFor('body'), s.totalTimeoutMillis);
  const timeoutError = (): FetchError =>
    FetchError.timeout(url, timedOut === 'headers' ? s.connectTimeoutMillis : s.totalTimeoutMillis, timedOut ?? 'body');
  try {
    let res: Response;
    try {
      res = await s.fetchImpl()(url, {
        method: s.method ?? 'GET',
        body: s.method === 'POST' ? s.body ?? '' : undefined,
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'user-agent': s.userAgent,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-language': 'vi,en;q=0.5',
          ...extraHeaders,
        },
      });
    } catch (err: unknown) {
      if (err instanceof SkipItemError) throw err; // e.g. a refused address: not a network failure to retry
      throw timedOut ? timeoutError() : FetchError.network(url, err);
    } finally {
      clearTimeout(headersTimer);
    }
    const headers = headerRecord(res.headers);
    const status = res.status;
    const discard = (): void => void res.body?.cancel().catch(() => undefined);
    if (status >= 300 && status < 400 && status !== 304 && headers.location) {
      discard();
      return { kind: 'redirect', status, headers, location: headers.location };
    }
    if (status === 304) {
      discard();
      return { kind: 'not-modified', status, headers };
    }
    if (RETRYABLE_STATUS.has(status) || s.extraRetryStatuses?.includes(status)) {
      discard();
      throw FetchError.status(url, status, parseRetryAfterMillis(headers['retry-after'], s.now()));
    }
    if (status < 200 || status >= 300) {
      discard();
      throw new HttpStatusError(url, status);
    }
    if (!s.acceptBinary && BINARY_TYPE_RE.test(headers['content-type'] ?? '')) {
      discard();
      throw new UndecodableBodyError(url, `content type ${headers['content-type']}`);
    }
    const declared = Number(headers['content-length'] ?? NaN);
    if (declared > s.maxBodyBytes) {
      discard();
      throw new BodyTooLargeError(url, s.maxBodyBytes);
    }
    const bytes = await readCapped(res, url, s.maxBodyBytes, controller, () => (timedOut ? timeoutError() : null));
    return { kind: 'ok', status, headers, bytes };
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(totalTimer);
  }
}

/** Read the body chunk by chunk; abort the download as soon as it passes `max` (memory stays bounded). */
async function readCapped(
  res: Response,
  url: string,
  max: number,
  controller: AbortController,
  timeoutError: () => FetchError | null,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        controller.abort();
        throw new BodyTooLargeError(url, max);
      }
      chunks.push(value);
    }
  } catch (err: unknown) {
    if (err instanceof BodyTooLargeError) throw err;
    throw timeoutError() ?? FetchError.network(url, err);
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}
