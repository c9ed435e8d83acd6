/**
 * The deployment files that Docker would read (Docker cannot run here): the build context leaves out installed,
 * built and local files; compose runs PostgreSQL, the API without the scheduler and one scheduler instance, each
 * with a health check, the app's on /readyz. (The image's layout itself is run by compiled-start.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
// js-yaml comes with jest; compose files are YAML with anchors and merge keys.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Service { image?: string; build?: string; environment?: Record<string, string>; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }> }

describe('deployment files', () => {
  it('.dockerignore keeps node_modules, data, .git, .cache and dist out of the build context', () => {
    const lines = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining(['node_modules', 'data', '.git', '.cache', 'dist']));
  });

  it('docker-compose.yml: database, API without scheduler, one scheduler, health checks on /readyz', () => {
    const compose = yaml.load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
    const { db, api, scheduler } = compose.services;
    expect(db.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
    expect(api.environment?.SCHEDULER_ENABLED).toBe('false');
    expect(scheduler.environment?.SCHEDULER_ENABLED).toBe('true');
    for (const app of [api, scheduler]) {
      expect(app.healthcheck?.test.join(' ')).toMatch(/\/readyz/);
      expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@db:5432\//);
      expect(app.depends_on?.db.condition).toBe('service_healthy');
    }
    expect(scheduler.depends_on?.api.condition).toBe('service_healthy');
  });
});
