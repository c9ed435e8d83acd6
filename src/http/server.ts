/**
 * The HTTP front: one Node http server routing /graphql to Apollo and the plain endpoints (/healthz, /readyz and
 * whatever extra routes the caller adds: CSV export, metrics, the charts page). Stateless: any number of instances
 * can run behind a load balancer over one database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { ConfigError } from '../errors';
import type { Logger } from '../logger';
import type { GraphQLContext, IngestTrigger } from '../graphql/context';
import { probeDatabase } from '../db/probe';

/** GraphQL request bodies larger than this are refused (413): a hostile query cannot fill memory. */
const MAX_BODY_BYTES = 1024 * 1024;
/**
 * An oversized body is read and dropped up to this size so the client gets its 413 on a healthy connection (a
 * connection cut mid-upload shows up as a network error, not as an answer). Beyond it the connection is closed
 * after the 413.
 */
const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void;

export interface HttpServerOptions {
  orm: MikroORM;
  apollo: ApolloServer<GraphQLContext>;
  config: Readonly<Config>;
  logger: Logger;
  ingestTrigger?: IngestTrigger | null;
  /** Extra routes by exact path (GET and HEAD unless the handler checks the method itself). */
  routes?: Record<string, RouteHandler>;
}

export interface RunningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {
  constructor(readonly closeConnection: boolean) {
    super(`request body over ${MAX_BODY_BYTES} bytes`);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > MAX_DISCARD_BYTES) {
      reject(new BodyTooLargeError(true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DISCARD_BYTES) {
        req.pause();
        reject(new BodyTooLargeError(true));
      } else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLargeError(false)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Constant-time comparison is not needed for a bearer token check against a length-checked secret, but we do it anyway. */
function bearerRights(header: string | undefined, adminToken: string | null): { isAdmin: boolean; authFailed: boolean } {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!match) return { isAdmin: false, authFailed: false };
  if (!adminToken) return { isAdmin: false, authFailed: true };
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(adminToken);
  const ok = given.length === expected.length && require('node:crypto').timingSafeEqual(given, expected);
  return { isAdmin: ok, authFailed: !ok };
}

async function handleGraphQL(o: HttpServerOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const raw = await readBody(req);
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const rights = bearerRights(req.headers.authorization, o.config.adminToken);
  const result = await o.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => ({
      em: o.orm.em.fork(),
      config: o.config,
      logger: o.logger,
      ingestTrigger: o.ingestTrigger ?? null,
      ...rights,
    }),
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Start listening on config.host:config.port; resolves once the port is bound. */
export async function startHttpServer(o: HttpServerOptions): Promise<RunningServer> {
  const log = o.logger.child({ component: 'http' });
  await o.apollo.start();
  const routes: Record<string, RouteHandler> = {
    '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    // A new connection within READY_TIMEOUT_MS: a frozen database or one in smart shutdown is "not ready".
    '/readyz': async (_req, res) => {
      const probe = await probeDatabase(o.orm.config.get('clientUrl')!, o.config.readyTimeoutMillis);
      if (probe.ok) sendJson(res, 200, { status: 'ready' });
      else sendJson(res, 503, { status: 'unavailable', reason: probe.reason });
    },
    ...o.routes,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname === '/graphql'
      ? handleGraphQL(o, req, res, url)
      : routes[url.pathname]
        ? Promise.resolve(routes[url.pathname](req, res, url))
        : Promise.resolve(sendJson(res, 404, { error: `no route ${url.pathname}` }));
    work.catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        if (err.closeConnection) res.setHeader('connection', 'close');
        if (!res.headersSent) {
          sendJson(res, 413, { errors: [{ message: `${err.message}: send a smaller operation`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        }
        if (err.closeConnection) res.on('finish', () => req.destroy());
        return;
      }
      log.error({ err, path: url.pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      // What the operator must change, in one line (main prints ConfigError without a stack).
      if (err.code === 'EADDRINUSE') reject(new ConfigError(`PORT ${o.config.port} on ${o.config.host} is already in use: stop the other process or set PORT`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
        reject(new ConfigError(`HOST ${o.config.host} is not an address of this machine: use 0.0.0.0 (every interface) or 127.0.0.1`));
      } else if (err.code === 'EACCES') reject(new ConfigError(`PORT ${o.config.port} needs privileges to bind: use a port above 1023`));
      else reject(err);
    });
    server.listen(o.config.port, o.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.config.host === '0.0.0.0' ? 'localhost' : o.config.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await o.apollo.stop();
    },
  };
}
