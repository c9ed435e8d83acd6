/**
 * Prometheus metrics of one API instance (prom-client): HTTP requests and their durations by route, GraphQL
 * operations and errors, and the default process metrics. Each server gets its own registry, so several servers in
 * one process (tests) never share or collide on counters. Served at `/metrics`.
 */
import type http from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GraphQLMetricsSink } from '../graphql/metrics-plugin';
import type { RouteHandler } from './server';

/** Methods kept as label values; anything else is "OTHER" (clients choose the method, labels must stay few). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
/** Seconds: from a cached GraphQL answer (~1 ms) to a long CSV export. */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface ApiMetrics {
  registry: Registry;
  /** Counts for the GraphQL plugin. */
  graphql: GraphQLMetricsSink;
  /** Count and time every request of `server`; paths outside `routes` are labelled "unmatched". */
  observe(server: http.Server, routes: readonly string[]): void;
  /** The `/metrics` handler. */
  route: RouteHandler;
}

/** A fresh registry with the API's metrics. */
export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total', help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const, registers: [registry],
  });
  const durations = new Histogram({
    name: 'http_request_duration_seconds', help: 'Time to answer an HTTP request (until the last byte was handed to the OS)',
    labelNames: ['method', 'route'] as const, buckets: DURATION_BUCKETS, registers: [registry],
  });
  const operations = new Counter({
    name: 'graphql_operations_total', help: 'GraphQL operations by type, root field and outcome',
    labelNames: ['type', 'field', 'outcome'] as const, registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total', help: 'GraphQL errors returned, by code', labelNames: ['code'] as const, registers: [registry],
  });
  return {
    registry,
    graphql: {
      operation: (labels) => operations.inc(labels),
      error: (code) => errors.inc({ code }),
    },
    observe(server, routes) {
      const known = new Set(routes);
      server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
        const stop = durations.startTimer();
        const path = (req.url ?? '/').split('?')[0];
        const route = known.has(path) ? path : 'unmatched';
        const method = METHODS.has(req.method ?? '') ? req.method! : 'OTHER';
        res.once('close', () => {
          stop({ method, route });
          requests.inc({ method, route, status: String(res.statusCode) });
        });
      });
    },
    route: async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
        return;
      }
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
