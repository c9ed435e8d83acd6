/**
 * `npm run eval:seeds [-- --set DIR] [--verbose]`: score the engine on the seeds (default) or on a labelled
 * folder, printing precision, recall (required figures) and F1 per article and in total.
 * The seeds folder is `../shared/seeds` beside the repository, or `SEEDS_DIR`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ArticleScore, contextFromLabel, scoreArticle, sumScores } from './evaluate';
import { figuresFromText } from './figures';
import { type LabelledText, loadLabelledDir, loadSeeds } from './label-files';

const REPO_ROOT = resolve(__dirname, '../..');

function describe(f: { metric: string; value: number; total?: number | null; kind: string; comparator?: string; period: { year: number | null } }): string {
  return `${f.metric} ${f.value}${f.total ? `/${f.total}` : ''} ${f.kind} ${f.comparator ?? ''} ${f.period.year ?? ''}`;
}

function main(argv: string[]): number {
  const setIdx = argv.indexOf('--set');
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  let articles: LabelledText[];
  let source: string;
  if (setIdx >= 0) {
    source = resolve(REPO_ROOT, argv[setIdx + 1] ?? 'test/fixtures/labelled');
    const loaded = loadLabelledDir(source);
    for (const s of loaded.skipped) process.stderr.write(`skipped ${s}\n`);
    articles = loaded.articles;
  } else {
    source = process.env.SEEDS_DIR ? resolve(process.env.SEEDS_DIR) : resolve(__dirname, '../../../shared/seeds');
    if (!existsSync(resolve(source, 'gold.jsonl'))) {
      process.stderr.write(`no seeds at ${source} (set SEEDS_DIR): nothing to score\n`);
      return 0;
    }
    articles = loadSeeds(source);
  }
  const scores: ArticleScore[] = articles.map((a) => scoreArticle(a.id, figuresFromText(a.text, contextFromLabel(a.label)).figures, a.label.figures));
  const pct = (x: number): string => x.toFixed(2);
  process.stdout.write(`scoring ${articles.length} article(s) from ${source}\n`);
  process.stdout.write(`${'article'.padEnd(40)} ${'extr'.padStart(5)} ${'match'.padStart(5)} ${'req'.padStart(4)} ${'found'.padStart(5)}  P     R     F1\n`);
  for (const s of scores) {
    process.stdout.write(`${s.file.padEnd(40)} ${String(s.extracted).padStart(5)} ${String(s.matched).padStart(5)} ${String(s.required).padStart(4)} ${String(s.requiredFound).padStart(5)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}\n`);
    if (verbose) {
      for (const f of s.unmatched) process.stdout.write(`    + extra  ${describe(f)}\n`);
      for (const l of s.missed) process.stdout.write(`    - missed ${describe(l)}  «${l.evidence ?? ''}»\n`);
    }
  }
  const t = sumScores(scores);
  process.stdout.write(`${'TOTAL'.padEnd(40)} ${String(t.extracted).padStart(5)} ${String(t.matched).padStart(5)} ${String(t.required).padStart(4)} ${String(t.requiredFound).padStart(5)}  ${pct(t.precision)}  ${pct(t.recall)}  ${pct(t.f1)}\n`);
  process.stdout.write(`precision ${pct(t.precision)}  recall ${pct(t.recall)} (required figures)  F1 ${pct(t.f1)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
