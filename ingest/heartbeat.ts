/**
 * Liveness for processes without an HTTP port (workers, the scheduler): every 15 s, when the database answers, the
 * file's mtime is refreshed; a container health check tests that it is younger than a minute.
 * Public surface: `startHeartbeat`, `heartbeatFile`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';

export function heartbeatFile(kind: 'worker' | 'scheduler'): string {
  return path.join(os.tmpdir(), `cchc-atlas-${kind}.heartbeat`);
}

export function startHeartbeat(orm: MikroORM, kind: 'worker' | 'scheduler'): () => void {
  const file = heartbeatFile(kind);
  const beat = () => orm.em.fork().execute('select 1')
    .then(() => fs.writeFileSync(file, new Date().toISOString()))
    .catch(() => undefined);
  void beat();
  const timer = setInterval(beat, 15_000);
  timer.unref();
  return () => clearInterval(timer);
}
