/**
 * The readiness probe: can a NEW connection be opened and answer `select 1` within the time given? A new connection
 * (not a pooled one) is what tells a server in smart shutdown ("the database system is shutting down", while pooled
 * sessions still work) or a frozen one (the TCP connect succeeds, the startup never answers). One connection per
 * probe; probes come every few seconds from a load balancer, so this costs little.
 */
import { Client } from 'pg';
import { connectionName } from './connection-name';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** Probe `databaseUrl`; resolves within `timeoutMillis` (plus a tick), never rejects. */
export async function probeDatabase(databaseUrl: string, timeoutMillis: number): Promise<ProbeResult> {
  const client = new Client({ connectionString: databaseUrl, statement_timeout: timeoutMillis, application_name: connectionName('readyz') });
  client.on('error', () => undefined); // a socket error after we gave up is expected
  let timer: NodeJS.Timeout | undefined;
  const attempt = (async (): Promise<ProbeResult> => {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  })().catch((err: { code?: string; message?: string }): ProbeResult => {
    const message = String(err?.message ?? err).split('\n')[0];
    if (err?.code === '57P03' || err?.code === '57P01') return { ok: false, reason: `the database refuses new connections: ${message}` };
    return { ok: false, reason: `the database cannot be reached: ${message}` };
  });
  const late = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `the database did not answer within ${timeoutMillis} ms` }), timeoutMillis);
  });
  const result = await Promise.race([attempt, late]);
  clearTimeout(timer);
  if (result.ok) {
    void client.end().catch(() => undefined);
  } else {
    // A connection that never answered cannot be ended politely: drop the socket.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
  return result;
}
