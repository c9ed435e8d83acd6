/**
 * Running the national index: `runIndexPeriod` does ONE request (the province list of a period, or one province's
 * departments and communes) and is what the job queue calls as `index.period`; `runIndexBackfill` walks periods
 * sequentially with it (CLI, schedule, demo) under the source's run lease, recording an IngestRun.
 *
 * Failure classes follow ingest/errors.ts: an unrecognised answer or a 4xx other than 403/408/429 *skips* the
 * request (recorded as failed with its reason, retried on the next run); network errors, 403/429/5xx and
 * transient database refusals such as a deadlock *retry* (recorded, then rethrown so a queue can retry with backoff;
 * the sequential runner counts it and, after `breakerThreshold` such failures in a row, stops to let the portal cool
 * down); database loss *aborts*.
 * Public surface: `runIndexPeriod`, `IndexPeriodOptions`, `provinceListRequests`, `runIndexBackfill`, `IndexDeps`,
 * `IndexPeriodResult`, `BackfillOptions`, `BackfillSummary`, `generationFor`, `INDEX_FETCH_OPTIONS`.
 */
import { gunzipSync } from 'node:zlib';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../../src/logger';
import type { Fetcher, HttpFetcherOptions } from '../fetch';
import { CriticalIngestError, asTransientDatabaseError, ingestErrorAction } from '../errors';
import { claimRun } from '../run-lease';
import { COUNT_VIEWS, buildCall, parseIndexResponse, requestKey, supportsPeriod, type IndexGeneration, type IndexRequest, type IndexRow } from './protocol';
import { recordIndexFailure, storeIndexAnswer } from './store';
import { enumeratePeriods, periodKey, type IndexPeriod, type PeriodGrain } from './periods';
import { DVC_INDEX_SOURCE_ID } from './crosswalk';
import { refreshPicksAfterWrite } from '../../src/modules/figure/figure-pick';

export interface IndexDeps {
  orm: MikroORM;
  /** The shared polite fetcher (robots, delay, retries); in queue mode the jobs branch passes its host-gated one. */
  fetcher: Fetcher;
  logger: Logger;
  /** https://dichvucong.gov.vn, or the demo mirror's origin. */
  baseUrl: string;
}

/** Fetcher settings the index needs besides the defaults: back off on 403 (WAF) like on 429. */
export const INDEX_FETCH_OPTIONS: HttpFetcherOptions = { extraRetryStatuses: [403] };

/** First year the current JSON API is used for; earlier periods go to the legacy service. */
export const FIRST_V1_YEAR = 2026;

export function generationFor(p: IndexPeriod, firstV1Year = FIRST_V1_YEAR): IndexGeneration {
  return p.year >= firstV1Year ? 'v1' : 'legacy';
}

export interface IndexPeriodResult {
  key: string;
  status: 'stored' | 'already-done' | 'failed';
  figuresAdded: number;
  reason: string | null;
  /** For a province list: one request per province of that list (what a queue enqueues next). */
  next: IndexRequest[];
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Province requests that follow a stored province list (read back from its stored answer). */
async function provinceRequests(deps: IndexDeps, request: IndexRequest, documentId: number | null): Promise<IndexRequest[]> {
  if (request.province || documentId === null) return [];
  const [doc] = await deps.orm.em.fork().execute<{ raw_html_gz: Buffer; url: string }[]>(
    'select raw_html_gz, url from document where id = ?', [documentId]);
  if (!doc) return [];
  const rows = parseIndexResponse(request, gunzipSync(doc.raw_html_gz).toString('utf8'), doc.url);
  return followUps(request, rows);
}

/**
 * After a province list: each province's scores, and in the current API also its count trees (progress, online,
 * payment, satisfaction, digitisation).
 */
function followUps(request: IndexRequest, rows: IndexRow[]): IndexRequest[] {
  if (request.province) return [];
  return rows.flatMap((r) => {
    const province = { code: r.code, agencyId: r.agencyId };
    const scores: IndexRequest = { generation: request.generation, period: request.period, province };
    return request.generation === 'v1' ? [scores, ...COUNT_VIEWS.map((view) => ({ ...scores, view }))] : [scores];
  });
}

/**
 * Do one request: skip it when already done, else fetch, read and store it in one transaction. Returns what
 * happened and, for a province list, the province requests to do next. Throws only for *retry* and *abort*
 * failures (after recording them), so a job queue retries exactly those.
 */
export interface IndexPeriodOptions {
  /**
   * Runs inside the transaction that stores a new answer, with the follow-up requests (see IndexStoreInput): the
   * job queue records the item's outcome and the next requests' items there, so a crash never splits them.
   */
  inTransaction?: (tx: EntityManager, stored: { figuresAdded: number; next: IndexRequest[] }) => Promise<void>;
}

export async function runIndexPeriod(deps: IndexDeps, request: IndexRequest, o: IndexPeriodOptions = {}): Promise<IndexPeriodResult> {
  const key = requestKey(request);
  const em = deps.orm.em.fork();
  const [state] = await em.execute<{ status: string; document_id: number | null }[]>(
    'select status, document_id from index_request where key = ?', [key]);
  if (state?.status === 'done') {
    return { key, status: 'already-done', figuresAdded: 0, reason: null, next: await provinceRequests(deps, request, state.document_id) };
  }
  const call = buildCall(deps.baseUrl, request);
  try {
    const page = await deps.fetcher.fetch(call.url, { method: 'POST', body: call.body, headers: call.headers });
    const rows = parseIndexResponse(request, page.body, call.provenanceUrl);
    const next = followUps(request, rows);
    const outcome = await storeIndexAnswer(em, {
      request, call, rows, rawBody: page.body, httpStatus: page.status, fetchedAt: page.fetchedAt,
      inTransaction: o.inTransaction ? (tx, stored) => o.inTransaction!(tx, { ...stored, next }) : undefined,
    }).catch((err: unknown) => { throw asTransientDatabaseError(err); }); // a deadlock is retried, not skipped
    return { key, status: outcome.status, figuresAdded: outcome.figuresAdded, reason: null, next };
  } catch (err) {
    const action = ingestErrorAction(err);
    const reason = message(err);
    if (action !== 'abort') {
      await recordIndexFailure(em, request, call.endpoint, reason).catch((e: unknown) => {
        throw new CriticalIngestError(`database unreachable while recording a failure: ${message(e)}`);
      });
    }
    deps.logger.warn({ key, reason, action }, 'index request failed');
    if (action === 'skip') return { key, status: 'failed', figuresAdded: 0, reason, next: [] };
    throw err;
  }
}

export interface BackfillOptions {
  from: { year: number; month: number };
  to: { year: number; month: number };
  /** Default: month, quarter, half, year. */
  grains?: readonly PeriodGrain[];
  trigger: 'cron' | 'manual' | 'cli';
  tickTime?: Date;
  /** Stop after this many retry-class failures in a row (the portal is rejecting us). Default 3. */
  breakerThreshold?: number;
  firstV1Year?: number;
  onStart?: (runId: number) => void;
  /** After each request: requests finished and known so far (the total grows as province lists arrive). */
  onProgress?: (p: { done: number; total: number; key: string; status: string }) => void;
}

export interface BackfillSummary {
  runId: number | null;
  status: 'succeeded' | 'partial' | 'failed' | 'skipped';
  requests: number;
  stored: number;
  alreadyDone: number;
  failed: number;
  figuresAdded: number;
  failures: Array<{ url: string; reason: string; action: string }>;
  error: string | null;
  millis: number;
}

/** The province-list requests of every period of `grains` within [from, to] that the period's generation can ask for. */
export function provinceListRequests(
  from: { year: number; month: number }, to: { year: number; month: number }, grains: readonly PeriodGrain[] = ['month', 'quarter', 'half', 'year'],
  firstV1Year = FIRST_V1_YEAR,
): IndexRequest[] {
  return enumeratePeriods(from, to, grains)
    .filter((p) => supportsPeriod(generationFor(p, firstV1Year), p))
    .map((period) => ({ generation: generationFor(period, firstV1Year), period, province: null }));
}

/** Walk the periods in time order: each period's province list, then its provinces. Sequential; resumable. */
export async function runIndexBackfill(deps: IndexDeps, o: BackfillOptions): Promise<BackfillSummary> {
  const started = Date.now();
  const lists = provinceListRequests(o.from, o.to, o.grains, o.firstV1Year);
  const s: BackfillSummary = { runId: null, status: 'succeeded', requests: 0, stored: 0, alreadyDone: 0, failed: 0, figuresAdded: 0, failures: [], error: null, millis: 0 };
  const databaseUrl = deps.orm.config.get('clientUrl') as string;
  const claim = await claimRun(databaseUrl, DVC_INDEX_SOURCE_ID, o.trigger, o.tickTime);
  if (!claim.claimed) return { ...s, status: 'skipped', error: claim.reason, millis: Date.now() - started };
  const { lease } = claim;
  s.runId = lease.runId;
  o.onStart?.(lease.runId);
  const threshold = o.breakerThreshold ?? 3;
  let retryStreak = 0;
  let total = lists.length;
  const queue: IndexRequest[] = [...lists];
  try {
    while (queue.length) {
      const request = queue.shift()!;
      let status: string;
      try {
        const r = await runIndexPeriod(deps, request);
        status = r.status;
        retryStreak = 0;
        if (r.status === 'stored') s.stored++;
        else if (r.status === 'already-done') s.alreadyDone++;
        else {
          s.failed++;
          s.failures.push({ url: r.key, reason: r.reason ?? '', action: 'skip' });
        }
        s.figuresAdded += r.figuresAdded;
        queue.unshift(...r.next);
        total += r.next.length;
      } catch (err) {
        const action = ingestErrorAction(err);
        if (action === 'abort') throw err;
        s.failed++;
        s.failures.push({ url: requestKey(request), reason: message(err).slice(0, 500), action });
        status = 'failed';
        if (action === 'retry' && ++retryStreak >= threshold) {
          throw new BreakerOpen(`${retryStreak} requests in a row were refused or timed out (last: ${message(err)}); stopped to back off, run again later to resume`);
        }
      }
      s.requests++;
      o.onProgress?.({ done: s.requests, total, key: requestKey(request), status });
    }
  } catch (err) {
    s.error = message(err);
    if (!(err instanceof BreakerOpen)) deps.logger.error({ err }, 'index backfill failed');
  }
  s.status = s.error ? (s.stored > 0 || s.alreadyDone > 0 ? 'partial' : 'failed') : s.failed > 0 ? 'partial' : 'succeeded';
  try {
    await deps.orm.em.fork().execute(
      `update ingest_run set finished_at = now(), status = ?, listed = ?, fetched = ?, unchanged = ?, parsed = ?,
         figures_added = ?, figures_updated = 0, failed = ?, failures = ?::jsonb, error = ? where id = ?`,
      [s.status, total, s.stored + s.failed, s.alreadyDone, s.stored, s.figuresAdded, s.failed,
        JSON.stringify(s.failures.slice(0, 200)), s.error, lease.runId]);
  } finally {
    await lease.release();
  }
  await refreshPicksAfterWrite(deps.orm.em.fork(), deps.logger);
  s.millis = Date.now() - started;
  deps.logger.info({ ...s, failures: s.failures.length }, 'index backfill finished');
  return s;
}

class BreakerOpen extends Error {}

export { periodKey };
