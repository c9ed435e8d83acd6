/**
 * Per-host politeness across every worker process: one request at a time per host (a PostgreSQL advisory lock held
 * on a pooled connection for the request), and no request before the host's `next_start_at` (table
 * host_politeness: the end of the last request plus the source's delay, or a server's Retry-After). Times are the
 * database's clock, so workers on machines with skewed clocks still agree. A zero delay means politeness off
 * (the local mirror, benchmarks): no lock, no wait.
 * Public surface: `SharedHostGate`.
 */
import type { Pool } from 'pg';
import type { RequestGate } from '../fetch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SharedHostGate implements RequestGate {
  constructor(private readonly pool: Pool) {}

  async run<T>(host: string, delayMillis: number, task: () => Promise<T>): Promise<T> {
    if (delayMillis <= 0) return task();
    const client = await this.pool.connect();
    const key = `cchc-atlas:host:${host}`;
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', [key]);
      try {
        for (;;) {
          const { rows } = await client.query<{ wait: number | null }>(
            `select extract(epoch from next_start_at - clock_timestamp()) * 1000 as wait from host_politeness where host = $1`, [host]);
          const wait = rows[0]?.wait === undefined || rows[0].wait === null ? 0 : Number(rows[0].wait);
          if (wait <= 0) break;
          await sleep(Math.min(wait, 60_000));
        }
        return await task();
      } finally {
        await client.query(
          `insert into host_politeness (host, next_start_at) values ($1, clock_timestamp() + $2 * interval '1 millisecond')
           on conflict (host) do update set next_start_at = greatest(host_politeness.next_start_at, excluded.next_start_at)`,
          [host, delayMillis]).catch(() => undefined);
        await client.query('select pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  defer(host: string, untilMillis: number): void {
    this.pool.query(
      `insert into host_politeness (host, next_start_at) values ($1, to_timestamp($2 / 1000.0))
       on conflict (host) do update set next_start_at = greatest(host_politeness.next_start_at, excluded.next_start_at)`,
      [host, untilMillis]).catch(() => undefined);
  }
}
