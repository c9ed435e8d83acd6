/**
 * How a process that does not own the database (a job worker, the scheduler) finds the embedded PostgreSQL that
 * another process (`npm start`) runs under DATA_DIR. One function, so the lookup follows where the server announces
 * itself: the `DATABASE_URL` of `DATA_DIR/service.env` while the process that wrote it (`SERVICE_PID`) is alive,
 * else the port in the cluster's `postmaster.pid`.
 * Public surface: `runningEmbeddedUrl`, `SERVICE_FILE`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseStartError } from '../errors';
import { EMBEDDED_CREDENTIALS } from './embedded-postgres';

/** File under DATA_DIR in which the running service publishes its database (`DATABASE_URL='…'`, `SERVICE_PID=…`). */
export const SERVICE_FILE = 'service.env';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** URL of database `database` on the embedded server running under `dataDir`; a clear error when none runs. */
export function runningEmbeddedUrl(dataDir: string, database = 'cchc_atlas'): string {
  const announced = path.join(dataDir, SERVICE_FILE);
  const text = fs.existsSync(announced) ? fs.readFileSync(announced, 'utf8') : '';
  const url = /^DATABASE_URL='([^'\n]+)'$/m.exec(text)?.[1];
  const pid = Number(/^SERVICE_PID=(\d+)$/m.exec(text)?.[1]);
  if (url && Number.isInteger(pid) && pid > 0 && alive(pid)) {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  }
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  // postmaster.pid: line 1 the server's pid, line 4 its port (PostgreSQL's documented layout).
  const lines = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n') : [];
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0 || !alive(Number(lines[0]))) {
    throw new DatabaseStartError(
      `no running embedded PostgreSQL under DATA_DIR=${dataDir}: start the service there first (npm start), or set DATABASE_URL`);
  }
  const { user, password } = EMBEDDED_CREDENTIALS;
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
