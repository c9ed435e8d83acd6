/**
 * Test helpers for HttpFetcher: a loopback HTTP server with a route table, a fake clock, and windows-1258 bytes.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../ingest/fetch';

/** A route: gets the request and its 1-based hit count for that path. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

export interface TestServer {
  origin: string;
  hits: Map<string, number>;
  /** Paths in arrival order. */
  log: string[];
  close(): Promise<void>;
}

/** Start a server on 127.0.0.1, port 0. Unknown paths answer 404 (so robots.txt is "allow all" unless routed). */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    log.push(path);
    res.on('error', () => undefined);
    const route = routes[path];
    if (route) route(req, res, hit);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose sleep advances time instantly; records every sleep. */
export function fakeClock(start = Date.UTC(2024, 0, 1)): Clock & { sleeps: number[]; advance(ms: number): void } {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

export { toCp1258 } from '../../../demo/cp1258';
