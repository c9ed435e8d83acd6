/**
 * `npm run extract -- FILE --json` on the same ward ranking as an HTML page, flattened text, DOCX and PDF: one figure
 * per (row, metric column), subjects resolved in the gazetteer packages under --unit, cell provenance.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WARD_RANKING, WARD_RANKING_EXPECTED } from '../../../demo/reports/data';
import { tablesToDocx, tablesToPdf, tableToFlatText, tableToHtml } from '../../../demo/reports/formats';

const ROOT = resolve(__dirname, '../../..');

function runCli(args: string[]) {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', 'ingest/extract/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('extract CLI on documents with tables', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'extract-tables-'));
    writeFileSync(join(dir, 'ranking.html'), `<html><head><title>Kết quả CCHC các phường</title></head><body><article><h1>Kết quả Chỉ số CCHC các phường (DỮ LIỆU MẪU)</h1>${tableToHtml(WARD_RANKING)}</article></body></html>`);
    writeFileSync(join(dir, 'ranking.txt'), `Kết quả (DỮ LIỆU MẪU)\n\n${tableToFlatText(WARD_RANKING)}`);
    writeFileSync(join(dir, 'ranking.docx'), await tablesToDocx('Báo cáo (DỮ LIỆU MẪU)', [WARD_RANKING]));
    writeFileSync(join(dir, 'ranking.pdf'), tablesToPdf('Báo cáo (DỮ LIỆU MẪU)', [WARD_RANKING]));
    writeFileSync(join(dir, 'old.doc'), 'x');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['html', 'txt', 'docx', 'pdf'])('reads the ward ranking from .%s', (ext) => {
    const { stdout, status, stderr } = runCli([join(dir, `ranking.${ext}`), '--json', '--unit', 'Quận 3', '--published', '2024-01-10']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as { figures: Array<{ metric: string; value: number; subject: { name: string; unitId: string }; cell: { rowLabel: string; columnHeader: string; page: number | null } }>; document: { tables: number } };
    expect(out.document.tables).toBe(1);
    const cells = out.figures.filter((f) => f.cell);
    expect(cells).toHaveLength(10);
    for (const e of WARD_RANKING_EXPECTED) {
      const ward = e.row.replace('UBND ', '');
      const score = cells.find((f) => f.cell.rowLabel === e.row && f.metric === 'par_index_score')!;
      expect(score.value).toBe(e.score);
      // GSO names: "Phường 04"; the subject is that ward of Quận 3 (GSO 770), not a namesake elsewhere.
      expect(score.subject.name.replace(/ 0(\d)$/, ' $1')).toBe(ward);
      expect(score.subject.unitId).toMatch(/^gso:\d{5}$/);
      expect(score.cell.columnHeader).toBe('Tổng điểm');
      expect(score.cell.page).toBe(ext === 'pdf' ? 1 : null);
      expect(cells.find((f) => f.cell.rowLabel === e.row && f.metric === 'par_index_rank')!.value).toBe(e.rank);
    }
    expect(cells.find((f) => f.cell.rowLabel === 'UBND Phường 4')!.subject.unitId).toBe('gso:27148');
  });

  it('gives a clear reason for a legacy .doc', () => {
    const { stdout, stderr, status } = runCli([join(dir, 'old.doc'), '--json']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/format not supported: legacy \.doc/);
  });
});
