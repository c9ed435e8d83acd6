/** How a worker finds the embedded PostgreSQL another process runs under DATA_DIR. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runningEmbeddedUrl } from '../../../src/db/running-server';
import { SERVICE_FILE_NAME as SERVICE_FILE } from '../../../src/db/service-file';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-running-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A pid that is not running: a child that already exited. */
const DEAD_PID = 2 ** 22 + 17;

it('uses the DATABASE_URL the live service published, for the database asked for', () => {
  fs.writeFileSync(path.join(dir, SERVICE_FILE), `DATABASE_URL='postgres://postgres:secret@127.0.0.1:54400/cchc_atlas'\nSERVICE_PID=${process.ppid}\n`); // a live process other than this one
  expect(runningEmbeddedUrl(dir)).toBe('postgres://postgres:secret@127.0.0.1:54400/cchc_atlas');
  expect(runningEmbeddedUrl(dir, 'cchc_atlas_demo')).toBe('postgres://postgres:secret@127.0.0.1:54400/cchc_atlas_demo');
});

it('falls back to the port in the running cluster\'s postmaster.pid (a stale service file is ignored)', () => {
  fs.writeFileSync(path.join(dir, SERVICE_FILE), `DATABASE_URL='postgres://postgres:x@127.0.0.1:1/cchc_atlas'\nSERVICE_PID=${DEAD_PID}\n`);
  fs.mkdirSync(path.join(dir, 'pg'));
  fs.writeFileSync(path.join(dir, 'pg', 'postmaster.pid'), `${process.pid}\n${dir}/pg\n1700000000\n54555\n/tmp\n127.0.0.1\n`);
  const url = new URL(runningEmbeddedUrl(dir));
  expect([url.hostname, url.port, url.pathname]).toEqual(['127.0.0.1', '54555', '/cchc_atlas']);
});

it('says what to do when no server runs there', () => {
  expect(() => runningEmbeddedUrl(dir)).toThrow(/no running embedded PostgreSQL under DATA_DIR=.*npm start.*DATABASE_URL/);
  fs.mkdirSync(path.join(dir, 'pg'));
  fs.writeFileSync(path.join(dir, 'pg', 'postmaster.pid'), `${DEAD_PID}\n${dir}/pg\n1700000000\n54555\n`);
  expect(() => runningEmbeddedUrl(dir)).toThrow(/no running embedded PostgreSQL/);
});
