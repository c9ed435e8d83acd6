/** Ingestion test wiring: the demo mirror (optionally with the fault site), its sources, fast fetcher settings. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { silentLogger } from '../../src/logger';
import { pipelineDeps } from '../../ingest/wiring';
import type { PipelineDeps } from '../../ingest/pipeline';
import { registerSources } from '../../ingest/sources';
import { loadDemoContent } from '../../demo/content-loader';
import { startMirror, type Mirror } from '../../demo/mirror';
import { demoSources } from '../../demo/sources';
import { FAULT_ARTICLES, FAULT_SITE, FAULT_SLUGS } from '../../demo/faults';
import type { DemoArticle, DemoSite } from '../../demo/types';

export interface IngestFixture {
  mirror: Mirror;
  deps: PipelineDeps;
  sourceIds: Record<string, string>;
  sites: DemoSite[];
  articles: DemoArticle[];
}

/** Fetcher settings that keep fault tests fast: short timeouts, two attempts, tiny backoff. */
export const FAST_FETCH = { allowPrivateAddresses: true, minDelayMillis: 0, totalTimeoutMillis: 1500, connectTimeoutMillis: 1000, maxAttempts: 2, backoffBaseMillis: 10, backoffCapMillis: 50, maxRetryAfterMillis: 3000 };

/** Start a mirror with `siteIds` from the demo content (and the fault site when `faults`), register them. */
export async function startIngestFixture(orm: MikroORM, options: { siteIds?: string[]; faults?: boolean; articleDelayMillis?: number } = {}): Promise<IngestFixture> {
  const content = loadDemoContent();
  const sites = content.sites.filter((s) => options.siteIds?.includes(s.id));
  const articles = content.articles.filter((a) => sites.some((s) => s.id === a.siteId));
  if (options.faults) {
    sites.push(FAULT_SITE);
    articles.push(...FAULT_ARTICLES);
  }
  const mirror = await startMirror({ sites, articles, faultySlugs: options.faults ? FAULT_SLUGS : undefined, articleDelayMillis: options.articleDelayMillis });
  const sources = demoSources(sites, mirror.origin);
  await registerSources(orm.em.fork(), sources);
  return {
    mirror, sites, articles,
    deps: pipelineDeps(orm, silentLogger, FAST_FETCH),
    sourceIds: Object.fromEntries(sites.map((s, i) => [s.id, sources[i].id])),
  };
}

export async function count(orm: MikroORM, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await orm.em.fork().execute<{ n: string }[]>(sql, params);
  return Number(row.n);
}
