/**
 * How a process that does not own the database (a job worker, the scheduler) finds the embedded PostgreSQL that
 * another process (`npm start`) runs under DATA_DIR: the `DATABASE_URL` of the live service's `DATA_DIR/service.env`
 * (read by service-file.ts, like the CLIs do), else the port in the cluster's `postmaster.pid`.
 * Public surface: `runningEmbeddedUrl`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseStartError } from '../errors';
import { EMBEDDED_CREDENTIALS, processInfo } from './embedded-postgres';
import { readLiveServiceFile } from './service-file';

/** URL of database `database` on the embedded server running under `dataDir`; a clear error when none runs. */
export function runningEmbeddedUrl(dataDir: string, database = 'cchc_atlas'): string {
  const announced = readLiveServiceFile(dataDir);
  if (announced) {
    const u = new URL(announced.databaseUrl);
    u.pathname = `/${database}`;
    return u.toString();
  }
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  // postmaster.pid: line 1 the server's pid, line 4 its port (PostgreSQL's documented layout).
  const lines = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n') : [];
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0 || !processInfo(Number(lines[0]))) {
    throw new DatabaseStartError(
      `no running embedded PostgreSQL under DATA_DIR=${dataDir}: start the service there first (npm start), or set DATABASE_URL`);
  }
  const { user, password } = EMBEDDED_CREDENTIALS;
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
