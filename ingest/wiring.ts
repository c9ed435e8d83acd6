/**
 * Composition helpers for the processes that run ingestion (the service, the demo, the CLIs): one place that
 * builds the pipeline's dependencies from the configuration.
 * Public surface: `pipelineDeps`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../src/logger';
import { HttpFetcher, type HttpFetcherOptions } from './fetch';
import type { PipelineDeps } from './pipeline';

/** Pipeline dependencies over the real HTTP fetcher; `fetcherOptions` tune it (tests, benchmarks, the demo). */
export function pipelineDeps(orm: MikroORM, logger: Logger, fetcherOptions: HttpFetcherOptions = {}): PipelineDeps {
  const fetchLog = logger.child({ component: 'fetch' });
  return {
    orm,
    logger,
    createFetcher: (politeness) => new HttpFetcher({ ...politeness, logger: fetchLog, ...fetcherOptions }),
  };
}
