/** Open and close the ORM; run migrations. The app, the CLIs and the tests all go through here. */
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { ormOptions } from './mikro-orm.config';

export type Orm = MikroORM;

/** Connect to `databaseUrl`. MikroORM's own logs go to `logger` (debug level) when given. */
export async function initOrm(databaseUrl: string, logger?: Logger, extra: Partial<Options> = {}): Promise<Orm> {
  const log = logger?.child({ component: 'orm' });
  return MikroORM.init(
    ormOptions(databaseUrl, {
      ...(log ? { logger: (message: string) => log.debug({ message }, 'orm') } : {}),
      ...extra,
    }),
  );
}

/** Apply pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
