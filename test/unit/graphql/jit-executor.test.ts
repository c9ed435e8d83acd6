import { GraphQLError, buildSchema, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { COMPILE_AFTER_RUNS, jitExecutor } from '../../../src/graphql/jit-executor';

const schema = buildSchema(`
  enum Kind { ACTUAL TARGET }
  input Settings { schedule: String! = "0 5 * * *", kind: Kind = ACTUAL }
  type Query { echo(settings: Settings!): String!, fails: String, plain: String, many(n: Int!): [Int!]! }
`);
const root = {
  echo: ({ settings }: { settings: { schedule: string; kind: string } }) => `${settings.schedule}|${settings.kind}`,
  fails: () => { throw Object.assign(new Error('no such thing'), { extensions: { code: 'NOT_FOUND' } }); },
  plain: () => { throw new Error('plain failure'); },
  many: ({ n }: { n: number }) => Array.from({ length: n }, (_, i) => i),
};
// buildSchema gives no resolvers: attach them as field resolvers on Query.
for (const [name, fn] of Object.entries(root)) {
  schema.getQueryType()!.getFields()[name].resolve = (_s, args) => (fn as (a: unknown) => unknown)(args);
}

function run(e: ReturnType<typeof jitExecutor>, document: DocumentNode, variables?: Record<string, unknown>): Promise<ExecutionResult> {
  const request = { document, operationName: undefined, request: { variables }, context: {} };
  return e.executor(request as never) as Promise<ExecutionResult>;
}

describe('jitExecutor', () => {
  it('interprets a document\'s first run, compiles it on the second and reuses the compiled form', async () => {
    const e = jitExecutor(schema);
    const doc = parse('{ many(n: 3) }');
    expect(COMPILE_AFTER_RUNS).toBe(2);
    expect(await run(e, doc)).toEqual({ data: { many: [0, 1, 2] } });
    expect(e.compiledDocuments()).toBe(0);
    expect(await run(e, doc)).toEqual({ data: { many: [0, 1, 2] } });
    expect(await run(e, doc)).toEqual({ data: { many: [0, 1, 2] } });
    expect(e.compiledDocuments()).toBe(1);
  });

  it('never compiles documents that each run once (a client sending ever-new documents)', async () => {
    const e = jitExecutor(schema);
    for (let n = 0; n < 5; n++) await run(e, parse(`{ many(n: ${n}) }`));
    expect(e.compiledDocuments()).toBe(0);
  });

  it('runs an operation with variables on graphql-js, so input defaults apply (graphql-jit 0.8.9 drops them)', async () => {
    const e = jitExecutor(schema);
    const result = await run(e, parse('query($s: Settings!) { echo(settings: $s) }'), { s: {} });
    expect(result).toEqual({ data: { echo: '0 5 * * *|ACTUAL' } });
    expect(e.compiledDocuments()).toBe(0);
  });

  it('applies input defaults of literal arguments in compiled operations', async () => {
    const e = jitExecutor(schema);
    const doc = parse('{ echo(settings: { kind: TARGET }) }');
    await run(e, doc);
    expect(await run(e, doc)).toEqual({ data: { echo: '0 5 * * *|TARGET' } });
    expect(e.compiledDocuments()).toBe(1);
  });

  it('returns resolver errors as graphql-js errors with path, locations, extensions and the original error', async () => {
    const e = jitExecutor(schema);
    const doc = parse('{ fails }');
    await run(e, doc);
    const result = await run(e, doc);
    expect(e.compiledDocuments()).toBe(1);
    expect(result.data).toEqual({ fails: null });
    const [error] = result.errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.constructor).toBe(GraphQLError);
    expect(error.path).toEqual(['fails']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
    expect(error.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(error.originalError?.message).toBe('no such thing');
    expect(error.toJSON()).toMatchObject({ message: 'no such thing', path: ['fails'], extensions: { code: 'NOT_FOUND' } });
  });

  it('gives an extensions object to errors that had none (Apollo reads extensions.code)', async () => {
    const e = jitExecutor(schema);
    const doc = parse('{ plain }');
    await run(e, doc);
    const result = await run(e, doc);
    expect(e.compiledDocuments()).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toEqual({});
  });
});
