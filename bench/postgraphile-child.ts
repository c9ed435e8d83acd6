/**
 * Child process for bench:api: PostGraphile 4 over the database named in argv[2], on 127.0.0.1 (any free port), with
 * the connection filter plugin and its relation filters. Sends `{ url }` to the parent; exits when the parent
 * disconnects.
 *
 * PostGraphile 4 runs on graphql 15 (installed under node_modules/postgraphile), but npm hoists one of its
 * helpers, graphql-parse-resolve-info, next to this project's graphql 16, and two graphql copies in one schema
 * fail ("Cannot use GraphQLScalarType from another realm"). This process only serves PostGraphile, so every
 * `graphql` import in it is pointed at PostGraphile's copy before anything loads.
 */
import Module from 'node:module';
import path from 'node:path';
import http from 'node:http';
import type net from 'node:net';

const postgraphileDir = path.dirname(require.resolve('postgraphile/package.json'));
type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve; _nodeModulePaths(dir: string): string[] };
const resolve = loader._resolveFilename;
/** A stand-in parent module inside PostGraphile's folder: `graphql` resolves as PostGraphile's own files see it. */
const insidePostgraphile = { id: postgraphileDir, filename: path.join(postgraphileDir, 'package.json'), paths: loader._nodeModulePaths(postgraphileDir) };
loader._resolveFilename = function resolveGraphql(this: unknown, request: string, parent: unknown, ...rest: unknown[]): string {
  const graphql = request === 'graphql' || request.startsWith('graphql/');
  return resolve.call(this, request, graphql ? insidePostgraphile : parent, ...rest);
};

async function main(databaseUrl: string): Promise<void> {
  // Loaded after the redirect above.
  const { postgraphile } = require('postgraphile') as typeof import('postgraphile');
  const ConnectionFilterPlugin = require('postgraphile-plugin-connection-filter');
  const middleware = postgraphile(databaseUrl, 'public', {
    appendPlugins: [ConnectionFilterPlugin],
    graphileBuildOptions: { connectionFilterRelations: true },
    disableQueryLog: true,
    retryOnInitFail: false,
  });
  const server = http.createServer(middleware);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
  process.on('disconnect', () => server.close(() => process.exit(0)));
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
