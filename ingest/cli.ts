/**
 * `npm run ingest -- --source <id|all> [--max-pages N]`: run sources now, with a progress bar on a terminal (periodic
 * lines otherwise) and a summary table at the end. Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
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
import { parseYearMonth, type PeriodGrain } from './dvc-index/periods';
import { DVC_INDEX_SOURCE_ID } from './dvc-index/crosswalk';
import { INDEX_FIRST_MONTH, lastPublishedMonth, registerIndexSource } from './dvc-index/source';
import { INDEX_FETCH_OPTIONS, runIndexBackfill } from './dvc-index/run';
import { HttpFetcher } from './fetch';

interface Args { source: string; maxPages?: number; from?: { year: number; month: number }; to?: { year: number; month: number }; grains?: PeriodGrain[] }
const GRAINS: readonly PeriodGrain[] = ['month', 'quarter', 'half', 'year'];

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--source') args.source = argv[++i];
    else if (argv[i] === '--max-pages') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error('--max-pages takes a whole number ≥ 1');
      args.maxPages = n;
    } else if (argv[i] === '--from') args.from = parseYearMonth(argv[++i] ?? '');
    else if (argv[i] === '--to') args.to = parseYearMonth(argv[++i] ?? '');
    else if (argv[i] === '--grains') {
      const grains = (argv[++i] ?? '').split(',').map((g) => g.trim()) as PeriodGrain[];
      const bad = grains.find((g) => !GRAINS.includes(g));
      if (bad !== undefined || grains.length === 0) throw new Error(`--grains takes a list of ${GRAINS.join(', ')}`);
      args.grains = grains;
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.source) throw new Error('usage: npm run ingest -- --source <id|all> [--max-pages N] | --source dvc-index [--from YYYY-MM] [--to YYYY-MM] [--grains month,quarter,half,year]');
  if ((args.from || args.to || args.grains) && args.source !== DVC_INDEX_SOURCE_ID) throw new Error('--from, --to and --grains apply to --source dvc-index only');
  return args as Args;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  // On a terminal the progress bar is the feedback; logs would tear it, so only warnings show.
  const logger = createLogger(process.stderr.isTTY ? 'warn' : config.logLevel, pino.destination(2));
  const db = await startDatabase(config, logger);
  try {
    await registerSources(db.orm.em.fork(), loadSourceCatalogue());
    // The index source is registered once; INDEX_BASE_URL points it elsewhere (the demo mirror, tests).
    const [known] = await db.orm.em.fork().execute<{ id: string }[]>('select id from source where id = ?', [DVC_INDEX_SOURCE_ID]);
    if (!known || process.env.INDEX_BASE_URL) {
      await registerIndexSource(db.orm.em.fork(), { baseUrl: process.env.INDEX_BASE_URL, minDelayMillis: process.env.INDEX_DELAY_MS ? Number(process.env.INDEX_DELAY_MS) : undefined });
    }
    if (args.source === DVC_INDEX_SOURCE_ID) return await backfill(db.orm, logger, args);
    const rows = await db.orm.em.fork().execute<{ id: string }[]>(
      args.source === 'all' ? 'select id from source where enabled order by id' : 'select id from source where id = ?',
      args.source === 'all' ? [] : [args.source]);
    if (rows.length === 0) {
      process.stderr.write(`no source "${args.source}"; list them with the sources query or see ingest/source-catalogue.json\n`);
      return 2;
    }
    const deps = pipelineDeps(db.orm, logger);
    const summaries: RunSummary[] = [];
    for (const { id } of rows) {
      const progress = createProgress();
      const summary = await runSource(deps, id, {
        trigger: 'cli', maxPages: args.maxPages, onProgress: (p) => progress.update(p.done, p.total, `${id} ${p.url}`),
      });
      progress.done();
      summaries.push(summary);
    }
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

/** The index backfill: progress bar (requests done of known; the total grows as province lists arrive), summary. */
async function backfill(orm: Parameters<typeof runIndexBackfill>[0]['orm'], logger: Parameters<typeof runIndexBackfill>[0]['logger'], args: Args): Promise<number> {
  const [source] = await orm.em.fork().execute<{ base_url: string; min_delay_millis: number }[]>(
    'select base_url, min_delay_millis from source where id = ?', [DVC_INDEX_SOURCE_ID]);
  const fetcher = new HttpFetcher({ ...INDEX_FETCH_OPTIONS, minDelayMillis: source.min_delay_millis, logger: logger.child({ component: 'fetch' }) });
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
