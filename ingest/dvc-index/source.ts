/**
 * The index as a source row (family `dvc-index`): registration, and the scheduled/manual run that the pipeline
 * dispatches to (a backfill from 2022-01 to the last published month; requests already done are no-ops).
 * Public surface: `registerIndexSource`, `runIndexSource`, `INDEX_BASE_URL`, `INDEX_SCHEDULE`, `INDEX_FIRST_MONTH`,
 * `lastPublishedMonth`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PipelineDeps, RunOptions, RunSummary } from '../pipeline';
import { DVC_INDEX_SOURCE_ID } from './crosswalk';
import { INDEX_FETCH_OPTIONS, runIndexBackfill } from './run';
import { PUBLICATION_DAY } from './periods';

export const INDEX_BASE_URL = 'https://dichvucong.gov.vn';
/** Monthly, the day after the usual publication day (06:30, Asia/Ho_Chi_Minh). */
export const INDEX_SCHEDULE = `30 6 ${PUBLICATION_DAY + 1} * *`;
export const INDEX_FIRST_MONTH = { year: 2022, month: 1 };
/** The index asks for one request at a time with a pause: 3 s between requests (the portal sits behind a WAF). */
const INDEX_DELAY_MILLIS = 3000;

/** Upsert the index source (configuration only; an operator's enabled flag survives). */
export async function registerIndexSource(em: EntityManager, o: { baseUrl?: string; demo?: boolean; minDelayMillis?: number } = {}): Promise<void> {
  const baseUrl = o.baseUrl ?? INDEX_BASE_URL;
  await em.execute(
    `insert into source (id, name, base_url, family, listing_urls, schedule, enabled, publisher_id, min_delay_millis, max_pages, demo)
     values (?, ?, ?, 'dvc-index', array[?], ?, true, null, ?, 1, ?)
     on conflict (id) do update set name = excluded.name, base_url = excluded.base_url, family = excluded.family,
       listing_urls = excluded.listing_urls, schedule = excluded.schedule, min_delay_millis = excluded.min_delay_millis,
       demo = excluded.demo, updated_at = now()`,
    [DVC_INDEX_SOURCE_ID, 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Cổng Dịch vụ công quốc gia)', baseUrl,
      `${baseUrl}/danh-gia-chat-luong-phuc-vu`, INDEX_SCHEDULE, o.minDelayMillis ?? INDEX_DELAY_MILLIS, o.demo ?? false]);
}

/** The last month whose scores have usually been published at `now` (UTC+7 calendar). */
export function lastPublishedMonth(now: Date): { year: number; month: number } {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth() + 1 - (local.getUTCDate() >= PUBLICATION_DAY ? 1 : 2);
  while (month < 1) { month += 12; year--; }
  return { year, month };
}

/** What the pipeline runs for a `dvc-index` source (cron or manual trigger). */
export async function runIndexSource(deps: PipelineDeps, source: { base_url: string; min_delay_millis: number }, options: RunOptions): Promise<RunSummary> {
  const fetcher = deps.createFetcher({ minDelayMillis: source.min_delay_millis, ...INDEX_FETCH_OPTIONS });
  const s = await runIndexBackfill({ orm: deps.orm, fetcher, logger: deps.logger, baseUrl: source.base_url }, {
    from: INDEX_FIRST_MONTH, to: lastPublishedMonth(options.tickTime ?? new Date()), trigger: options.trigger, tickTime: options.tickTime,
    onStart: options.onStart,
    onProgress: options.onProgress ? (p) => options.onProgress!({ done: p.done, total: p.total, url: p.key }) : undefined,
  });
  return {
    sourceId: DVC_INDEX_SOURCE_ID, runId: s.runId, status: s.status, listed: s.requests, fetched: s.stored + s.failed,
    unchanged: s.alreadyDone, parsed: s.stored, figuresAdded: s.figuresAdded, figuresUpdated: 0, failed: s.failed,
    failures: s.failures.map((f) => ({ url: f.url, reason: f.reason, action: f.action as 'retry' | 'skip' | 'abort' })),
    error: s.error, millis: s.millis, stageMillis: { listing: 0, fetch: 0, parse: 0, extract: 0, store: 0 },
  };
}
