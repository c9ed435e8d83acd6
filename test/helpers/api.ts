/** Start the real API (schema, Apollo, HTTP server on 127.0.0.1, port 0) over a test database. */
import { loadConfig, type Config } from '../../src/config';
import { silentLogger, type Logger } from '../../src/logger';
import { startApi } from '../../src/app';
import type { Orm } from '../../src/db/orm';
import type { IngestTrigger } from '../../src/graphql/context';
import type { RouteHandler } from '../../src/http/server';

export interface TestApi {
  url: string;
  config: Readonly<Config>;
  /** POST a GraphQL operation; returns the parsed JSON body and the HTTP status. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } }>;
  close(): Promise<void>;
}

export async function startTestApi(orm: Orm, options: {
  env?: Record<string, string>; ingestTrigger?: IngestTrigger | null; logger?: Logger; routes?: Record<string, RouteHandler>;
} = {}): Promise<TestApi> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...options.env });
  const api = await startApi({ config, logger: options.logger ?? silentLogger, orm, ingestTrigger: options.ingestTrigger, routes: options.routes });
  return {
    url: api.url,
    config,
    gql: async (query, variables, headers = {}) => {
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    close: api.close,
  };
}
