/**
 * MikroORM configuration, used by the app, the tests and the MikroORM CLI (package.json "mikro-orm".configPaths).
 * The CLI reads DATABASE_URL; `npm run db -- <cmd>` starts the embedded PostgreSQL and sets it for you.
 */
import 'reflect-metadata';
import path from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { DataloaderType } from '@mikro-orm/core';
import { ENTITIES } from './entities';
import { connectionName } from './connection-name';

import { COMPILED, PROJECT_ROOT } from '../paths';

/** Schema of pg-boss's tables (ingest/jobs); kept out of the MikroORM schema diff. */
export const JOBS_SCHEMA = 'pgboss';

/** Compiled runs live under dist/src/db (migrations in dist/migrations), sources under src/db (migrations/). */
const ROOT = PROJECT_ROOT;

/** Build the ORM options for a database URL. */
export function ormOptions(clientUrl: string, extra: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    // Compiled code reads the compiled migrations, whatever MikroORM guesses from the environment (TS_JEST, loaders).
    preferTs: !COMPILED,
    migrations: {
      path: COMPILED ? path.join(ROOT, 'dist', 'migrations') : path.join(ROOT, 'migrations'),
      pathTs: path.join(ROOT, 'migrations'),
      glob: COMPILED ? '!(*.d).js' : '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // pg-boss keeps its queue tables in its own schema; they are not ours to diff, create or drop.
    schemaGenerator: { ignoreSchema: [JOBS_SCHEMA] },
    debug: false,
    driverOptions: { connection: { application_name: connectionName('orm') } },
    ...extra,
  });
}

export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:54329/cchc_atlas');
