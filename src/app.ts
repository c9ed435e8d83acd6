/**
 * Starting the service's parts in order: database (embedded unless DATABASE_URL) → ORM → migrations → reference
 * data → GraphQL over HTTP. Used by src/main.ts (the service), demo/main.ts and the tests. Imports nothing from
 * ingest/: ingestion is wired in by the composition roots.
 */
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config';
import type { Logger } from './logger';
import { DatabaseStartError } from './errors';
import { startEmbeddedPostgres } from './db/embedded-postgres';
import { readLiveServiceFile, serviceFilePath } from './db/service-file';
import { initOrm, migrate, type Orm } from './db/orm';
import { seedReferenceData, type SeedReport } from './db/seed';
import { createSchema } from './graphql/schema';
import { createApollo } from './graphql/apollo';
import type { IngestTrigger } from './graphql/context';
import { startHttpServer, type RouteHandler, type RunningServer } from './http/server';
import { createApiMetrics } from './http/metrics';
import { apiRoutes } from './http/routes';
import { openApiOrm } from './http/api-orm';

export interface DatabaseHandle {
  orm: Orm;
  databaseUrl: string;
  seed: SeedReport;
  migrations: string[];
  /** This process started the embedded PostgreSQL (and stops it on close). */
  embedded: boolean;
  /** The database of the service running on DATA_DIR (read from its `service.env`), not one this process started. */
  attached: boolean;
  close(): Promise<void>;
}

export interface StartDatabaseOptions {
  /** CLIs: when a service runs on DATA_DIR (a live `service.env`), use its database instead of starting one. */
  attachToRunningService?: boolean;
}

/** Start or connect to PostgreSQL, migrate and seed. `database` names the embedded database (demo uses its own). */
export async function startDatabase(
  config: Readonly<Config>, logger: Logger, database = 'cchc_atlas', options: StartDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const log = logger.child({ component: 'db' });
  const running = !config.databaseUrl && options.attachToRunningService ? readLiveServiceFile(config.dataDir) : null;
  if (running) log.info({ pid: running.pid, file: serviceFilePath(config.dataDir) }, 'using the database of the service running on DATA_DIR');
  const embedded = config.databaseUrl || running
    ? null
    : await startEmbeddedPostgres({
      dataDir: config.dataDir, port: config.embeddedPgPort, database,
      onStaleServerStopped: (stale) => log.warn({ pid: stale.pid, port: stale.port }, 'stopped the embedded PostgreSQL left running by a previous process'),
    });
  const databaseUrl = config.databaseUrl ?? running?.databaseUrl ?? embedded!.databaseUrl;
  let orm: Orm;
  try {
    orm = await initOrm(databaseUrl, logger);
    await orm.em.getConnection().execute('select 1');
  } catch (err) {
    await embedded?.stop();
    const where = new URL(databaseUrl);
    throw new DatabaseStartError(
      `cannot connect to PostgreSQL at ${where.host}${where.pathname}: check DATABASE_URL (${err instanceof Error ? err.message : err})`,
      { cause: err },
    );
  }
  const migrations = await migrate(orm);
  const seed = await seedReferenceData(orm.em.fork());
  log.info({ embedded: !!embedded, migrations, seed }, 'database ready');
  return {
    orm, databaseUrl, seed, migrations, embedded: !!embedded, attached: !!running,
    close: async () => {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}

export interface ApiOptions {
  config: Readonly<Config>;
  logger: Logger;
  orm: Orm;
  ingestTrigger?: IngestTrigger | null;
  schema?: GraphQLSchema;
  routes?: Record<string, RouteHandler>;
}

/**
 * Build the schema and serve GraphQL plus the HTTP extras: /healthz, /readyz, /export/figures.csv, /metrics and the
 * caller's `routes` (which win on a clash). Requests run on the API's own connection pool (`openApiOrm`), whose
 * statements time out after `config.statementTimeoutMillis` and which gives up on a database that does not answer
 * (connect, acquire and read timeouts); `close()` closes that pool too. Each instance has its
 * own metrics registry.
 */
export async function startApi(o: ApiOptions): Promise<RunningServer> {
  const schema = o.schema ?? (await createSchema());
  const orm = await openApiOrm(o.orm, {
    statementTimeoutMillis: o.config.statementTimeoutMillis,
    connectTimeoutMillis: o.config.dbConnectTimeoutMillis,
    acquireTimeoutMillis: o.config.dbAcquireTimeoutMillis,
  }, o.logger.child({ component: 'api-pool' }));
  const metrics = createApiMetrics(() => orm.em.fork());
  const apollo = createApollo({ schema, config: o.config, logger: o.logger, metrics: metrics.graphql });
  const routes = { ...apiRoutes({ orm, config: o.config, logger: o.logger }, metrics), ...o.routes };
  let running: RunningServer;
  try {
    running = await startHttpServer({ orm, apollo, config: o.config, logger: o.logger, ingestTrigger: o.ingestTrigger, routes });
  } catch (err) {
    await orm.close(true);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new DatabaseStartError(`port ${o.config.port} is already in use: set PORT to a free port`);
    }
    throw err;
  }
  metrics.observe(running.server, ['/graphql', '/healthz', '/readyz', ...Object.keys(routes)]);
  return {
    ...running,
    close: async () => {
      await running.close();
      await orm.close(true);
    },
  };
}
