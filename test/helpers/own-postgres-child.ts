/** Child process of own-postgres.ts: argv = dataDir port database. */
import 'reflect-metadata';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { initOrm, migrate } from '../../src/db/orm';
import { seedReferenceData } from '../../src/db/seed';

async function main([dataDir, port, database]: string[]): Promise<void> {
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port), database, ephemeral: true });
  const orm = await initOrm(pg.databaseUrl);
  try {
    await migrate(orm);
    await seedReferenceData(orm.em.fork());
  } finally {
    await orm.close(true);
  }
  process.on('SIGTERM', () => {
    // SIGCONT first: a frozen server cannot stop.
    try { if (pg.pid) process.kill(pg.pid, 'SIGCONT'); } catch { /* gone */ }
    void pg.stop().finally(() => process.exit(0));
  });
  process.stdout.write(`READY ${pg.databaseUrl} ${pg.pid}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
