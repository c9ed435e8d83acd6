/**
 * Plain HTTP routes next to /graphql. `apiRoutes` are part of every API instance (`startApi` mounts them):
 * the CSV export and the Prometheus metrics. `extraRoutes` are the optional extras a composition root adds
 * (the charts page, see `static.ts`).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ApiMetrics } from './metrics';
import type { RouteHandler } from './server';
import { figuresCsvRoute } from './figures-csv';
import { staticRoutes } from './static';

export interface RouteDeps {
  orm: MikroORM;
  config: Readonly<Config>;
  logger: Logger;
}

/** Path of the CSV export (same filters as `figures`). */
export const FIGURES_CSV_PATH = '/export/figures.csv';
/** Path of the Prometheus metrics. */
export const METRICS_PATH = '/metrics';

/** The routes every API instance serves besides /graphql, /healthz and /readyz. */
export function apiRoutes(deps: RouteDeps, metrics: ApiMetrics): Record<string, RouteHandler> {
  return { [FIGURES_CSV_PATH]: figuresCsvRoute(deps), [METRICS_PATH]: metrics.route };
}

/** Optional routes for a composition root: the charts page at `/`. */
export function extraRoutes(_deps: RouteDeps): Record<string, RouteHandler> {
  return staticRoutes();
}
