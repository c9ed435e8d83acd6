/**
 * The object types a figure page returns use graphql-js's default resolver for their plain fields
 * (`simpleResolvers: true`): type-graphql's wrapper (resolver data, middleware dispatch) ran for each of the ~1,700
 * fields of a 50-figure page. A simple type skips middlewares and `@Authorized` on its plain fields, so none of them
 * may declare any.
 */
import { getMetadataStorage } from 'type-graphql';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../../src/graphql/schema';
import { createApollo } from '../../../src/graphql/apollo';
import type { GraphQLContext } from '../../../src/graphql/context';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';

/** Types of the figure list's answer, and what each plain field must read. */
const READ_PATH = ['Figure', 'FigureEdge', 'FigureConnection', 'PageInfo', 'FigurePeriod', 'Evidence', 'FigureCell', 'AdminUnit',
  'Metric', 'Document', 'Source', 'FigureReview'];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** The fields a resolver class resolves (`@FieldResolver`), by type name. */
function fieldResolvers(): Map<string, Set<string>> {
  const storage = getMetadataStorage();
  const byType = new Map<string, Set<string>>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.();
    const type = storage.objectTypes.find((t) => t.target === target);
    if (!type) continue;
    const names = byType.get(type.name) ?? new Set<string>();
    names.add(r.schemaName);
    byType.set(type.name, names);
  }
  return byType;
}

it('plain fields of the figure list\'s types have no wrapper resolver; computed fields keep theirs', () => {
  const computed = fieldResolvers();
  let plain = 0;
  for (const name of READ_PATH) {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLObjectType);
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      if (computed.get(name)?.has(field.name)) {
        expect({ field: `${name}.${field.name}`, resolve: typeof field.resolve }).toEqual({ field: `${name}.${field.name}`, resolve: 'function' });
      } else {
        expect({ field: `${name}.${field.name}`, resolve: field.resolve }).toEqual({ field: `${name}.${field.name}`, resolve: undefined });
        plain++;
      }
    }
  }
  expect(plain).toBeGreaterThan(50);
  // the figure's own computed fields are still there
  expect([...computed.get('Figure')!]).toEqual(expect.arrayContaining(['value', 'period', 'evidence', 'subject', 'metric', 'document']));
});

it('no field of a simple type declares a middleware or @Authorized (a simple field would skip it)', () => {
  const storage = getMetadataStorage();
  const simple = storage.objectTypes.filter((t) => t.simpleResolvers);
  expect(simple.map((t) => t.name)).toEqual(expect.arrayContaining(READ_PATH));
  for (const type of simple) {
    for (const field of storage.fields.filter((f) => f.target === type.target)) {
      expect({ field: `${type.name}.${field.name}`, roles: field.roles ?? [], middlewares: field.middlewares ?? [] })
        .toEqual({ field: `${type.name}.${field.name}`, roles: [], middlewares: [] });
    }
  }
});

it('no Apollo plugin hooks every field: after a request the schema\'s resolvers are not wrapped (cache control is off)', async () => {
  const apollo = createApollo({ schema, config: loadConfig({ NODE_ENV: 'production' }), logger: silentLogger });
  await apollo.start();
  try {
    const result = await apollo.executeOperation({ query: '{ __typename }' }, { contextValue: {} as GraphQLContext });
    expect(result.body).toMatchObject({ kind: 'single', singleResult: { data: { __typename: 'Query' } } });
    // a plugin with `willResolveField` (the cache-control plugin Apollo installs unless disabled) wraps every field
    // of the schema on the first request; the plain fields would then have a resolver
    const figure = schema.getType('Figure') as GraphQLObjectType;
    expect(figure.getFields().unit.resolve).toBeUndefined();
    expect((schema.getType('AdminUnit') as GraphQLObjectType).getFields().name.resolve).toBeUndefined();
  } finally {
    await apollo.stop();
  }
});
