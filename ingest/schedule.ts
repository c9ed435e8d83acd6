/**
 * node-cron wiring only: each enabled source on its own cron expression in the configured time zone, never
 * overlapping itself in this process (noOverlap) nor across instances. A tick either runs the source here
 * (`runSource`, under the run lease in `run-lease.ts`) or, with `enqueue`, records the run and queues its
 * `source.run` job for the workers (ingest/jobs/runs.ts `enqueueRun`): the same advisory lock per source and the
 * same "a cron run already started at or after this tick" check decide, so each tick is taken by one instance
 * whatever their number. pg-boss's own cron is not used: one mechanism, not two.
 * The source list is re-read periodically, so schedule and enabled changes made through the API take effect
 * without a restart. Safe to run in any number of instances over one database.
 * Public surface: `IngestScheduler`.
 */
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { Logger } from '../src/logger';
import { runSource, type PipelineDeps, type RunSummary } from './pipeline';

interface ScheduledSource { schedule: string; task: ScheduledTask }

/** node-cron's wording when noOverlap drops a tick. */
const OVERLAP_WARNING_RE = /new execution blocked by overlap prevention/;

export interface SchedulerOptions {
  timezone: string;
  /** How often the source list is re-read. */
  refreshMillis?: number;
  /** Called after every run this instance performed or skipped (tests and metrics). */
  onRun?: (summary: RunSummary) => void;
  /** Queue the tick's run instead of running it here (job workers run it). */
  enqueue?: (sourceId: string, tickTime: Date) => Promise<TickEnqueued>;
  /** Called after every tick this instance queued or found taken. */
  onEnqueue?: (outcome: TickEnqueued & { sourceId: string; tickTime: Date }) => void;
}

/** What a queued tick became: a run id, or the reason it was not queued (taken by another instance, in progress). */
export interface TickEnqueued { queued: boolean; runId: number | null; reason?: string }

export class IngestScheduler {
  private readonly tasks = new Map<string, ScheduledSource>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private readonly log: Logger;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: PipelineDeps, private readonly options: SchedulerOptions) {
    this.log = deps.logger.child({ component: 'scheduler' });
  }

  /** Schedule every enabled source and keep the list fresh. */
  async start(): Promise<void> {
    await this.refresh();
    this.refreshTimer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.log.error({ err }, 'refreshing the source list failed'));
    }, this.options.refreshMillis ?? 60_000);
    this.refreshTimer.unref();
  }

  /** Re-read sources: add new ones, reschedule changed ones, drop disabled ones. */
  async refresh(): Promise<void> {
    const rows = await this.deps.orm.em.fork().execute<{ id: string; schedule: string }[]>(
      'select id, schedule from source where enabled order by id');
    const wanted = new Map(rows.map((r) => [r.id, r.schedule]));
    for (const [id, scheduled] of this.tasks) {
      if (wanted.get(id) !== scheduled.schedule) {
        await scheduled.task.destroy();
        this.tasks.delete(id);
      }
    }
    for (const [id, schedule] of wanted) {
      if (this.tasks.has(id)) continue;
      if (!cron.validate(schedule)) {
        this.log.error({ source: id, schedule }, 'invalid cron expression; source not scheduled');
        continue;
      }
      // The tick's scheduled instant, floored to the second (cron's granularity), identifies it across instances.
      const task = cron.schedule(schedule, (ctx) => this.tick(id, new Date(Math.floor(ctx.date.getTime() / 1000) * 1000)), {
        name: `ingest:${id}`, timezone: this.options.timezone, noOverlap: true, logger: this.cronLogger(id),
      });
      this.tasks.set(id, { schedule, task });
    }
    this.log.debug({ sources: [...this.tasks.keys()] }, 'scheduled');
  }

  /**
   * node-cron's own messages for one source's task — a tick dropped while the previous one is still busy (noOverlap),
   * a tick missed under load, a failed execution — in the service's structured log instead of on the console.
   */
  private cronLogger(source: string): CronLogger {
    const log = this.log.child({ source });
    return {
      info: (message) => log.debug(message),
      warn: (message) => log.warn(OVERLAP_WARNING_RE.test(message) ? "tick dropped: the source's previous tick is still busy" : message),
      error: (message, err) => log.error({ err: err ?? (message instanceof Error ? message : undefined) }, typeof message === 'string' ? message : 'node-cron task error'),
      debug: (message) => log.debug(String(message)),
    };
  }

  private async tick(sourceId: string, tickTime: Date): Promise<void> {
    const { enqueue } = this.options;
    const work = (enqueue
      ? enqueue(sourceId, tickTime).then((outcome) => this.options.onEnqueue?.({ ...outcome, sourceId, tickTime }))
      : runSource(this.deps, sourceId, { trigger: 'cron', tickTime }).then((summary) => this.options.onRun?.(summary)))
      .catch((err: unknown) => this.log.error({ err, source: sourceId }, 'scheduled run failed to start'));
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /** Stop scheduling and wait for runs in progress to finish. */
  async stop(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}
