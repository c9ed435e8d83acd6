/**
 * `npm run eval:agreement -- --second FILE [--first FILE] [--ids d651-d675] [--verbose]`: inter-annotator agreement
 * between two labellings of the same articles (see label-agreement.ts). `--first` defaults to eval/real/labels.jsonl;
 * only the articles both files label are compared. Prints, each way, core and all-metric precision/recall as the
 * engine is scored, subject and period accuracy among matched figures, and how often the `required` flag agrees;
 * `--verbose` lists every disagreement. Exit 2 on a usage error or an unreadable file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareLabellings } from './label-agreement';
import { describeFigure, describeLabel, idsFrom, parseLabelLines, periodAgrees, type RealLabel, type RealLabelFigure, type RealReport, subjectAgrees } from './real-eval';

const REPO_ROOT = resolve(__dirname, '../..');
const USAGE = 'usage: npm run eval:agreement -- --second FILE [--first FILE] [--ids d651-d675,…] [--verbose]';

function load(path: string): RealLabel[] | string {
  if (!existsSync(path)) return `no labels at ${path}`;
  const { labels, errors } = parseLabelLines(readFileSync(path, 'utf8'));
  return errors.length > 0 ? `${path}: ${errors.join('; ')}` : labels;
}

const pct = (x: number): string => x.toFixed(2);

function summary(name: string, r: RealReport): string {
  return `${name}: core P ${pct(r.core.precision)} R ${pct(r.core.recall)} (${r.core.matched}/${r.core.extracted} figures, ${r.core.found}/${r.core.required} required)  ` +
    `all P ${pct(r.all.precision)} R ${pct(r.all.recall)}  subject ${pct(r.subjectAccuracy)} (strict scope ${pct(r.subjectAccuracyStrict)}, core figures ${pct(r.subjectAccuracyCore)})  period ${pct(r.periodAccuracy)} (among ${r.matchedForAccuracy} matched)`;
}

function main(argv: string[]): number {
  let first = resolve(REPO_ROOT, 'eval/real/labels.jsonl');
  let second: string | null = null;
  let ids: Set<string> | null = null;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (a === '--verbose') {
      verbose = true;
      continue;
    }
    const v = argv[i + 1];
    if ((a === '--first' || a === '--second' || a === '--ids') && v !== undefined && !v.startsWith('--')) {
      if (a === '--first') first = resolve(v);
      else if (a === '--second') second = resolve(v);
      else ids = idsFrom(v);
      i++;
      continue;
    }
    process.stderr.write(`${a}: unknown or incomplete argument\n${USAGE}\n`);
    return 2;
  }
  if (second === null) {
    process.stderr.write(`--second is required\n${USAGE}\n`);
    return 2;
  }
  const a = load(first);
  const b = load(second);
  for (const x of [a, b]) {
    if (typeof x === 'string') {
      process.stderr.write(`${x}\n`);
      return 2;
    }
  }
  const keep = (l: RealLabel): boolean => ids === null || ids.has(l.id);
  const report = compareLabellings((a as RealLabel[]).filter(keep), (b as RealLabel[]).filter(keep));
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  out(`labelling agreement on ${report.articles.length} article(s): first ${first}, second ${second}`);
  if (report.onlySecond.length > 0) out(`only in the second (not compared): ${report.onlySecond.join(', ')}`);
  if (verbose) {
    // The second's figures against the first's labels: what only one labeller saw, and matched figures that differ.
    for (const s of report.secondScores) {
      const lines: string[] = [];
      s.missed.forEach((l) => lines.push(`    - only first  ${describeLabel(l)}`));
      s.figures.forEach((f, i) => {
        const l = s.matchedLabel[i] as RealLabelFigure | null;
        if (!l) lines.push(`    + only second ${describeFigure(f).replace(/ c=\S+$/, '')}`);
        else {
          if (!subjectAgrees(f, l, s.publisherName)) lines.push(`    ~ subject second ${describeFigure(f).replace(/ c=\S+$/, '')} ≠ first ${describeLabel(l)}`);
          if (!periodAgrees(f, l)) lines.push(`    ~ period  second ${describeFigure(f).replace(/ c=\S+$/, '')} ≠ first ${describeLabel(l)}`);
        }
      });
      if (lines.length > 0) out(`${s.id}\n${lines.join('\n')}`);
    }
  }
  out(summary('second scored against first', report.second));
  out(summary('first scored against second', report.first));
  const { matched, same } = report.requiredAgreement;
  out(`required flag agrees on ${same}/${matched} matched figures (${pct(matched === 0 ? 1 : same / matched)})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
