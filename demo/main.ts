/**
 * `npm run demo`: the whole service offline in a minute. Starts the sample-data mirror on a loopback port, a
 * separate demo database (embedded PostgreSQL database `cchc_atlas_demo`, or `<db>_demo` next to DATABASE_URL),
 * registers the mirror's sites as `demo` sources, ingests them, then serves the API (same PORT / DATA_DIR settings
 * as `npm start`). Running it again adds nothing: the pipeline is idempotent.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startApi, startDatabase } from '../src/app';
import { pipelineDeps } from '../ingest/wiring';
import { runSource } from '../ingest/pipeline';
import { registerSources } from '../ingest/sources';
import { createIngestTrigger } from '../ingest/trigger';
import { loadDemoContent } from './content-loader';
import { startMirror } from './mirror';
import { demoSources } from './sources';
import { extraRoutes } from '../src/http/routes';
import { startIndexMirror } from './dvc-index/mirror';
import { registerIndexSource } from '../ingest/dvc-index/source';
import { INDEX_FETCH_OPTIONS, runIndexBackfill } from '../ingest/dvc-index/run';
import { HttpFetcher } from '../ingest/fetch';

/** Preferred mirror port: a stable origin keeps demo URLs the same across runs (a busy port falls back to any). */
const MIRROR_PORT = Number(process.env.DEMO_MIRROR_PORT ?? 4580);
/** The national index mirror's preferred port (its origin is part of the stored documents' URLs). */
const INDEX_MIRROR_PORT = MIRROR_PORT + 1;
/** Months of sample index data the demo backfills (legacy API): all of 2025, with its quarters, first half and year. */
const INDEX_DEMO_RANGE = { from: { year: 2025, month: 1 }, to: { year: 2025, month: 12 } };
const PARALLEL_SOURCES = 3;

function demoDatabaseUrl(url: string | null): string | null {
  if (!url) return null;
  const u = new URL(url);
  u.pathname = `${u.pathname.replace(/\/$/, '') || '/cchc_atlas'}_demo`;
  return u.toString();
}

async function main(): Promise<void> {
  const base = loadConfig();
  const config = loadConfig(process.env, { databaseUrl: demoDatabaseUrl(base.databaseUrl), allowPrivateSources: true, schedulerEnabled: false });
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const content = loadDemoContent();
  const mirror = await startMirror({ ...content, port: MIRROR_PORT });
  logger.info({ origin: mirror.origin, sites: content.sites.length, articles: content.articles.length }, 'demo mirror serving sample data');
  if (config.databaseUrl) await ensureDatabase(config.databaseUrl);
  const db = await startDatabase(config, logger, 'cchc_atlas_demo');
  const sources = demoSources(content.sites, mirror.origin);
  await registerSources(db.orm.em.fork(), sources);
  const deps = pipelineDeps(db.orm, logger, { minDelayMillis: 0, maxAttempts: 2 });
  const queue = [...sources];
  const results = await Promise.all(Array.from({ length: PARALLEL_SOURCES }, async () => {
    const done = [];
    for (let s = queue.shift(); s; s = queue.shift()) done.push(await runSource(deps, s.id, { trigger: 'cli' }));
    return done;
  }));
  const runs = results.flat();
  // The national service index (sample data for 3 provinces and their communes): province and commune rankings.
  const indexMirror = await startIndexMirror({ port: INDEX_MIRROR_PORT });
  await registerIndexSource(db.orm.em.fork(), { baseUrl: indexMirror.origin, demo: true, minDelayMillis: 0 });
  const index = await runIndexBackfill({
    orm: db.orm, logger, baseUrl: indexMirror.origin,
    fetcher: new HttpFetcher({ ...INDEX_FETCH_OPTIONS, minDelayMillis: 0, maxAttempts: 2, logger: logger.child({ component: 'fetch' }) }),
  }, { ...INDEX_DEMO_RANGE, trigger: 'cli' });
  logger.info({ origin: indexMirror.origin, status: index.status, requests: index.requests, figuresAdded: index.figuresAdded },
    'demo national index ingested (sample data)');
  logger.info({
    runs: runs.length, documents: runs.reduce((n, r) => n + r.parsed, 0), figuresAdded: runs.reduce((n, r) => n + r.figuresAdded, 0),
    failed: runs.reduce((n, r) => n + r.failed, 0), seconds: (Date.now() - started) / 1000,
  }, 'demo ingested');
  const api = await startApi({
    config, logger, orm: db.orm, ingestTrigger: createIngestTrigger(deps), routes: extraRoutes({ orm: db.orm, config, logger }),
  });
  logger.info({ graphql: `${api.url}/graphql`, charts: `${api.url}/`, seconds: (Date.now() - started) / 1000 }, 'cchc-atlas demo ready');
  const stop = async () => {
    await api.close();
    await mirror.close();
    await indexMirror.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** With an external server, create `<db>_demo` on it first. */
async function ensureDatabase(url: string): Promise<void> {
  const { Client } = await import('pg');
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!found.rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof Error && ['ConfigError', 'DatabaseStartError'].includes(err.name);
  console.error(known ? `cchc-atlas demo: ${(err as Error).message}` : err);
  process.exit(1);
});
