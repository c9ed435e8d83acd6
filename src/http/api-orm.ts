/**
 * The API's own ORM instance over the same database: its pooled connections are opened with `statement_timeout`,
 * so every statement a request sends is cut off after `STATEMENT_TIMEOUT_MS` at no per-request cost (no
 * BEGIN / SET LOCAL / ROLLBACK round trips), while migrations and ingestion on the service's main ORM keep their
 * own, untimed connections. Everything else (entities, logger, dataloaders) is copied from the main ORM.
 *
 * A server that does not answer at all (frozen, or the network gone) cannot cancel anything, so the pool also bounds
 * what happens on this side: opening a connection (`DB_CONNECT_TIMEOUT_MS`), waiting for a free one
 * (`DB_ACQUIRE_TIMEOUT_MS`), and reading an answer (pg's `query_timeout`: the statement timeout plus a second). A
 * connection whose answer never came is closed, so the pool never hands it out again; new ones are opened once the
 * database answers again. The errors become DATABASE_UNAVAILABLE (see src/db/availability.ts).
 */
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm';
import { connectionName } from '../db/connection-name';
import type { Logger } from '../logger';

export interface ApiPoolTimeouts {
  statementTimeoutMillis: number;
  connectTimeoutMillis: number;
  acquireTimeoutMillis: number;
}

/** What the client waits for an answer beyond the server's own statement timeout. */
const READ_MARGIN_MILLIS = 1000;

type PgClient = { query: (...args: unknown[]) => unknown; connection?: { stream?: { destroy(err?: Error): void } } };

/** Close a connection whose answer did not come in time: its protocol state is unknown, it must not be reused. */
function closeOnReadTimeout(client: PgClient): void {
  const query = client.query.bind(client);
  const drop = (err: unknown) => {
    if ((err as Error | null)?.message === 'Query read timeout') client.connection?.stream?.destroy();
  };
  client.query = (...args: unknown[]) => {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: unknown, res: unknown) => void;
      args[last] = (err: unknown, res: unknown) => {
        drop(err);
        callback(err, res);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, drop);
    return result;
  };
}

function positive(name: string, value: number): number {
  const v = Math.trunc(value);
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer, got ${value}`);
  return v;
}

/** Open the API's ORM next to `main`; close it with `orm.close()`. */
export async function openApiOrm(main: Orm, timeouts: ApiPoolTimeouts, logger?: Logger): Promise<Orm> {
  const statement = positive('statement timeout', timeouts.statementTimeoutMillis);
  const connect = positive('connect timeout', timeouts.connectTimeoutMillis);
  const acquire = positive('acquire timeout', timeouts.acquireTimeoutMillis);
  const options = main.config.getAll() as Options;
  const driverOptions = (options.driverOptions ?? {}) as { connection?: Record<string, unknown>; pool?: Record<string, unknown> };
  return MikroORM.init({
    ...options,
    driverOptions: {
      ...driverOptions,
      // pg sends statement_timeout as a startup parameter: the server applies it to the session, no extra statement.
      connection: {
        ...driverOptions.connection,
        application_name: connectionName('api'),
        statement_timeout: statement,
        query_timeout: statement + READ_MARGIN_MILLIS,
        connectionTimeoutMillis: connect,
      },
      acquireConnectionTimeout: acquire,
      // knex would print its pool warnings ("Connection Error: …" for a connection dropped above) with console.log.
      log: {
        warn: (message: unknown) => logger?.warn({ message: String(message) }, 'database pool'),
        error: (message: unknown) => logger?.error({ message: String(message) }, 'database pool'),
        deprecate: () => undefined,
        debug: () => undefined,
      },
      pool: {
        ...driverOptions.pool,
        acquireTimeoutMillis: acquire,
        createTimeoutMillis: connect,
        afterCreate: (client: PgClient, done: (err: Error | null, client: PgClient) => void) => {
          closeOnReadTimeout(client);
          done(null, client);
        },
      },
    },
  });
}
