/**
 * The only reader of `process.env`. Parses it once into a frozen, typed `Config` and fails fast with a message
 * that names the variable. Precedence: explicit overrides passed to `loadConfig` > environment > defaults.
 */
import net from 'node:net';
import path from 'node:path';
import { ConfigError } from './errors';
import { PROJECT_ROOT } from './paths';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** HTTP port of the API (0 = any free port). */
  port: number;
  /** Interface the API listens on. */
  host: string;
  /** External PostgreSQL; when null an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | null;
  /** Folder for the embedded database and other local state. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** Bearer token for mutations; null disables writes. */
  adminToken: string | null;
  logLevel: LogLevel;
  /** Time zone of cron schedules and of "the publication month". */
  timezone: string;
  nodeEnv: 'production' | 'development' | 'test';
  /** Allow loopback/private source URLs (the demo mirror and tests serve on 127.0.0.1). */
  allowPrivateSources: boolean;
  /** Start the cron scheduler with the API. */
  schedulerEnabled: boolean;
  /** Per-request SQL statement timeout. */
  statementTimeoutMillis: number;
  /** API pool: time to open a database connection before the request fails (DATABASE_UNAVAILABLE). */
  dbConnectTimeoutMillis: number;
  /** API pool: time a request waits for a pooled connection before it fails (DATABASE_UNAVAILABLE). */
  dbAcquireTimeoutMillis: number;
  /** /readyz: time the database has to accept a new connection and answer `select 1`. */
  readyTimeoutMillis: number;
  /** Worker threads that parse pages and extract figures during ingestion (0: on the main thread). */
  parseWorkers: number;
  /** Ingestion jobs this API process runs per document queue (0 = none; `npm run worker` processes do them). */
  workers: number;
  /** Jobs per document queue of one `npm run worker` process. */
  workerConcurrency: number;
  /** OS scheduling priority of a worker process (0 normal … 19 lowest): on a machine shared with an API, the API answers first. */
  workerNice: number;
  /** Queue settings of the ingestion jobs (pg-boss). */
  jobs: JobsConfig;
}

export interface JobsConfig {
  /** Tries after the first one. */
  retryLimit: number;
  /** Base delay before a retry (doubled per try, with jitter). */
  retryDelaySeconds: number;
  /** An active job older than this is failed and retried (a killed worker's job). */
  expireInSeconds: number;
  /** How often expired jobs are failed and old ones archived. */
  maintenanceSeconds: number;
  /** How often an idle worker polls. */
  pollingSeconds: number;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const REPO_ROOT = PROJECT_ROOT;

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function databaseUrlVar(env: Env): string | null {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

/** HOST: the interface to listen on, an IP address of this machine (0.0.0.0 or :: for all) or localhost. */
function hostVar(env: Env): string {
  const host = env.HOST?.trim() || '0.0.0.0';
  if (host !== 'localhost' && net.isIP(host.replace(/^\[|\]$/g, '')) === 0) {
    throw new ConfigError(`HOST must be an IP address to listen on (0.0.0.0 or :: for every interface, 127.0.0.1 for this machine only) or localhost, got "${host.slice(0, 100)}"`);
  }
  return host.replace(/^\[|\]$/g, '');
}

function timezoneVar(env: Env): string {
  const tz = env.TZ?.trim() || 'Asia/Ho_Chi_Minh';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new ConfigError(`TZ must be an IANA time zone such as Asia/Ho_Chi_Minh, got "${tz}"`);
  }
  return tz;
}

/** Parse and validate the configuration. Throws `ConfigError` naming the offending variable. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Readonly<Config> {
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const nodeEnv = (env.NODE_ENV?.trim() || 'development') as Config['nodeEnv'];
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be production, development or test, got "${env.NODE_ENV}"`);
  }
  const adminToken = env.ADMIN_TOKEN?.trim() || null;
  if (adminToken !== null && adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN must be at least 16 characters (or unset to disable writes)');
  }
  const config: Config = {
    port: intVar(env, 'PORT', 4000, 0, 65535),
    host: hostVar(env),
    databaseUrl: databaseUrlVar(env),
    dataDir: path.resolve(REPO_ROOT, env.DATA_DIR?.trim() || 'data'),
    embeddedPgPort: intVar(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    adminToken,
    logLevel,
    timezone: timezoneVar(env),
    nodeEnv,
    allowPrivateSources: boolVar(env, 'ALLOW_PRIVATE_SOURCES', false),
    schedulerEnabled: boolVar(env, 'SCHEDULER_ENABLED', true),
    statementTimeoutMillis: intVar(env, 'STATEMENT_TIMEOUT_MS', 5000, 100, 600000),
    dbConnectTimeoutMillis: intVar(env, 'DB_CONNECT_TIMEOUT_MS', 2000, 100, 60000),
    dbAcquireTimeoutMillis: intVar(env, 'DB_ACQUIRE_TIMEOUT_MS', 3000, 100, 60000),
    readyTimeoutMillis: intVar(env, 'READY_TIMEOUT_MS', 1500, 100, 10000),
    parseWorkers: intVar(env, 'PARSE_WORKERS', 1, 0, 16),
    workers: intVar(env, 'WORKERS', 2, 0, 64),
    workerConcurrency: intVar(env, 'WORKER_CONCURRENCY', 2, 1, 64),
    workerNice: intVar(env, 'WORKER_NICE', 10, 0, 19),
    jobs: {
      retryLimit: intVar(env, 'JOBS_RETRY_LIMIT', 3, 0, 20),
      retryDelaySeconds: intVar(env, 'JOBS_RETRY_DELAY_SECONDS', 10, 0, 3600),
      expireInSeconds: intVar(env, 'JOBS_EXPIRE_SECONDS', 300, 1, 86400),
      maintenanceSeconds: intVar(env, 'JOBS_MAINTENANCE_SECONDS', 30, 1, 3600),
      pollingSeconds: intVar(env, 'JOBS_POLL_MS', 1000, 500, 60000) / 1000,
    },
    ...overrides,
  };
  return Object.freeze(config);
}
