/**
 * The service as a user runs it: `src/main.ts` in a child process on an embedded PostgreSQL in a fresh DATA_DIR.
 * First start initialises; a restart on the same data directory is fast and seeds nothing again; startup errors
 * are one line that names the setting to change.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
jest.setTimeout(120_000);

interface Started { url: string; readyMillis: number; logs: string; stop(): Promise<number | null> }

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function startService(env: Record<string, string>): Promise<Started> {
  const began = Date.now();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', SCHEDULER_ENABLED: 'false', ...env },
  });
  let logs = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      logs += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"cchc-atlas ready"/.exec(logs);
      if (m) {
        resolve({
          url: m[1], readyMillis: Date.now() - began, logs,
          stop: () => new Promise((done) => { child.once('exit', (code) => done(code)); child.kill('SIGTERM'); }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`service exited with ${code} before it was ready:\n${logs}`)));
  });
}

function runToFailure(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: '', PORT: '0', SCHEDULER_ENABLED: 'false', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('service lifecycle on embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-life-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('initialises, answers, stops cleanly, and restarts fast without seeding again', async () => {
    const pgPort = String(await freePort());
    const first = await startService({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort });
    const res = await fetch(`${first.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ units(search: "binh thanh", first: 1) { edges { node { name } } } }' }),
    });
    expect((await res.json()).data.units.edges[0].node.name).toBe('Quận Bình Thạnh');
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const second = await startService({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort });
    expect(second.logs).toMatch(/"seed":\{"skipped":true/);
    expect(second.logs).toMatch(/"migrations":\[\]/);
    expect(await second.stop()).toBe(0);
  });

  // As root the tests above already cover root; this one covers a normal user (as a non-root run does by itself).
  const asRoot = os.userInfo().uid === 0;
  (asRoot ? it : it.skip)('also runs as a normal user (nobody) with a data folder it owns', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-user-'));
    fs.chmodSync(dir, 0o755);
    fs.chownSync(dir, Number(execFileSync('id', ['-u', 'nobody']).toString()), Number(execFileSync('id', ['-g', 'nobody']).toString()));
    const pgPort = await freePort();
    const env = `HOME=${dir} DATA_DIR=${dir}/data PORT=0 HOST=127.0.0.1 EMBEDDED_PG_PORT=${pgPort} SCHEDULER_ENABLED=false DATABASE_URL=`;
    const child = spawn('su', ['-s', '/bin/sh', 'nobody', '-c', `cd ${ROOT} && env ${env} ${process.execPath} -r @swc-node/register src/main.ts`]);
    let logs = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (c: Buffer) => {
          logs += c.toString();
          const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"cchc-atlas ready"/.exec(logs);
          if (m) resolve(m[1]);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${logs}`)));
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(fs.statSync(path.join(dir, 'data', 'pg')).uid).toBe(fs.statSync(dir).uid);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        try { execFileSync('pkill', ['-TERM', '-u', 'nobody', '-f', 'src/main.ts']); } catch { /* already gone */ }
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which setting to change when the database port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const { port } = blocker.address() as net.AddressInfo;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-busy-'));
    fs.chmodSync(dir, 0o755);
    try {
      const { code, stderr } = await runToFailure({ DATA_DIR: dir, EMBEDDED_PG_PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([`cchc-atlas: port ${port} is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL`]);
    } finally {
      blocker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which setting to change when the data folder cannot be written', async () => {
    const { code, stderr } = await runToFailure({ DATA_DIR: '/proc/cchc-atlas-cannot-write' });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^cchc-atlas: cannot write the data folder \/proc\/cchc-atlas-cannot-write: set DATA_DIR/);
  });

  it('fails fast on invalid configuration, naming the variable', async () => {
    const { code, stderr } = await runToFailure({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('cchc-atlas: PORT must be a whole number, got "eighty"');
  });
});
