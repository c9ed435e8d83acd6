/** The scorer: the matching rule, one-to-one matching, required vs optional labels. */
import { figureMatchesLabel, type LabelFigure, scoreArticle, sumScores } from '../../../ingest/extract/evaluate';
import type { ExtractedFigure } from '../../../ingest/types';

function figure(over: Partial<ExtractedFigure>): ExtractedFigure {
  return {
    metric: 'on_time_rate', value: 98, total: null, upperBound: null, unit: 'percent', kind: 'actual', comparator: 'eq',
    approximate: false, change: false, baselineYear: null, period: { year: 2022, fromMonth: null, toMonth: null, label: 'năm 2022' },
    subject: { name: 'X', unitId: null, scope: 'unit', subunitLevel: null, explicit: false },
    evidence: { sentence: '', start: 0, end: 0, numberStart: 0, numberEnd: 0 }, confidence: 0.9, ...over,
  };
}
function label(over: Partial<LabelFigure>): LabelFigure {
  return { metric: 'on_time_rate', value: 98, total: null, kind: 'actual', comparator: 'eq', period: { year: 2022 }, required: true, ...over };
}

describe('figureMatchesLabel', () => {
  it.each<[string, Partial<ExtractedFigure>, Partial<LabelFigure>, boolean]>([
    ['same figure', {}, {}, true],
    ['value within 0.05', { value: 99.9 }, { value: 99.86 }, true],
    ['value off by 0.1', { value: 99.9 }, { value: 99.8 }, false],
    ['other metric', { metric: 'satisfaction_rate' }, {}, false],
    ['other kind', { kind: 'target' }, {}, false],
    ['other year', { period: { year: 2021, fromMonth: null, toMonth: null, label: '' } }, {}, false],
    ['months are not compared', { period: { year: 2022, fromMonth: 1, toMonth: 9, label: '' } }, {}, true],
    ['total where labelled', { total: 8 }, { total: 9 }, false],
    ['no total in the label', { total: 8 }, { total: null }, true],
    ['comparator of a target', { kind: 'target', comparator: 'gt' }, { kind: 'target', comparator: 'gte' }, false],
    ['comparator of an actual is free', { comparator: 'gt' }, { comparator: 'eq' }, true],
    ['change when labelled', { change: false }, { change: true }, false],
    ['baseline when labelled', { change: true, baselineYear: 2020 }, { change: true, baseline_year: 2021 }, false],
    ['approximate when labelled', { approximate: false }, { approximate: true }, false],
    ['upper bound when labelled', { upperBound: 30 }, { upper_bound: 30 }, true],
  ])('%s', (_name, f, l, expected) => {
    expect(figureMatchesLabel(figure(f), label(l))).toBe(expected);
  });
});

describe('scoreArticle', () => {
  it('matches one figure to at most one label and counts extras against precision', () => {
    const score = scoreArticle('a', [figure({}), figure({}), figure({ metric: 'initiatives', unit: 'count', value: 3 })], [label({}), label({})]);
    expect(score).toMatchObject({ extracted: 3, matched: 2, required: 2, requiredFound: 2, recall: 1 });
    expect(score.precision).toBeCloseTo(2 / 3);
  });

  it('lets optional labels absorb figures without needing them', () => {
    const score = scoreArticle('a', [figure({ value: 50 })], [label({}), label({ value: 50, required: false })]);
    expect(score).toMatchObject({ matched: 1, required: 1, requiredFound: 0, precision: 1, recall: 0 });
  });

  it('prefers the assignment that finds every required label', () => {
    // The first figure fits both labels; a greedy matcher would take the wrong one.
    const figs = [figure({ approximate: true }), figure({ approximate: false })];
    const labels = [label({}), label({ approximate: false })];
    expect(scoreArticle('a', figs, labels).requiredFound).toBe(2);
  });

  it('sums micro-averaged totals', () => {
    const a = scoreArticle('a', [figure({})], [label({})]);
    const b = scoreArticle('b', [figure({ value: 1 })], [label({})]);
    expect(sumScores([a, b])).toMatchObject({ extracted: 2, matched: 1, required: 2, requiredFound: 1, precision: 0.5, recall: 0.5 });
  });
});
