/**
 * Turns resolver errors into client errors: our `AppError`s keep their code and message, argument validation
 * becomes BAD_USER_INPUT naming each field, MikroORM's not-found becomes NOT_FOUND, a statement cut off by the
 * per-request timeout and a document over the token limit become QUERY_TOO_COMPLEX, and everything else is masked
 * as INTERNAL_SERVER_ERROR (logged with operation and path where it is handled: the logging plugin).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { NotFoundError as OrmNotFoundError } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { AppError, ErrorCode } from '../errors';
import { QueryLimitError } from './query-limits';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/availability';

const PASS_THROUGH_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND,
]);

/**
 * SQLSTATEs of text PostgreSQL refuses to store or compare: 22021 (NUL or an invalid byte sequence), 22P05 (a character
 * with no equivalent in the encoding). Arguments are checked before they reach SQL; this catches any we missed.
 */
const BAD_TEXT = new Set(['22021', '22P05']);

/** SQLSTATE 57014: the statement was cancelled, here by `statement_timeout`. */
const QUERY_CANCELED = '57014';
/** graphql-js aborts parsing with this message when a document exceeds `maxTokens`. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

interface ValidationDetail { property: string; constraints?: Record<string, string>; children?: ValidationDetail[] }

/** "filter.yearFrom: yearFrom must not be less than 1990" for each failed constraint, nested inputs included. */
function describeValidation(details: ValidationDetail[], prefix = ''): string[] {
  return details.flatMap((d) => {
    const path = prefix ? `${prefix}.${d.property}` : d.property;
    const own = Object.values(d.constraints ?? {});
    return [...(own.length ? [`${path}: ${own.join(', ')}`] : []), ...describeValidation(d.children ?? [], path)];
  });
}

function client(formatted: GraphQLFormattedError, code: string, message: string): GraphQLFormattedError {
  return { message, path: formatted.path, locations: formatted.locations, extensions: { code } };
}

/** Apollo `formatError`. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return client(formatted, original.code, original.message);
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions?.validationErrors as ValidationDetail[] | undefined;
    const lines = describeValidation(details ?? []);
    return client(formatted, ErrorCode.BAD_USER_INPUT, lines.length ? lines.join('; ') : 'Argument Validation Error');
  }
  // Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED; a limit we enforce there keeps its own code.
  if (original instanceof QueryLimitError || (original instanceof GraphQLError && original.originalError instanceof QueryLimitError)) {
    return client(formatted, ErrorCode.QUERY_TOO_COMPLEX, formatted.message);
  }
  if (original instanceof OrmNotFoundError) return client(formatted, ErrorCode.NOT_FOUND, original.message);
  if (BAD_TEXT.has(String((original as { code?: unknown } | null)?.code))) {
    return client(formatted, ErrorCode.BAD_USER_INPUT, 'an argument contains a character that cannot be stored or searched (such as NUL, \\u0000): remove it');
  }
  if ((original as { code?: unknown } | null)?.code === QUERY_CANCELED) {
    return client(formatted, ErrorCode.QUERY_TOO_COMPLEX, 'the query took longer than this server\'s statement timeout: narrow the filters or ask for less');
  }
  if (isDatabaseUnavailable(original)) return client(formatted, ErrorCode.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE);
  const code = formatted.extensions?.code;
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    return client(formatted, ErrorCode.QUERY_TOO_COMPLEX, `the document has more than ${tokens[1]} tokens: send a smaller operation (fewer aliases or fields)`);
  }
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) return client(formatted, code, formatted.message);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
