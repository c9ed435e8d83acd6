/**
 * The API's own ORM instance over the same database: its pooled connections are opened with `statement_timeout`,
 * so every statement a request sends is cut off after `STATEMENT_TIMEOUT_MS` at no per-request cost (no
 * BEGIN / SET LOCAL / ROLLBACK round trips), while migrations and ingestion on the service's main ORM keep their
 * own, untimed connections. Everything else (entities, logger, dataloaders) is copied from the main ORM.
 */
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';

/** Open the API's ORM next to `main`; close it with `orm.close()`. */
export async function openApiOrm(main: Orm, statementTimeoutMillis: number): Promise<Orm> {
  const timeout = Math.trunc(statementTimeoutMillis);
  if (!Number.isSafeInteger(timeout) || timeout <= 0) throw new Error(`statement timeout must be a positive integer, got ${statementTimeoutMillis}`);
  const options = main.config.getAll() as Options;
  const driverOptions = (options.driverOptions ?? {}) as { connection?: Record<string, unknown> };
  return MikroORM.init({
    ...options,
    // pg sends it as a startup parameter: the server applies it to the session, no extra statement.
    driverOptions: { ...driverOptions, connection: { ...driverOptions.connection, statement_timeout: timeout } },
  });
}
