/**
 * Which URLs may become crawl targets. The crawler fetches whatever a source names, so an admin-supplied URL must not
 * point it at the machine itself or its private network (server-side request forgery): http(s) only, no credentials,
 * and no loopback, private, link-local, shared or reserved address — checked on IP literals (decimal, octal and hex
 * IPv4 forms are normalised by the URL parser; IPv6 forms that embed IPv4 are read for it) and on what a host name
 * resolves to. The fetcher checks again, at connect time, on every redirect hop. `ALLOW_PRIVATE_SOURCES` (the demo
 * mirror and tests serve on 127.0.0.1) switches the address check off.
 */
import dns from 'node:dns';
import net from 'node:net';
import { BadInputError } from '../../errors';
import { hostOfUrl, nonPublicReason } from '../../net/address-policy';

/** How long a host name may take to resolve before the URL is refused (there may be no DNS at all). */
export const DNS_TIMEOUT_MILLIS = 2000;

export type LookupFn = (host: string) => Promise<string[]>;

const systemLookup: LookupFn = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** true for every address the crawler may not connect to (see src/net/address-policy.ts). */
export function isBlockedAddress(address: string): boolean {
  return nonPublicReason(address) !== null;
}

function refuse(url: string, why: string): never {
  throw new BadInputError(`source URL "${url.slice(0, 200)}" is refused: ${why}`);
}

/** Resolve with a deadline: a missing resolver must answer "cannot resolve", not hang the request. */
async function resolveWithin(lookup: LookupFn, host: string): Promise<string[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), DNS_TIMEOUT_MILLIS); });
  try {
    return await Promise.race([lookup(host).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Throws BAD_USER_INPUT unless `raw` is an http(s) URL that may be crawled. */
export async function assertSafeSourceUrl(raw: string, allowPrivate: boolean, lookup: LookupFn = systemLookup): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(raw, 'it is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(raw, `only http and https are crawled, not ${url.protocol}`);
  if (url.username || url.password) refuse(raw, 'it carries credentials');
  if (allowPrivate) return url;
  const host = hostOfUrl(url);
  if (net.isIP(host)) {
    const why = nonPublicReason(host);
    if (why) refuse(raw, `${host} is not a public address: ${why}`);
    return url;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) refuse(raw, `${host} is a local host name`);
  const addresses = await resolveWithin(lookup, host);
  if (!addresses || addresses.length === 0) refuse(raw, `cannot resolve ${host}`);
  for (const address of addresses!) {
    const why = nonPublicReason(address);
    if (why) refuse(raw, `${host} resolves to ${address}, not a public address: ${why}`);
  }
  return url;
}
