/**
 * Politeness across processes: two gates with their own connection pools (as two worker processes would have)
 * send requests to one host; the server never sees two at once, and each starts at least the delay after the
 * previous one ended. A zero delay is politeness off: requests may overlap.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { SharedHostGate } from '../../../ingest/jobs/shared-host-gate';

let db: TestDatabase;
let server: http.Server;
let origin: string;
const pools: Pool[] = [];
let log: Array<{ start: number; end: number }> = [];
let inFlight = 0;
let maxInFlight = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  server = http.createServer((_req, res) => {
    const start = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end('ok', () => log.push({ start, end: performance.now() }));
    }, 30);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const p of pools) await p.end();
  await new Promise((r) => server.close(r));
  await db.drop();
});

function gate(): SharedHostGate {
  const pool = new Pool({ connectionString: db.url, max: 4 });
  pools.push(pool);
  return new SharedHostGate(pool);
}

async function burst(gates: SharedHostGate[], perGate: number, delay: number): Promise<void> {
  log = [];
  maxInFlight = 0;
  const host = new URL(origin).host;
  await Promise.all(gates.flatMap((g) => Array.from({ length: perGate }, () =>
    g.run(host, delay, async () => (await fetch(`${origin}/`)).text()))));
}

it('keeps one request at a time per host, spaced by the delay, across two processes', async () => {
  const gates = [gate(), gate()];
  await burst(gates, 3, 150);
  expect(log).toHaveLength(6);
  expect(maxInFlight).toBe(1);
  const sorted = [...log].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i].start - sorted[i - 1].end).toBeGreaterThanOrEqual(140); // 150 ms, less timer granularity
  }
  const [row] = await db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from host_politeness');
  expect(Number(row.n)).toBe(1);
});

it('lets requests overlap when the delay is zero (politeness off)', async () => {
  await burst([gate(), gate()], 3, 0);
  expect(log).toHaveLength(6);
  expect(maxInFlight).toBeGreaterThan(1);
});
