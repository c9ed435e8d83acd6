/**
 * `npm run index:crosswalk -- report`                     the unmatched index agencies and the match rate
 * `npm run index:crosswalk -- set <code> <unitId> [note]` tie an agency to a unit (moves its stored figures)
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR. Exit 0 on success, 1 on failure, 2 on usage errors.
 */
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startDatabase } from '../../src/app';
import { overrideAgencyUnit, unmatchedReport } from '../../src/modules/dvc-index/index-agency.service';
import { formatTable } from '../progress';

const USAGE = 'usage: npm run index:crosswalk -- report | set <agency code> <unit id> [note]';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'report' && !(command === 'set' && rest.length >= 2 && /^\d+$/.test(rest[1]))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const log = createLogger('warn', pino.destination(2));
  const db = await startDatabase(config, log);
  try {
    const em = db.orm.em.fork();
    if (command === 'set') {
      const { moved } = await overrideAgencyUnit(em, rest[0].toUpperCase(), Number(rest[1]), rest.slice(2).join(' ') || null, log);
      process.stdout.write(`${rest[0].toUpperCase()} → unit ${rest[1]}; ${moved} figures moved\n`);
      return 0;
    }
    const r = await unmatchedReport(em);
    const rate = r.total ? ((100 * r.matched) / r.total).toFixed(2) : '100.00';
    process.stdout.write(`${r.total} agencies, ${r.matched} matched or departments (${rate} %), ${r.unmatched.length} unmatched\n`);
    if (r.unmatched.length) {
      process.stdout.write(`${formatTable(['code', 'name', 'type', 'local unit', 'why'], r.unmatched.map((u) => [u.code, u.name, u.agencyType, u.unitId, u.note ?? '']))}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`index:crosswalk: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`index:crosswalk: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
