/**
 * "The database is not answering" as the API sees it, whatever layer noticed: a connection that could not be opened
 * in time (pg's connect timeout), a query whose answer never came (pg's `query_timeout`: the server is frozen or
 * the network is gone, so `statement_timeout` cannot fire), no pooled connection free in time (knex/tarn), a
 * connection refused or cut, or a server that is starting up or shutting down. Such errors become the client code
 * DATABASE_UNAVAILABLE (GraphQL) and a 503 (/readyz), never a hang or INTERNAL_SERVER_ERROR.
 */

/** SQLSTATE classes/codes that mean "the server is not available now". */
const UNAVAILABLE_SQLSTATE = /^(08...|57P01|57P02|57P03|53300)$/;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Matched at the end of the message: knex and MikroORM put the SQL in front ("select … - Query read timeout"). */
const UNAVAILABLE_MESSAGES = [
  /(^|- )Query read timeout$/, // pg query_timeout
  /(^|- )timeout expired$/, /Connection terminated due to connection timeout$/, // pg connectionTimeoutMillis
  /(^|- )Connection terminated( unexpectedly)?$/, /Client has encountered a connection error and is not queryable$/,
  /^(Knex: )?Timeout acquiring a connection\./, // knex / tarn acquire timeout
];

/** `err` and every error it wraps (`cause`, GraphQL's `originalError`). */
function* causes(err: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  const todo = [err];
  while (todo.length) {
    const e = todo.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    yield e;
    todo.push((e as { cause?: unknown }).cause, (e as { originalError?: unknown }).originalError);
  }
}

/** True when `err` (or an error it wraps) says the database is not available or did not answer in time. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_CODES.has(code))) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return true;
  }
  return false;
}

/** The message clients get with DATABASE_UNAVAILABLE. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'the database did not answer in time or is not available: try again shortly';
