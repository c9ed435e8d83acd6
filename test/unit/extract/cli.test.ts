/** The CLI as a user runs it: one JSON object on stdout with --json, a table otherwise, errors on stderr. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as iconv from 'iconv-lite';

const ROOT = resolve(__dirname, '../../..');
const ARTICLE = [
  'SỐ LƯỢT TRUY CẬP', '', '4', '0', '1', '',
  'Trong quý III năm 2022, UBND phường tiếp nhận 1.150 hồ sơ, 100% được giải quyết đúng hạn.',
  '', 'Các chỉ tiêu phấn đấu:', '', '1. Tỷ lệ hài lòng đạt từ 95% trở lên.', '', '2.97% hồ sơ được số hóa.',
].join('\n');

/**
 * Text as a windows-1258 editor writes it: letters with circumflex, breve or horn precomposed, tone marks as
 * separate combining characters (the code page has no precomposed toned vowels).
 */
function toWindows1258(text: string): Buffer {
  const decomposed = text.normalize('NFD').replace(/(\p{L})(\p{M}+)/gu, (_m, base: string, marks: string) => {
    const shape = [...marks].filter((c) => !'\u0300\u0301\u0303\u0309\u0323'.includes(c)).join('');
    const tone = [...marks].filter((c) => '\u0300\u0301\u0303\u0309\u0323'.includes(c)).join('');
    return (base + shape).normalize('NFC') + tone;
  });
  return iconv.encode(decomposed, 'windows-1258');
}

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

  it('resolves the units a text names in --unit\'s province, as ingestion does, and names them by official code (stop 30)', () => {
    const ward = join(dir, 'ward.txt');
    writeFileSync(ward, 'Năm 2019, UBND Phường 4 tiếp nhận 1.320 hồ sơ, giải quyết đúng hạn 99,2%.');
    const { stdout, status } = runCli(['--json', ward, '--published', '2020-01-15', '--unit', 'Quận 3']);
    expect(status).toBe(0);
    const { figures } = JSON.parse(stdout) as { figures: Array<{ value: number; subject: { name: string; unitId: string | null } }> };
    expect(figures.map((f) => [f.value, f.subject.name, f.subject.unitId])).toEqual([[1320, 'Phường 04', 'gso:27148'], [99.2, 'Phường 04', 'gso:27148']]);
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

  it('prints its usage with --help and exits 0', () => {
    const { stdout, status } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/usage: npm run extract -- FILE/);
    expect(stdout).toMatch(/--title TEXT/);
    expect(stdout).toMatch(/windows-1258/);
  }, 30_000);

  it('takes the period from --title when the text names none', () => {
    const plain = join(dir, 'no-period.txt');
    writeFileSync(plain, 'Huyện đã tiếp nhận 2.400 hồ sơ, giải quyết đúng hạn 98,2%.');
    const withTitle = runCli(['--json', plain, '--published', '2019-10-05', '--title', 'Kết quả cải cách hành chính 9 tháng năm 2019']);
    expect(withTitle.status).toBe(0);
    const figures = (JSON.parse(withTitle.stdout) as { figures: Array<{ period: { year: number; fromMonth: number | null; toMonth: number | null } }> }).figures;
    expect(figures.length).toBe(2);
    for (const f of figures) expect([f.period.year, f.period.fromMonth, f.period.toMonth]).toEqual([2019, 1, 9]);
    const withoutTitle = JSON.parse(runCli(['--json', plain, '--published', '2019-10-05']).stdout) as { figures: Array<{ period: { fromMonth: number | null } }> };
    // Without it, January to the publication month (labelling rule 4b).
    expect(withoutTitle.figures.map((f) => f.period.fromMonth)).toEqual([1, 1]);
    expect(runCli([plain, '--title']).status).toBe(2);
  }, 30_000);

  it('reads a windows-1258 text file as the fetcher decodes pages', () => {
    const legacy = join(dir, 'legacy.txt');
    writeFileSync(legacy, toWindows1258(ARTICLE));
    expect(iconv.decode(toWindows1258(ARTICLE), 'windows-1258').normalize('NFC')).toBe(ARTICLE);
    const utf8 = JSON.parse(runCli(['--json', file, '--published', '2022-10-03']).stdout) as { figures: unknown[] };
    const cp1258 = runCli(['--json', legacy, '--published', '2022-10-03']);
    expect(cp1258.status).toBe(0);
    const parsed = JSON.parse(cp1258.stdout) as { figures: Array<{ metric: string; evidence: { sentence: string } }> };
    expect(parsed.figures).toEqual(utf8.figures);
    expect(parsed.figures[0].evidence.sentence).toContain('tiếp nhận 1.150 hồ sơ');
  }, 30_000);
});
