/**
 * The setup every API journey test shares: a fresh database with the HCMC figure fixtures and the real API over
 * HTTP on it. Registers beforeAll/afterAll; the returned object is filled in before the first test runs.
 */
import { createTestDatabase, type TestDatabase } from './db';
import { startTestApi, type TestApi } from './api';
import { insertHcmcFigures, type FigureFixtures } from './figure-fixtures';

export interface Journey {
  db: TestDatabase;
  api: TestApi;
  fx: FigureFixtures;
}

export function journeyContext(options: { env?: Record<string, string> } = {}): Journey {
  const j = {} as Journey;
  beforeAll(async () => {
    j.db = await createTestDatabase();
    j.fx = await insertHcmcFigures(j.db.orm.em.fork());
    j.api = await startTestApi(j.db.orm, { env: options.env });
  });
  afterAll(async () => {
    await j.api?.close();
    await j.db?.drop();
  });
  return j;
}
