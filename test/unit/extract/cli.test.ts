/** The CLI as a user runs it: one JSON object on stdout with --json, a table otherwise, errors on stderr. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const ARTICLE = [
  'SỐ LƯỢT TRUY CẬP', '', '4', '0', '1', '',
  'Trong quý III năm 2022, UBND phường tiếp nhận 1.150 hồ sơ, 100% được giải quyết đúng hạn.',
  '', 'Các chỉ tiêu phấn đấu:', '', '1. Tỷ lệ hài lòng đạt từ 95% trở lên.', '', '2.97% hồ sơ được số hóa.',
].join('\n');

function runCli(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', 'ingest/extract/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('extract CLI', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
    file = join(dir, 'article.txt');
    writeFileSync(file, ARTICLE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly one JSON object with --json', () => {
    const { stdout, status } = runCli(['--json', file, '--published', '2022-10-03', '--unit', 'Phường Tân Định']);
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout) as { figures: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['figures']);
    expect(parsed.figures.map((f) => [f.metric, f.value, f.kind])).toEqual([
      ['dossiers_received', 1150, 'actual'],
      ['on_time_rate', 100, 'actual'],
      ['satisfaction_rate', 95, 'target'],
      ['digitisation_rate', 97, 'target'],
    ]);
    expect(parsed.figures[0].period).toEqual({ year: 2022, fromMonth: 7, toMonth: 9, label: 'quý III năm 2022' });
  }, 30_000);

  it('prints a table by default and fails cleanly on a missing file', () => {
    const table = execFileSync(process.execPath, ['-r', '@swc-node/register', 'ingest/extract/cli.ts', file], { cwd: ROOT, encoding: 'utf8' });
    expect(table).toMatch(/^metric\s+value/);
    expect(table).toMatch(/4 figure\(s\)/);
    const missing = runCli([join(dir, 'nope.txt')]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot read/);
  }, 30_000);
});
