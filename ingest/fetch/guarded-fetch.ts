/**
 * The fetcher's transport: a `fetch`-shaped function over node:http/https that only connects to public addresses
 * (src/net/address-policy.ts). Each request resolves its host once, refuses it if ANY address is not public, and
 * hands the checked address to the socket through http.request's `lookup` option — so the address checked is the
 * address connected to (no second DNS lookup a rebinding name could answer differently). Redirects are never
 * followed here (the fetcher follows them hop by hop, and each hop comes back through this check). IP-literal hosts
 * are checked directly. A refusal is a BlockedAddressError (skip the item).
 *
 * Responses are WHATWG Responses with the body decompressed (gzip, deflate, br), like global fetch gives.
 * Public surface: {@link guardedFetch}, {@link GuardOptions}.
 */
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BlockedAddressError } from '../errors';
import { hostOfUrl, nonPublicReason } from '../../src/net/address-policy';

export interface GuardOptions {
  /** Allow loopback and private addresses (ALLOW_PRIVATE_SOURCES: the demo mirror, tests). Default false. */
  allowPrivate?: boolean;
  /** Resolve a host name to its addresses. Default: the system resolver (all addresses). Tests pass a table. */
  resolve?: (host: string) => Promise<string[]>;
  /** Tests only: the address to actually dial for a checked one (a "public" test host served on loopback). */
  dial?: (address: string) => string;
  /** How long resolving may take. Default 5 s. */
  resolveTimeoutMillis?: number;
}

const systemResolve = async (host: string): Promise<string[]> =>
  (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

type LookupCallback = (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void;

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

function decoded(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const pipe = (z: NodeJS.ReadWriteStream): Readable => {
    res.on('error', (err) => (z as unknown as Readable).destroy(err));
    return res.pipe(z) as unknown as Readable;
  };
  if (enc === 'gzip' || enc === 'x-gzip') return pipe(zlib.createGunzip());
  if (enc === 'deflate') return pipe(zlib.createInflate());
  if (enc === 'br') return pipe(zlib.createBrotliDecompress());
  return res;
}

/** A fetch (GET or a POST with a string body, manual redirects, abort signal) that connects only to checked addresses. */
export function guardedFetch(options: GuardOptions = {}): typeof fetch {
  const resolve = options.resolve ?? systemResolve;
  const timeoutMillis = options.resolveTimeoutMillis ?? 5000;
  // Own agents: pooled sockets are never shared with code that checks differently.
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

  const check = (url: string, host: string, address: string): void => {
    if (options.allowPrivate) return;
    const why = nonPublicReason(address);
    if (why) throw new BlockedAddressError(url, host === address ? host : `${host} (${address})`, why);
  };

  const lookupFor = (url: string) => (hostname: string, opts: { all?: boolean }, cb: LookupCallback): void => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`resolving ${hostname} took longer than ${timeoutMillis} ms`)), timeoutMillis);
    });
    Promise.race([resolve(hostname), deadline]).then((addresses) => {
      if (!addresses.length) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
      for (const a of addresses) check(url, hostname, a);
      const chosen = options.dial ? options.dial(addresses[0]) : addresses[0];
      const family = net.isIP(chosen);
      if (opts.all) cb(null, [{ address: chosen, family }]);
      else cb(null, chosen, family);
    }).catch((err: Error) => cb(err, '')).finally(() => clearTimeout(timer));
  };

  const impl = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => new Promise((resolvePromise, reject) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const agent = agents[url.protocol as 'http:' | 'https:'];
    if (!agent) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
    const host = hostOfUrl(url);
    try {
      if (net.isIP(host)) check(url.href, host, host);
    } catch (err) {
      return reject(err);
    }
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    // Bodies are strings here (the index's form POST); anything else is a programming error, not a request to send.
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      return reject(new TypeError('guardedFetch sends string bodies only'));
    }
    const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : null;
    if (body) headers['content-length'] = String(body.length);
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, {
      method: init.method ?? 'GET', agent, headers: { 'accept-encoding': 'gzip, deflate, br', ...headers },
      lookup: lookupFor(url.href) as unknown as typeof dns.lookup,
    });
    const onAbort = (): void => void req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const h = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
      try {
        if (NULL_BODY_STATUS.has(status) || init.method === 'HEAD') {
          res.resume();
          resolvePromise(new Response(null, { status, headers: h }));
          return;
        }
        const body = decoded(res);
        res.on('close', () => signal?.removeEventListener('abort', onAbort));
        resolvePromise(new Response(Readable.toWeb(body) as unknown as ReadableStream, { status, headers: h }));
      } catch (err) {
        res.destroy();
        reject(err);
      }
    });
    req.end(body ?? undefined);
  });
  return impl as typeof fetch;
}
