import fs from 'node:fs';
import { createSchema, renderSchemaSDL, SCHEMA_FILE } from '../../../src/graphql/schema';

it('schema.graphql matches the resolvers (run `npm run schema:emit` after changing the API)', async () => {
  const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
  expect(renderSchemaSDL(await createSchema())).toBe(committed);
});
