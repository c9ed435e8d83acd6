/**
 * The setup every API journey test shares: a fresh database with the HCMC figure fixtures and the real API over
 * HTTP on it. Registers beforeAll/afterAll; the returned object is filled in before the first test runs.
 */
import { createTestDatabase, type TestDatabase } from './db';
import { startTestApi, type TestApi } from './api';
import { insertHcmcFigures, type FigureFixtures } from './figure-fixtures';
import type { RouteHandler } from '../../src/http/server';

export interface Journey {
  db: TestDatabase;
  api: TestApi;
  fx: FigureFixtures;
}

export interface JourneyOptions {
  env?: Record<string, string>;
  /** Extra rows to insert after the fixtures, before the API starts. */
  prepare?: (db: TestDatabase, fx: FigureFixtures) => Promise<void>;
  /** Routes to add to (or replace in) the API's own. */
  routes?: (db: TestDatabase) => Record<string, RouteHandler>;
}

export function journeyContext(options: JourneyOptions = {}): Journey {
  const j = {} as Journey;
  beforeAll(async () => {
    j.db = await createTestDatabase();
    j.fx = await insertHcmcFigures(j.db.orm.em.fork());
    await options.prepare?.(j.db, j.fx);
    j.api = await startTestApi(j.db.orm, { env: options.env, routes: options.routes?.(j.db) });
  });
  afterAll(async () => {
    await j.api?.close();
    await j.db?.drop();
  });
  return j;
}
