/**
 * Where the pipeline parses pages: a pool of worker threads (the default: the API process's event loop never runs
 * the parser or the extraction engine), or the calling thread (`workers: 0`, for one-shot tools).
 *
 * Workers start on first use (or on `warm()`) and stop after `idleMillis` without work, and are unref'd while idle, so a pool costs
 * nothing between runs and never keeps a process alive. A task that runs longer than `timeoutMillis` has its worker
 * terminated (a new one takes its place) and fails with ParseTimeoutError: the item is skipped, the run goes on.
 * Tasks are queued first-in first-out; each worker does one at a time.
 *
 * Public surface: {@link PageParser}, {@link createPageParser}, {@link PageParserOptions}.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { ParseTimeoutError } from '../errors';
import { errorFromData, runPageTask, type ErrorData, type PageTask, type PageTaskResult } from './task';

export interface PageParser {
  /** Parse (and for articles extract) a page; rejects with the same errors as {@link runPageTask}. */
  run(task: PageTask): Promise<PageTaskResult>;
  /** Start the workers now and resolve once they are ready (otherwise they start on first use). */
  warm(): Promise<void>;
  /** Stop the workers (pending tasks are rejected). */
  close(): Promise<void>;
  /** Number of worker threads (0: the calling thread). */
  readonly workers: number;
}

export interface PageParserOptions {
  /** Worker threads; 0 parses on the calling thread. Default 1. */
  workers?: number;
  /** A task running longer is stopped (ParseTimeoutError). Default 60 s. */
  timeoutMillis?: number;
  /** Idle workers stop after this long. Default 10 minutes. */
  idleMillis?: number;
}

interface Pending {
  id: number;
  task: PageTask;
  resolve: (r: PageTaskResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
}

/** Inline: the same work on the calling thread, as a promise. */
function inlineParser(): PageParser {
  return {
    workers: 0,
    run: async (task) => runPageTask(task),
    warm: async () => {},
    close: async () => {},
  };
}

/**
 * The worker entry, as source (.ts) or compiled (.js). From source the worker loads TypeScript with ts-node
 * (transpile only), not @swc-node/register: swc's native addon keeps threads of its own, and unloading it with a
 * terminated worker crashed the process (segmentation fault) in tests.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const ts = __filename.endsWith('.ts');
  return { file: path.join(__dirname, ts ? 'worker.ts' : 'worker.js'), execArgv: ts ? ['-r', 'ts-node/register/transpile-only'] : [] };
}

class WorkerPool implements PageParser {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMillis: number;
  private readonly idleMillis: number;

  constructor(readonly workers: number, options: PageParserOptions) {
    this.timeoutMillis = options.timeoutMillis ?? 60_000;
    this.idleMillis = options.idleMillis ?? 600_000;
    this.slots = Array.from({ length: workers }, () => ({ worker: null, busy: null, timer: null, idleTimer: null }));
  }

  run(task: PageTask): Promise<PageTaskResult> {
    if (this.closed) return Promise.reject(new Error('the page parser is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      const worker = slot.worker ?? this.spawn(slot);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.busy = job;
      worker.ref();
      slot.timer = setTimeout(() => this.timedOut(slot), this.timeoutMillis);
      worker.postMessage({ id: job.id, task: job.task });
    }
  }

  async warm(): Promise<void> {
    await Promise.all(this.slots.map((slot) => {
      if (slot.worker || slot.busy) return undefined;
      const worker = this.spawn(slot);
      return new Promise<void>((resolve, reject) => {
        const onReady = (msg: unknown) => {
          if (msg !== 'ready') return;
          worker.off('message', onReady);
          worker.off('error', reject);
          this.finish(slot);
          resolve();
        };
        worker.on('message', onReady);
        worker.once('error', reject);
      });
    }));
  }

  private spawn(slot: Slot): Worker {
    const { file, execArgv } = workerEntry();
    const worker = new Worker(file, { execArgv });
    slot.worker = worker;
    worker.on('message', (msg: { id: number; ok: boolean; result?: PageTaskResult; error?: ErrorData }) => {
      const job = slot.busy;
      if (!job || job.id !== msg.id) return;
      this.finish(slot);
      if (msg.ok) job.resolve(msg.result!);
      else job.reject(errorFromData(msg.error!));
    });
    const lost = (err: unknown) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const job = slot.busy;
      this.finish(slot);
      job?.reject(err instanceof Error ? err : new Error(`parse worker stopped (${String(err)})`));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`parse worker exited with code ${code}`)));
    return worker;
  }

  /** The slot's task is over: clear its timer, let the worker idle (unref'd, stopped later), take the next task. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    const worker = slot.worker;
    if (worker) {
      worker.unref();
      slot.idleTimer = setTimeout(() => {
        if (slot.worker === worker && !slot.busy) {
          slot.worker = null;
          void worker.terminate();
        }
      }, this.idleMillis);
      slot.idleTimer.unref();
    }
    if (!this.closed) this.dispatch();
  }

  private timedOut(slot: Slot): void {
    const job = slot.busy;
    const worker = slot.worker;
    slot.worker = null;
    this.finish(slot);
    void worker?.terminate();
    job?.reject(new ParseTimeoutError(job.task.url, this.timeoutMillis));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the page parser is closed'));
    await Promise.all(this.slots.map(async (slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      const worker = slot.worker;
      const job = slot.busy;
      slot.worker = null;
      slot.busy = null;
      job?.reject(new Error('the page parser is closed'));
      if (worker) await worker.terminate();
    }));
  }
}

/** A page parser: `workers` threads (default 1), or the calling thread when 0. */
export function createPageParser(options: PageParserOptions = {}): PageParser {
  const workers = options.workers ?? 1;
  return workers > 0 ? new WorkerPool(workers, options) : inlineParser();
}
