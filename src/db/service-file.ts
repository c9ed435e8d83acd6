/**
 * `DATA_DIR/service.env`: how to reach the embedded PostgreSQL of the service that is running on this DATA_DIR.
 * The service writes it once its database is ready (mode 0600: it holds the password) and removes it on a clean
 * stop; a file whose process is no longer alive is stale and ignored. The CLIs (`ingest`, `reextract`) read it to
 * work on the running service's database instead of starting a second server, and an operator can source it
 * (`. data/service.env && pg_dump "$DATABASE_URL"`).
 *
 *   DATABASE_URL='postgres://postgres:…@127.0.0.1:54329/cchc_atlas'
 *   SERVICE_PID=12345
 */
import fs from 'node:fs';
import path from 'node:path';
import { processInfo } from './embedded-postgres';

export const SERVICE_FILE_NAME = 'service.env';

export interface ServiceFile {
  databaseUrl: string;
  pid: number;
}

export function serviceFilePath(dataDir: string): string {
  return path.join(dataDir, SERVICE_FILE_NAME);
}

/** Write the file for this process (atomically, mode 0600); returns its path. */
export function writeServiceFile(dataDir: string, databaseUrl: string, pid = process.pid): string {
  if (/['\n]/.test(databaseUrl)) throw new Error('the database URL cannot be written to a shell file');
  const file = serviceFilePath(dataDir);
  const tmp = `${file}.${pid}.tmp`;
  fs.writeFileSync(tmp, `DATABASE_URL='${databaseUrl}'\nSERVICE_PID=${pid}\n`, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return file;
}

/** Parse a service file's text; null when it is not one. */
export function parseServiceFile(text: string): ServiceFile | null {
  const url = /^DATABASE_URL='([^'\n]+)'$/m.exec(text)?.[1];
  const pid = Number(/^SERVICE_PID=(\d+)$/m.exec(text)?.[1]);
  return url && Number.isInteger(pid) && pid > 0 ? { databaseUrl: url, pid } : null;
}

/** The running service's file, or null when there is none or its process is gone (a stale file is ignored). */
export function readLiveServiceFile(dataDir: string): ServiceFile | null {
  let text: string;
  try {
    text = fs.readFileSync(serviceFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  const found = parseServiceFile(text);
  return found && found.pid !== process.pid && processInfo(found.pid) ? found : null;
}

/** Remove the file if this process wrote it (a newer service's file is left alone). */
export function removeServiceFile(dataDir: string, pid = process.pid): void {
  const file = serviceFilePath(dataDir);
  try {
    if (parseServiceFile(fs.readFileSync(file, 'utf8'))?.pid === pid) fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}
