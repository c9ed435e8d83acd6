/** The Apollo server: schema, error masking, request logging, query limits, metrics. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { AppError, ErrorCode } from '../errors';
import type { GraphQLContext } from './context';
import { formatError } from './format-error';
import { MAX_TOKENS, costLimitPlugin, structuralLimitsRule } from './query-limits';
import { reviewerHeaderPlugin } from './reviewer';
import { jitGateway } from './jit-executor';
import { metricsPlugin, type GraphQLMetricsSink } from './metrics-plugin';

/**
 * Logs resolver errors once, with operation and path: a client's mistake (any error the client sees with a code other
 * than INTERNAL_SERVER_ERROR: bad input, not found, a limit) at warn with its code and message and no stack; only an
 * unexpected error, masked for the client, at error with its stack.
 */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (!error.path) continue;
            const original = unwrapResolverError(error);
            const code = formatError({ message: error.message, path: error.path, extensions: error.extensions }, error).extensions?.code;
            if (original instanceof AppError || code !== ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.warn({ operationName, path: error.path, code, reason: (original as Error)?.message ?? error.message }, 'request refused');
              continue;
            }
            logger.error({ operationName, path: error.path, err: original }, 'resolver failed');
          }
        },
      };
    },
  };
}

export interface ApolloOptions {
  schema: GraphQLSchema;
  config: Readonly<Config>;
  logger: Logger;
  plugins?: ApolloServerPlugin<GraphQLContext>[];
  validationRules?: ConstructorParameters<typeof ApolloServer<GraphQLContext>>[0]['validationRules'];
  /** Where operation and error counts go (Prometheus in the service). */
  metrics?: GraphQLMetricsSink;
}

/** Build (not start) the Apollo server with every protection on. */
export function createApollo(o: ApolloOptions): ApolloServer<GraphQLContext> {
  const log = o.logger.child({ component: 'graphql' });
  return new ApolloServer<GraphQLContext>({
    // Execution by compiled queries (see jit-executor.ts); parsing, validation, plugins and errors stay Apollo's.
    gateway: jitGateway(o.schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    // The composition roots own SIGINT/SIGTERM and close the API before the database (Apollo's own handler would
    // stop it behind their back and re-raise the signal).
    stopOnTerminationSignals: false,
    logger: log,
    // The structural limits go first among our rules; they stop validation of an oversized document at once.
    validationRules: [structuralLimitsRule, ...(o.validationRules ?? [])],
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      errorLoggingPlugin(log),
      costLimitPlugin(),
      reviewerHeaderPlugin(),
      ...(o.metrics ? [metricsPlugin(o.metrics)] : []),
      // No cache hints are used (answers are `no-store` data); the default plugin would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      o.config.nodeEnv === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ...(o.plugins ?? []),
    ],
  });
}
