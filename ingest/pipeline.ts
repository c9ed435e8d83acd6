/**
 * One ingestion run of one source: walk its listings (incrementally), fetch new or changed articles, parse,
 * extract, store each article in one transaction, and record the run. The only place the stages are composed.
 * One bad item never stops a run; what to do with a failure (retry later, skip, abort) is decided in `classify`.
 * Public surface: `runSource`, `RunSummary`, `PipelineDeps`, `RunOptions`; `walkListings`, `SourceRow`, `SOURCE_COLUMNS` and
 * `asDatabaseFailure` are shared with the job handlers (ingest/jobs), which run the same stages one item per job.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../src/logger';
import type { Fetcher } from './fetch';
import { CriticalIngestError, ingestErrorAction, type IngestAction } from './errors';
import { AttachmentError, attachmentFormat, MEDIA_TYPE_OF } from './attachments';
import { attachmentFigures } from './document-figures';
import type { AttachmentLink } from './portals/tables';
import { settleTableSubjects } from './table-subjects';
import { EXTRACTOR_VERSION } from './extract/version';
import { dateFromUrl } from './extract/url-date';
import { createPageParser, type PageParser } from './parse/pool';
import { loadSubjectContext, type SubjectContext } from './gazetteer-resolver';
import { persistDocument } from './store';
import { claimRun } from './run-lease';
import { runIndexSource } from './dvc-index/source';
import { refreshPicksAfterWrite } from '../src/modules/figure/figure-pick';

export interface PipelineDeps {
  orm: MikroORM;
  /**
   * A fetcher for one run, honouring the source's politeness delay (robots and delays are per run); a source family
   * may ask for more statuses to back off on (the national index: 403).
   */
  createFetcher: (politeness: { minDelayMillis: number; extraRetryStatuses?: number[] }) => Fetcher;
  logger: Logger;
  /**
   * Where pages are parsed and figures extracted: a worker pool (wiring.ts), so a run inside the API process never
   * blocks its event loop. Absent: the calling thread.
   */
  pageParser?: PageParser;
}

const INLINE_PARSER = createPageParser({ workers: 0 });

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

/** A source as the pipeline reads it. */
export interface SourceRow {
  id: string; family: string; listing_urls: string[]; max_pages: number; publisher_id: number | null; enabled: boolean;
  min_delay_millis: number;
}

export const SOURCE_COLUMNS = 'id, family, listing_urls, max_pages, publisher_id, enabled, min_delay_millis';

class RunAborted extends Error {}

/** Connection-level failures (server gone, refused, shut down): the run cannot store anything, so it aborts. */
const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

export function asDatabaseFailure(err: unknown): unknown {
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
      `select ${SOURCE_COLUMNS} from source where id = ?`, [sourceId]);
    if (!source) throw new RunAborted(`source ${sourceId} does not exist`);
    if (source.publisher_id === null) throw new RunAborted(`source ${sourceId} has no publishing unit: set its publisher`);
    const subjects = await loadSubjectContext(em, source.publisher_id);
    const fetcher = deps.createFetcher({ minDelayMillis: source.min_delay_millis });
    const listingFailuresBefore = failures.length;
    const listingStart = performance.now();
    const parser = deps.pageParser ?? INLINE_PARSER;
    const urls = await walkListings(fetcher, parser, em, source, options.maxPages ?? source.max_pages, fail);
    stageMillis.listing += performance.now() - listingStart;
    if (urls.length === 0 && failures.length - listingFailuresBefore >= source.listing_urls.length) {
      throw new RunAborted(`no listing page could be read: ${failures[failures.length - 1].reason}`);
    }
    counters.listed = urls.length;
    let done = 0;
    for (const url of urls) {
      try {
        await ingestArticle(fetcher, parser, em, source, subjects, url, counters, stageMillis, fail);
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
  await refreshPicksAfterWrite(em, log);
  log.info({ runId: lease.runId, status, ...counters, millis: Date.now() - started }, 'run finished');
  return summary(status, lease.runId, error);
}

/** Listing pages, newest first, until a page that holds an article we already have (incremental), or the limit. */
export async function walkListings(
  fetcher: Fetcher, parser: PageParser, em: ReturnType<MikroORM['em']['fork']>, source: SourceRow, maxPages: number,
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
        const done = await parser.run({ kind: 'listing', html: fetched.body, url: fetched.finalUrl, family: source.family });
        if (done.kind !== 'listing') throw new Error('the page parser answered a listing with an article');
        parsed = done.listing;
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
  fetcher: Fetcher, parser: PageParser, em: ReturnType<MikroORM['em']['fork']>, source: SourceRow, subjects: SubjectContext,
  url: string, counters: RunCounters, stageMillis: StageMillis, fail: (url: string, err: unknown) => void,
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
  const done = await parser.run({ kind: 'article', html: page.body, url: page.finalUrl, family: source.family, subjects: subjects.data });
  if (done.kind !== 'article') throw new Error('the page parser answered an article with a listing');
  const { article, figures, links, rawHtmlGz } = done;
  // Parse and extract ran elsewhere (a worker): their own times, the rest of the wait counts as parse.
  const waited = performance.now() - mark;
  stageMillis.parse += waited - done.extractMillis;
  stageMillis.extract += done.extractMillis;
  mark = performance.now();
  counters.parsed++;
  // Row subjects of tables that the gazetteer does not know: local units or flagged (needs the database).
  await settleTableSubjects(em, source.publisher_id!, figures);
  const outcome = await persistDocument(em, {
    sourceId: source.id, publisherUnitId: source.publisher_id!, article, rawHtml: page.body, rawHtmlGz, httpStatus: page.status,
    etag: page.etag, lastModified: page.lastModified, fetchedAt: page.fetchedAt,
    figures, extractorVersion: EXTRACTOR_VERSION,
  }).catch((err: unknown) => { throw asDatabaseFailure(err); });
  lap('store');
  if (outcome.status === 'unchanged' || outcome.status === 'duplicate') counters.unchanged++;
  counters.figuresAdded += outcome.figuresAdded;
  counters.figuresUpdated += outcome.figuresUpdated;
  // Reports attached to the article: each is its own document (linked to the article) and its own item.
  for (const link of links) {
    try {
      await ingestAttachment(fetcher, em, source, subjects, article, outcome.documentId, link, counters);
    } catch (err) {
      if (err instanceof CriticalIngestError) throw err;
      fail(link.url, err);
    }
  }
}

/**
 * One attached report: fetched once (a stored copy read by the current extractor is not fetched again), its
 * original bytes stored gzip-compressed like pages, prose and tables read, figures stored against it.
 */
export async function ingestAttachment(
  fetcher: Fetcher, em: ReturnType<MikroORM['em']['fork']>, source: SourceRow, subjects: SubjectContext,
  article: { title: string; publishedAt: Date | null; category: string | null }, articleId: number, link: AttachmentLink, counters: RunCounters,
): Promise<void> {
  const [known] = await em.execute<{ extractor_version: string }[]>('select extractor_version from document where url = ?', [link.url]);
  if (known && known.extractor_version === EXTRACTOR_VERSION) return;
  const named = attachmentFormat(link.url);
  if (named === 'doc' || named === 'xls') {
    throw new AttachmentError('unsupported', `format not supported: legacy .${named} (binary Office); only .pdf, .docx and .xlsx are read`, link.url);
  }
  if (!fetcher.fetchBytes) throw new AttachmentError('unsupported', 'this fetcher does not fetch attachments', link.url);
  const got = await fetcher.fetchBytes(link.url);
  counters.fetched++;
  const format = attachmentFormat(got.finalUrl, got.headers['content-type']) ?? named;
  if (!format) throw new AttachmentError('unsupported', `not a report (content-type ${got.headers['content-type'] ?? 'none'})`, link.url);
  if (format === 'doc' || format === 'xls') throw new AttachmentError('unsupported', `format not supported: legacy .${format} (binary Office)`, link.url);
  // Undated, the report is read with the date its own address carries, as re-extraction reads it (url-date.ts).
  const ctx = { publishedAt: article.publishedAt ?? dateFromUrl(link.url), publisher: subjects.publisher, title: `${link.title}\n${article.title}`, resolver: subjects.resolver };
  let read;
  try {
    read = await attachmentFigures(em, source.publisher_id!, got.bytes, format, ctx);
  } catch (err) {
    if (err instanceof AttachmentError) throw new AttachmentError(err.kind, err.message.replace(/^\w+: /, ''), link.url);
    throw err;
  }
  counters.parsed++;
  const stored = await persistDocument(em, {
    sourceId: source.id, publisherUnitId: source.publisher_id!, httpStatus: got.status, etag: got.headers.etag ?? null,
    lastModified: got.headers['last-modified'] ?? null, fetchedAt: got.fetchedAt, rawHtml: got.bytes,
    article: { canonicalUrl: link.url, title: link.title, publishedAt: article.publishedAt, category: article.category, text: read.text },
    contentType: MEDIA_TYPE_OF[format], linkedFromId: articleId, figures: read.figures, extractorVersion: EXTRACTOR_VERSION,
  }).catch((err: unknown) => { throw asDatabaseFailure(err); });
  if (stored.status === 'unchanged' || stored.status === 'duplicate') counters.unchanged++;
  counters.figuresAdded += stored.figuresAdded;
  counters.figuresUpdated += stored.figuresUpdated;
}
