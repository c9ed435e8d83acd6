/**
 * The API's `IngestTrigger` port implemented by the pipeline: starts a run in the background and answers as soon
 * as the run is recorded (or refused because one is already in progress).
 * `createJobTrigger` queues the run for the job workers instead.
 * Public surface: `createIngestTrigger`, `createJobTrigger`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { enqueueRun } from './jobs/runs';
import type { IngestTrigger } from '../src/graphql/context';
import { runSource, type PipelineDeps } from './pipeline';

export function createIngestTrigger(deps: PipelineDeps): IngestTrigger {
  const log = deps.logger.child({ component: 'trigger' });
  return {
    trigger: (sourceId) =>
      new Promise((resolve, reject) => {
        let answered = false;
        runSource(deps, sourceId, {
          trigger: 'manual',
          onStart: (runId) => {
            answered = true;
            resolve({ runId, started: true });
          },
        }).then((summary) => {
          if (!answered) resolve({ runId: null, started: false, reason: summary.error ?? 'not started' });
        }, (err: unknown) => {
          if (!answered) reject(err);
          else log.error({ err, source: sourceId }, 'manual run failed');
        });
      }),
  };
}

/** Triggers that record the run and queue its `source.run` job; answered once queued (or refused). */
export function createJobTrigger(orm: MikroORM, boss: PgBoss): IngestTrigger {
  return {
    trigger: async (sourceId) => {
      const r = await enqueueRun(orm, boss, sourceId, 'manual');
      return r.queued ? { runId: r.runId, started: true } : { runId: null, started: false, reason: r.reason };
    },
  };
}
