/**
 * Ingestion runs executed as jobs: a run is an `ingest_run` row plus one `ingest_run_item` per listing page that
 * failed and per article listed. Creating a run is the one place that decides whether a source may run now (not
 * while another run of it is open) and whether a cron tick was already taken by another instance, under a
 * transaction-level advisory lock per source. Items close at most once (`outcome is null` guards every update), and
 * the run closes when its last article item does, with counters aggregated from the items — so retried or
 * duplicated jobs never count twice.
 * Public surface: `enqueueRun`, `EnqueueResult`, `addItems`, `openItems`, `itemIsOpen`, `closeItem`, `finishRun`,
 * `closeDeadItems`, `RunJob`, `IndexRunRange`, `ItemJob`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { INSTANCE_ID } from '../run-lease';
import { JOBS_SCHEMA } from '../../src/db/mikro-orm.config';
import { QUEUES, jobId } from './boss';

type Em = ReturnType<MikroORM['em']['fork']>;

/**
 * Data of a `source.run` job; `tickTime` (ISO) for a cron tick; `index` the months and grains of a national-index
 * run (default: every period from 2022-01 to the last published month).
 */
export interface RunJob { runId: number; sourceId: string; maxPages?: number; tickTime?: string; index?: IndexRunRange }

/** Which periods a queued national-index run asks for. */
export interface IndexRunRange {
  from: { year: number; month: number };
  to: { year: number; month: number };
  grains?: Array<'month' | 'quarter' | 'half' | 'year'>;
}
/** Data of a `document.fetch` job (and the base of `document.parse` and `index.period`, whose `url` is the request key). */
export interface ItemJob { runId: number; sourceId: string; url: string }

export type EnqueueResult = { queued: true; runId: number } | { queued: false; runId: null; reason: string };

/** A run left open this long (its jobs lost, e.g. the queue was wiped) no longer blocks its source. */
const STALE_RUN = '24 hours';

/**
 * Record a run of `sourceId` and send its `source.run` job. Refused (queued: false) while another run of the
 * source is open, or when `tickTime` is given and a cron run already started at or after that tick.
 */
export async function enqueueRun(
  orm: MikroORM, boss: PgBoss, sourceId: string, trigger: 'cron' | 'manual' | 'cli', options: { tickTime?: Date; maxPages?: number; index?: IndexRunRange } = {},
): Promise<EnqueueResult> {
  const em = orm.em.fork();
  const decided = await em.transactional(async (tx): Promise<EnqueueResult> => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`cchc-atlas:run:${sourceId}`]);
    const [source] = await tx.execute<{ id: string }[]>('select id from source where id = ?', [sourceId]);
    if (!source) return { queued: false, runId: null, reason: `source ${sourceId} does not exist` };
    if (options.tickTime) {
      const [taken] = await tx.execute(
        `select 1 from ingest_run where source_id = ? and trigger = 'cron' and started_at >= ? limit 1`, [sourceId, options.tickTime]);
      if (taken) return { queued: false, runId: null, reason: 'this tick was already taken by another instance' };
    }
    await tx.execute(
      `update ingest_run set status = 'abandoned', finished_at = now(),
         error = coalesce(error, 'no job finished it within ${STALE_RUN}')
       where source_id = ? and status = 'running' and started_at < now() - interval '${STALE_RUN}'`, [sourceId]);
    const [open] = await tx.execute('select 1 from ingest_run where source_id = ? and status = \'running\' limit 1', [sourceId]);
    if (open) return { queued: false, runId: null, reason: 'another run of this source is in progress' };
    // clock_timestamp(), not now(): the transaction may have begun before the previous run closed while this one
    // waited for the lock, and a run must not look as if it started before the previous one finished.
    const [run] = await tx.execute<{ id: number }[]>(
      `insert into ingest_run (source_id, trigger, started_at, status, instance, failures)
       values (?, ?, clock_timestamp(), 'running', ?, '[]'::jsonb) returning id`, [sourceId, trigger, INSTANCE_ID]);
    return { queued: true, runId: run.id };
  });
  if (!decided.queued) return decided;
  try {
    const data: RunJob = {
      runId: decided.runId, sourceId, ...(options.maxPages ? { maxPages: options.maxPages } : {}),
      ...(options.tickTime ? { tickTime: options.tickTime.toISOString() } : {}),
      ...(options.index ? { index: options.index } : {}),
    };
    await boss.send(QUEUES.sourceRun, data, { id: jobId('run', decided.runId), singletonKey: sourceId });
  } catch (err) {
    await finishRun(em, decided.runId, `the run could not be queued: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
  return decided;
}

/** true while the item has no outcome (a job that finds it closed has nothing left to do). */
export async function itemIsOpen(em: Em, job: ItemJob): Promise<boolean> {
  const [row] = await em.execute<{ open: boolean }[]>(
    'select outcome is null as open from ingest_run_item where run_id = ? and url = ?', [job.runId, job.url]);
  return !!row?.open;
}

export interface ItemOutcome {
  outcome: 'stored' | 'unchanged' | 'failed';
  fetched?: boolean;
  parsed?: boolean;
  figuresAdded?: number;
  figuresUpdated?: number;
  reason?: string;
  action?: 'retry' | 'skip' | 'abort';
}

/** Close an open item; false when it was already closed (a retried or duplicated job). */
export async function closeItem(em: Em, job: ItemJob, o: ItemOutcome): Promise<boolean> {
  const rows = await em.execute<{ url: string }[]>(
    `update ingest_run_item set outcome = ?, fetched = fetched or ?, parsed = parsed or ?, figures_added = ?,
       figures_updated = ?, reason = ?, action = ?, finished_at = now()
     where run_id = ? and url = ? and outcome is null returning url`,
    [o.outcome, o.fetched ?? false, o.parsed ?? false, o.figuresAdded ?? 0, o.figuresUpdated ?? 0,
      o.reason?.slice(0, 500) ?? null, o.action ?? null, job.runId, job.url]);
  return rows.length > 0;
}

/**
 * Close the run when no article item is open (or at once, as failed, when `error` is given), with counters and
 * failures aggregated from its items. Only the first caller closes it; returns the status it got, or null.
 */
export async function finishRun(em: Em, runId: number, error: string | null = null): Promise<string | null> {
  if (error === null) {
    // Cheap check first: most calls come while other items are still open (the aggregate would be wasted work).
    const open = await em.execute('select 1 from ingest_run_item where run_id = ? and outcome is null limit 1', [runId]);
    if (open.length) return null;
  }
  const rows = await em.execute<{ status: string }[]>(
    `update ingest_run r set finished_at = clock_timestamp(),
       status = (case when ?::text is not null then 'failed' when agg.failed > 0 then 'partial' else 'succeeded' end)::run_status,
       error = ?, listed = agg.listed, fetched = agg.fetched, unchanged = agg.unchanged, parsed = agg.parsed,
       figures_added = agg.figures_added, figures_updated = agg.figures_updated, failed = agg.failed, failures = agg.failures
     from (
       select count(*) filter (where kind = 'article') as listed, count(*) filter (where fetched) as fetched,
         count(*) filter (where outcome = 'unchanged') as unchanged, count(*) filter (where parsed) as parsed,
         coalesce(sum(figures_added), 0) as figures_added, coalesce(sum(figures_updated), 0) as figures_updated,
         count(*) filter (where outcome = 'failed') as failed,
         coalesce(jsonb_agg(jsonb_build_object('url', url, 'reason', reason, 'action', action) order by kind, url)
           filter (where outcome = 'failed'), '[]'::jsonb) as failures,
         count(*) filter (where outcome is null) as open
       from ingest_run_item where run_id = ?
     ) agg
     where r.id = ? and r.status = 'running' and (?::text is not null or agg.open = 0)
     returning r.status::text as status`,
    [error, error, runId, runId, error]);
  return rows[0]?.status ?? null;
}

/** Register a run's listing failures and its articles (idempotent), and set how many articles it listed. */
export async function addItems(
  em: Em, runId: number, articleUrls: string[], listingFailures: Array<{ url: string; reason: string; action: string }>,
): Promise<void> {
  const rows = [
    ...listingFailures.map((f) => ({ url: f.url, kind: 'listing', outcome: 'failed', reason: f.reason.slice(0, 500), action: f.action })),
    ...articleUrls.map((url) => ({ url, kind: 'article', outcome: null, reason: null, action: null })),
  ];
  if (rows.length === 0) return;
  await em.execute(
    `insert into ingest_run_item (run_id, url, kind, outcome, reason, action, finished_at)
     select ?, x.url, x.kind, x.outcome, x.reason, x.action, case when x.outcome is null then null else now() end
     from jsonb_to_recordset(?::jsonb) as x(url text, kind text, outcome text, reason text, action text)
     on conflict (run_id, url) do nothing`, [runId, JSON.stringify(rows)]);
}

/** Article items of a run still open (what `source.run` sends `document.fetch` jobs for). */
export async function openItems(em: Em, runId: number): Promise<string[]> {
  const rows = await em.execute<{ url: string }[]>(
    `select url from ingest_run_item where run_id = ? and kind = 'article' and outcome is null order by url`, [runId]);
  return rows.map((r) => r.url);
}

/**
 * Close the open items whose jobs are dead: a job failed for good (its worker died on the last try, so no handler
 * closed the item) and no job for the item is still waiting or active. Each is closed as failed with the job's error,
 * and its run finished when it was the last. Workers call this periodically; returns how many items it closed.
 */
export async function closeDeadItems(em: Em): Promise<number> {
  const rows = await em.execute<{ run_id: number; url: string; reason: string | null; tries: number }[]>(
    `select distinct on (i.run_id, i.url) i.run_id, i.url, coalesce(j.output->>'message', j.output->'value'->>'message') as reason, j.retry_count + 1 as tries
     from ingest_run_item i
     join ingest_run r on r.id = i.run_id and r.status = 'running'
     join ${JOBS_SCHEMA}.job j on j.name in (?, ?, ?) and j.state = 'failed'
       and j.data->>'runId' = i.run_id::text and j.data->>'url' = i.url
     where i.outcome is null
       and not exists (select 1 from ${JOBS_SCHEMA}.job p where p.name in (?, ?, ?) and p.state < 'completed'
                       and p.data->>'runId' = i.run_id::text and p.data->>'url' = i.url)
     order by i.run_id, i.url, j.completed_on desc`,
    [QUEUES.documentFetch, QUEUES.documentParse, QUEUES.indexPeriod, QUEUES.documentFetch, QUEUES.documentParse, QUEUES.indexPeriod]);
  let closed = 0;
  for (const r of rows) {
    const job = { runId: r.run_id, sourceId: '', url: r.url };
    if (await closeItem(em, job, { outcome: 'failed', reason: `${r.reason ?? 'the job failed'} (dead-lettered after ${r.tries} tries)`, action: 'retry' })) closed++;
    await finishRun(em, r.run_id);
  }
  return closed;
}
