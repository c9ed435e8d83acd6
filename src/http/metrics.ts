/**
 * Prometheus metrics of one API instance (prom-client): HTTP requests and their durations by route, GraphQL
 * operations and errors, and the default process metrics. Each server gets its own registry, so several servers in
 * one process (tests) never share or collide on counters. Served at `/metrics`.
 */
import type http from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queueCounts, recentDurations } from '../modules/job/job-stats';
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

/** Window of completed jobs the duration gauges summarise. */
const JOB_DURATION_WINDOW_MINUTES = 15;

/**
 * A fresh registry with the API's metrics. With `jobsEm`, also the ingestion queues as the database sees them at
 * scrape time (every API instance reports the same shared numbers): depth by queue and state, and the durations of
 * the jobs completed in the last 15 minutes (count, sum, p50, p99) — whichever worker process ran them.
 */
export function createApiMetrics(jobsEm?: () => EntityManager): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (jobsEm) {
    new Gauge({
      name: 'cchc_jobs', help: 'Ingestion jobs by queue and state (created and retry = waiting)',
      labelNames: ['queue', 'state'] as const, registers: [registry],
      async collect() {
        this.reset();
        // A database that does not answer leaves the gauge empty; the rest of /metrics is still served.
        for (const c of await queueCounts(jobsEm()).catch(() => [])) this.set({ queue: c.queue, state: c.state }, c.count);
      },
    });
    new Gauge({
      name: 'cchc_job_duration_seconds', help: `Run time of ingestion jobs completed in the last ${JOB_DURATION_WINDOW_MINUTES} minutes, by queue: quantile 0.5 and 0.99, count and sum (stat)`,
      labelNames: ['queue', 'stat'] as const, registers: [registry],
      async collect() {
        this.reset();
        for (const d of await recentDurations(jobsEm(), JOB_DURATION_WINDOW_MINUTES).catch(() => [])) {
          this.set({ queue: d.queue, stat: 'p50' }, d.p50);
          this.set({ queue: d.queue, stat: 'p99' }, d.p99);
          this.set({ queue: d.queue, stat: 'count' }, d.count);
          this.set({ queue: d.queue, stat: 'sum' }, d.sum);
        }
      },
    });
  }
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
