/**
 * `npm run eval:tables`: precision / recall of table reading per format. Each sample report table (demo/reports,
 * SAMPLE DATA) is rendered as an HTML page, flattened text, DOCX, XLSX and PDF, read by the same code as ingestion
 * and the extract CLI, and its figures are matched against the hand-written labels in
 * test/fixtures/tables/gold.json on (row label, metric, unit, value, period year and months).
 * Prints one line per format and `N passed, N failed` style totals; `--json` prints the scores as JSON.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPORT_TABLES } from '../../demo/reports/data';
import { tablesToDocx, tablesToPdf, tablesToXlsx, tableToFlatText, tableToHtml } from '../../demo/reports/formats';
import { readAttachment } from '../attachments';
import { tablesFromHtml } from '../portals/tables';
import type { ExtractedFigure, ExtractionContext } from '../types';
import { figuresFromDocument } from './index';

interface GoldFigure { row: string; metric: string; unit: string; value: number }
interface GoldTable { period: { year: number; fromMonth: number | null; toMonth: number | null }; figures: GoldFigure[] }
export interface FormatScore { format: string; expected: number; found: number; matched: number; precision: number; recall: number }

const FORMATS = ['html', 'text', 'docx', 'xlsx', 'pdf'] as const;

async function figuresIn(format: (typeof FORMATS)[number], key: string, ctx: ExtractionContext): Promise<ExtractedFigure[]> {
  const t = REPORT_TABLES[key];
  if (format === 'html') return figuresFromDocument({ text: '', tables: tablesFromHtml(`<article>${tableToHtml(t)}</article>`) }, ctx).figures;
  if (format === 'text') return figuresFromDocument({ text: tableToFlatText(t) }, ctx).figures;
  const bytes = format === 'docx' ? await tablesToDocx('Báo cáo (DỮ LIỆU MẪU)', [t]) : format === 'xlsx' ? await tablesToXlsx([t]) : tablesToPdf('Báo cáo (DỮ LIỆU MẪU)', [t]);
  const content = await readAttachment(bytes, format);
  return figuresFromDocument({ text: content.text, tables: content.tables }, ctx).figures;
}

/** Score every format over every labelled table. */
export async function evaluateTables(goldFile = resolve(__dirname, '../../test/fixtures/tables/gold.json')): Promise<FormatScore[]> {
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as { tables: Record<string, GoldTable> }).tables;
  const ctx: ExtractionContext = { publishedAt: new Date('2024-12-31T12:00:00+07:00'), publisher: { id: 'publisher', name: 'Quận 3', level: 'quan' } };
  const scores: FormatScore[] = [];
  for (const format of FORMATS) {
    let expected = 0;
    let found = 0;
    let matched = 0;
    for (const [key, table] of Object.entries(gold)) {
      const figures = (await figuresIn(format, key, ctx)).filter((f) => f.cell);
      const left = [...table.figures];
      expected += left.length;
      found += figures.length;
      for (const f of figures) {
        const i = left.findIndex((g) => g.row === f.cell!.rowLabel && g.metric === f.metric && g.unit === f.unit && Math.abs(g.value - f.value) < 1e-9
          && f.period.year === table.period.year && f.period.fromMonth === table.period.fromMonth && f.period.toMonth === table.period.toMonth);
        if (i >= 0) {
          matched++;
          left.splice(i, 1);
        }
      }
    }
    scores.push({ format, expected, found, matched, precision: found ? matched / found : 1, recall: expected ? matched / expected : 1 });
  }
  return scores;
}

async function main(): Promise<void> {
  const scores = await evaluateTables();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ scores })}\n`);
    return;
  }
  for (const s of scores) {
    process.stdout.write(`${s.format.padEnd(6)} labelled ${String(s.expected).padStart(3)}  read ${String(s.found).padStart(3)}  matched ${String(s.matched).padStart(3)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}\n`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
