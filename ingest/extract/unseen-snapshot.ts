/**
 * Snapshots of what an engine read on articles it had NOT been tuned on ("unseen"), kept as data so that the
 * confidence model can be calibrated on unseen-text behaviour long after those articles joined the dev split.
 *
 * Why: dev articles are tuned on, so on dev the engine's figures are right far more often than on text it has never
 * seen (core precision 0.89 on dev vs 0.70 on the frozen test split at 1.5.0), and a confidence model fit on dev alone
 * learns that optimism. A batch of newly labelled articles, read by the engine BEFORE anyone tunes on it, shows the
 * engine as users meet it. A snapshot keeps, per figure, only what the scorer compares (metric, value, total, kind,
 * comparator, change, period, subject) and the confidence features — facts and numbers, no article text (the
 * evidence sentence and the period's label are dropped), so it can be committed.
 *
 * A snapshot line is scored against the CURRENT labels with the CURRENT scorer when it is loaded, so a label fixed
 * later counts. The features are those of the engine that wrote the snapshot (`engine`), by feature name.
 *
 * Public surface: `SnapshotLine`, `snapshotArticle`, `parseSnapshotLines`, `snapshotFigure`, `asScoredFigure`.
 */
import type { ExtractedFigure } from '../types';

export interface SnapshotFigure {
  metric: string;
  value: number;
  total: number | null;
  kind: ExtractedFigure['kind'];
  comparator: ExtractedFigure['comparator'];
  change: boolean;
  period: { year: number | null; fromMonth: number | null; toMonth: number | null };
  subject: { name: string; scope: ExtractedFigure['subject']['scope']; subunitLevel: string | null };
  /** Confidence features by name (`FEATURE_NAMES` of the engine that wrote the snapshot). */
  features: Record<string, number>;
}

export interface SnapshotLine {
  article: string;
  /** `EXTRACTOR_VERSION` of the engine that read the article. */
  engine: string;
  /** Every feature that engine computed (a feature absent here was unknown to it, not 0). */
  featureNames: string[];
  figures: SnapshotFigure[];
}

/** One figure as a snapshot keeps it (no text). */
export function snapshotFigure(f: ExtractedFigure, featureNames: readonly string[], x: readonly number[]): SnapshotFigure {
  const features: Record<string, number> = {};
  featureNames.forEach((n, i) => {
    if (x[i] !== 0) features[n] = Math.round(x[i] * 1e6) / 1e6;
  });
  return {
    metric: f.metric,
    value: f.value,
    total: f.total,
    kind: f.kind,
    comparator: f.comparator,
    change: f.change,
    period: { year: f.period.year, fromMonth: f.period.fromMonth, toMonth: f.period.toMonth },
    subject: { name: f.subject.name, scope: f.subject.scope, subunitLevel: f.subject.subunitLevel },
    features,
  };
}

/** The snapshot line of one article. */
export function snapshotArticle(article: string, engine: string, figures: readonly ExtractedFigure[], featureNames: readonly string[], xs: readonly (readonly number[])[]): SnapshotLine {
  return { article, engine, featureNames: [...featureNames], figures: figures.map((f, i) => snapshotFigure(f, featureNames, xs[i])) };
}

/**
 * Snapshot figures as the scorer sees figures: the fields it compares, the rest neutral. Only for scoring (the
 * evidence is empty; confidence is unused by `scoreRealArticle`).
 */
export function asScoredFigure(s: SnapshotFigure): ExtractedFigure {
  return {
    metric: s.metric,
    value: s.value,
    total: s.total,
    upperBound: null,
    unit: 'count',
    kind: s.kind,
    comparator: s.comparator,
    approximate: false,
    change: s.change,
    baselineYear: null,
    period: { ...s.period, label: '' },
    subject: { name: s.subject.name, unitId: null, scope: s.subject.scope, subunitLevel: s.subject.subunitLevel, explicit: true },
    evidence: { sentence: '', start: 0, end: 0, numberStart: 0, numberEnd: 0 },
    confidence: 0,
  };
}

/** Parse a snapshot file (JSON lines); malformed lines are reported with their line number, never skipped silently. */
export function parseSnapshotLines(content: string): { lines: SnapshotLine[]; errors: string[] } {
  const lines: SnapshotLine[] = [];
  const errors: string[] = [];
  content.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (t === '') return;
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch (e) {
      errors.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const l = o as Partial<SnapshotLine>;
    if (typeof l.article !== 'string' || typeof l.engine !== 'string' || !Array.isArray(l.featureNames) || !Array.isArray(l.figures)) {
      errors.push(`line ${i + 1}: needs article, engine, featureNames and figures`);
      return;
    }
    const bad = l.figures.findIndex(
      (f) => !f || typeof f.metric !== 'string' || typeof f.value !== 'number' || !f.period || !f.subject || typeof f.features !== 'object' || f.features === null,
    );
    if (bad >= 0) {
      errors.push(`line ${i + 1}: figure ${bad + 1} lacks metric, value, period, subject or features`);
      return;
    }
    lines.push(l as SnapshotLine);
  });
  return { lines, errors };
}
