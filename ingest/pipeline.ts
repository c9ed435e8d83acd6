/**
 * One ingestion run of one source: walk its listings (incrementally), fetch new or changed articles, parse,
 * extract, store each article in one transaction, and record the run. The only place the stages are composed.
 * One bad item never stops a run; what to do with a failure (retry later, skip, abort) is decided in `classify`.
 * Public surface: `runSource`, `RunSummary`, `PipelineDeps`, `RunOptions`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../src/logger';
import type { Fetcher } from './fetch';
import { CriticalIngestError, ingestErrorAction, type IngestAction } from './errors';
import { parseArticlePage, parseListingPage } from './portals';
import { figuresFromText } from './extract/figures';
import { EXTRACTOR_VERSION } from './extract/version';
import { loadSubjectContext, type SubjectContext } from './gazetteer-resolver';
import { persistDocument } from './store';
import { claimRun } from './run-lease';
import { runIndexSource } from './dvc-index/source';

export interface PipelineDeps {
  orm: MikroORM;
  /**
   * A fetcher for one run, honouring the source's politeness delay (robots and delays are per run); a source family
   * may ask for more statuses to back off on (the national index: 403).
   */
  createFetcher: (politeness: { minDelayMillis: number; extraRetryStatuses?: number[] }) => Fetcher;
  logger: Logger;
}

export interface RunOptions {
  trigger: 'cron' | 'manual' | 'cli';
  /** Overrides the source's page limit. */
  maxPages?: number;
  /** Scheduled instant of a cron tick (one tick runs on one instance). */
  tickTime?: Date;
  /** Called once the run is claimed and recorded, with its id. */
  onStart?: (runId: number) => void;
  /** Called after each article (for progress bars). */
  onProgress?: (p: { done: number; total: number; url: string }) => void;
}

export interface RunCounters {
  listed: number;
  fetched: number;
  unchanged: number;
  parsed: number;
  figuresAdded: number;
  figuresUpdated: number;
  failed: number;
}

/** Wall time spent per stage in this run (milliseconds), to tell where a slow run spends its time. */
export interface StageMillis { listing: number; fetch: number; parse: number; extract: number; store: number }

export interface RunSummary extends RunCounters {
  stageMillis: StageMillis;
  sourceId: string;
  runId: number | null;
  status: 'succeeded' | 'partial' | 'failed' | 'skipped';
  failures: Array<{ url: string; reason: string; action: IngestAction }>;
  error: string | null;
  millis: number;
}

interface SourceRow {
  id: string; family: string; listing_urls: string[]; max_pages: number; publisher_id: number | null; enabled: boolean;
  min_delay_millis: number;
}

class RunAborted extends Error {}

/** Connection-level failures (server gone, refused, shut down): the run cannot store anything, so it aborts. */
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function asDatabaseFailure(err: unknown): unknown {
  const e = err as { code?: string; name?: string; message?: string };
  const down = (e?.code && DB_DOWN_CODES.has(e.code)) || e?.name === 'ConnectionException'
    || /Connection terminated|connection is closed|Client has encountered a connection error/i.test(e?.message ?? '');
  return down ? new CriticalIngestError(`database unreachable while storing: ${e.message}; the run stops, fix the database and run again`) : err;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Run one source now. Resolves with the summary; rejects only if the database itself fails before the run starts. */
export async function runSource(deps: PipelineDeps, sourceId: string, options: RunOptions): Promise<RunSummary> {
  const [indexSource] = await deps.orm.em.fork().execute<{ base_url: string; min_delay_millis: number }[]>(
    `select base_url, min_delay_millis from source where id = ? and family = 'dvc-index'`, [sourceId]);
  // The national index is not a portal of articles: it walks its own requests (ingest/dvc-index).
  if (indexSource) return runIndexSource(deps, indexSource, options);
  const started = Date.now();
  const log = deps.logger.child({ component: 'pipeline', source: sourceId });
  const databaseUrl = deps.orm.config.get('clientUrl') as string;
  const counters: RunCounters = { listed: 0, fetched: 0, unchanged: 0, parsed: 0, figuresAdded: 0, figuresUpdated: 0, failed: 0 };
  const failures: RunSummary['failures'] = [];
  const stageMillis: StageMillis = { listing: 0, fetch: 0, parse: 0, extract: 0, store: 0 };
  const summary = (status: RunSummary['status'], runId: number | null, error: string | null): RunSummary =>
    ({ sourceId, runId, status, ...counters, stageMillis, failures, error, millis: Date.now() - started });

  const claim = await claimRun(databaseUrl, sourceId, options.trigger, options.tickTime);
  if (!claim.claimed) {
    log.info({ reason: claim.reason }, 'run skipped');
    return summary('skipped', null, claim.reason);
  }
  const { lease } = claim;
  options.onStart?.(lease.runId);
  const em = deps.orm.em.fork();
  let error: string | null = null;
  const fail = (url: string, err: unknown) => {
    const action = ingestErrorAction(err);
    counters.failed++;
    failures.push({ url, reason: message(err).slice(0, 500), action });
    log.warn({ url, reason: message(err), action }, 'item failed');
    if (action === 'abort') throw new RunAborted(message(err));
  };
  try {
    const [source] = await em.execute<SourceRow[]>(
      'select id, family, listing_urls, max_pages, publisher_id, enabled, min_delay_millis from source where id = ?', [sourceId]);
    if (!source) throw new RunAborted(`source ${sourceId} does not exist`);
    if (source.publisher_id === null) throw new RunAborted(`source ${sourceId} has no publishing unit: set its publisher`);
    const subjects = await loadSubjectContext(em, source.publisher_id);
    const fetcher = deps.createFetcher({ minDelayMillis: source.min_delay_millis });
    const listingFailuresBefore = failures.length;
    const listingStart = performance.now();
    const urls = await walkListings(fetcher, em, source, options.maxPages ?? source.max_pages, fail);
    stageMillis.listing += performance.now() - listingStart;
    if (urls.length === 0 && failures.length - listingFailuresBefore >= source.listing_urls.length) {
      throw new RunAborted(`no listing page could be read: ${failures[failures.length - 1].reason}`);
    }
    counters.listed = urls.length;
    let done = 0;
    for (const url of urls) {
      try {
        await ingestArticle(fetcher, em, source, subjects, url, counters, stageMillis);
      } catch (err) {
        if (err instanceof RunAborted) throw err;
        fail(url, err);
      }
      options.onProgress?.({ done: ++done, total: urls.length, url });
    }
  } catch (err) {
    error = message(err);
    if (!(err instanceof RunAborted)) log.error({ err }, 'run failed');
  }
  const status: RunSummary['status'] = error ? 'failed' : counters.failed > 0 ? 'partial' : 'succeeded';
  try {
    await em.execute(
      `update ingest_run set finished_at = now(), status = ?, listed = ?, fetched = ?, unchanged = ?, parsed = ?,
         figures_added = ?, figures_updated = ?, failed = ?, failures = ?::jsonb, error = ? where id = ?`,
      [status, counters.listed, counters.fetched, counters.unchanged, counters.parsed, counters.figuresAdded,
        counters.figuresUpdated, counters.failed, JSON.stringify(failures), error, lease.runId]);
  } finally {
    await lease.release();
  }
  log.info({ runId: lease.runId, status, ...counters, millis: Date.now() - started }, 'run finished');
  return summary(status, lease.runId, error);
}

/** Listing pages, newest first, until a page that holds an article we already have (incremental), or the limit. */
async function walkListings(
  fetcher: Fetcher, em: ReturnType<MikroORM['em']['fork']>, source: SourceRow, maxPages: number,
  fail: (url: string, err: unknown) => void,
): Promise<string[]> {
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const start of source.listing_urls) {
    let next: string | null = start;
    for (let page = 1; next && page <= maxPages; page++) {
      const listingUrl: string = next;
      let parsed;
      try {
        const fetched = await fetcher.fetch(listingUrl);
        parsed = parseListingPage(fetched.body, fetched.finalUrl, source.family);
      } catch (err) {
        fail(listingUrl, err);
        break;
      }
      const fresh = parsed.articleUrls.filter((u) => !seen.has(u));
      fresh.forEach((u) => { seen.add(u); ordered.push(u); });
      const known = fresh.length
        ? await em.execute<{ n: string }[]>(
          'select count(*) as n from document where url in (select jsonb_array_elements_text(?::jsonb))', [JSON.stringify(fresh)])
        : [{ n: '0' }];
      if (Number(known[0].n) > 0) break; // older pages were read by earlier runs
      next = parsed.nextPageUrl && !seen.has(parsed.nextPageUrl) ? parsed.nextPageUrl : null;
      if (next) seen.add(next);
    }
  }
  return ordered;
}

async function ingestArticle(
  fetcher: Fetcher, em: ReturnType<MikroORM['em']['fork']>, source: SourceRow, subjects: SubjectContext,
  url: string, counters: RunCounters, stageMillis: StageMillis,
): Promise<void> {
  let mark = performance.now();
  const lap = (stage: keyof StageMillis) => {
    const now = performance.now();
    stageMillis[stage] += now - mark;
    mark = now;
  };
  const [known] = await em.execute<{ etag: string | null; last_modified: string | null; extractor_version: string }[]>(
    'select etag, last_modified, extractor_version from document where url = ?', [url]);
  // A stored copy made by an older extractor is re-read in full (re-extraction also has its own command).
  const conditional = known && known.extractor_version === EXTRACTOR_VERSION
    ? { etag: known.etag, lastModified: known.last_modified } : {};
  const page = await fetcher.fetch(url, conditional);
  lap('fetch');
  counters.fetched++;
  if (page.notModified) {
    counters.unchanged++;
    return;
  }
  const article = parseArticlePage(page.body, page.finalUrl, source.family);
  lap('parse');
  counters.parsed++;
  const extraction = figuresFromText(article.text, {
    publishedAt: article.publishedAt, publisher: subjects.publisher, title: article.title, resolver: subjects.resolver,
  });
  lap('extract');
  const outcome = await persistDocument(em, {
    sourceId: source.id, publisherUnitId: source.publisher_id!, article, rawHtml: page.body, httpStatus: page.status,
    etag: page.etag, lastModified: page.lastModified, fetchedAt: page.fetchedAt,
    figures: extraction.figures, extractorVersion: EXTRACTOR_VERSION,
  }).catch((err: unknown) => { throw asDatabaseFailure(err); });
  lap('store');
  if (outcome.status === 'unchanged' || outcome.status === 'duplicate') counters.unchanged++;
  counters.figuresAdded += outcome.figuresAdded;
  counters.figuresUpdated += outcome.figuresUpdated;
}
