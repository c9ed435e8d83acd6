/**
 * DATA_DIR/service.env (how CLIs reach the running service's database) and postmaster.pid (how a start finds the
 * server a killed process left behind): written and read back, stale ones ignored, another process's left alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processInfo, readPostmasterLock } from '../../../src/db/embedded-postgres';
import { parseServiceFile, readLiveServiceFile, removeServiceFile, serviceFilePath, writeServiceFile } from '../../../src/db/service-file';

const URL_ = 'postgres://postgres:pw@127.0.0.1:54329/cchc_atlas';

describe('service.env', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-sf-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is written with mode 0600 and read back while its process lives', () => {
    const file = writeServiceFile(dir, URL_, process.ppid); // a live process other than this one
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(`DATABASE_URL='${URL_}'\nSERVICE_PID=${process.ppid}\n`);
    expect(readLiveServiceFile(dir)).toEqual({ databaseUrl: URL_, pid: process.ppid });
  });

  it('is ignored when its process is gone, and when it is not a service file', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeServiceFile(dir, URL_, gone);
    expect(readLiveServiceFile(dir)).toBeNull();
    fs.writeFileSync(serviceFilePath(dir), 'hello\n');
    expect(readLiveServiceFile(dir)).toBeNull();
    expect(parseServiceFile(`DATABASE_URL='${URL_}'\n`)).toBeNull();
  });

  it('is removed only by the process that wrote it', () => {
    writeServiceFile(dir, URL_, 4242);
    removeServiceFile(dir, 4343);
    expect(fs.existsSync(serviceFilePath(dir))).toBe(true);
    removeServiceFile(dir, 4242);
    expect(fs.existsSync(serviceFilePath(dir))).toBe(false);
  });

  it('refuses a URL that would break the shell file', () => {
    expect(() => writeServiceFile(dir, "postgres://a:b'c@h/d")).toThrow(/cannot be written/);
  });
});

describe('postmaster.pid and processes', () => {
  it('reads pid, data folder and port', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-pm-'));
    try {
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), `12345\n${dir}\n1764770000\n54329\n/tmp\n127.0.0.1\n  1234 5678\nready   \n`);
      expect(readPostmasterLock(dir)).toEqual({ pid: 12345, dataDir: dir, port: 54329 });
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), 'garbage');
      expect(readPostmasterLock(dir)).toBeNull();
      expect(readPostmasterLock(path.join(dir, 'none'))).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows a live process and its parent, and a finished one', () => {
    expect(processInfo(process.pid)).toEqual({ ppid: process.ppid, command: expect.stringContaining('node') });
    expect(processInfo(spawnSync(process.execPath, ['-e', '0']).pid!)).toBeNull();
  });
});
