/**
 * Refreshing the stored choices (`figure_pick`, see figure-pick.entity.ts): writers only mark the keys they change
 * (database triggers); this recomputes marked keys in batches, each batch its own short transaction. Any number of
 * processes may run it at once (a batch skips marks another one holds). Readers are correct whether or not it has
 * run — a marked key is chosen on the fly — so a refresh only makes reads cheaper again; callers run it after their
 * writes commit, and workers run it periodically in case a process died between a commit and its refresh.
 */

/** Runs one SQL statement outside any open transaction and returns its rows. */
export type RunSql = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface RefreshOptions {
  /** Marks per batch (one transaction, one advisory lock per key). */
  batchSize?: number;
  /** Stop after this many batches (the rest waits for the next refresh). */
  maxBatches?: number;
}

export interface RefreshOutcome {
  /** Marks cleared. */
  marks: number;
  batches: number;
}

/**
 * Marks per batch: each distinct key holds an advisory lock until the batch commits, and PostgreSQL's shared lock table
 * holds about max_locks_per_transaction × max_connections (6,400 by default) for all sessions: 200 leaves room for
 * dozens of refreshers at once. (A refresh that still runs out only logs; its marks wait for the next one.)
 */
export const DEFAULT_PICK_BATCH = 200;

export async function refreshFigurePicks(run: RunSql, options: RefreshOptions = {}): Promise<RefreshOutcome> {
  const batchSize = options.batchSize ?? DEFAULT_PICK_BATCH;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let marks = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const [row] = await run('select figure_pick_refresh(?) as n', [batchSize]);
    const n = Number(row?.n ?? 0);
    if (n === 0) break;
    marks += n;
    batches++;
  }
  return { marks, batches };
}

/** Marks waiting for a refresh (`select count(*) from figure_pick_dirty`; for tests and operators). */
export async function pendingPickMarks(run: RunSql): Promise<number> {
  const [row] = await run('select count(*)::int as n from figure_pick_dirty', []);
  return Number(row?.n ?? 0);
}

/**
 * Best-effort refresh after a write committed (an ingest run, an index period, a review, a re-attribution): a failure
 * is logged, never raised — the write stands, readers choose on the fly until the next refresh. `em` must not be
 * inside a transaction (each batch commits on its own). A request's write passes `maxBatches` so that a backlog left by
 * others (an ingest run refreshes only when it ends) never lengthens the request; the backlog waits for its writers.
 */
export async function refreshPicksAfterWrite(em: { execute: (sql: string, params: unknown[]) => Promise<unknown> },
  log: { warn: (obj: object, msg: string) => void }, options: RefreshOptions = {}): Promise<void> {
  try {
    await refreshFigurePicks((sql, params) => em.execute(sql, params) as Promise<Array<Record<string, unknown>>>, options);
  } catch (err) {
    log.warn({ err }, 'refreshing the stored figure choices failed; rankings choose on the fly until the next refresh');
  }
}
