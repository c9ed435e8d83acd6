import { GraphQLError, getIntrospectionQuery, parse } from 'graphql';
import { documentStats, structuralViolation, MAX_ALIASES, MAX_DEPTH, MAX_FIELDS } from '../../../src/graphql/query-limits';
import { formatError } from '../../../src/graphql/format-error';

describe('documentStats', () => {
  it.each([
    ['{ a }', { fields: 1, aliases: 0, depth: 1 }],
    ['{ a { b { c } } d }', { fields: 4, aliases: 0, depth: 3 }],
    ['{ x: a y: a { z: b } }', { fields: 3, aliases: 3, depth: 2 }],
    ['{ a { ...F } } fragment F on T { b { c } }', { fields: 3, aliases: 0, depth: 3 }],
    ['{ a { ... on T { b } } }', { fields: 2, aliases: 0, depth: 2 }],
    ['query A { a } query B { b { c } }', { fields: 3, aliases: 0, depth: 2 }],
  ])('%s', (query, expected) => {
    expect(documentStats(parse(query))).toMatchObject(expected);
  });

  it('expands fragments as often as they are spread, without walking them twice (fragment bombs saturate, not hang)', () => {
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on T { ${i === 39 ? 'a' : `...F${i + 1} ...F${i + 1}`} }`);
    const started = Date.now();
    const stats = documentStats(parse(`{ ...F0 } ${levels.join(' ')}`));
    expect(Date.now() - started).toBeLessThan(200);
    expect(stats.fields).toBeGreaterThan(MAX_FIELDS);
  });

  it('does not loop on fragment cycles (validation reports them later)', () => {
    expect(documentStats(parse('{ ...A } fragment A on T { a ...B } fragment B on T { b ...A }')).fields).toBe(2);
  });

  it('lets the standard introspection query through, but not deep ordinary nesting', () => {
    expect(structuralViolation(parse(getIntrospectionQuery()))).toBeNull();
    let deep = 'id';
    for (let i = 0; i < MAX_DEPTH; i++) deep = `parent { ${deep} }`;
    expect(structuralViolation(parse(`{ unit { ${deep} } }`))?.message).toMatch(/nests 14 levels/);
    const aliases = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: metrics { code }`).join(' ');
    expect(structuralViolation(parse(`{ ${aliases} }`))?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('formatError', () => {
  it('keeps limit errors as QUERY_TOO_COMPLEX through Apollo\'s validation wrapper, and masks unknown errors', () => {
    const violation = structuralViolation(parse(`{ ${Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `a${i}: x`).join(' ')} }`))!;
    const wrapped = { message: violation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    const apolloWrapped = new GraphQLError(violation.message, { originalError: violation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError(wrapped, apolloWrapped).extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(formatError({ message: 'boom', extensions: {} }, new Error('secret detail'))).toEqual({
      message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const tokens = formatError({ message: 'Syntax Error: Document contains more that 15000 tokens. Parsing aborted.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, null);
    expect(tokens).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringContaining('15000 tokens') });
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    expect(formatError({ message: timeout.message }, timeout).extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
