/**
 * Who runs a source, when several instances of the service share one database.
 * A run holds a session-level PostgreSQL advisory lock on its own connection for as long as it runs:
 * - a second instance (or a second tick) that cannot take the lock skips: a source never overlaps itself;
 * - a cron tick that already has a run (started at or after the tick) is not run again, so a tick runs on
 *   exactly one instance even when the first finished before the second looked;
 * - runs left 'running' by a process that died (its lock went with its connection) are marked abandoned.
 * Public surface: `claimRun`, `RunLease`.
 */
import os from 'node:os';
import { Client } from 'pg';
import { connectionName } from '../src/db/connection-name';

export interface RunLease {
  runId: number;
  /** Release the lock (after the run row is finished). */
  release(): Promise<void>;
}

export type ClaimResult = { claimed: true; lease: RunLease } | { claimed: false; reason: string };

export const INSTANCE_ID = `${os.hostname()}:${process.pid}`;

/** Try to start a run of `sourceId`; `tickTime` is the scheduled instant for cron runs. */
export async function claimRun(databaseUrl: string, sourceId: string, trigger: 'cron' | 'manual' | 'cli', tickTime?: Date): Promise<ClaimResult> {
  const client = new Client({ connectionString: databaseUrl, application_name: connectionName(`run ${sourceId}`) });
  // A dropped connection (database restarted) must not crash the process: the run notices on its next query,
  // and the lock is gone with the connection anyway.
  client.on('error', () => undefined);
  await client.connect();
  const release = async () => {
    await client.query('select pg_advisory_unlock(hashtext($1))', [`cchc-atlas:run:${sourceId}`]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
  try {
    const { rows: [lock] } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [`cchc-atlas:run:${sourceId}`]);
    if (!lock.ok) {
      await client.end();
      return { claimed: false, reason: 'another run of this source is in progress' };
    }
    await client.query('begin');
    if (tickTime) {
      const { rowCount } = await client.query(
        `select 1 from ingest_run where source_id = $1 and trigger = 'cron' and started_at >= $2 limit 1`, [sourceId, tickTime]);
      if (rowCount) {
        await client.query('rollback');
        await release();
        return { claimed: false, reason: 'this tick already ran on another instance' };
      }
    }
    await client.query(
      `update ingest_run set status = 'abandoned', finished_at = now(),
         error = coalesce(error, 'the process running it stopped before it finished')
       where source_id = $1 and status = 'running'`, [sourceId]);
    const { rows: [run] } = await client.query<{ id: number }>(
      `insert into ingest_run (source_id, trigger, started_at, status, instance, failures)
       values ($1, $2, now(), 'running', $3, '[]'::jsonb) returning id`, [sourceId, trigger, INSTANCE_ID]);
    await client.query('commit');
    return { claimed: true, lease: { runId: run.id, release } };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    await release();
    throw err;
  }
}
