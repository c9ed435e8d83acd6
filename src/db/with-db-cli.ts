/**
 * `npm run db -- <command…>`: start the embedded PostgreSQL under DATA_DIR (unless DATABASE_URL is set), run the
 * command with DATABASE_URL pointing at it, then stop. Used for the MikroORM CLI, e.g.
 * `npm run db -- npx mikro-orm migration:create`.
 */
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../config';
import { startEmbeddedPostgres } from './embedded-postgres';

async function main(): Promise<number> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: npm run db -- <command> [args…]');
    return 2;
  }
  const handle = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'cchc_atlas' });
  try {
    const env = { ...process.env, DATABASE_URL: config.databaseUrl ?? handle!.databaseUrl };
    const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env });
    return result.status ?? 1;
  } finally {
    await handle?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
