/**
 * Which errors say "the database is not answering": each layer words it its own way (pg, knex's pool, MikroORM's
 * wrapping with the SQL in front, PostgreSQL's SQLSTATEs). They all become DATABASE_UNAVAILABLE; anything else is
 * still masked as INTERNAL_SERVER_ERROR.
 */
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../../../src/db/availability';
import { formatError } from '../../../src/graphql/format-error';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

const UNAVAILABLE: Array<[string, unknown]> = [
  ['pg read timeout', new Error('Query read timeout')],
  ['read timeout wrapped with the SQL', new Error('select 1 - Query read timeout')],
  ['pg connect timeout', new Error('timeout expired')],
  ['connection cut', new Error('select 1 - Connection terminated unexpectedly')],
  ['knex acquire timeout', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'DriverException' })],
  ['refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
  ['shutting down', withCode('the database system is shutting down', '57P03')],
  ['terminated by the administrator', withCode('terminating connection due to administrator command', '57P01')],
  ['too many connections', withCode('sorry, too many clients already', '53300')],
  ['wrapped as a cause', new Error('outer', { cause: new Error('Query read timeout') })],
];

const OTHER: Array<[string, unknown]> = [
  ['syntax error', withCode('syntax error at or near "x"', '42601')],
  ['a message that merely mentions a timeout', new Error('the Query read timeout setting is wrong')],
  ['plain bug', new TypeError('cannot read properties of undefined')],
];

describe('database unavailable', () => {
  it.each(UNAVAILABLE)('%s → DATABASE_UNAVAILABLE', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    const formatted = formatError({ message: 'x', path: ['units'] }, new GraphQLError('x', { path: ['units'], originalError: err as Error }));
    expect(formatted.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(formatted.message).toMatch(/^the database did not answer in time or is not available/);
  });

  it.each(OTHER)('%s stays INTERNAL_SERVER_ERROR', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
    const formatted = formatError({ message: 'x', path: ['units'] }, new GraphQLError('x', { path: ['units'], originalError: err as Error }));
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
