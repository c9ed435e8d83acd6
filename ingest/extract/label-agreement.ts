/**
 * Agreement between two labellings of the same articles (inter-annotator agreement): how much of what the scorer
 * calls the engine's error could be disagreement between careful labellers. The second labelling is scored as the
 * engine is scored — each of its figures (required or not) is read as an extracted figure and matched against the
 * first labelling under the real-text matching rule (`real-eval.ts`) — and then the other way round. Pure: the CLI
 * (`agreement-cli.ts`) reads the files.
 *
 * Public surface: `labelAsFigure`, `compareLabellings`, `AgreementReport`.
 */
import type { ExtractedFigure } from '../types';
import { type RealArticleScore, type RealLabel, type RealLabelFigure, type RealReport, realContext, scoreRealArticle, summariseReal } from './real-eval';

/** A label as the scorer sees an extracted figure: the fields it compares; a unit-scope label naming no unit is the publisher's. */
export function labelAsFigure(l: RealLabelFigure, publisherName: string | null): ExtractedFigure {
  const scope = (l.subject?.scope ?? 'unit') as ExtractedFigure['subject']['scope'];
  const name = l.subject?.name ?? (scope === 'unit' ? publisherName ?? '' : '');
  return {
    metric: l.metric,
    value: l.value,
    total: l.total ?? null,
    upperBound: null,
    unit: (l.unit ?? 'count') as ExtractedFigure['unit'],
    kind: l.kind,
    comparator: (l.comparator ?? 'eq') as ExtractedFigure['comparator'],
    approximate: l.approximate ?? false,
    change: l.change ?? false,
    baselineYear: null,
    period: { year: l.period?.year ?? null, fromMonth: l.period?.from_month ?? null, toMonth: l.period?.to_month ?? null, label: '' },
    subject: { name, unitId: null, scope, subunitLevel: scope === 'subunits' ? l.subject?.level ?? null : null, explicit: true },
    evidence: { sentence: '', start: 0, end: 0, numberStart: 0, numberEnd: 0 },
    confidence: 1,
  };
}

export interface AgreementReport {
  /** Ids labelled by both (the only ones compared), and those only one labelling has. */
  articles: string[];
  onlyFirst: string[];
  onlySecond: string[];
  /** The second labelling scored against the first (its figures as extracted figures, the first's as labels). */
  second: RealReport;
  /** The first labelling scored against the second. */
  first: RealReport;
  /** The per-article scores behind `second` (for listing disagreements). */
  secondScores: RealArticleScore[];
  /** Among the second's figures matched to a label of the first: how many carry the same `required` flag. */
  requiredAgreement: { matched: number; same: number };
}

/** Score one labelling's figures against the other's labels, article by article. */
function scoreAgainst(readers: Map<string, RealLabel>, labellers: Map<string, RealLabel>, ids: string[]) {
  return ids.map((id) => {
    const reader = readers.get(id) as RealLabel;
    const labeller = labellers.get(id) as RealLabel;
    const publisherName = realContext(labeller).publisher?.name ?? null;
    const readerPublisher = realContext(reader).publisher?.name ?? publisherName;
    const own = reader.figures;
    const figures = own.map((l) => labelAsFigure(l, readerPublisher));
    return { own, score: scoreRealArticle(id, figures, labeller.figures, publisherName) };
  });
}

/** Compare two labellings of the articles they share. */
export function compareLabellings(first: readonly RealLabel[], second: readonly RealLabel[]): AgreementReport {
  const a = new Map(first.map((l) => [l.id, l]));
  const b = new Map(second.map((l) => [l.id, l]));
  const articles = [...a.keys()].filter((id) => b.has(id)).sort();
  const secondScored = scoreAgainst(b, a, articles);
  const firstScored = scoreAgainst(a, b, articles);
  let matched = 0;
  let same = 0;
  for (const { own, score } of secondScored) {
    score.matchedLabel.forEach((label, i) => {
      if (!label) return;
      matched++;
      if ((own[i].required !== false) === (label.required !== false)) same++;
    });
  }
  return {
    articles,
    onlyFirst: [...a.keys()].filter((id) => !b.has(id)).sort(),
    onlySecond: [...b.keys()].filter((id) => !a.has(id)).sort(),
    second: summariseReal(secondScored.map((s) => s.score)),
    secondScores: secondScored.map((s) => s.score),
    first: summariseReal(firstScored.map((s) => s.score)),
    requiredAgreement: { matched, same },
  };
}
