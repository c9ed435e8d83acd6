/**
 * `npm run worker`: a process that runs ingestion jobs (source.run, document.fetch, document.parse, index.period) from the queues
 * in PostgreSQL — DATABASE_URL, or the embedded server another process runs under DATA_DIR. Start as many as the
 * machines allow; each runs WORKER_CONCURRENCY jobs per document queue. SIGTERM/SIGINT finish the jobs in hand.
 * Prints one JSON line `{"ready":true,...}` on stdout once it has joined the queues.
 */
import 'reflect-metadata';
import os from 'node:os';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { initOrm } from '../src/db/orm';
import { runningEmbeddedUrl } from '../src/db/running-server';
import { openBoss } from './jobs/boss';
import { startHeartbeat } from './heartbeat';
import { startJobWorkers } from './jobs/worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Jobs are throughput work; an API on the same machine is latency work. (Raising priority back needs root.)
  try {
    os.setPriority(config.workerNice);
  } catch (err) {
    logger.warn({ err, nice: config.workerNice }, 'could not lower the worker process priority');
  }
  const databaseUrl = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  const orm = await initOrm(databaseUrl, logger, { pool: { min: 1, max: config.workerConcurrency * 3 + 2 } });
  const boss = await openBoss(databaseUrl, config.jobs, { onError: (err) => logger.error({ err }, 'pg-boss error') });
  const workers = await startJobWorkers(orm, boss, databaseUrl, logger, {
    concurrency: config.workerConcurrency, settings: config.jobs,
    fetcherOptions: { allowPrivateAddresses: config.allowPrivateSources },
  });
  startHeartbeat(orm, 'worker');
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, concurrency: config.workerConcurrency })}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    await workers.stop();
    await orm.close(true);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const known = err instanceof Error && ['ConfigError', 'DatabaseStartError'].includes(err.name);
  console.error(known ? `cchc-atlas worker: ${(err as Error).message}` : err);
  process.exit(1);
});
