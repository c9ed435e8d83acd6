/**
 * Which IP addresses the crawler may connect to: public unicast only. Shared by the source URL check (API mutation,
 * catalogue) and the fetcher, which checks every hop's address at connect time.
 *
 * IPv6 forms that carry an IPv4 address are read for it and judged by it: IPv4-mapped (::ffff:0:0/96),
 * IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96), 6to4 (2002::/16), NAT64 (64:ff9b::/96, RFC 6052) and
 * Teredo (2001::/32: server and de-obfuscated client). The local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215), the
 * deprecated IPv4-compatible and translated forms, and everything outside global unicast 2000::/3 are refused
 * outright, as are the IPv4 and IPv6 special-purpose ranges (IANA registries) listed below.
 *
 * Public surface: {@link nonPublicReason}, {@link isPublicAddress}, {@link hostOfUrl}.
 */
import net from 'node:net';

const V4_RANGES: ReadonlyArray<[string, number, string]> = [
  ['0.0.0.0', 8, '"this network" (0.0.0.0/8)'],
  ['10.0.0.0', 8, 'private (10.0.0.0/8)'],
  ['100.64.0.0', 10, 'shared address space (100.64.0.0/10)'],
  ['127.0.0.0', 8, 'loopback (127.0.0.0/8)'],
  ['169.254.0.0', 16, 'link-local (169.254.0.0/16)'],
  ['172.16.0.0', 12, 'private (172.16.0.0/12)'],
  ['192.0.0.0', 24, 'IETF protocol assignments (192.0.0.0/24)'],
  ['192.0.2.0', 24, 'documentation (192.0.2.0/24)'],
  ['192.88.99.0', 24, '6to4 relay anycast (192.88.99.0/24)'],
  ['192.168.0.0', 16, 'private (192.168.0.0/16)'],
  ['198.18.0.0', 15, 'benchmarking (198.18.0.0/15)'],
  ['198.51.100.0', 24, 'documentation (198.51.100.0/24)'],
  ['203.0.113.0', 24, 'documentation (203.0.113.0/24)'],
  ['224.0.0.0', 4, 'multicast (224.0.0.0/4)'],
  ['240.0.0.0', 4, 'reserved or broadcast (240.0.0.0/4)'],
];

/** Special-purpose ranges inside global unicast 2000::/3 (the embedded-IPv4 ones are handled separately). */
const V6_RANGES: ReadonlyArray<[string, number, string]> = [
  ['2001:2::', 48, 'benchmarking (2001:2::/48)'],
  ['2001:10::', 28, 'ORCHID (2001:10::/28)'],
  ['2001:20::', 28, 'ORCHIDv2 (2001:20::/28)'],
  ['2001:db8::', 32, 'documentation (2001:db8::/32)'],
  ['3fff::', 20, 'documentation (3fff::/20)'],
  ['5f00::', 16, 'SRv6 SIDs (5f00::/16)'],
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function intToV4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function v4Reason(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [base, bits, label] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((n & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0)) return label;
  }
  return null;
}

/** The eight 16-bit words of an IPv6 address (valid per net.isIPv6), a trailing dotted IPv4 included. */
function v6Words(ip: string): number[] {
  let s = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    s = `${s.slice(0, -dotted[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, null];
  const parse = (part: string): number[] => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const hi = parse(head);
  const lo = tail === null ? [] : parse(tail);
  return [...hi, ...new Array(8 - hi.length - lo.length).fill(0), ...lo];
}

function v6ToBig(words: number[]): bigint {
  return words.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

function inV6(words: number[], base: string, bits: number): boolean {
  const shift = BigInt(128 - bits);
  return v6ToBig(words) >> shift === v6ToBig(v6Words(base)) >> shift;
}

function v4From(hi: number, lo: number): string {
  return intToV4(((hi << 16) | lo) >>> 0);
}

/** Why the crawler may not connect to `v6` (expanded words), or null when it may. */
function v6Reason(ip: string, w: number[]): string | null {
  const embedded = (kind: string, v4: string): string | null => {
    const why = v4Reason(v4);
    return why ? `${kind} for ${v4}, ${why}` : null;
  };
  if (w.every((x) => x === 0)) return 'the unspecified address (::)';
  if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) return 'loopback (::1)';
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return embedded('IPv4-mapped', v4From(w[6], w[7]));
  if (w.slice(0, 4).every((x) => x === 0) && w[4] === 0xffff && w[5] === 0) {
    return `IPv4-translated (::ffff:0:0:0/96) for ${v4From(w[6], w[7])}, not routable on the Internet`;
  }
  if (w.slice(0, 6).every((x) => x === 0)) return `IPv4-compatible (deprecated, ::/96) for ${v4From(w[6], w[7])}`;
  if (inV6(w, '64:ff9b:1::', 48)) return `local-use NAT64 (64:ff9b:1::/48, for ${v4From(w[6], w[7])})`;
  if (inV6(w, '64:ff9b::', 96)) return embedded('NAT64 (64:ff9b::/96)', v4From(w[6], w[7]));
  if (inV6(w, '2002::', 16)) return embedded('6to4 (2002::/16)', v4From(w[1], w[2]));
  if (inV6(w, '2001::', 32)) {
    return embedded('Teredo (2001::/32) server', v4From(w[2], w[3]))
      ?? embedded('Teredo (2001::/32) client', v4From(w[6] ^ 0xffff, w[7] ^ 0xffff));
  }
  if (!inV6(w, '2000::', 3)) {
    if (inV6(w, 'fc00::', 7)) return 'unique local (fc00::/7)';
    if (inV6(w, 'fe80::', 10)) return 'link-local (fe80::/10)';
    if (inV6(w, 'fec0::', 10)) return 'site-local (deprecated, fec0::/10)';
    if (inV6(w, 'ff00::', 8)) return 'multicast (ff00::/8)';
    return `outside global unicast (2000::/3): ${ip}`;
  }
  for (const [base, bits, label] of V6_RANGES) if (inV6(w, base, bits)) return label;
  return null;
}

/**
 * Why the crawler may not connect to `address` (an IPv4 or IPv6 literal, brackets and zone allowed), or null when
 * it is a public unicast address. Anything that is not an IP address is refused too.
 */
export function nonPublicReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').split('%')[0].toLowerCase();
  const family = net.isIP(ip);
  if (family === 4) return v4Reason(ip);
  if (family === 6) return v6Reason(ip, v6Words(ip));
  return `"${address}" is not an IP address`;
}

export function isPublicAddress(address: string): boolean {
  return nonPublicReason(address) === null;
}

/** The host of a URL as a connect target: lower case, IPv6 brackets removed (WHATWG already normalised IPv4 forms). */
export function hostOfUrl(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}
