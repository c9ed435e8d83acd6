/**
 * The national service index (ingest/dvc-index) on the job queue. A run of the `dvc-index` source is an
 * `ingest_run` with one item per index request (the item's `url` is the request key, e.g.
 * `legacy|report_tinh_766_service|2025-M10|H01`):
 * - `source.run` registers the province lists of the run's periods as items and sends one `index.period` job each;
 * - `index.period` does ONE request with `runIndexPeriod` through the worker's host-gated fetcher (one request at a
 *   time per host across every worker, the source's delay between them). When it stores a new answer, the same
 *   transaction closes its item and registers the follow-up requests (a province list's provinces) as items, so a
 *   crash never leaves the run closed with requests missing, nor counts an answer twice. The follow-ups are then
 *   sent as `index.period` jobs with ids derived from the run and the request key, so a retried job never queues
 *   a request twice; requests already done (in this run or an earlier one: `index_request`) are not queued again.
 * Failures: an answer of an unknown shape or a 4xx other than 403/408/429 (*skip*) is recorded in `index_request`
 * by runIndexPeriod, closes the item as failed and completes the job; network errors, 403/429/5xx (*retry*) and
 * database loss are thrown, so pg-boss retries the job with backoff; a 403/429 also holds the host for every
 * worker (the WAF asked us to slow down); the last try closes the item "(dead-lettered after N tries)".
 * Public surface: `IndexJob`, `queueIndexRun`, `createIndexPeriodHandler`.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import type { Logger } from '../../src/logger';
import { FetchError } from '../errors';
import type { Fetcher } from '../fetch';
import { requestKey, type IndexRequest } from '../dvc-index/protocol';
import { provinceListRequests, runIndexPeriod } from '../dvc-index/run';
import { INDEX_FIRST_MONTH, lastPublishedMonth } from '../dvc-index/source';
import { QUEUES, jobId, type JobSettings } from './boss';
import type { RequestGate } from '../fetch';
import { addItems, closeItem, finishRun, openItems, type ItemJob, type RunJob } from './runs';

/** Data of an `index.period` job: the run item (`url` = the request key) and the request itself (plain JSON). */
export interface IndexJob extends ItemJob { request: IndexRequest }

type Em = EntityManager;

/** The longest a refused request (403/429 without Retry-After) holds the host for every worker. */
const MAX_REFUSAL_HOLD_MILLIS = 10 * 60_000;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The requests among `requests` that are not done yet (done ones need no job). */
async function pendingOf(em: Em, requests: IndexRequest[]): Promise<IndexRequest[]> {
  if (requests.length === 0) return [];
  const done = await em.execute<{ key: string }[]>(
    `select key from index_request where status = 'done' and key in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(requests.map(requestKey))]);
  const doneKeys = new Set(done.map((r) => r.key));
  return requests.filter((r) => !doneKeys.has(requestKey(r)));
}

function jobsFor(runId: number, sourceId: string, requests: IndexRequest[]) {
  return requests.map((request) => {
    const url = requestKey(request);
    return { name: QUEUES.indexPeriod, id: jobId('index', runId, url), data: { runId, sourceId, url, request } satisfies IndexJob };
  });
}

/**
 * `source.run` of a `dvc-index` source: register the province lists of the run's periods (its `index` range, else
 * 2022-01 to the last month published at the tick) as items and send their jobs. Idempotent: a retried job adds
 * nothing twice and re-sends only lists whose items are still open.
 */
export async function queueIndexRun(em: Em, boss: PgBoss, job: RunJob): Promise<{ listed: number; queued: number }> {
  const range = job.index ?? { from: INDEX_FIRST_MONTH, to: lastPublishedMonth(job.tickTime ? new Date(job.tickTime) : new Date()) };
  const lists = provinceListRequests(range.from, range.to, range.grains);
  await addItems(em, job.runId, lists.map(requestKey), []);
  const open = new Set(await openItems(em, job.runId));
  const toSend = lists.filter((r) => open.has(requestKey(r)));
  if (toSend.length) await boss.insert(jobsFor(job.runId, job.sourceId, toSend));
  await finishRun(em, job.runId); // closes a run with no period to ask for
  return { listed: lists.length, queued: toSend.length };
}

export interface IndexHandlerContext {
  orm: MikroORM;
  boss: PgBoss;
  logger: Logger;
  settings: JobSettings;
  /** The worker's fetcher for a source delay: one try, the shared host gate, 403 retried like 429. */
  fetcherFor: (minDelayMillis: number) => Fetcher;
  /** The shared host gate, to hold the portal's host for every worker after a refusal. */
  gate: RequestGate;
}

/** The `index.period` handler (see the file header). */
export function createIndexPeriodHandler(ctx: IndexHandlerContext): (job: PgBoss.JobWithMetadata<IndexJob>) => Promise<object> {
  return async (job) => {
    const { runId, sourceId, request } = job.data;
    const em = ctx.orm.em.fork();
    const [run] = await em.execute<{ status: string }[]>('select status::text as status from ingest_run where id = ?', [runId]);
    if (!run || run.status !== 'running') return { skipped: 'run already finished' };
    const [source] = await em.execute<{ base_url: string; min_delay_millis: number }[]>(
      `select base_url, min_delay_millis from source where id = ? and family = 'dvc-index'`, [sourceId]);
    if (!source) {
      await closeItem(em, job.data, { outcome: 'failed', reason: `source ${sourceId} is not a dvc-index source`, action: 'skip' });
      await finishRun(em, runId);
      return { skipped: 'not an index source' };
    }
    const deps = { orm: ctx.orm, fetcher: ctx.fetcherFor(source.min_delay_millis), logger: ctx.logger, baseUrl: source.base_url };
    let pending: IndexRequest[] = [];
    try {
      const r = await runIndexPeriod(deps, request, {
        inTransaction: async (tx, stored) => {
          pending = await pendingOf(tx, stored.next);
          await addItems(tx, runId, pending.map(requestKey), []);
          await closeItem(tx, job.data, { outcome: 'stored', fetched: true, parsed: true, figuresAdded: stored.figuresAdded });
        },
      });
      if (r.status === 'failed') {
        // Skip class: recorded in index_request by runIndexPeriod; retrying cannot help, the next run tries again.
        await closeItem(em, job.data, { outcome: 'failed', reason: r.reason ?? 'failed', action: 'skip' });
        await finishRun(em, runId);
        return { skipped: r.reason };
      }
      if (r.status === 'already-done') {
        // Done earlier (another run, or this job's previous try that stopped before sending its follow-ups).
        pending = await pendingOf(em, r.next);
        await addItems(em, runId, pending.map(requestKey), []);
        await closeItem(em, job.data, { outcome: 'unchanged' });
      }
      if (pending.length) await ctx.boss.insert(jobsFor(runId, sourceId, pending));
      await finishRun(em, runId);
      return { status: r.status, figuresAdded: r.figuresAdded, next: pending.length };
    } catch (err) {
      const reason = message(err);
      if (err instanceof FetchError && (err.status === 403 || err.status === 429) && err.retryAfterMs === null) {
        // The portal refused us (its WAF): every worker leaves the host alone for as long as this job waits.
        const hold = Math.min(ctx.settings.retryDelaySeconds * 1000 * 2 ** job.retryCount, MAX_REFUSAL_HOLD_MILLIS, ctx.settings.expireInSeconds * 500);
        ctx.gate.defer(new URL(source.base_url).host, Date.now() + hold);
      }
      if (job.retryCount >= job.retryLimit) {
        const tries = job.retryCount + 1;
        await closeItem(em, job.data, { outcome: 'failed', reason: `${reason} (dead-lettered after ${tries} tries)`, action: 'retry' })
          .then(() => finishRun(em, runId))
          .catch((e: unknown) => ctx.logger.error({ err: e, key: job.data.url }, 'could not record a dead-lettered index request'));
      }
      ctx.logger.warn({ queue: job.name, key: job.data.url, try: job.retryCount + 1, of: job.retryLimit + 1, reason }, 'index job failed');
      throw err;
    }
  };
}
