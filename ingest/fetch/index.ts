/**
 * HTTP fetching for ingestion. Public surface: the {@link Fetcher} contract, {@link HttpFetcher}, its options and
 * clock, and the charset helpers (re-used by fixture tooling). Internals (host gate, robots cache, single request)
 * stay in their files.
 */
export { HttpFetcher } from './http-fetcher';
export { PRODUCT_USER_AGENT } from './types';
export type { FetchLogger, FetchRequestOptions, Fetcher, HttpFetcherOptions, RequestGate } from './types';
export { systemClock } from './clock';
export type { Clock } from './clock';
export { chooseCharset, decodeBody } from './charset';
