/**
 * `npm start`: the service. Composition root: the only place (with demo/main.ts) that wires ingestion into the API.
 * Embedded PostgreSQL unless DATABASE_URL → migrations → reference data → GraphQL at /graphql → scheduler.
 */
import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startDatabase, startApi } from './app';
import { extraRoutes } from './http/routes';
import { pipelineDeps } from '../ingest/wiring';
import { IngestScheduler } from '../ingest/schedule';
import { createIngestTrigger } from '../ingest/trigger';
import { loadSourceCatalogue, registerSources } from '../ingest/sources';
import { registerIndexSource } from '../ingest/dvc-index/source';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await startDatabase(config, logger);
  await registerSources(db.orm.em.fork(), loadSourceCatalogue());
  await registerIndexSource(db.orm.em.fork());
  const deps = pipelineDeps(db.orm, logger);
  const api = await startApi({
    config, logger, orm: db.orm, ingestTrigger: createIngestTrigger(deps), routes: extraRoutes({ orm: db.orm, config, logger }),
  });
  const scheduler = config.schedulerEnabled ? new IngestScheduler(deps, { timezone: config.timezone }) : null;
  await scheduler?.start();
  logger.info({ url: `${api.url}/graphql`, scheduler: !!scheduler }, 'cchc-atlas ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await api.close();
    await scheduler?.stop();
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
