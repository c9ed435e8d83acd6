/**
 * `npm run demo` as a newcomer runs it: a fresh DATA_DIR, the mirror, ingestion into the demo database, the API.
 * Then stop and run it again: the totals do not change.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(180_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function runDemo(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'demo/main.ts'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: '', HOST: '127.0.0.1', ...env },
  });
  let logs = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      logs += chunk.toString();
      const m = /"graphql":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"cchc-atlas demo ready"/.exec(logs);
      if (m) resolve({ url: m[1], stop: () => new Promise((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`demo exited with ${code} before it was ready:\n${logs.slice(-3000)}`)));
  });
}

async function totals(url: string): Promise<{ figures: number; documents: number }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ figures(first: 1) { totalCount } documents(first: 1) { totalCount } }' }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { figures: body.data.figures.totalCount, documents: body.data.documents.totalCount };
}

it('serves the demo figures offline, and a second run leaves the totals unchanged', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-demo-'));
  fs.chmodSync(dataDir, 0o755);
  const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), DEMO_MIRROR_PORT: String(await freePort()) };
  try {
    const first = await runDemo(env);
    const before = await totals(first.url);
    expect(before.documents).toBeGreaterThanOrEqual(60);
    expect(before.figures).toBeGreaterThan(before.documents);
    // The national index's sample data: a province ranking and a commune ranking of one month.
    const ranking = async (args: string) => {
      const res = await fetch(`${first.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ compare(metric: "dvc_index_total", year: 2025, month: 10, ${args}) { rows { rank unit { name } } } }` }),
      });
      return (await res.json()).data.compare.rows as Array<{ rank: number; unit: { name: string } }>;
    };
    const provinces = await ranking('level: PROVINCE');
    expect(provinces.map((r) => r.unit.name).sort()).toEqual(['Tỉnh An Giang', 'Tỉnh Cao Bằng', 'Tỉnh Lai Châu']);
    const unitsRes = await fetch(`${first.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ units(search: "tinh lai chau", first: 5) { edges { node { id name codeSet } } } }' }),
    });
    const laiChau = (await unitsRes.json()).data.units.edges.map((e: { node: { id: string; codeSet: string } }) => e.node).find((n: { codeSet: string }) => n.codeSet === 'NQ202_2025');
    expect((await ranking(`parentId: "${laiChau.id}"`)).length).toBe(38);
    await first.stop();

    const second = await runDemo(env);
    expect(await totals(second.url)).toEqual(before);
    await second.stop();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
