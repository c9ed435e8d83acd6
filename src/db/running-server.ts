/**
 * How a process that does not own the database (a job worker) finds the embedded PostgreSQL that another process
 * (`npm start`) is running under DATA_DIR. One function, so the lookup can follow where the server announces itself:
 * `DATA_DIR/embedded-postgres.url` when the owner wrote it, else the port in the cluster's `postmaster.pid`.
 * Public surface: `runningEmbeddedUrl`, `EMBEDDED_URL_FILE`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseStartError } from '../errors';
import { EMBEDDED_CREDENTIALS } from './embedded-postgres';

/** File under DATA_DIR holding the running embedded server's URL (written by the process that started it). */
export const EMBEDDED_URL_FILE = 'embedded-postgres.url';

/** URL of database `database` on the embedded server running under `dataDir`; a clear error when none runs. */
export function runningEmbeddedUrl(dataDir: string, database = 'cchc_atlas'): string {
  const announced = path.join(dataDir, EMBEDDED_URL_FILE);
  if (fs.existsSync(announced)) {
    const url = new URL(fs.readFileSync(announced, 'utf8').trim());
    url.pathname = `/${database}`;
    return url.toString();
  }
  const pid = path.join(dataDir, 'pg', 'postmaster.pid');
  // postmaster.pid: line 1 the server's pid, line 4 its port (PostgreSQL's documented layout).
  const lines = fs.existsSync(pid) ? fs.readFileSync(pid, 'utf8').split('\n') : [];
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) {
    throw new DatabaseStartError(
      `no running embedded PostgreSQL under DATA_DIR=${dataDir}: start the service there first (npm start), or set DATABASE_URL`);
  }
  const { user, password } = EMBEDDED_CREDENTIALS;
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
