/**
 * `npm run ingest` / `npm run reextract` while `npm start` runs on the same DATA_DIR: the service publishes its
 * embedded server in DATA_DIR/service.env (mode 0600, removed on a clean stop) and the CLIs work on that database
 * instead of trying to start a second server on the same folder. A stale file (its process gone) is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseServiceFile } from '../../../src/db/service-file';
import {
  TS_NODE, freePort, runProcess, serviceEnv, startServiceProcess, tempDataDir,
} from '../../helpers/service-process';

jest.setTimeout(120_000);

describe('CLIs next to a running service', () => {
  const dataDir = tempDataDir('cchc-cli-');
  const file = path.join(dataDir, 'service.env');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reextract and ingest use the running service\'s database; a stale service file is ignored', async () => {
    const pgPort = await freePort();
    const env = serviceEnv({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' });
    const service = await startServiceProcess([...TS_NODE, 'src/main.ts'], { ...env, LOG_LEVEL: 'info' });
    try {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const published = parseServiceFile(fs.readFileSync(file, 'utf8'));
      expect(published).toEqual({ databaseUrl: `postgres://postgres:cchc-atlas-local@127.0.0.1:${pgPort}/cchc_atlas`, pid: service.child.pid });

      const reextract = await runProcess([...TS_NODE, 'ingest/reextract-cli.ts', '--all'], env);
      expect(reextract.stderr).toBe('');
      expect(reextract.stdout).toMatch(/^extractor .*: 0 documents re-read, 0 figures added, 0 replaced, 0 failed$/m);
      expect(reextract.code).toBe(0);

      const ingest = await runProcess([...TS_NODE, 'ingest/cli.ts', '--source', 'no-such-source'], env);
      expect(ingest.stderr.trim()).toBe('no source "no-such-source"; list them with the sources query or see ingest/source-catalogue.json');
      expect(ingest.code).toBe(2);

      // The CLIs left the service's database running.
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await service.stop()).toBe(0);
    }
    expect(fs.existsSync(file)).toBe(false);

    // A file left by a process that is gone is stale: the CLI starts its own server on DATA_DIR and works.
    fs.writeFileSync(file, `DATABASE_URL='postgres://postgres:wrong@127.0.0.1:1/cchc_atlas'\nSERVICE_PID=${service.child.pid}\n`, { mode: 0o600 });
    const alone = await runProcess([...TS_NODE, 'ingest/reextract-cli.ts'], env);
    expect(alone.stderr).toBe('');
    expect(alone.stdout).toMatch(/0 documents re-read/);
    expect(alone.code).toBe(0);
  });
});
