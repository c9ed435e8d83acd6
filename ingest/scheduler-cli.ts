/**
 * `npm run scheduler`: a process that only queues scheduled runs — each enabled source on its cron expression, a
 * tick's run recorded and its `source.run` job queued once whatever the number of scheduler instances (the
 * advisory lock and tick check in ingest/jobs/runs.ts). Needs no HTTP port; workers (`npm run worker`) do the work.
 * Uses DATABASE_URL, or the embedded PostgreSQL another process runs under DATA_DIR.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { initOrm } from '../src/db/orm';
import { runningEmbeddedUrl } from '../src/db/running-server';
import { openBoss } from './jobs/boss';
import { startHeartbeat } from './heartbeat';
import { enqueueRun } from './jobs/runs';
import { IngestScheduler } from './schedule';
import { pipelineDeps } from './wiring';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const databaseUrl = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  const orm = await initOrm(databaseUrl, logger, { pool: { min: 1, max: 4 } });
  const boss = await openBoss(databaseUrl, config.jobs, { onError: (err) => logger.error({ err }, 'pg-boss error') });
  const scheduler = new IngestScheduler(pipelineDeps(orm, logger), {
    timezone: config.timezone,
    enqueue: (id, tickTime) => enqueueRun(orm, boss, id, 'cron', { tickTime }),
    onEnqueue: (o) => logger.info({ source: o.sourceId, tick: o.tickTime, queued: o.queued, runId: o.runId, reason: o.reason }, 'tick'),
  });
  await scheduler.start();
  startHeartbeat(orm, 'scheduler');
  logger.info({ timezone: config.timezone }, 'scheduler ready');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await scheduler.stop();
    await boss.stop({ graceful: true });
    await orm.close(true);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const known = err instanceof Error && ['ConfigError', 'DatabaseStartError'].includes(err.name);
  console.error(known ? `cchc-atlas scheduler: ${(err as Error).message}` : err);
  process.exit(1);
});
