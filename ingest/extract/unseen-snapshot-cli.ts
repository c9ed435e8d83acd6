/**
 * `npm run snapshot:unseen -- --ids d431-d470 --out eval/real/unseen/NAME.jsonl [--texts DIR] [--labels FILE]`:
 * record what the CURRENT engine reads on a batch of labelled articles that nobody has tuned on yet (see
 * unseen-snapshot.ts). Run it once, right after the batch is labelled and before any engine change is made for it,
 * and commit the file; `npm run fit:confidence` then calibrates on it. Table and attachment cases are left out, as
 * in the fit. Exits non-zero when an article's text is missing (a snapshot must cover its whole batch).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FEATURE_NAMES, featureVector } from './confidence';
import { extractWithSignals } from './figures';
import { idsFrom, isTableCase, parseLabelLines, realContext } from './real-eval';
import { snapshotArticle } from './unseen-snapshot';
import { EXTRACTOR_VERSION } from './version';

const REPO_ROOT = resolve(__dirname, '../..');
const USAGE = 'usage: npm run snapshot:unseen -- --ids dNNN-dNNN[,dNNN…] --out FILE [--texts DIR] [--labels FILE]';

function main(argv: string[]): number {
  let texts = resolve(REPO_ROOT, '.cache/real-texts');
  let labels = resolve(REPO_ROOT, 'eval/real/labels.jsonl');
  let ids: Set<string> | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const v = argv[i + 1];
    if (!['--texts', '--labels', '--ids', '--out'].includes(a) || v === undefined) {
      process.stderr.write(`${v === undefined && a.startsWith('--') ? `${a} needs a value` : `unknown argument ${a}`}\n${USAGE}\n`);
      return 2;
    }
    i++;
    if (a === '--texts') texts = resolve(v);
    else if (a === '--labels') labels = resolve(v);
    else if (a === '--ids') ids = idsFrom(v);
    else out = resolve(v);
  }
  if (!ids || !out) {
    process.stderr.write(`--ids and --out are required\n${USAGE}\n`);
    return 2;
  }
  const { labels: all, errors } = parseLabelLines(readFileSync(labels, 'utf8'));
  if (errors.length > 0) {
    process.stderr.write(`${errors.join('\n')}\n`);
    return 1;
  }
  const batch = all.filter((l) => ids?.has(l.id) && l.split === 'dev');
  const missingLabels = [...ids].filter((id) => !all.some((l) => l.id === id && l.split === 'dev'));
  if (missingLabels.length > 0) process.stderr.write(`no dev label for ${missingLabels.join(', ')} (skipped)\n`);
  const lines: string[] = [];
  const missingTexts: string[] = [];
  for (const label of batch) {
    if (isTableCase(label)) continue;
    const path = join(texts, `${label.id}.txt`);
    if (!existsSync(path)) {
      missingTexts.push(label.id);
      continue;
    }
    const { result, signals } = extractWithSignals(readFileSync(path, 'utf8'), realContext(label));
    lines.push(JSON.stringify(snapshotArticle(label.id, EXTRACTOR_VERSION, result.figures, FEATURE_NAMES, signals.map(featureVector))));
  }
  if (missingTexts.length > 0) {
    process.stderr.write(`no cached text for ${missingTexts.join(', ')}: a snapshot must cover its whole batch (npm run eval:real:cache)\n`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`wrote ${lines.length} article(s) read by extractor ${EXTRACTOR_VERSION} to ${out}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
