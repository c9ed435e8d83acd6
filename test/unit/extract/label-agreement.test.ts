/** Agreement between two labellings of the same articles, on small inline examples (no corpus needed). */
import { compareLabellings, labelAsFigure } from '../../../ingest/extract/label-agreement';
import type { RealLabel, RealLabelFigure } from '../../../ingest/extract/real-eval';

function fig(over: Partial<RealLabelFigure>): RealLabelFigure {
  return {
    metric: 'on_time_rate', value: 98.5, total: null, unit: 'percent', kind: 'actual', comparator: 'eq', change: false,
    period: { year: 2024, from_month: 1, to_month: 6 }, subject: { name: 'Quận 3', scope: 'unit', level: 'quan' }, required: true, ...over,
  };
}
function article(id: string, figures: RealLabelFigure[]): RealLabel {
  return { id, split: 'dev', publisher: { name: 'Quận 3', level: 'quan' }, figures };
}

describe('labelAsFigure', () => {
  it('keeps what the scorer compares and names the publisher when the label names no unit', () => {
    const f = labelAsFigure(fig({ subject: { name: null, scope: 'unit', level: null } }), 'Quận 3');
    expect(f.subject.name).toBe('Quận 3');
    expect(f.period).toMatchObject({ year: 2024, fromMonth: 1, toMonth: 6 });
  });
  it('carries a sub-unit level as the figure\'s sub-unit level', () => {
    expect(labelAsFigure(fig({ subject: { name: null, scope: 'subunits', level: 'phuong' } }), 'Quận 3').subject).toMatchObject({ scope: 'subunits', subunitLevel: 'phuong' });
  });
});

describe('compareLabellings', () => {
  it('two identical labellings agree fully', () => {
    const a = [article('d1', [fig({}), fig({ metric: 'dossiers_received', value: 1200, unit: 'count' })])];
    const r = compareLabellings(a, a);
    expect(r.second.core).toMatchObject({ precision: 1, recall: 1 });
    expect(r.second.subjectAccuracy).toBe(1);
    expect(r.second.periodAccuracy).toBe(1);
    expect(r.requiredAgreement).toEqual({ matched: 2, same: 2 });
  });

  it('a figure only the second labeller saw lowers its precision, one only the first saw its recall', () => {
    const a = [article('d1', [fig({}), fig({ metric: 'late_dossiers', value: 3, unit: 'count' })])];
    const b = [article('d1', [fig({}), fig({ metric: 'online_dossier_rate', value: 40 })])];
    const r = compareLabellings(a, b);
    expect(r.second.core).toMatchObject({ extracted: 2, matched: 1, required: 2, found: 1 });
    // Seen from the other side, the same disagreement.
    expect(r.first.core).toMatchObject({ extracted: 2, matched: 1, required: 2, found: 1 });
  });

  it('the same figure under another unit or other months counts as matched but disagrees on subject or period', () => {
    const a = [article('d1', [fig({})])];
    const b = [article('d1', [fig({ subject: { name: 'Phường 4', scope: 'unit', level: 'phuong' }, period: { year: 2024, from_month: 6, to_month: 6 } })])];
    const r = compareLabellings(a, b);
    expect(r.second.core.matched).toBe(1);
    expect(r.second.subjectAccuracy).toBe(0);
    expect(r.second.periodAccuracy).toBe(0);
  });

  it('a figure one labeller requires and the other files as optional is matched, and counted as a required-flag disagreement', () => {
    const a = [article('d1', [fig({})])];
    const b = [article('d1', [fig({ required: false })])];
    const r = compareLabellings(a, b);
    expect(r.second.core).toMatchObject({ extracted: 1, matched: 1, required: 1, found: 1 });
    expect(r.requiredAgreement).toEqual({ matched: 1, same: 0 });
  });

  it('compares only the articles both labelled, and says which were left out', () => {
    const a = [article('d1', [fig({})]), article('d2', [fig({})])];
    const b = [article('d1', [fig({})]), article('d9', [])];
    const r = compareLabellings(a, b);
    expect(r.articles).toEqual(['d1']);
    expect(r.onlyFirst).toEqual(['d2']);
    expect(r.onlySecond).toEqual(['d9']);
  });
});
