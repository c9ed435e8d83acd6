/** The table evaluation (npm run eval:tables): every format against the hand-written labels. */
import { evaluateTables } from '../../../ingest/tables/eval-cli';

it('reads every labelled cell in HTML, DOCX, XLSX and PDF, and all but the lost stacked header in flattened text', async () => {
  const scores = Object.fromEntries((await evaluateTables()).map((s) => [s.format, s]));
  for (const format of ['html', 'docx', 'xlsx', 'pdf']) expect(scores[format]).toMatchObject({ expected: 45, found: 45, matched: 45 });
  // Flattening keeps one header line per column: "Tổng số" loses its parent "Đã giải quyết", so that column of
  // 4 rows is not read (and nothing wrong is read instead).
  expect(scores.text).toMatchObject({ expected: 45, found: 41, matched: 41, precision: 1 });
});
