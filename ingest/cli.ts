/**
 * `npm run ingest -- --source <id|all> [--max-pages N] [--queue]`: run sources now, with a progress bar on a terminal
 * (periodic lines otherwise) and a summary table at the end. Uses DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR. With `--queue` the runs are queued for the job workers (`npm run worker`, or an API with WORKERS > 0)
 * and the bar follows their jobs: articles closed out of articles listed, from the runs' items. For the national
 * index (`--source dvc-index [--from --to --grains]`) the backfill runs in this process by default (resumable through
 * index_request, under the source's run lease); with `--queue` its requests become `index.period` jobs and the bar
 * follows requests closed out of requests known (the total grows as province lists arrive).
 * Exit code: 0 when every run succeeded, 1 when a run failed, 2 on usage errors.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import pino from 'pino';
import { createLogger } from '../src/logger';
import { startDatabase } from '../src/app';
import { pipelineDeps } from './wiring';
import { runSource, type RunSummary } from './pipeline';
import { loadSourceCatalogue, registerSources } from './sources';
import { createProgress, formatTable } from './progress';
import { CliUsageError, readCliArgs, type CliSpec } from './cli-args';

const SPEC: CliSpec = {
  command: 'npm run ingest --',
  summary: 'Run sources now: fetch their listing and article pages, extract figures, store them; a summary table at the end.',
  options: [
    { name: 'source', value: '<id|all>', description: 'a source id (see ingest/source-catalogue.json or the sources query), or all enabled sources', required: true },
    { name: 'max-pages', value: 'N', description: 'read at most N listing pages per source' },
    { name: 'queue', description: 'queue the runs as jobs for the worker processes (npm run worker) and follow them' },
    { name: 'from', value: 'YYYY-MM', description: 'national index (--source dvc-index): first month of the backfill (default 2022-01)' },
    { name: 'to', value: 'YYYY-MM', description: 'national index: last month of the backfill (default the last published month)' },
    { name: 'grains', value: 'month,quarter,half,year', description: 'national index: which periods to request (default all)' },
  ],
  notes: [
    'Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the database of the service running there',
    '(DATA_DIR/service.env, written by `npm start`), else one started for this run.',
    'Exit code: 0 when every run succeeded, 1 when a run failed, 2 on usage errors.',
  ],
};
import { openBoss } from './jobs/boss';
import { enqueueRun, type IndexRunRange } from './jobs/runs';
import { parseYearMonth, type PeriodGrain } from './dvc-index/periods';
import { DVC_INDEX_SOURCE_ID } from './dvc-index/crosswalk';
import { INDEX_FIRST_MONTH, lastPublishedMonth, registerIndexSource } from './dvc-index/source';
import { INDEX_FETCH_OPTIONS, runIndexBackfill } from './dvc-index/run';
import { HttpFetcher } from './fetch';

const GRAINS: readonly PeriodGrain[] = ['month', 'quarter', 'half', 'year'];

interface BackfillArgs { from?: { year: number; month: number }; to?: { year: number; month: number }; grains?: PeriodGrain[] }


async function main(): Promise<number> {
  const values = readCliArgs(SPEC, (v) => {
    if (v['max-pages'] !== undefined && !/^[1-9]\d{0,5}$/.test(String(v['max-pages']))) throw new CliUsageError('--max-pages takes a whole number ≥ 1');
    for (const name of ['from', 'to']) {
      if (v[name] === undefined) continue;
      try {
        parseYearMonth(String(v[name]));
      } catch (err) {
        throw new CliUsageError(`--${name}: ${(err as Error).message}`);
      }
    }
    if (v.grains !== undefined && String(v.grains).split(',').some((g) => !GRAINS.includes(g.trim() as PeriodGrain))) {
      throw new CliUsageError(`--grains takes a list of ${GRAINS.join(', ')}`);
    }
    if ((v.from !== undefined || v.to !== undefined || v.grains !== undefined) && v.source !== DVC_INDEX_SOURCE_ID) {
      throw new CliUsageError('--from, --to and --grains apply to --source dvc-index only');
    }
  });
  const args = {
    source: String(values.source), maxPages: values['max-pages'] ? Number(values['max-pages']) : undefined, queue: values.queue === true,
    from: values.from !== undefined ? parseYearMonth(String(values.from)) : undefined,
    to: values.to !== undefined ? parseYearMonth(String(values.to)) : undefined,
    grains: values.grains !== undefined ? String(values.grains).split(',').map((g) => g.trim() as PeriodGrain) : undefined,
  };
  const config = loadConfig();
  // On a terminal the progress bar is the feedback; logs would tear it, so only warnings show.
  const logger = createLogger(process.stderr.isTTY ? 'warn' : config.logLevel, pino.destination(2));
  const db = await startDatabase(config, logger, undefined, { attachToRunningService: true });
  try {
    await registerSources(db.orm.em.fork(), loadSourceCatalogue());
    // The index source is registered once; INDEX_BASE_URL points it elsewhere (the demo mirror, tests).
    const [known] = await db.orm.em.fork().execute<{ id: string }[]>('select id from source where id = ?', [DVC_INDEX_SOURCE_ID]);
    if (!known || process.env.INDEX_BASE_URL) {
      await registerIndexSource(db.orm.em.fork(), { baseUrl: process.env.INDEX_BASE_URL, minDelayMillis: process.env.INDEX_DELAY_MS ? Number(process.env.INDEX_DELAY_MS) : undefined });
    }
    if (args.source === DVC_INDEX_SOURCE_ID && !args.queue) return await backfill(db.orm, logger, args, config.allowPrivateSources);
    const rows = await db.orm.em.fork().execute<{ id: string }[]>(
      args.source === 'all' ? 'select id from source where enabled order by id' : 'select id from source where id = ?',
      args.source === 'all' ? [] : [args.source]);
    if (rows.length === 0) {
      process.stderr.write(`no source "${args.source}"; list them with the sources query or see ingest/source-catalogue.json\n`);
      return 2;
    }
    const deps = pipelineDeps(db.orm, logger, { allowPrivateAddresses: config.allowPrivateSources }, { workers: config.parseWorkers });
    const summaries: RunSummary[] = [];
    const index = args.source === DVC_INDEX_SOURCE_ID
      ? { from: args.from ?? INDEX_FIRST_MONTH, to: args.to ?? lastPublishedMonth(new Date()), ...(args.grains ? { grains: args.grains } : {}) }
      : undefined;
    if (args.queue) summaries.push(...await followQueuedRuns(db, config, rows.map((r) => r.id), args.maxPages, index));
    for (const { id } of args.queue ? [] : rows) {
      const progress = createProgress();
      const summary = await runSource(deps, id, {
        trigger: 'cli', maxPages: args.maxPages, onProgress: (p) => progress.update(p.done, p.total, `${id} ${p.url}`),
      });
      progress.done();
      summaries.push(summary);
    }
    await deps.pageParser.close();
    process.stdout.write(`${formatTable(
      ['source', 'status', 'listed', 'fetched', 'unchanged', 'parsed', 'figures+', 'figures~', 'failed', 'seconds'],
      summaries.map((s) => [s.sourceId, s.status, s.listed, s.fetched, s.unchanged, s.parsed, s.figuresAdded,
        s.figuresUpdated, s.failed, (s.millis / 1000).toFixed(1)]),
    )}\n`);
    for (const s of summaries) {
      if (s.error) process.stdout.write(`${s.sourceId}: ${s.error}\n`);
      for (const f of s.failures.slice(0, 10)) process.stdout.write(`  ${f.action.padEnd(5)} ${f.url}: ${f.reason}\n`);
    }
    return summaries.some((s) => s.status === 'failed') ? 1 : 0;
  } finally {
    await db.close();
  }
}

/** Queue a run of each source and follow their jobs until every run is closed; summaries read from the runs. */
async function followQueuedRuns(
  db: Awaited<ReturnType<typeof startDatabase>>, config: ReturnType<typeof loadConfig>, ids: string[], maxPages?: number, index?: IndexRunRange,
): Promise<RunSummary[]> {
  const boss = await openBoss(db.databaseUrl, config.jobs, { max: 2 });
  try {
    const runs: Array<{ sourceId: string; runId: number }> = [];
    for (const id of ids) {
      const r = await enqueueRun(db.orm, boss, id, 'cli', { maxPages, index: id === DVC_INDEX_SOURCE_ID ? index : undefined });
      if (r.queued) runs.push({ sourceId: id, runId: r.runId });
      else process.stderr.write(`${id}: not queued: ${r.reason}\n`);
    }
    const runIds = `{${runs.map((r) => r.runId).join(',')}}`;
    const progress = createProgress();
    const started = Date.now();
    for (;;) {
      const [p] = await db.orm.em.fork().execute<{ done: string; total: string; open_runs: string }[]>(
        `select count(*) filter (where outcome is not null and kind = 'article') as done, count(*) filter (where kind = 'article') as total,
           (select count(*) from ingest_run where id = any(?::int[]) and status = 'running') as open_runs
         from ingest_run_item where run_id = any(?::int[])`, [runIds, runIds]);
      progress.update(Number(p.done), Number(p.total), Number(p.total) ? (index ? 'index requests (jobs)' : 'articles (jobs)') : 'waiting for a worker to list the sources');
      if (Number(p.open_runs) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    progress.done();
    const rows = await db.orm.em.fork().execute<Array<Record<string, never>>>(
      `select id, source_id, status::text as status, listed, fetched, unchanged, parsed, figures_added, figures_updated, failed, failures, error
       from ingest_run where id = any(?::int[]) order by source_id`, [runIds]);
    return rows.map((r: Record<string, never>) => ({
      sourceId: r.source_id, runId: r.id, status: r.status, listed: r.listed, fetched: r.fetched, unchanged: r.unchanged,
      parsed: r.parsed, figuresAdded: r.figures_added, figuresUpdated: r.figures_updated, failed: r.failed,
      failures: r.failures, error: r.error, millis: Date.now() - started,
      stageMillis: { listing: 0, fetch: 0, parse: 0, extract: 0, store: 0 },
    }));
  } finally {
    await boss.stop({ graceful: false });
  }
}

/** The index backfill: progress bar (requests done of known; the total grows as province lists arrive), summary. */
async function backfill(
  orm: Parameters<typeof runIndexBackfill>[0]['orm'], logger: Parameters<typeof runIndexBackfill>[0]['logger'], args: BackfillArgs, allowPrivateAddresses: boolean,
): Promise<number> {
  const [source] = await orm.em.fork().execute<{ base_url: string; min_delay_millis: number }[]>(
    'select base_url, min_delay_millis from source where id = ?', [DVC_INDEX_SOURCE_ID]);
  const fetcher = new HttpFetcher({ ...INDEX_FETCH_OPTIONS, allowPrivateAddresses, minDelayMillis: source.min_delay_millis, logger: logger.child({ component: 'fetch' }) });
  const progress = createProgress();
  const s = await runIndexBackfill({ orm, fetcher, logger, baseUrl: source.base_url }, {
    from: args.from ?? INDEX_FIRST_MONTH, to: args.to ?? lastPublishedMonth(new Date()), grains: args.grains, trigger: 'cli',
    onProgress: (p) => progress.update(p.done, p.total, `${p.key} ${p.status}`),
  });
  progress.done();
  process.stdout.write(`${formatTable(
    ['source', 'status', 'requests', 'stored', 'already done', 'failed', 'figures+', 'seconds'],
    [[DVC_INDEX_SOURCE_ID, s.status, s.requests, s.stored, s.alreadyDone, s.failed, s.figuresAdded, (s.millis / 1000).toFixed(1)]],
  )}\n`);
  if (s.error) process.stdout.write(`${DVC_INDEX_SOURCE_ID}: ${s.error}\n`);
  for (const f of s.failures.slice(0, 10)) process.stdout.write(`  ${f.action.padEnd(5)} ${f.url}: ${f.reason}\n`);
  return s.status === 'failed' ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`ingest: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
