/**
 * `npm start`: the service. Composition root: the only place (with demo/main.ts) that wires ingestion into the API.
 * Embedded PostgreSQL unless DATABASE_URL → migrations → reference data → job queues → GraphQL at /graphql →
 * scheduler (queues each tick's run once across instances) → WORKERS job workers in this process (0 = none; the
 * `npm run worker` processes do the work).
 */
import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startDatabase, startApi } from './app';
import { extraRoutes } from './http/routes';
import { pipelineDeps } from '../ingest/wiring';
import { IngestScheduler } from '../ingest/schedule';
import { createJobTrigger } from '../ingest/trigger';
import { loadSourceCatalogue, registerSources } from '../ingest/sources';
import { removeServiceFile, writeServiceFile } from './db/service-file';
import { openBoss } from '../ingest/jobs/boss';
import { enqueueRun } from '../ingest/jobs/runs';
import { startJobWorkers } from '../ingest/jobs/worker';
import { registerIndexSource } from '../ingest/dvc-index/source';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await startDatabase(config, logger);
  await registerSources(db.orm.em.fork(), loadSourceCatalogue());
  await registerIndexSource(db.orm.em.fork());
  const deps = pipelineDeps(db.orm, logger, { allowPrivateAddresses: config.allowPrivateSources }, { workers: config.parseWorkers });
  deps.pageParser.warm().catch((err: unknown) => logger.error({ err }, 'parse workers failed to start; runs will retry'));
  const boss = await openBoss(db.databaseUrl, config.jobs, { onError: (err) => logger.error({ err }, 'pg-boss error') });
  const workers = config.workers > 0
    ? await startJobWorkers(db.orm, boss, db.databaseUrl, logger, {
      concurrency: config.workers, settings: config.jobs, parser: deps.pageParser,
      fetcherOptions: { allowPrivateAddresses: config.allowPrivateSources },
    })
    : null;
  const api = await startApi({
    config, logger, orm: db.orm, ingestTrigger: createJobTrigger(db.orm, boss), routes: extraRoutes({ orm: db.orm, config, logger }),
  });
  const scheduler = config.schedulerEnabled
    ? new IngestScheduler(deps, { timezone: config.timezone, enqueue: (id, tickTime) => enqueueRun(db.orm, boss, id, 'cron', { tickTime }) })
    : null;
  await scheduler?.start();
  // The CLIs (and an operator's pg_dump) reach this embedded server through DATA_DIR/service.env.
  const serviceFile = db.embedded ? writeServiceFile(config.dataDir, db.databaseUrl) : null;
  logger.info({ url: `${api.url}/graphql`, scheduler: !!scheduler, workers: config.workers, serviceFile }, 'cchc-atlas ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await api.close();
    await scheduler?.stop();
    if (serviceFile) removeServiceFile(config.dataDir);
    if (workers) await workers.stop();
    else await boss.stop({ graceful: true });
    await deps.pageParser.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // One line that says what to change; the stack only when it is not one of our startup errors.
  const known = err instanceof Error && ['ConfigError', 'DatabaseStartError'].includes(err.name);
  console.error(known ? `cchc-atlas: ${(err as Error).message}` : err);
  process.exit(1);
});
