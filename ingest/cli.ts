/**
 * `npm run ingest -- --source <id|all> [--max-pages N] [--queue]`: run sources now, with a progress bar on a terminal
 * (periodic lines otherwise) and a summary table at the end. Uses DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR. With `--queue` the runs are queued for the job workers (`npm run worker`, or an API with WORKERS > 0)
 * and the bar follows their jobs: articles closed out of articles listed, from the runs' items.
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
  ],
  notes: [
    'Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the database of the service running there',
    '(DATA_DIR/service.env, written by `npm start`), else one started for this run.',
    'Exit code: 0 when every run succeeded, 1 when a run failed, 2 on usage errors.',
  ],
};
import { openBoss } from './jobs/boss';
import { enqueueRun } from './jobs/runs';

async function main(): Promise<number> {
  const values = readCliArgs(SPEC, (v) => {
    if (v['max-pages'] !== undefined && !/^[1-9]\d{0,5}$/.test(String(v['max-pages']))) throw new CliUsageError('--max-pages takes a whole number ≥ 1');
  });
  const args = {
    source: String(values.source), maxPages: values['max-pages'] ? Number(values['max-pages']) : undefined, queue: values.queue === true,
  };
  const config = loadConfig();
  // On a terminal the progress bar is the feedback; logs would tear it, so only warnings show.
  const logger = createLogger(process.stderr.isTTY ? 'warn' : config.logLevel, pino.destination(2));
  const db = await startDatabase(config, logger, undefined, { attachToRunningService: true });
  try {
    await registerSources(db.orm.em.fork(), loadSourceCatalogue());
    const rows = await db.orm.em.fork().execute<{ id: string }[]>(
      args.source === 'all' ? 'select id from source where enabled order by id' : 'select id from source where id = ?',
      args.source === 'all' ? [] : [args.source]);
    if (rows.length === 0) {
      process.stderr.write(`no source "${args.source}"; list them with the sources query or see ingest/source-catalogue.json\n`);
      return 2;
    }
    const deps = pipelineDeps(db.orm, logger, { allowPrivateAddresses: config.allowPrivateSources }, { workers: config.parseWorkers });
    const summaries: RunSummary[] = [];
    if (args.queue) summaries.push(...await followQueuedRuns(db, config, rows.map((r) => r.id), args.maxPages));
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
async function followQueuedRuns(db: Awaited<ReturnType<typeof startDatabase>>, config: ReturnType<typeof loadConfig>, ids: string[], maxPages?: number): Promise<RunSummary[]> {
  const boss = await openBoss(db.databaseUrl, config.jobs, { max: 2 });
  try {
    const runs: Array<{ sourceId: string; runId: number }> = [];
    for (const id of ids) {
      const r = await enqueueRun(db.orm, boss, id, 'cli', { maxPages });
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
      progress.update(Number(p.done), Number(p.total), Number(p.total) ? 'articles (jobs)' : 'waiting for a worker to list the sources');
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

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`ingest: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
