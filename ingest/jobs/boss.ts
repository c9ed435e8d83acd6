/**
 * pg-boss over the service's PostgreSQL: the queues ingestion runs on, their retry and dead-letter policies, and
 * how a process joins them. pg-boss keeps its tables in its own schema (`JOBS_SCHEMA`, ignored by the MikroORM
 * schema diff). Every process may call `openBoss`: creating the schema and the queues is idempotent.
 * Public surface: `QUEUES`, `JobSettings`, `DEFAULT_JOB_SETTINGS`, `openBoss`, `jobId`.
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { JOBS_SCHEMA } from '../../src/db/mikro-orm.config';
import { connectionName } from '../../src/db/connection-name';
import type { JobsConfig } from '../../src/config';

/** Queue names. */
export const QUEUES = {
  sourceRun: 'source.run',
  documentFetch: 'document.fetch',
  documentParse: 'document.parse',
  /** One request of the national service index (ingest/dvc-index): a period's province list, or one province. */
  indexPeriod: 'index.period',
  /** Jobs whose last try failed land here, with their data and the error as `output`. */
  deadLetter: 'ingest.dead-letter',
} as const;

/** Queue settings (from the configuration: JOBS_* variables). `expireInSeconds` is what rescues a killed worker's job. */
export type JobSettings = JobsConfig;

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  retryLimit: 3, retryDelaySeconds: 10, expireInSeconds: 300, maintenanceSeconds: 30, pollingSeconds: 1,
};

/** A stable job id (UUID-shaped) for `parts`: sending the same job twice inserts it once (pg-boss ignores the conflict). */
export function jobId(...parts: Array<string | number>): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Start pg-boss on `databaseUrl` and make sure the queues exist with the current settings. `supervise` runs
 * maintenance (expiry of jobs of dead workers, archiving); any number of processes may supervise, pg-boss lets one
 * at a time do it. `max` bounds pg-boss's own connection pool.
 */
export async function openBoss(databaseUrl: string, settings: JobSettings = DEFAULT_JOB_SETTINGS, options: { max?: number; onError?: (err: Error) => void } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOBS_SCHEMA,
    application_name: connectionName('jobs'),
    max: options.max ?? 4,
    schedule: false, // cron ticks come from ingest/schedule.ts (one mechanism, see there)
    supervise: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
  });
  boss.on('error', options.onError ?? (() => undefined));
  await boss.start();
  await ensureQueues(boss, settings);
  return boss;
}

async function ensureQueues(boss: PgBoss, s: JobSettings): Promise<void> {
  const retry = { retryLimit: s.retryLimit, retryDelay: s.retryDelaySeconds, retryBackoff: s.retryDelaySeconds > 0, expireInSeconds: s.expireInSeconds };
  const queues: Array<[string, PgBoss.Queue]> = [
    // Dead letters are kept for a week for people to read; nothing works this queue.
    [QUEUES.deadLetter, { name: QUEUES.deadLetter, policy: 'standard', retentionMinutes: 7 * 24 * 60 }],
    // One active run per source (singletonKey = source id); a run's listing walk is short, documents are their own jobs.
    [QUEUES.sourceRun, { name: QUEUES.sourceRun, policy: 'singleton', ...retry, deadLetter: QUEUES.deadLetter }],
    [QUEUES.documentFetch, { name: QUEUES.documentFetch, policy: 'standard', ...retry, deadLetter: QUEUES.deadLetter }],
    [QUEUES.documentParse, { name: QUEUES.documentParse, policy: 'standard', ...retry, deadLetter: QUEUES.deadLetter }],
    [QUEUES.indexPeriod, { name: QUEUES.indexPeriod, policy: 'standard', ...retry, deadLetter: QUEUES.deadLetter }],
  ];
  for (const [name, options] of queues) {
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options); // an existing queue takes the current settings
  }
}
