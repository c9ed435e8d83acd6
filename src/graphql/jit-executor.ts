/**
 * Executes operations with graphql-jit (queries compiled to JavaScript functions) instead of graphql-js's
 * interpreter, behind Apollo Server's executor hook.
 *
 * Why: the interpreter's cost is per field, and rankings are wide — the 3,321-commune ranking is ~20,000 fields,
 * ~6.5 ms of CPU and much of each request's garbage; compiled, the same answer takes ~1.5 ms (measured on the
 * bench database, see README "Performance"). Parsing, validation, the query limits, plugins and error formatting
 * stay Apollo's: only the execution step changes.
 *
 * Apollo exposes the hook as the executor of a "gateway" (the interface Apollo Federation uses); this is a local
 * one over the one schema. Compiled operations are cached per parsed document (Apollo's document cache hands the
 * same object back for the same query text) and per operation name, in a WeakMap: when Apollo drops a document
 * from its bounded cache, the compiled code goes with it. A document is compiled on its second run
 * (`COMPILE_AFTER_RUNS`). The cache is per process and only saves work, so many
 * stateless instances need nothing shared. Operations with variables run on graphql-js (see `takesVariables`).
 */
import { GraphQLError, execute, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Apollo's gateway interface and its executor (types taken from @apollo/server, which owns them). */
export type GatewayInterface = ApolloServerOptionsWithGateway<never>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/** An operation's state: how often it ran, and its compiled form once it is worth compiling. */
interface Entry { runs: number; compiled?: CompiledQuery | ExecutionResult }

/**
 * Runs of the same parsed document before it is compiled. Compiling costs more than interpreting once (~4 ms for a
 * figures list, ~130 ms for 50 aliased lists): a one-off question is interpreted, a repeated one (a dashboard, the
 * charts page, a script) compiled on its second run. A client sending ever-new documents never makes the server
 * compile (the same rule as Mercurius's `jit` option).
 */
export const COMPILE_AFTER_RUNS = 2;

export function jitExecutor(schema: GraphQLSchema): { executor: GatewayExecutor; compiledDocuments(): number } {
  const cache = new WeakMap<DocumentNode, Map<string, Entry>>();
  let compiledCount = 0;
  /** The compiled operation, or null while it should be interpreted. */
  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): CompiledQuery | ExecutionResult | null => {
    let byName = cache.get(document);
    if (!byName) {
      byName = new Map();
      cache.set(document, byName);
    }
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) {
      entry = { runs: 0 };
      byName.set(key, entry);
    }
    entry.runs++;
    if (!entry.compiled && entry.runs >= COMPILE_AFTER_RUNS) {
      entry.compiled = compileQuery(schema, document, operationName ?? undefined);
      compiledCount++;
    }
    return entry.compiled ?? null;
  };
  const executor: GatewayExecutor = async (request) => {
    const compiled = takesVariables(request.document, request.operationName) ? null : compiledFor(request.document, request.operationName);
    if (!compiled) {
      return execute({
        schema, document: request.document, contextValue: request.context,
        variableValues: request.request.variables, operationName: request.operationName,
      });
    }
    // Not compiled: an ExecutionResult carrying the reason (e.g. an unknown operation name), as graphql-js returns it.
    if (!isCompiledQuery(compiled)) return withGraphQLJsErrors(compiled as ExecutionResult);
    const result = await compiled.query(undefined, request.context, request.request.variables ?? {});
    return withGraphQLJsErrors(result as ExecutionResult);
  };
  return { executor, compiledDocuments: () => compiledCount };
}

/**
 * Operations that declare variables run on graphql-js: graphql-jit 0.8.9 coerces variables itself and ignores the
 * default of a non-null input field ("Field value.schedule of required type String! was not provided" for an input
 * whose `schedule` has a default), and a second coercion by graphql-js first would turn enum values into internal
 * values it cannot read back. Literal arguments are coerced by graphql-js's own valueFromAST in both.
 */
function takesVariables(document: DocumentNode, operationName: string | null | undefined): boolean {
  return (getOperationAST(document, operationName)?.variableDefinitions?.length ?? 0) > 0;
}

/**
 * graphql-jit reports errors with its own GraphQLError (a subclass without the `extensions` object graphql-js
 * always sets, which Apollo's error formatting reads): each becomes a graphql-js GraphQLError with the same message,
 * path, locations, extensions and original error, so error codes and logging behave exactly as under graphql-js.
 */
function withGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, {
      path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined,
    });
    if (e.locations) (error as { locations?: unknown }).locations = e.locations;
    return error;
  });
  return { ...result, errors };
}

/** The Apollo "gateway" that serves `schema` through `jitExecutor`. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const { executor } = jitExecutor(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
