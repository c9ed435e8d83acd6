/**
 * The service (or a CLI) as a real child process: spawn it, wait for its "ready" log line, stop or kill it.
 * Used by the lifecycle tests that need a process a signal can really kill (crash restart, compiled build, CLIs).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Run TypeScript sources the way `npm start` does. */
export const TS_NODE = ['-r', '@swc-node/register'];

export interface ServiceProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  readyMillis: number;
  logs(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL (a crash) and wait until the process is gone. */
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A fresh data folder the `postgres` OS user can traverse (the tests may run as root). */
export function tempDataDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Environment for a service on an embedded PostgreSQL, any free HTTP port, no scheduler. */
export function serviceEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'info', ...extra };
}

const READY = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*"msg":"cchc-atlas ready"/;

/** Spawn `node <args>` in the repository and resolve once the service logs that it is ready. */
export function startServiceProcess(args: string[], env: NodeJS.ProcessEnv, readyTimeoutMillis = 60_000, cwd = ROOT): Promise<ServiceProcess> {
  const began = Date.now();
  const child = spawn(process.execPath, args, { cwd, env });
  let logs = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service not ready after ${readyTimeoutMillis} ms:\n${logs}`));
    }, readyTimeoutMillis);
    const onData = (chunk: Buffer) => {
      logs += chunk.toString();
      const m = READY.exec(logs);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        child, url: m[1], readyMillis: Date.now() - began, logs: () => logs,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          const code = new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
          child.kill('SIGTERM');
          return code;
        },
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`service exited (${code ?? signal}) before it was ready:\n${logs}`));
    });
  });
}

/** Run a command to its end; resolves with its exit code and output. */
export function runProcess(args: string[], env: NodeJS.ProcessEnv, timeoutMillis = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMillis);
  return new Promise((resolve) => child.once('close', (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr });
  }));
}

/** POST a GraphQL query and return the parsed JSON. */
export async function graphql<T = any>(url: string, query: string): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json() as Promise<any>;
}

/** The pid in line 1 of `<cluster>/postmaster.pid`, or null when there is none. */
export function postmasterPid(clusterDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True while `pid` is a running process (a zombie counts as gone). */
export function processAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Poll until `check` holds, or fail after `timeoutMillis`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMillis = 10_000): Promise<void> {
  const until = Date.now() + timeoutMillis;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
