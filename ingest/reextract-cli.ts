/** `npm run reextract [-- --all]`: re-read stored documents with the current extractor (no re-fetch). */
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startDatabase } from '../src/app';
import { reextractDocuments } from './reextract';
import { EXTRACTOR_VERSION } from './extract/version';
import { createProgress } from './progress';
import { readCliArgs, type CliSpec } from './cli-args';

const SPEC: CliSpec = {
  command: 'npm run reextract --',
  summary: 'Re-read stored documents with the current extractor (no re-fetch): documents read by an older extractor version.',
  options: [{ name: 'all', description: 'every stored document, whatever extractor version read it' }],
  notes: [
    'Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the database of the service running there',
    '(DATA_DIR/service.env, written by `npm start`), else one started for this run.',
    'Exit code: 0 when every document was read, 1 when one failed, 2 on usage errors.',
  ],
};

async function main(): Promise<number> {
  const all = readCliArgs(SPEC).all === true;
  const config = loadConfig();
  const log = createLogger('warn', pino.destination(2));
  const db = await startDatabase(config, log, undefined, { attachToRunningService: true });
  try {
    const progress = createProgress();
    const summary = await reextractDocuments(db.orm, { all, log, onProgress: (done, total) => progress.update(done, total, 'documents') });
    progress.done();
    process.stdout.write(`extractor ${EXTRACTOR_VERSION}: ${summary.documents} documents re-read, ${summary.figuresAdded} figures added, `
      + `${summary.figuresUpdated} replaced, ${summary.failed} failed\n`);
    return summary.failed ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`reextract: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
