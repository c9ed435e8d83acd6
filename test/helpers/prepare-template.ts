/**
 * Run by global-setup in a child process (so MikroORM's global metadata never lives in jest's parent realm):
 * migrate and seed the template database named by argv[2], and fail when entities and migrations disagree.
 */
import 'reflect-metadata';
import { initOrm, migrate } from '../../src/db/orm';
import { seedReferenceData } from '../../src/db/seed';
import { openBoss } from '../../ingest/jobs/boss';

async function main(url: string): Promise<void> {
  const orm = await initOrm(url);
  try {
    await migrate(orm);
    // pg-boss's schema is in the template (clones start with their queues), and must not show up as drift.
    const boss = await openBoss(url, undefined, { max: 1 });
    await boss.stop({ graceful: false });
    const drift = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    if (drift.trim()) {
      throw new Error(`entities and migrations disagree; run \`npm run migration:create\`. Pending SQL:\n${drift}`);
    }
    await seedReferenceData(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}

main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
