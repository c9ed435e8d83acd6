/** `npm run schema:emit`: rewrite schema.graphql from the resolvers. */
import 'reflect-metadata';
import fs from 'node:fs';
import { createSchema, renderSchemaSDL, SCHEMA_FILE } from './schema';

createSchema().then((schema) => {
  fs.writeFileSync(SCHEMA_FILE, renderSchemaSDL(schema));
  console.log(`wrote ${SCHEMA_FILE}`);
}, (err: unknown) => {
  console.error(err);
  process.exit(1);
});
