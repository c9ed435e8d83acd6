/**
 * `npm run bench:ingest`: ingestion through the job queue with 1, 2 and 4 `npm run worker` processes (politeness off:
 * the sources' delay is 0) against a generated local mirror, each into a fresh database cloned from one migrated,
 * seeded template on one throwaway embedded PostgreSQL. Prints pages/s per worker count (worker start-up excluded),
 * and the API's p99 latency idle versus while 4 workers ingest (the API serves an already ingested database on the
 * same server and cores). The mirror runs in a child process. Prints numbers; asserts nothing.
 * Env: BENCH_PER_SITE (articles per site, 10 sites; default 60), BENCH_WORKERS (default "1,2,4"),
 * BENCH_CONCURRENCY (jobs per document queue per worker; default 2).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { initOrm, migrate, type Orm } from '../src/db/orm';
import { seedReferenceData } from '../src/db/seed';
import { silentLogger } from '../src/logger';
import { loadConfig } from '../src/config';
import { startApi } from '../src/app';
import { registerSources } from '../ingest/sources';
import { openBoss } from '../ingest/jobs/boss';
import { enqueueRun } from '../ingest/jobs/runs';
import { demoSources } from '../demo/sources';
import { syntheticContent } from './synthetic-content';

const PER_SITE = Number(process.env.BENCH_PER_SITE ?? 60);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const ROOT = path.resolve(__dirname, '..');
const JOBS_ENV = { JOBS_POLL_MS: '500', JOBS_MAINTENANCE_SECONDS: '30', JOBS_EXPIRE_SECONDS: '120', JOBS_RETRY_LIMIT: '2', JOBS_RETRY_DELAY_SECONDS: '1' };
const API_QUERY = '{ figures(first: 20) { totalCount edges { node { id value unit metric { code } } } } }';

async function startMirrorChild(): Promise<{ origin: string; stop(): void }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'mirror-child.ts'), String(PER_SITE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString())));
  return { origin: JSON.parse(line).origin, stop: () => child.kill() };
}

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'ingest/worker-cli.ts'], {
    cwd: ROOT, env: { ...process.env, ...JOBS_ENV, DATABASE_URL: databaseUrl, ALLOW_PRIVATE_SOURCES: 'true', LOG_LEVEL: 'error', WORKER_CONCURRENCY: String(CONCURRENCY) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => { out += c.toString(); if (out.includes('"ready":true')) resolve(child); });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

async function stopWorkers(children: ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise((done) => { c.once('exit', done); c.kill('SIGTERM'); })));
}

/** Clone the template into a fresh database. */
async function cloneDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`create database "${name}" template bench_template`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Ingest every source through `workers` processes; pages/s from the first enqueue to the last run finished. */
async function ingestWith(adminUrl: string, origin: string, workers: number, label: string): Promise<{ pages: number; seconds: number; figures: number; failed: number; orm: Orm; finished: Promise<void> }> {
  const url = await cloneDatabase(adminUrl, `bench_${label}`);
  const orm = await initOrm(url, undefined, { pool: { min: 1, max: 4 } });
  const sources = demoSources(syntheticContent(PER_SITE).sites, origin).map((s) => ({ ...s, maxPages: 1000 }));
  await registerSources(orm.em.fork(), sources);
  const boss = await openBoss(url, undefined, { max: 2 });
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
  const start = process.hrtime.bigint();
  const runIds: number[] = [];
  for (const s of sources) {
    const r = await enqueueRun(orm, boss, s.id, 'cli');
    if (r.queued) runIds.push(r.runId);
  }
  let rows: { status: string; parsed: number; figures_added: number; failed: number }[] = [];
  for (;;) {
    rows = await orm.em.fork().execute('select status::text as status, parsed, figures_added, failed from ingest_run where id = any(?::int[])', [`{${runIds.join(',')}}`]);
    if (rows.every((r) => r.status !== 'running')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const finished = (async () => { await stopWorkers(children); await boss.stop({ graceful: false }); })();
  return {
    pages: rows.reduce((n, r) => n + r.parsed, 0), figures: rows.reduce((n, r) => n + r.figures_added, 0),
    failed: rows.reduce((n, r) => n + r.failed, 0), seconds, orm, finished,
  };
}

/** `clients` loops POSTing the query until `until` resolves (or for `millis`); latencies in ms. */
async function load(apiUrl: string, clients: number, until: Promise<unknown>): Promise<number[]> {
  let stop = false;
  void until.then(() => { stop = true; });
  const samples: number[] = [];
  await Promise.all(Array.from({ length: clients }, async () => {
    while (!stop) {
      const t = performance.now();
      const res = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: API_QUERY }) });
      await res.text();
      samples.push(performance.now() - t);
    }
  }));
  return samples;
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-ingest-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: 56000 + Math.floor(Math.random() * 3000), database: 'bench_template', ephemeral: true });
  const mirror = await startMirrorChild();
  const admin = new URL(pg.databaseUrl);
  admin.pathname = '/postgres';
  const orms: Orm[] = [];
  try {
    const template = await initOrm(pg.databaseUrl);
    await migrate(template);
    await seedReferenceData(template.em.fork());
    (await openBoss(pg.databaseUrl, undefined, { max: 1 }).then((b) => b.stop({ graceful: false })));
    await template.close(true);

    console.log(`\nbench:ingest — ${PER_SITE * 10} pages from 10 sources through the job queue, politeness off, ${os.cpus().length} cores, ${CONCURRENCY} jobs per document queue per worker`);
    const results: Array<{ workers: number; pagesPerSecond: number }> = [];
    for (const n of WORKER_COUNTS) {
      const r = await ingestWith(admin.toString(), mirror.origin, n, `w${n}`);
      orms.push(r.orm);
      await r.finished;
      results.push({ workers: n, pagesPerSecond: r.pages / r.seconds });
      console.log(`  ${n} worker${n > 1 ? 's' : ' '}   ${(r.pages / r.seconds).toFixed(1).padStart(7)} pages/s   (${r.pages} pages, ${r.figures} figures, ${r.failed} failed, ${r.seconds.toFixed(1)} s)`);
    }

    // API latency: serve the first (ingested) database; idle, then while 4 workers ingest into a fresh one.
    const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    const api = await startApi({ config, logger: silentLogger, orm: orms[0] });
    await load(api.url, 4, new Promise((r) => setTimeout(r, 3000))); // warm-up: JIT, schema, query plans
    const idle = await load(api.url, 4, new Promise((r) => setTimeout(r, 8000)));
    let during: number[] = [];
    const busy = ingestWith(admin.toString(), mirror.origin, 4, 'api_load');
    let done!: () => void;
    const ingestDone = new Promise<void>((r) => { done = r; });
    const loading = load(api.url, 4, ingestDone).then((s) => { during = s; });
    const r = await busy;
    done();
    await loading;
    orms.push(r.orm);
    await r.finished;
    await api.close();
    const ratio = p99(during) / p99(idle);
    console.log(`  API p99 idle            ${p99(idle).toFixed(1)} ms (${idle.length} requests, 4 clients, figures(first: 20))`);
    console.log(`  API p99 during ingest   ${p99(during).toFixed(1)} ms (${during.length} requests while 4 workers ingested at ${(r.pages / r.seconds).toFixed(1)} pages/s) — ${ratio.toFixed(2)} × idle`);
  } finally {
    for (const orm of orms) await orm.close(true).catch(() => undefined);
    mirror.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
