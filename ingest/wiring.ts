/**
 * Composition helpers for the processes that run ingestion (the service, the demo, the CLIs): one place that
 * builds the pipeline's dependencies from the configuration.
 * Public surface: `pipelineDeps`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../src/logger';
import { HttpFetcher, type HttpFetcherOptions } from './fetch';
import type { PipelineDeps } from './pipeline';
import { createPageParser, type PageParserOptions } from './parse/pool';

/**
 * Pipeline dependencies over the real HTTP fetcher and a page parser (worker threads; `parser.workers` from the
 * configuration's PARSE_WORKERS, default 1); `fetcherOptions` tune the fetcher (tests, benchmarks, the demo).
 * The parser's idle workers stop by themselves; `pageParser.close()` stops them at once.
 */
export function pipelineDeps(
  orm: MikroORM, logger: Logger, fetcherOptions: HttpFetcherOptions = {}, parser: PageParserOptions = {},
): PipelineDeps & { pageParser: NonNullable<PipelineDeps['pageParser']> } {
  const fetchLog = logger.child({ component: 'fetch' });
  return {
    orm,
    logger,
    createFetcher: (politeness) => new HttpFetcher({ ...politeness, logger: fetchLog, ...fetcherOptions }),
    pageParser: createPageParser(parser),
  };
}
