/**
 * Turns resolver errors into client errors: our `AppError`s keep their code and message, GraphQL validation
 * and type-graphql argument validation become BAD_USER_INPUT, everything else is masked as
 * INTERNAL_SERVER_ERROR (and logged with operation and path where it is handled: the logging plugin).
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from '../errors';

const PASS_THROUGH_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND,
]);

/** Apollo `formatError`. `includeDetails` adds the original message in development. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code } };
  }
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions?.validationErrors as Array<{ property: string; constraints?: Record<string, string> }> | undefined;
    const message = details?.length
      ? details.map((d) => `${d.property}: ${Object.values(d.constraints ?? {}).join(', ')}`).join('; ')
      : 'Argument Validation Error';
    return { message, path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH_CODES.has(code)) {
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
