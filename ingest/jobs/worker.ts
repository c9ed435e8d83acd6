/**
 * The job handlers of ingestion and the loop that runs them in a process: `source.run` walks a source's listings
 * and sends one `document.fetch` per article (for the national index: one `index.period` per province list, see
 * ./index-jobs.ts); `document.fetch` fetches a page (politely, per host across all
 * workers) and sends `document.parse`; `document.parse` parses, extracts and stores the article and closes its
 * item in the same transaction. Every handler is idempotent: a closed item or a finished run is a no-op, job ids
 * are derived from (run, url) so a retried sender never queues a page twice, and the store is idempotent.
 *
 * Failures follow the pipeline's classes (ingest/errors.ts): *skip* closes the item as failed with its reason and
 * completes the job (retrying cannot help); *retry* and *abort* (and errors nobody classified) throw, so pg-boss
 * retries the job with backoff; the last try closes the item as failed and the job lands in the dead-letter queue
 * with the error as its output.
 * Public surface: `startJobWorkers`, `JobWorkerOptions`, `JobWorkers`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { connectionName } from '../../src/db/connection-name';
import type { Logger } from '../../src/logger';
import { CriticalIngestError, FetchError, SkipItemError, ingestErrorAction } from '../errors';
import { HttpFetcher, type Fetcher, type HttpFetcherOptions } from '../fetch';
import { EXTRACTOR_VERSION } from '../extract/version';
import { createPageParser, type PageParser } from '../parse/pool';
import { settleTableSubjects } from '../table-subjects';
import { loadSubjectContext, type SubjectContext } from '../gazetteer-resolver';
import { persistDocument } from '../store';
import { SOURCE_COLUMNS, asDatabaseFailure, ingestAttachment, walkListings, type RunCounters, type SourceRow } from '../pipeline';
import { INDEX_FETCH_OPTIONS } from '../dvc-index/run';
import { QUEUES, jobId, type JobSettings } from './boss';
import { SharedHostGate } from './shared-host-gate';
import { createIndexPeriodHandler, queueIndexRun, type IndexJob } from './index-jobs';
import { addItems, closeDeadItems, closeItem, finishRun, itemIsOpen, openItems, type ItemJob, type RunJob } from './runs';
import { refreshPicksAfterWrite } from '../../src/modules/figure/figure-pick';

type Em = ReturnType<MikroORM['em']['fork']>;

/** Data of a `document.parse` job: the fetched page travels with it. */
interface ParseJob extends ItemJob {
  page: { finalUrl: string; status: number; body: string; etag: string | null; lastModified: string | null; fetchedAt: string };
}

export interface JobWorkerOptions {
  /** Jobs of each document queue this process runs at once (source.run: one at a time). */
  concurrency: number;
  settings: JobSettings;
  /** Fetcher tuning (tests, benchmarks, the demo); retries are the queue's, so the fetcher tries once by default. */
  fetcherOptions?: HttpFetcherOptions;
  /**
   * Where pages are parsed and figures extracted: the API process passes its worker-thread pool so jobs never
   * block its requests; by default the jobs parse on this process's thread (a worker process serves no requests).
   */
  parser?: PageParser;
  /** Called after each job with its queue, outcome and duration (metrics, tests). */
  onJob?: (e: { queue: string; ok: boolean; millis: number }) => void;
}

/** `stop` finishes the jobs in hand and stops `boss` (whoever starts workers hands pg-boss over to them). */
export interface JobWorkers { stop(): Promise<void> }

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Retry class for jobs: what the pipeline retries or aborts on is retried by the queue; unclassified errors too. */
function jobAction(err: unknown): 'retry' | 'skip' {
  if (err instanceof SkipItemError) return 'skip';
  if (err instanceof FetchError || err instanceof CriticalIngestError) return 'retry';
  return 'retry'; // an error nobody classified: retried, then dead-lettered for a person to look at
}

/** Join the ingestion queues of `boss` with `concurrency` jobs per document queue. */
export async function startJobWorkers(orm: MikroORM, boss: PgBoss, databaseUrl: string, logger: Logger, o: JobWorkerOptions): Promise<JobWorkers> {
  const log = logger.child({ component: 'jobs' });
  const pool = new Pool({ connectionString: databaseUrl, max: o.concurrency * 3 + 1, application_name: connectionName('host gate') });
  pool.on('error', () => undefined);
  const gate = new SharedHostGate(pool);
  const parser = o.parser ?? createPageParser({ workers: 0 });
  const fetchers = new Map<number, Fetcher>();
  const fetcherFor = (minDelayMillis: number): Fetcher => {
    let f = fetchers.get(minDelayMillis);
    if (!f) {
      f = new HttpFetcher({ maxAttempts: 1, logger: log, ...o.fetcherOptions, minDelayMillis, hostGate: gate });
      fetchers.set(minDelayMillis, f);
    }
    return f;
  };
  const indexFetchers = new Map<number, Fetcher>();
  /** The national index's fetcher: like the portals' (one try, the shared gate), and 403 (the WAF) retried like 429. */
  const indexFetcherFor = (minDelayMillis: number): Fetcher => {
    let f = indexFetchers.get(minDelayMillis);
    if (!f) {
      f = new HttpFetcher({ maxAttempts: 1, logger: log, ...o.fetcherOptions, ...INDEX_FETCH_OPTIONS, minDelayMillis, hostGate: gate });
      indexFetchers.set(minDelayMillis, f);
    }
    return f;
  };
  const subjects = new Map<string, { at: number; ctx: Promise<SubjectContext> }>();
  const subjectsFor = (em: Em, publisherId: number): Promise<SubjectContext> => {
    const key = String(publisherId);
    const hit = subjects.get(key);
    if (hit && Date.now() - hit.at < 5 * 60_000) return hit.ctx;
    const ctx = loadSubjectContext(em, publisherId);
    ctx.catch(() => subjects.delete(key));
    subjects.set(key, { at: Date.now(), ctx });
    return ctx;
  };
  // Document jobs read their source's settings often; a few seconds of staleness is harmless (a run reads it fresh).
  const sources = new Map<string, { at: number; row: SourceRow }>();
  const loadSource = async (em: Em, id: string): Promise<SourceRow> => {
    const hit = sources.get(id);
    if (hit && Date.now() - hit.at < 10_000) return hit.row;
    const [source] = await em.execute<SourceRow[]>(`select ${SOURCE_COLUMNS} from source where id = ?`, [id]);
    if (!source) throw new SkipItemError(`source ${id} does not exist`, id);
    sources.set(id, { at: Date.now(), row: source });
    return source;
  };

  /** Run `body` for an item job; classify what it throws (see the file header). */
  const itemGuard = async (job: PgBoss.JobWithMetadata<ItemJob>, body: (em: Em) => Promise<void>): Promise<object> => {
    const em = orm.em.fork();
    try {
      if (!(await itemIsOpen(em, job.data))) return { skipped: 'item already closed' };
      await body(em);
      return { ok: true };
    } catch (err) {
      const reason = message(err);
      if (jobAction(err) === 'skip') {
        await closeItem(em, job.data, { outcome: 'failed', reason, action: 'skip' });
        await finishRun(em, job.data.runId);
        return { skipped: reason };
      }
      if (job.retryCount >= job.retryLimit) {
        const tries = job.retryCount + 1;
        await closeItem(em, job.data, { outcome: 'failed', reason: `${reason} (dead-lettered after ${tries} tries)`, action: 'retry' })
          .then(() => finishRun(em, job.data.runId))
          .catch((e: unknown) => log.error({ err: e, url: job.data.url }, 'could not record a dead-lettered item'));
      }
      log.warn({ queue: job.name, url: job.data.url, try: job.retryCount + 1, of: job.retryLimit + 1, reason }, 'job failed');
      throw err;
    }
  };

  const sourceRun = async (job: PgBoss.JobWithMetadata<RunJob>): Promise<object> => {
    const { runId, sourceId } = job.data;
    const em = orm.em.fork();
    const [run] = await em.execute<{ status: string }[]>('select status::text as status from ingest_run where id = ?', [runId]);
    if (!run || run.status !== 'running') return { skipped: 'run already finished' };
    try {
      const [source] = await em.execute<SourceRow[]>(`select ${SOURCE_COLUMNS} from source where id = ?`, [sourceId]);
      if (!source) return { failed: await finishRun(em, runId, `source ${sourceId} does not exist`) };
      if (source.family === 'dvc-index') {
        // The national index is not a portal of articles: its requests are `index.period` jobs (./index-jobs.ts).
        const queued = await queueIndexRun(em, boss, job.data);
        return { index: true, ...queued };
      }
      if (source.publisher_id === null) return { failed: await finishRun(em, runId, `source ${sourceId} has no publishing unit: set its publisher`) };
      const listingFailures: Array<{ url: string; reason: string; action: string }> = [];
      const urls = await walkListings(fetcherFor(source.min_delay_millis), parser, em, source, job.data.maxPages ?? source.max_pages, (url, err) => {
        if (ingestErrorAction(err) === 'abort') throw err;
        listingFailures.push({ url, reason: message(err), action: ingestErrorAction(err) });
      });
      await addItems(em, runId, urls, listingFailures);
      if (urls.length === 0 && listingFailures.length >= source.listing_urls.length) {
        return { failed: await finishRun(em, runId, `no listing page could be read: ${listingFailures[listingFailures.length - 1].reason}`) };
      }
      await em.execute('update ingest_run set listed = ? where id = ?', [urls.length, runId]);
      const open = await openItems(em, runId);
      if (open.length) {
        await boss.insert(open.map((url) => ({ name: QUEUES.documentFetch, id: jobId('fetch', runId, url), data: { runId, sourceId, url } satisfies ItemJob })));
      }
      await finishRun(em, runId); // closes a run that listed nothing new
      return { listed: urls.length, queued: open.length };
    } catch (err) {
      if (job.retryCount >= job.retryLimit) {
        await finishRun(em, runId, `${message(err)} (dead-lettered after ${job.retryCount + 1} tries)`).catch(() => undefined);
      }
      throw err;
    }
  };

  const documentFetch = (job: PgBoss.JobWithMetadata<ItemJob>) => itemGuard(job, async (em) => {
    const { runId, sourceId, url } = job.data;
    const source = await loadSource(em, sourceId);
    const [known] = await em.execute<{ etag: string | null; last_modified: string | null; extractor_version: string }[]>(
      'select etag, last_modified, extractor_version from document where url = ?', [url]);
    const conditional = known && known.extractor_version === EXTRACTOR_VERSION ? { etag: known.etag, lastModified: known.last_modified } : {};
    const page = await fetcherFor(source.min_delay_millis).fetch(url, conditional);
    if (page.notModified) {
      await closeItem(em, job.data, { outcome: 'unchanged', fetched: true });
      await finishRun(em, runId);
      return;
    }
    const data: ParseJob = {
      runId, sourceId, url,
      page: { finalUrl: page.finalUrl, status: page.status, body: page.body, etag: page.etag, lastModified: page.lastModified, fetchedAt: page.fetchedAt.toISOString() },
    };
    await boss.send(QUEUES.documentParse, data, { id: jobId('parse', runId, url) });
    await em.execute('update ingest_run_item set fetched = true where run_id = ? and url = ?', [runId, url]);
  });

  const documentParse = (job: PgBoss.JobWithMetadata<ParseJob>) => itemGuard(job, async (em) => {
    const { runId, sourceId, page } = job.data;
    const source = await loadSource(em, sourceId);
    if (source.publisher_id === null) throw new SkipItemError(`source ${sourceId} has no publishing unit: set its publisher`, job.data.url);
    const ctx = await subjectsFor(em, source.publisher_id);
    const done = await parser.run({ kind: 'article', html: page.body, url: page.finalUrl, family: source.family, subjects: ctx.data });
    if (done.kind !== 'article') throw new Error('the page parser answered an article with a listing');
    const { article, figures, links, rawHtmlGz } = done;
    // Row subjects of tables that the gazetteer does not know: local units or flagged (needs the database).
    await settleTableSubjects(em, source.publisher_id, figures);
    const input = {
      sourceId, publisherUnitId: source.publisher_id, article, rawHtml: page.body, rawHtmlGz, httpStatus: page.status,
      etag: page.etag, lastModified: page.lastModified, fetchedAt: new Date(page.fetchedAt),
      figures, extractorVersion: EXTRACTOR_VERSION,
    };
    if (!links.length) {
      // The usual case: the article and its item close in one transaction, so a retry never counts it twice.
      await em.transactional(async (tx) => {
        const outcome = await persistDocument(tx, input).catch((err: unknown) => { throw asDatabaseFailure(err); });
        const unchanged = outcome.status === 'unchanged' || outcome.status === 'duplicate';
        await closeItem(tx, job.data, {
          outcome: unchanged ? 'unchanged' : 'stored', fetched: true, parsed: true,
          figuresAdded: outcome.figuresAdded, figuresUpdated: outcome.figuresUpdated,
        });
      });
    } else {
      // Attached reports: stored after the article (they link to it), each idempotently; the item closes last, so
      // a retry after a crash stores nothing twice (its counters may then miss what the first try stored).
      const outcome = await persistDocument(em, input).catch((err: unknown) => { throw asDatabaseFailure(err); });
      const counters: RunCounters = { listed: 0, fetched: 0, unchanged: 0, parsed: 0, figuresAdded: outcome.figuresAdded, figuresUpdated: outcome.figuresUpdated, failed: 0 };
      const failures: string[] = [];
      for (const link of links) {
        try {
          await ingestAttachment(fetcherFor(source.min_delay_millis), em, source, ctx, article, outcome.documentId, link, counters);
        } catch (err) {
          if (err instanceof CriticalIngestError) throw err;
          failures.push(`${link.url}: ${message(err)}`);
        }
      }
      const unchanged = (outcome.status === 'unchanged' || outcome.status === 'duplicate') && counters.figuresAdded + counters.figuresUpdated === 0;
      await closeItem(em, job.data, {
        outcome: unchanged ? 'unchanged' : 'stored', fetched: true, parsed: true,
        figuresAdded: counters.figuresAdded, figuresUpdated: counters.figuresUpdated,
        reason: failures.length ? `attachments not read: ${failures.join('; ')}` : undefined,
      });
    }
    await finishRun(em, runId);
  });

  // One refresh of the stored choices at a time in this process; a request during one runs it once more afterwards.
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;
  const refreshSoon = (): void => {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        await refreshPicksAfterWrite(orm.em.fork(), log);
      } while (refreshAgain);
    })().finally(() => { refreshing = null; });
  };

  const work = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: o.settings.pollingSeconds };
  /**
   * One polling loop running `handler`. pg-boss waits the polling interval after every fetch, even a successful
   * one; a loop that just finished a job asks for the next one at once (notifyWorker), so the interval only
   * applies to an idle queue.
   */
  const loop = async <T extends object>(queue: string, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<object>) => {
    const self = { id: '' };
    self.id = await boss.work<T>(queue, work, async ([job]: PgBoss.JobWithMetadata<T>[]) => {
      const started = performance.now();
      let ok = false;
      try {
        const out = await handler(job);
        ok = true;
        // Jobs that store figures leave their keys marked: choose for them now rather than on every read (after the
        // job completes, so a refresh never holds a job or a run open).
        if (queue === QUEUES.documentParse || queue === QUEUES.indexPeriod) setImmediate(refreshSoon);
        return out;
      } finally {
        o.onJob?.({ queue, ok, millis: performance.now() - started });
        if (self.id) boss.notifyWorker(self.id);
      }
    });
  };
  const indexPeriod = createIndexPeriodHandler({ orm, boss, logger: log, settings: o.settings, fetcherFor: indexFetcherFor, gate });
  await loop<RunJob>(QUEUES.sourceRun, sourceRun);
  for (let i = 0; i < o.concurrency; i++) {
    await loop<ItemJob>(QUEUES.documentFetch, documentFetch);
    await loop<ParseJob>(QUEUES.documentParse, documentParse);
    await loop<IndexJob>(QUEUES.indexPeriod, indexPeriod);
  }
  // Items whose job died with its worker on the last try: nobody else would close them (see closeDeadItems).
  const sweeper = setInterval(() => {
    closeDeadItems(orm.em.fork())
      .then((n) => { if (n) log.warn({ items: n }, 'closed items whose jobs died on their last try'); })
      .catch((err: unknown) => log.error({ err }, 'sweeping dead items failed'))
      // and marks left by a process that died between its commit and its refresh
      .then(refreshSoon);
  }, Math.max(5, o.settings.maintenanceSeconds * 2) * 1000);
  sweeper.unref();
  log.info({ concurrency: o.concurrency }, 'job workers started');
  return {
    stop: async () => {
      clearInterval(sweeper);
      // Stops fetching, lets the jobs in hand finish (up to 30 s), then closes pg-boss: the worker owns it.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await refreshing;
      await pool.end();
    },
  };
}
