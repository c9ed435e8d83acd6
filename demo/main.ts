/**
 * `npm run demo [-- --workers N]`: the whole service offline in a minute. Starts the sample-data mirror on a loopback
 * port, a separate demo database (embedded PostgreSQL database `cchc_atlas_demo`, or `<db>_demo` next to
 * DATABASE_URL), registers the mirror's sites as `demo` sources, ingests them, then serves the API (same PORT /
 * DATA_DIR settings as `npm start`). With `--workers N` the ingestion runs as jobs through N `npm run worker`
 * processes (kept running while the API serves, for triggered runs); the totals are the same. Running it again adds
 * nothing: the pipeline is idempotent.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startApi, startDatabase } from '../src/app';
import { pipelineDeps } from '../ingest/wiring';
import { runSource } from '../ingest/pipeline';
import { registerSources } from '../ingest/sources';
import { createIngestTrigger, createJobTrigger } from '../ingest/trigger';
import { openBoss } from '../ingest/jobs/boss';
import { enqueueRun } from '../ingest/jobs/runs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadDemoContent } from './content-loader';
import { startMirror } from './mirror';
import { demoSources } from './sources';
import { extraRoutes } from '../src/http/routes';
import { CliUsageError, readCliArgs, type CliSpec } from '../ingest/cli-args';

const SPEC: CliSpec = {
  command: 'npm run demo',
  summary: 'The whole service offline: a mirror of sample portal pages on a loopback port, ingested into a separate demo '
    + 'database (cchc_atlas_demo), then the API and the charts page.',
  options: [
    { name: 'workers', value: 'N', description: 'ingest through N `npm run worker` processes (pg-boss jobs) instead of in this process' },
  ],
  notes: [
    'environment (as for `npm start`): PORT, HOST, DATA_DIR, EMBEDDED_PG_PORT, DATABASE_URL (the demo uses <database>_demo),',
    'LOG_LEVEL; DEMO_MIRROR_PORT (default 4580) is the preferred port of the sample-data mirror.',
    'Stop it with Ctrl-C. Running it again adds nothing.',
  ],
};
import { startIndexMirror } from './dvc-index/mirror';
import { registerIndexSource } from '../ingest/dvc-index/source';
import { DVC_INDEX_SOURCE_ID } from '../ingest/dvc-index/crosswalk';
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

/** Start `npm run worker` on `databaseUrl`; resolves when it has joined the queues. */
function startWorkerProcess(databaseUrl: string): Promise<ChildProcess> {
  // The compiled build (dist/, the Docker image) runs worker-cli.js with plain node; the sources run through swc-node.
  const compiled = __filename.endsWith('.js');
  const script = path.join(__dirname, '..', 'ingest', compiled ? 'worker-cli.js' : 'worker-cli.ts');
  const child = spawn(process.execPath, compiled ? [script] : ['-r', '@swc-node/register', script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ALLOW_PRIVATE_SOURCES: 'true' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('"ready":true')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`a worker process exited with ${code} before it was ready`)));
  });
}

async function main(): Promise<void> {
  const values = readCliArgs(SPEC, (v) => {
    if (v.workers !== undefined && !/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(String(v.workers))) throw new CliUsageError('--workers takes a whole number from 0 to 32');
  });
  const workerCount = values.workers === undefined ? 0 : Number(values.workers);
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
  const deps = pipelineDeps(db.orm, logger, { minDelayMillis: 0, maxAttempts: 2, allowPrivateAddresses: true }, { workers: config.parseWorkers });
  // The national service index (sample data for 3 provinces and their communes): province and commune rankings.
  const indexMirror = await startIndexMirror({ port: INDEX_MIRROR_PORT });
  await registerIndexSource(db.orm.em.fork(), { baseUrl: indexMirror.origin, demo: true, minDelayMillis: 0 });
  let index: { status: string; requests: number; figuresAdded: number };
  let totals: { runs: number; documents: number; figuresAdded: number; failed: number };
  let trigger = createIngestTrigger(deps);
  const children: ChildProcess[] = [];
  let boss: Awaited<ReturnType<typeof openBoss>> | null = null;
  if (workerCount > 0) {
    boss = await openBoss(db.databaseUrl, config.jobs, { onError: (err) => logger.error({ err }, 'pg-boss error') });
    children.push(...await Promise.all(Array.from({ length: workerCount }, () => startWorkerProcess(db.databaseUrl))));
    logger.info({ workers: workerCount }, 'demo worker processes ready');
    const runIds: number[] = [];
    for (const s of sources) {
      const r = await enqueueRun(db.orm, boss, s.id, 'cli');
      if (r.queued) runIds.push(r.runId);
      else logger.warn({ source: s.id, reason: r.reason }, 'demo run not queued');
    }
    // The index's requests are `index.period` jobs on the same workers.
    const indexRun = await enqueueRun(db.orm, boss, DVC_INDEX_SOURCE_ID, 'cli', { index: INDEX_DEMO_RANGE });
    totals = await waitForRuns(db.orm, runIds);
    if (indexRun.queued) {
      await waitForRuns(db.orm, [indexRun.runId]);
      const [run] = await db.orm.em.fork().execute<{ status: string; listed: number; figures_added: number }[]>(
        'select status::text as status, listed, figures_added from ingest_run where id = ?', [indexRun.runId]);
      index = { status: run.status, requests: run.listed, figuresAdded: run.figures_added };
    } else {
      index = { status: `not queued: ${indexRun.reason}`, requests: 0, figuresAdded: 0 };
    }
    trigger = createJobTrigger(db.orm, boss);
  } else {
    const queue = [...sources];
    const results = await Promise.all(Array.from({ length: PARALLEL_SOURCES }, async () => {
      const done = [];
      for (let s = queue.shift(); s; s = queue.shift()) done.push(await runSource(deps, s.id, { trigger: 'cli' }));
      return done;
    }));
    const runs = results.flat();
    totals = {
      runs: runs.length, documents: runs.reduce((n, r) => n + r.parsed, 0), figuresAdded: runs.reduce((n, r) => n + r.figuresAdded, 0),
      failed: runs.reduce((n, r) => n + r.failed, 0),
    };
    index = await runIndexBackfill({
      orm: db.orm, logger, baseUrl: indexMirror.origin,
      fetcher: new HttpFetcher({ ...INDEX_FETCH_OPTIONS, minDelayMillis: 0, maxAttempts: 2, allowPrivateAddresses: true, logger: logger.child({ component: 'fetch' }) }),
    }, { ...INDEX_DEMO_RANGE, trigger: 'cli' });
  }
  logger.info({ origin: indexMirror.origin, status: index.status, requests: index.requests, figuresAdded: index.figuresAdded, workers: workerCount },
    'demo national index ingested (sample data)');
  logger.info({ ...totals, workers: workerCount, seconds: (Date.now() - started) / 1000 }, 'demo ingested');
  const api = await startApi({
    config, logger, orm: db.orm, ingestTrigger: trigger, routes: extraRoutes({ orm: db.orm, config, logger }),
  });
  logger.info({ graphql: `${api.url}/graphql`, charts: `${api.url}/`, seconds: (Date.now() - started) / 1000 }, 'cchc-atlas demo ready');
  const stop = async () => {
    await api.close();
    await Promise.all(children.map((c) => new Promise((done) => { c.once('exit', done); c.kill('SIGTERM'); })));
    await boss?.stop({ graceful: true });
    await mirror.close();
    await deps.pageParser.close();
    await indexMirror.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Wait for the queued runs to finish; their totals, counted like the in-process runs. */
async function waitForRuns(orm: Awaited<ReturnType<typeof startDatabase>>['orm'], runIds: number[]) {
  for (;;) {
    const rows = await orm.em.fork().execute<{ status: string; parsed: number; figures_added: number; failed: number }[]>(
      'select status::text as status, parsed, figures_added, failed from ingest_run where id = any(?::int[])', [`{${runIds.join(',')}}`]);
    if (rows.every((r) => r.status !== 'running')) {
      return {
        runs: rows.length, documents: rows.reduce((n, r) => n + r.parsed, 0), figuresAdded: rows.reduce((n, r) => n + r.figures_added, 0),
        failed: rows.reduce((n, r) => n + r.failed, 0),
      };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
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
