/**
 * Scoring extracted figures against hand labels (pure). The label format is `seeds/gold.jsonl`'s, one article
 * per object, snake_case period fields.
 *
 * Matching rule: same metric and kind, value within 0.05, total where the label has one, comparator for targets,
 * same period year; optional label fields (`approximate`, `change`, `baseline_year`, `upper_bound`) must agree
 * when present. One figure matches at most one label. Recall counts required labels only; an extracted figure
 * that matches no label (required or not) counts against precision.
 *
 * Public surface: `figureMatchesLabel`, `scoreArticle`, `sumScores`, `contextFromLabel`, label and score types.
 */
import type { ExtractedFigure, ExtractionContext } from '../types';

export interface LabelFigure {
  metric: string;
  value: number;
  total?: number | null;
  unit?: string;
  kind: 'actual' | 'target';
  comparator?: string;
  period: { year: number | null; from_month?: number | null; to_month?: number | null };
  subject?: string;
  evidence?: string;
  required?: boolean;
  approximate?: boolean;
  change?: boolean;
  baseline_year?: number | null;
  upper_bound?: number | null;
  note?: string;
}

export interface LabelledArticle {
  file: string;
  published: string | null;
  title?: string | null;
  unit?: { name: string; level: string; province?: string | null } | null;
  figures: LabelFigure[];
}

export interface ArticleScore {
  file: string;
  extracted: number;
  /** Extracted figures that matched some label. */
  matched: number;
  required: number;
  requiredFound: number;
  precision: number;
  recall: number;
  f1: number;
  unmatched: ExtractedFigure[];
  missed: LabelFigure[];
}

/** Tolerance for values: labels write 99.9 where the text has "99,9". */
const VALUE_TOLERANCE = 0.05;

const near = (a: number | null | undefined, b: number | null | undefined): boolean =>
  typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= VALUE_TOLERANCE;

/** Whether one extracted figure satisfies one label under the matching rule. */
export function figureMatchesLabel(f: ExtractedFigure, l: LabelFigure): boolean {
  if (f.metric !== l.metric || f.kind !== l.kind || !near(f.value, l.value)) return false;
  if (l.total !== undefined && l.total !== null && !near(f.total, l.total)) return false;
  if (l.kind === 'target' && (l.comparator ?? 'eq') !== f.comparator) return false;
  if ((l.period?.year ?? null) !== null && l.period.year !== f.period.year) return false;
  if (l.approximate !== undefined && l.approximate !== f.approximate) return false;
  if (l.change !== undefined && l.change !== f.change) return false;
  if (l.baseline_year !== undefined && l.baseline_year !== null && l.baseline_year !== f.baselineYear) return false;
  if (l.upper_bound !== undefined && l.upper_bound !== null && !near(f.upperBound, l.upper_bound)) return false;
  return true;
}

/**
 * Maximum one-to-one matching (Kuhn's augmenting paths) between figures and labels under `matches`, skipping figures
 * already taken: label index → figure index. Shared by the labelled-set and the real-text scorers.
 */
export function maxMatching<L>(
  figures: ExtractedFigure[], labels: L[], figureTaken: boolean[], matches: (f: ExtractedFigure, l: L) => boolean,
): Map<number, number> {
  const labelOwner = new Map<number, number>();
  const tryAssign = (fi: number, visited: Set<number>): boolean => {
    for (let li = 0; li < labels.length; li++) {
      if (visited.has(li) || !matches(figures[fi], labels[li])) continue;
      visited.add(li);
      const owner = labelOwner.get(li);
      if (owner === undefined || tryAssign(owner, visited)) {
        labelOwner.set(li, fi);
        return true;
      }
    }
    return false;
  };
  figures.forEach((_, fi) => {
    if (!figureTaken[fi]) tryAssign(fi, new Set());
  });
  return labelOwner;
}

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);
const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Score one article: required labels are matched first (maximising recall), then the remaining figures may
 * match optional labels (so an acceptable extra is not counted against precision).
 */
export function scoreArticle(file: string, figures: ExtractedFigure[], labels: LabelFigure[]): ArticleScore {
  const required = labels.filter((l) => l.required !== false);
  const optional = labels.filter((l) => l.required === false);
  const taken = figures.map(() => false);
  const requiredMatch = maxMatching(figures, required, taken, figureMatchesLabel);
  for (const fi of requiredMatch.values()) taken[fi] = true;
  const optionalMatch = maxMatching(figures, optional, taken, figureMatchesLabel);
  for (const fi of optionalMatch.values()) taken[fi] = true;
  const matched = taken.filter(Boolean).length;
  const precision = ratio(matched, figures.length);
  const recall = ratio(requiredMatch.size, required.length);
  return {
    file,
    extracted: figures.length,
    matched,
    required: required.length,
    requiredFound: requiredMatch.size,
    precision,
    recall,
    f1: f1Of(precision, recall),
    unmatched: figures.filter((_, i) => !taken[i]),
    missed: required.filter((_, i) => !requiredMatch.has(i)),
  };
}

/** Micro-averaged totals over articles. */
export function sumScores(scores: ArticleScore[]): { extracted: number; matched: number; required: number; requiredFound: number; precision: number; recall: number; f1: number } {
  const extracted = scores.reduce((n, s) => n + s.extracted, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  const required = scores.reduce((n, s) => n + s.required, 0);
  const requiredFound = scores.reduce((n, s) => n + s.requiredFound, 0);
  const precision = ratio(matched, extracted);
  const recall = ratio(requiredFound, required);
  return { extracted, matched, required, requiredFound, precision, recall, f1: f1Of(precision, recall) };
}

/** The extraction context a labelled article implies: its date, its unit as publisher, its title. */
export function contextFromLabel(label: LabelledArticle): ExtractionContext {
  const published = label.published ? new Date(label.published) : null;
  return {
    publishedAt: published && !Number.isNaN(published.getTime()) ? published : null,
    publisher: label.unit ? { id: `label:${label.unit.name}`, name: label.unit.name, level: label.unit.level } : null,
    title: label.title ?? null,
  };
}
