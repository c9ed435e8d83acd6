/**
 * Counts GraphQL operations and errors for Prometheus. Label values come from closed sets (operation type, root
 * fields of the schema, error codes we issue), so a client cannot grow the metrics by inventing names.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context';
import { ErrorCode } from '../errors';

/** Where the plugin reports; implemented with prom-client counters in `src/http/metrics.ts`. */
export interface GraphQLMetricsSink {
  operation(labels: { type: string; field: string; outcome: 'ok' | 'error' }): void;
  error(code: string): void;
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

/** Root fields of one operation, as labels ("other" for anything outside the schema's own root fields). */
function rootFields(schema: GraphQLSchema, op: OperationDefinitionNode | undefined): string[] {
  if (!op) return ['none'];
  const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'query' ? schema.getQueryType() : null;
  const known = new Set([...Object.keys(root?.getFields() ?? {}), '__schema', '__type', '__typename']);
  const names = op.selectionSet.selections.map((s) => (s.kind === Kind.FIELD && known.has(s.name.value) ? s.name.value : 'other'));
  return [...new Set(names)];
}

/** Apollo plugin feeding `sink`. */
export function metricsPlugin(sink: GraphQLMetricsSink): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation, schema }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          for (const e of errors) {
            const code = typeof e.extensions?.code === 'string' && KNOWN_CODES.has(e.extensions.code) ? e.extensions.code : 'OTHER';
            sink.error(code);
          }
          const type = operation?.operation ?? 'unknown';
          for (const field of rootFields(schema, operation)) sink.operation({ type, field, outcome: errors.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
