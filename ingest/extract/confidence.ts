/**
 * Confidence as a calibrated probability: a logistic model over what the engine knows about each figure (how its
 * metric, period and subject were found, how crowded its sentence is). The coefficients are data
 * (`confidence-model.ts`), fit on the dev split of the real-text corpus with cross-validation by
 * `npm run fit:confidence` (ingest/extract/fit-confidence-cli.ts); never on the test split.
 *
 * Public surface: `FigureSignals`, `featureVector`, `FEATURE_NAMES`, `probability`, `OTHER_CONFIDENCE`.
 */
import { CONFIDENCE_MODEL } from './confidence-model';

/** What the engine knew when it read one figure (engine-internal; not stored). */
export interface FigureSignals {
  metric: string;
  unit: string;
  /** Where the deciding cue was: the number's own context, its clause, earlier in the sentence. */
  cueZone: 'own' | 'clause' | 'sentence';
  /** The metric came from the article's index topic or the previous figure of the sentence, not a cue. */
  cueFallback: boolean;
  /** Score of the deciding cue and of the best other metric. */
  cueScore: number;
  runnerUp: number;
  /** The figure's unit is the metric's usual one. */
  usualUnit: boolean;
  kind: 'actual' | 'target';
  kindExplicit: boolean;
  change: boolean;
  approximate: boolean;
  comparatorEq: boolean;
  ratio: boolean;
  /** How the subject was found. */
  subjectSource: 'publisher' | 'named' | 'scope' | 'national';
  /** The subject is a guess between readings the text does not tell apart (levels named together, an unnamed unit). */
  subjectUncertain: boolean;
  /** How the period was found. */
  periodSource: 'clause' | 'sentence' | 'paragraph' | 'earlier' | 'title' | 'publication' | 'text_year' | 'index_edition' | 'none';
  periodMonths: boolean;
  /** Units (level-word names, provinces, ministries, the country) named in the sentence. */
  unitsInSentence: number;
  /** Number candidates in the sentence (many: a flattened table or a list). */
  numbersInSentence: number;
  sentenceChars: number;
  /** The number as written appears elsewhere in the article (a headline or lead restating it). */
  restated: boolean;
  /** The article has a publication date. */
  dated: boolean;
  /** "trong đó" before the number in its sentence: a breakdown of a total. */
  breakdown: boolean;
  /**
   * Another figure of the article, as finally kept, has the same metric and value (one number read twice — as a level
   * and a change, under two periods or units —: at most one reading is right). Set by the engine after its drop passes;
   * derivable from any figure list (see {@link repeatedReadings}), so unseen snapshots recompute it.
   */
  repeatedReading?: boolean;
  /** Another figure of the final list gives the same unit another value of this metric for this period (derived too). */
  conflictingReading?: boolean;
  value: number;
}

/** Fixed confidence of an 'other' figure: a bucket for reviewers, never served automatically. */
export const OTHER_CONFIDENCE = 0.3;

const METRIC_GROUP: Record<string, string> = {
  dossiers_received: 'count', dossiers_resolved: 'count', online_dossiers: 'count',
  on_time_rate: 'timeliness', late_dossiers: 'timeliness',
  par_index_score: 'index', par_index_rank: 'index', service_index_score: 'index', service_index_rank: 'index', sipas_score: 'index',
  satisfaction_rate: 'satisfaction',
  online_services_l12: 'services', online_services_l3: 'services', online_services_l4: 'services', online_services_l34: 'services',
  online_services_full: 'services', online_services_partial: 'services', online_dossier_rate: 'online_rate',
};

/** Feature names, in the order of {@link featureVector} (the model file stores weights by name). */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  'group_count', 'group_timeliness', 'group_index', 'group_satisfaction', 'group_services', 'group_online_rate',
  'cue_own', 'cue_sentence', 'cue_fallback', 'cue_log_score', 'cue_margin_small',
  'unit_unusual', 'target', 'kind_explicit', 'change', 'approximate', 'comparator_not_eq', 'ratio',
  'subject_named', 'subject_scope', 'subject_national',
  'period_sentence', 'period_earlier', 'period_title', 'period_publication', 'period_text_year', 'period_index_edition', 'period_none', 'period_months',
  'units_in_sentence_2plus', 'units_in_sentence_3plus', 'numbers_in_sentence_log', 'sentence_long',
  'm_late_dossiers', 'm_on_time_rate', 'm_dossiers_received', 'm_dossiers_resolved', 'm_online_dossiers', 'm_par_index_score',
  'm_par_index_rank', 'm_sipas_score', 'm_service_index', 'u_rank', 'u_score', 'u_count',
  'value_100', 'restated', 'undated', 'breakdown', 'subject_uncertain', 'repeated_reading', 'conflicting_reading',
];

/** Features computed from the article's final figure list rather than one reading: any figure list yields them. */
export const DERIVED_FEATURES: readonly string[] = ['repeated_reading', 'conflicting_reading'];

/** What the derived features read of a figure: any engine's figure list, or a snapshot's, has these fields. */
export interface ListedFigure {
  metric: string;
  value: number;
  kind: string;
  change: boolean;
  period: { year: number | null; fromMonth: number | null; toMonth: number | null };
  subject: { name: string };
}

/** The derived features of each figure of an article's figure list, by name ({@link DERIVED_FEATURES}). */
export function derivedFeatures(figures: ReadonlyArray<ListedFigure>): Array<Record<string, number>> {
  const repeated = repeatedReadings(figures);
  const conflicting = conflictingReadings(figures);
  return figures.map((_, i) => ({ repeated_reading: repeated[i] ? 1 : 0, conflicting_reading: conflicting[i] ? 1 : 0 }));
}

/**
 * For each figure: whether another figure of the list gives the same unit another value of the same metric, kind and
 * period (moves and `other` figures aside). One unit has one value of a metric for a period, so at least one of the
 * two readings is wrong: on the unseen snapshots, core figures so marked were right half as often (stop 28). One pass.
 */
export function conflictingReadings(figures: ReadonlyArray<ListedFigure>): boolean[] {
  const key = (f: ListedFigure): string | null =>
    f.metric === 'other' || f.change ? null : [f.metric, f.kind, f.subject.name, f.period.year, f.period.fromMonth, f.period.toMonth].join('|');
  const values = new Map<string, Set<number>>();
  for (const f of figures) {
    const k = key(f);
    if (k !== null) values.set(k, (values.get(k) ?? new Set()).add(f.value));
  }
  return figures.map((f) => {
    const k = key(f);
    return k !== null && (values.get(k)?.size ?? 0) > 1;
  });
}

/** For each figure: whether another figure of the list shares its metric and value (`other` figures aside). One pass. */
export function repeatedReadings(figures: ReadonlyArray<{ metric: string; value: number }>): boolean[] {
  const seen = new Map<string, number>();
  const key = (f: { metric: string; value: number }): string => `${f.metric}|${f.value}`;
  for (const f of figures) if (f.metric !== 'other') seen.set(key(f), (seen.get(key(f)) ?? 0) + 1);
  return figures.map((f) => f.metric !== 'other' && (seen.get(key(f)) ?? 0) > 1);
}

/** The model's inputs for one figure, in {@link FEATURE_NAMES} order. */
export function featureVector(s: FigureSignals): number[] {
  const group = METRIC_GROUP[s.metric] ?? 'rest';
  const margin = s.runnerUp > 0 ? (s.cueScore - s.runnerUp) / Math.max(s.cueScore, 1e-9) : 1;
  const b = (x: boolean): number => (x ? 1 : 0);
  return [
    1,
    b(group === 'count'), b(group === 'timeliness'), b(group === 'index'), b(group === 'satisfaction'), b(group === 'services'), b(group === 'online_rate'),
    b(s.cueZone === 'own' && !s.cueFallback), b(s.cueZone === 'sentence' && !s.cueFallback), b(s.cueFallback),
    s.cueFallback ? 0 : Math.log1p(Math.max(0, s.cueScore)), b(s.runnerUp > 0 && margin < 0.2),
    b(!s.usualUnit), b(s.kind === 'target'), b(s.kindExplicit), b(s.change), b(s.approximate), b(!s.comparatorEq), b(s.ratio),
    b(s.subjectSource === 'named'), b(s.subjectSource === 'scope'), b(s.subjectSource === 'national'),
    b(s.periodSource === 'sentence' || s.periodSource === 'paragraph'), b(s.periodSource === 'earlier'), b(s.periodSource === 'title'),
    b(s.periodSource === 'publication'), b(s.periodSource === 'text_year'), b(s.periodSource === 'index_edition'), b(s.periodSource === 'none'), b(s.periodMonths),
    b(s.unitsInSentence >= 2), b(s.unitsInSentence >= 3), Math.log1p(s.numbersInSentence), b(s.sentenceChars > 300),
    b(s.metric === 'late_dossiers'), b(s.metric === 'on_time_rate'), b(s.metric === 'dossiers_received'), b(s.metric === 'dossiers_resolved'),
    b(s.metric === 'online_dossiers'), b(s.metric === 'par_index_score'), b(s.metric === 'par_index_rank'), b(s.metric === 'sipas_score'),
    b(s.metric === 'service_index_score' || s.metric === 'service_index_rank'), b(s.unit === 'rank'), b(s.unit === 'score'), b(s.unit === 'count'),
    b(s.unit === 'percent' && s.value === 100), b(s.restated), b(!s.dated), b(s.breakdown), b(s.subjectUncertain), b(s.repeatedReading === true), b(s.conflictingReading === true),
  ];
}

/** Logistic probability under given weights (by feature name; a missing weight is 0). */
export function probabilityWith(weights: Readonly<Record<string, number>>, x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < FEATURE_NAMES.length; i++) z += (weights[FEATURE_NAMES[i]] ?? 0) * x[i];
  return 1 / (1 + Math.exp(-z));
}

/**
 * The committed model's probability that a figure is right, rounded to 0.01 (an 'other' figure: fixed). A figure whose
 * period has no year (an undated article that names none) is capped just below the serving threshold: it cannot be
 * compared, and a reviewer supplies the year rather than the engine guessing one.
 */
export function probability(s: FigureSignals): number {
  if (s.metric === 'other') return OTHER_CONFIDENCE;
  const p = Math.round(Math.min(0.99, Math.max(0.01, probabilityWith(CONFIDENCE_MODEL.weights, featureVector(s)))) * 100) / 100;
  return s.periodSource === 'none' ? Math.min(p, Math.round((CONFIDENCE_MODEL.threshold - 0.01) * 100) / 100) : p;
}
