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
import { CliUsageError, readCliArgs, type CliSpec } from './cli-args';

const SPEC: CliSpec = {
  command: 'npm run ingest --',
  summary: 'Run sources now: fetch their listing and article pages, extract figures, store them; a summary table at the end.',
  options: [
    { name: 'source', value: '<id|all>', description: 'a source id (see ingest/source-catalogue.json or the sources query), or all enabled sources', required: true },
    { name: 'max-pages', value: 'N', description: 'read at most N listing pages per source' },
  ],
  notes: [
    'Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the database of the service running there',
    '(DATA_DIR/service.env, written by `npm start`), else one started for this run.',
    'Exit code: 0 when every run succeeded, 1 when a run failed, 2 on usage errors.',
  ],
};

async function main(): Promise<number> {
  const values = readCliArgs(SPEC, (v) => {
    if (v['max-pages'] !== undefined && !/^[1-9]\d{0,5}$/.test(String(v['max-pages']))) throw new CliUsageError('--max-pages takes a whole number ≥ 1');
  });
  const args = { source: String(values.source), maxPages: values['max-pages'] ? Number(values['max-pages']) : undefined };
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
    for (const { id } of rows) {
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

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`ingest: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
