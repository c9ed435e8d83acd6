/** The Apollo server: schema, error masking, request logging, landing page. */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { AppError } from '../errors';
import type { GraphQLContext } from './context';
import { formatError } from './format-error';

/** Logs every unexpected resolver error once, with operation and path, before it is masked. */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof AppError || !error.path) continue;
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
}

export function createApollo(o: ApolloOptions): ApolloServer<GraphQLContext> {
  const log = o.logger.child({ component: 'graphql' });
  return new ApolloServer<GraphQLContext>({
    schema: o.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    logger: log,
    validationRules: o.validationRules,
    plugins: [
      errorLoggingPlugin(log),
      o.config.nodeEnv === 'production'
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ...(o.plugins ?? []),
    ],
  });
}
