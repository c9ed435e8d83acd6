/** Job-queue test wiring: real `npm run worker` processes over a test database, and waiting for runs to finish. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { openBoss, type JobSettings } from '../../ingest/jobs/boss';
import { enqueueRun } from '../../ingest/jobs/runs';
import { connectionsOfProcess } from '../../src/db/connection-name';

const ROOT = path.resolve(__dirname, '..', '..');

/** Fast queue settings for tests: short expiry (a killed worker's job comes back in seconds), quick retries. */
export const TEST_JOBS: JobSettings = { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 4, maintenanceSeconds: 1, pollingSeconds: 0.5 };

export function jobsEnv(s: JobSettings = TEST_JOBS): Record<string, string> {
  return {
    JOBS_RETRY_LIMIT: String(s.retryLimit), JOBS_RETRY_DELAY_SECONDS: String(s.retryDelaySeconds),
    JOBS_EXPIRE_SECONDS: String(s.expireInSeconds), JOBS_MAINTENANCE_SECONDS: String(s.maintenanceSeconds),
    JOBS_POLL_MS: String(s.pollingSeconds * 1000),
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** Start `npm run worker` (the real CLI) on `databaseUrl`; resolves once it printed its ready line. */
export async function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'ingest/worker-cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '2', ALLOW_PRIVATE_SOURCES: 'true', ...jobsEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready after 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('"ready":true')) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`worker exited with ${code}:\n${output}`)); });
  });
  return {
    child, exited, output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** pg-boss for the test process (to enqueue and inspect); queues are created with `settings`. */
export function testBoss(databaseUrl: string, settings: JobSettings = TEST_JOBS): Promise<PgBoss> {
  return openBoss(databaseUrl, settings, { max: 2 });
}

/** Enqueue a run of each source; returns the run ids. */
export async function enqueueAll(orm: MikroORM, boss: PgBoss, sourceIds: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const id of sourceIds) {
    const r = await enqueueRun(orm, boss, id, 'cli');
    if (!r.queued) throw new Error(`run of ${id} not queued: ${r.reason}`);
    ids.push(r.runId);
  }
  return ids;
}

/** Wait until every run in `runIds` is finished; returns their rows. */
export async function waitForRuns(orm: MikroORM, runIds: number[], timeoutMillis = 60_000): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const rows = await orm.em.fork().execute<Array<Record<string, unknown>>>(
      `select id, source_id, status::text as status, listed, fetched, unchanged, parsed, figures_added, figures_updated, failed, failures, error
       from ingest_run where id = any(?::int[]) order by source_id`, [`{${runIds.join(',')}}`]);
    if (rows.length === runIds.length && rows.every((r) => r.status !== 'running')) return rows;
    if (Date.now() > deadline) throw new Error(`runs still open after ${timeoutMillis} ms: ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Wait until pg-boss holds no job that is not completed, and return how many are left (0, or the count at the deadline).
 * A run's row is finished by its last job's handler, and pg-boss marks that job completed only after the handler
 * returns: a test that reads the jobs right after `waitForRuns` can catch the last one still active.
 */
export async function waitForJobsToSettle(orm: MikroORM, timeoutMillis = 10_000): Promise<{ open: number; jobs: string }> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const rows = await orm.em.fork().execute<Array<{ name: string; state: string }>>(`select name, state::text as state from pgboss.job where state <> 'completed' order by name`);
    if (rows.length === 0 || Date.now() > deadline) return { open: rows.length, jobs: rows.map((r) => `${r.name}:${r.state}`).join(', ') };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Documents and figures as comparable plain rows (no ids, no timestamps). */
export async function snapshot(orm: MikroORM): Promise<{ documents: unknown[]; figures: unknown[] }> {
  const em = orm.em.fork();
  const documents = await em.execute(
    'select url, source_id, title, published_at, content_hash, extractor_version from document order by url');
  const figures = await em.execute(
    `select d.url, f.fingerprint, f.metric_code, f.value::text as value, f.subject_id, f.period_year, f.evidence_sentence
     from figure f join document d on d.id = f.document_id order by d.url, f.fingerprint`);
  return { documents, figures };
}

/**
 * After stopping a pg-boss that ran work() loops in this process: pg-boss removes its stopped loops from a
 * setImmediate that polls every second, which would otherwise fire after jest tore the test file down.
 */
export function settlePgBoss(): Promise<void> {
  return new Promise((r) => setTimeout(r, 1100));
}

/**
 * Wait until no backend of process `pid` is left (its connections are named after it, see connectionName). A query a
 * killed process sent just before it died still runs to its end on the server — a job's completion among them — so
 * a test counts what a dead worker left behind only after this.
 */
export async function waitForConnectionsToEnd(orm: MikroORM, pid: number, timeoutMillis = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const [row] = await orm.em.fork().execute<Array<{ n: string }>>(
      'select count(*) as n from pg_stat_activity where application_name like ?', [connectionsOfProcess(pid)]);
    if (Number(row.n) === 0) return;
    if (Date.now() > deadline) throw new Error(`process ${pid} still has ${row.n} database connections after ${timeoutMillis} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
