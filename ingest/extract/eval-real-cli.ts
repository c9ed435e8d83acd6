/**
 * `npm run eval:real -- --texts DIR [--labels FILE] [--split dev|test] [--ids d431-d470,…] [--style a,b] [--reader text|document] [--verbose]`:
 * score the engine on the real-text corpus. By default (`--reader document`, since 1.43.0) each text is read the way
 * ingestion reads a document (`figuresFromDocument`: prose plus the tables rebuilt from the flattened text);
 * `--reader text` runs the prose engine alone, as the rows before 1.43.0 did; `--style` keeps the articles with
 * any of the given styles and `--ids` the articles named (ranges keep their prefix: a batch; `npm run eval:real:tables` = the table and attachment cases through the document reader).
 * A per-style breakdown (prose vs table/attachment cases) closes the report. Labels default to eval/real/labels.jsonl; texts are `DIR/<id>.txt` (fill the cache with
 * `npm run eval:real:cache -- --from FOLDER`). Prints totals, core-metric totals, per-metric precision/recall,
 * subject and period accuracy among matched figures, the confidence calibration table, precision/recall per
 * threshold, and every missed label and false figure (with its sentence under --verbose).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExtractedFigure } from '../types';
import { figuresFromDocument } from '../tables';
import { figuresFromText } from './figures';
import {
  articleBootstrap, describeFigure, settleAgenciesForScoring, describeLabel, hasStyle, idsFrom, inLabelledScope, isTableCase, parseLabelLines, type RealArticleScore, type RealLabelFigure, realContext, scoreRealArticle,
  subjectAgrees, summariseByGroup, summariseReal, periodAgrees,
} from './real-eval';
import { REVIEW_THRESHOLD } from './serving';

const REPO_ROOT = resolve(__dirname, '../..');
const USAGE = 'usage: npm run eval:real -- --texts DIR [--labels FILE] [--split dev|test] [--ids d431-d470,…] [--style a,b] [--reader text|document] [--verbose]';

interface Args {
  texts: string;
  labels: string;
  split: string | null;
  styles: string[] | null;
  ids: Set<string> | null;
  reader: 'text' | 'document';
  verbose: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { texts: resolve(REPO_ROOT, '.cache/real-texts'), labels: resolve(REPO_ROOT, 'eval/real/labels.jsonl'), split: null, styles: null, ids: null, reader: 'document', verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return USAGE;
    if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--texts' || a === '--labels' || a === '--split' || a === '--style' || a === '--reader' || a === '--ids') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value\n${USAGE}`;
      if (a === '--texts') args.texts = resolve(v);
      else if (a === '--ids') args.ids = idsFrom(v);
      else if (a === '--style') args.styles = v.split(',').map((x) => x.trim()).filter(Boolean);
      else if (a === '--reader') {
        if (v !== 'text' && v !== 'document') return `--reader must be text or document\n${USAGE}`;
        args.reader = v;
      }
      else if (a === '--labels') args.labels = resolve(v);
      else if (v !== 'dev' && v !== 'test') return `--split must be dev or test\n${USAGE}`;
      else args.split = v;
    } else return `unknown argument ${a}\n${USAGE}`;
  }
  return args;
}

const pct = (x: number): string => x.toFixed(2);

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    const help = args === USAGE;
    (help ? process.stdout : process.stderr).write(`${args}\n`);
    return help ? 0 : 2;
  }
  if (!existsSync(args.labels)) {
    process.stderr.write(`no labels at ${args.labels}\n`);
    return 1;
  }
  const { labels, errors } = parseLabelLines(readFileSync(args.labels, 'utf8'));
  for (const e of errors) process.stderr.write(`skipped label ${e}\n`);
  const chosen = labels.filter((l) => (args.split === null || l.split === args.split) && (args.styles === null || hasStyle(l, args.styles)) && (args.ids === null || args.ids.has(l.id)));
  const scores: RealArticleScore[] = [];
  const noText: string[] = [];
  let outOfScope = 0;
  let placed = 0;
  for (const label of chosen) {
    const path = join(args.texts, `${label.id}.txt`);
    if (!existsSync(path)) {
      noText.push(label.id);
      continue;
    }
    const ctx = realContext(label);
    if (ctx.resolver) placed++;
    const text = readFileSync(path, 'utf8');
    const read = args.reader === 'document' ? figuresFromDocument({ text }, ctx).figures : figuresFromText(text, ctx).figures;
    const publisherName = ctx.publisher?.name ?? null;
    const figures = read.filter((f) => inLabelledScope(f, label, publisherName));
    settleAgenciesForScoring(figures, label);
    outOfScope += read.length - figures.length;
    scores.push(scoreRealArticle(label.id, figures, label.figures, publisherName));
  }
  if (noText.length > 0) process.stderr.write(`no cached text for ${noText.length} article(s): ${noText.join(', ')}\n`);
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  out(`real-text corpus: ${scores.length} article(s)${args.split ? ` (split ${args.split})` : ''}${args.styles ? ` (style ${args.styles.join(',')})` : ''}, reader ${args.reader}, from ${args.labels}`);
  out(`publisher placed in the gazetteer (units the text names resolved as ingestion would) for ${placed} of ${scores.length} article(s)`);
  if (outOfScope > 0) out(`${outOfScope} table figure(s) about rows outside the labelled scope of partly labelled tables were not scored`);
  for (const s of scores) {
    const missed = s.missed;
    const falses = s.figures.filter((_, i) => !s.matchedLabel[i]);
    const wrongSubject = s.figures.filter((f, i) => s.matchedLabel[i] && !subjectAgrees(f, s.matchedLabel[i] as RealLabelFigure, s.publisherName));
    const wrongPeriod = s.figures.filter((f, i) => s.matchedLabel[i] && !periodAgrees(f, s.matchedLabel[i] as RealLabelFigure));
    if (missed.length + falses.length + (args.verbose ? wrongSubject.length + wrongPeriod.length : 0) === 0) continue;
    out(`${s.id}  extracted ${s.figures.length}, required ${s.required}`);
    for (const l of missed) out(`    - missed ${describeLabel(l)}`);
    for (const f of falses) {
      out(`    + false  ${describeFigure(f)}`);
      if (args.verbose) out(`             «${f.evidence.sentence.slice(0, 220)}»`);
    }
    if (args.verbose) {
      for (const f of wrongSubject) out(`    ~ subject ${describeFigure(f)} ≠ ${describeLabel(s.matchedLabel[s.figures.indexOf(f)] as RealLabelFigure)}`);
      for (const f of wrongPeriod) out(`    ~ period  ${describeFigure(f)} ≠ ${describeLabel(s.matchedLabel[s.figures.indexOf(f)] as RealLabelFigure)}`);
    }
  }
  const r = summariseReal(scores, REVIEW_THRESHOLD);
  out('');
  out(`${'metric'.padEnd(26)} ${'extr'.padStart(5)} ${'match'.padStart(5)} ${'req'.padStart(5)} ${'found'.padStart(5)}  P     R`);
  for (const m of r.perMetric) {
    out(`${m.metric.padEnd(26)} ${String(m.extracted).padStart(5)} ${String(m.matched).padStart(5)} ${String(m.required).padStart(5)} ${String(m.found).padStart(5)}  ${pct(m.precision)}  ${pct(m.recall)}`);
  }
  out('');
  out('confidence calibration (share of figures that matched a label, per confidence bin)');
  for (const b of r.calibration) out(`  [${b.from.toFixed(1)}, ${b.to.toFixed(1)})  n=${String(b.figures).padStart(4)}  mean conf ${pct(b.meanConfidence)}  precision ${pct(b.precision)}`);
  out('');
  out('core metrics served at a threshold (figures with confidence >= t)');
  for (const t of r.thresholds) out(`  t=${t.threshold.toFixed(2)}  served ${String(t.extracted).padStart(4)}  P ${pct(t.precision)}  R ${pct(t.recall)}  F1 ${pct(t.f1)}${t.threshold === REVIEW_THRESHOLD ? '   <- serving threshold' : ''}`);
  const served = r.thresholds.find((t) => t.threshold === REVIEW_THRESHOLD);
  out('');
  out(`all metrics : precision ${pct(r.all.precision)}  recall ${pct(r.all.recall)}  F1 ${pct(r.all.f1)}  (${r.all.matched}/${r.all.extracted} figures, ${r.all.found}/${r.all.required} required labels)`);
  out(`core metrics: precision ${pct(r.core.precision)}  recall ${pct(r.core.recall)}  F1 ${pct(r.core.f1)}  (${r.core.matched}/${r.core.extracted} figures, ${r.core.found}/${r.core.required} required labels)`);
  out(`subject accuracy ${pct(r.subjectAccuracy)} (${pct(r.subjectAccuracyStrict)} telling a unit from its whole area)  period accuracy ${pct(r.periodAccuracy)}  (among ${r.matchedForAccuracy} matched figures)`);
  out(`subject accuracy among matched core figures ${pct(r.subjectAccuracyCore)}  (${r.matchedCoreForAccuracy} figures)`);
  if (served) out(`served at threshold ${REVIEW_THRESHOLD}: precision ${pct(served.precision)}  recall ${pct(served.recall)}  (core metrics)`);
  if (r.heldUnresolved) out(`  of these, ${r.heldUnresolved.figures} are held for review all the same: they name a unit the gazetteer did not resolve, or no year (${r.heldUnresolved.right} right with subject)`);
  if (r.servedWithSubject) out(`served by default (threshold ${r.servedWithSubject.threshold}, named units resolved, dated), right including the subject: ${pct(r.servedWithSubject.precision)}  (${r.servedWithSubject.right}/${r.servedWithSubject.served})`);
  if (scores.length >= 2) {
    const ci = articleBootstrap(scores, (x) => ({
      'core P': x.core.precision,
      'core R': x.core.recall,
      subject: x.subjectAccuracy,
      'subject (strict scope)': x.subjectAccuracyStrict,
      ...(x.servedWithSubject ? { 'served right with subject': x.servedWithSubject.precision } : {}),
    }), REVIEW_THRESHOLD);
    out(`95% intervals, articles resampled: ${Object.entries(ci).map(([k, [lo, hi]]) => `${k} ${pct(lo)}–${pct(hi)}`).join('  ')}`);
  }
  const styleOf = new Map(chosen.map((l) => [l.id, l]));
  const groups = summariseByGroup(scores, (id) => {
    const l = styleOf.get(id);
    if (!l || !isTableCase(l)) return ['prose'];
    return ['tables+attachments', ...(l.style ?? []).filter((s) => s === 'table' || s === 'flattened-table' || s === 'attachment')];
  });
  out('');
  out(`per style (reader ${args.reader}; core metrics; subject/period accuracy among matched figures)`);
  for (const g of groups) {
    out(`  ${g.group.padEnd(20)} articles ${String(g.articles).padStart(3)}  P ${pct(g.core.precision)}  R ${pct(g.core.recall)}  (${g.core.matched}/${g.core.extracted} figures, ${g.core.found}/${g.core.required} required)  subject ${pct(g.subjectAccuracy)}  period ${pct(g.periodAccuracy)}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
