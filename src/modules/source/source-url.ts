/**
 * Which URLs may become crawl targets. The crawler fetches whatever a source names, so an admin-supplied URL must not
 * point it at the machine itself or its private network (server-side request forgery): http(s) only, no credentials,
 * and no loopback, private, link-local, shared or reserved address — checked on IP literals and on what a host name
 * resolves to. `ALLOW_PRIVATE_SOURCES` (the demo mirror and tests serve on 127.0.0.1) switches the address check off.
 */
import dns from 'node:dns';
import net from 'node:net';
import { BadInputError } from '../../errors';

/** Ranges a source may not point at. */
const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) BLOCKED.addSubnet(prefix, bits, 'ipv6');

/** How long a host name may take to resolve before the URL is refused (there may be no DNS at all). */
export const DNS_TIMEOUT_MILLIS = 2000;

export type LookupFn = (host: string) => Promise<string[]>;

const systemLookup: LookupFn = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** `::ffff:7f00:1` (an IPv4 address written as IPv6) → `127.0.0.1`; other addresses unchanged. */
function unmapIPv4(address: string): string {
  const m = /^::ffff:(?:([0-9a-f]{1,4}):([0-9a-f]{1,4})|(\d+\.\d+\.\d+\.\d+))$/i.exec(address);
  if (!m) return address;
  if (m[3]) return m[3];
  const hi = parseInt(m[1], 16);
  const lo = parseInt(m[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** true for loopback, private, link-local, shared, documentation, multicast and reserved addresses. */
export function isBlockedAddress(address: string): boolean {
  const plain = unmapIPv4(address);
  const family = net.isIP(plain);
  if (family === 0) return true;
  return BLOCKED.check(plain, family === 4 ? 'ipv4' : 'ipv6');
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
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIP(host)) {
    if (isBlockedAddress(host)) refuse(raw, `${host} is a loopback, private, link-local or reserved address`);
    return url;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) refuse(raw, `${host} is a local host name`);
  const addresses = await resolveWithin(lookup, host);
  if (!addresses || addresses.length === 0) refuse(raw, `cannot resolve ${host}`);
  const blocked = addresses.find(isBlockedAddress);
  if (blocked) refuse(raw, `${host} resolves to ${blocked}, a loopback, private, link-local or reserved address`);
  return url;
}
