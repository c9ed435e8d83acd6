import path from 'node:path';
import { loadConfig } from '../../../src/config';

describe('loadConfig', () => {
  it('uses documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, databaseUrl: null, adminToken: null, logLevel: 'info', timezone: 'Asia/Ho_Chi_Minh' });
    expect(c.dataDir).toBe(path.resolve(__dirname, '../../../data'));
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ TZ: 'Mars/Olympus' }, /TZ must be an IANA time zone/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 16 characters/],
    [{ ALLOW_PRIVATE_SOURCES: 'maybe' }, /ALLOW_PRIVATE_SOURCES must be true or false/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads valid values', () => {
    const c = loadConfig({
      PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/atlas', DATA_DIR: '/var/lib/atlas',
      ADMIN_TOKEN: 'a-very-long-admin-token', LOG_LEVEL: 'debug', TZ: 'UTC', ALLOW_PRIVATE_SOURCES: 'true',
    });
    expect(c).toMatchObject({
      port: 8080, databaseUrl: 'postgres://u:p@db:5432/atlas', dataDir: '/var/lib/atlas',
      adminToken: 'a-very-long-admin-token', logLevel: 'debug', timezone: 'UTC', allowPrivateSources: true,
    });
  });
});
