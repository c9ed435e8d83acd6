/**
 * Read-only view of the ingestion job queues, straight from pg-boss's tables (schema `JOBS_SCHEMA`): counts by
 * queue and state, the oldest waiting job, recent failures with their reasons, and recent job durations. Used by
 * the `jobs` query and `/metrics`. A database where no process opened the queues yet answers empty.
 * Public surface: `queueCounts`, `oldestWaiting`, `recentFailures`, `recentDurations`, `jobsSchemaExists`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { JOBS_SCHEMA } from '../../db/mikro-orm.config';

const S = JOBS_SCHEMA;
/** Job data without the fetched page a `document.parse` job carries (up to megabytes of HTML). */
const DATA = `(data - 'page')`;

export async function jobsSchemaExists(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ ok: boolean }[]>(`select to_regclass('${S}.job') is not null as ok`);
  return !!row?.ok;
}

/** Jobs per queue and state (pg-boss states: created, retry, active, completed, cancelled, failed). */
export async function queueCounts(em: EntityManager): Promise<Array<{ queue: string; state: string; count: number }>> {
  if (!(await jobsSchemaExists(em))) return [];
  const rows = await em.execute<{ queue: string; state: string; n: string }[]>(
    `select name as queue, state::text as state, count(*) as n from ${S}.job group by 1, 2 order by 1, 2`);
  return rows.map((r) => ({ queue: r.queue, state: r.state, count: Number(r.n) }));
}

/** The job that has waited longest to start (created or waiting for a retry, and due). */
export async function oldestWaiting(em: EntityManager): Promise<{ id: string; queue: string; createdOn: Date; data: unknown } | null> {
  if (!(await jobsSchemaExists(em))) return null;
  const [row] = await em.execute<{ id: string; queue: string; created_on: Date; data: unknown }[]>(
    `select id::text, name as queue, created_on, ${DATA} as data from ${S}.job
     where state in ('created', 'retry') and name not like '%dead-letter%' order by created_on limit 1`);
  return row ? { id: row.id, queue: row.queue, createdOn: new Date(row.created_on), data: row.data } : null;
}

/** Jobs that failed their last try (each also sits in the dead-letter queue), newest first. */
export async function recentFailures(em: EntityManager, limit: number): Promise<Array<{ id: string; queue: string; failedAt: Date; tries: number; reason: string; data: unknown }>> {
  if (!(await jobsSchemaExists(em))) return [];
  const rows = await em.execute<{ id: string; queue: string; completed_on: Date; tries: number; reason: string | null; data: unknown }[]>(
    `select id::text, name as queue, completed_on, retry_count + 1 as tries, coalesce(output->>'message', output->'value'->>'message') as reason, ${DATA} as data
     from ${S}.job where state = 'failed' order by completed_on desc limit ?`, [limit]);
  return rows.map((r) => ({ id: r.id, queue: r.queue, failedAt: new Date(r.completed_on), tries: r.tries, reason: r.reason ?? 'unknown', data: r.data }));
}

/** Durations (seconds) of the jobs completed in the last `minutes`, per queue: count, sum and quantiles. */
export async function recentDurations(em: EntityManager, minutes: number): Promise<Array<{ queue: string; count: number; sum: number; p50: number; p99: number }>> {
  if (!(await jobsSchemaExists(em))) return [];
  const rows = await em.execute<{ queue: string; n: string; sum: number; p50: number; p99: number }[]>(
    `select name as queue, count(*) as n, sum(s) as sum,
       percentile_cont(0.5) within group (order by s) as p50, percentile_cont(0.99) within group (order by s) as p99
     from (select name, extract(epoch from completed_on - started_on) as s from ${S}.job
           where state = 'completed' and started_on is not null and completed_on > now() - ? * interval '1 minute') d
     group by 1 order by 1`, [minutes]);
  return rows.map((r) => ({ queue: r.queue, count: Number(r.n), sum: Number(r.sum), p50: Number(r.p50), p99: Number(r.p99) }));
}
