/** What ingestion stores as AUTO and the real-text scorer counts as served: one rule, ingest/extract/serving.ts. */
import { heldWhateverConfidence, REVIEW_THRESHOLD, servedByDefault, unresolvedNamedSubject } from '../../../ingest/extract/serving';
import type { FigureSubject } from '../../../ingest/types';

const subject = (s: Partial<FigureSubject>): FigureSubject => ({ name: 'Huyện A', unitId: null, scope: 'unit', subunitLevel: null, explicit: false, ...s });

describe('servedByDefault', () => {
  it('serves a figure at or above the threshold about the publisher', () => {
    expect(servedByDefault({ confidence: REVIEW_THRESHOLD, subject: subject({ unitId: '12' }) })).toBe(true);
    expect(servedByDefault({ confidence: REVIEW_THRESHOLD - 0.001, subject: subject({ unitId: '12' }) })).toBe(false);
  });
  it('holds a named unit the gazetteer did not resolve, whatever its confidence', () => {
    const agency = subject({ name: 'Sở Tư pháp', explicit: true });
    expect(unresolvedNamedSubject(agency)).toBe(true);
    expect(servedByDefault({ confidence: 0.99, subject: agency })).toBe(false);
    // A placeholder id (a test context's, a label's) is no gazetteer id.
    expect(unresolvedNamedSubject(subject({ explicit: true, unitId: 'label:Huyện A' }))).toBe(true);
    expect(servedByDefault({ confidence: 0.99, subject: subject({ explicit: true, unitId: '532' }) })).toBe(true);
  });
  it('holds a subject the engine gave a placeholder id, named or not: the article\'s department from its title, an unresolved lead unit (stop 30)', () => {
    expect(unresolvedNamedSubject(subject({ name: 'Sở Tư pháp Lai Châu', unitId: 'title:Sở Tư pháp Lai Châu' }))).toBe(true);
    expect(unresolvedNamedSubject(subject({ name: 'huyện Đăk Glây', unitId: 'lead:huyện Đăk Glây' }))).toBe(true);
    // The publisher by default: no id but its own, or none at all (a context without a publisher).
    expect(unresolvedNamedSubject(subject({ unitId: '12' }))).toBe(false);
    expect(unresolvedNamedSubject(subject({ unitId: null }))).toBe(false);
  });

  it('holds a figure with no year, whatever its confidence: no comparison or time series can place it (stop 31)', () => {
    const district = subject({ name: 'Quận Sơn Trà', explicit: true, unitId: '490' });
    const period = (year: number | null) => ({ year, fromMonth: null, toMonth: null, label: '' });
    expect(servedByDefault({ confidence: 0.99, subject: district, period: period(2009) })).toBe(true);
    expect(servedByDefault({ confidence: 0.99, subject: district, period: period(null) })).toBe(false);
    expect(heldWhateverConfidence({ subject: district, period: period(null) })).toBe(true);
    expect(heldWhateverConfidence({ subject: district, period: period(2009) })).toBe(false);
  });

  it('does not hold sub-unit, whole-area or department scopes for want of an id (they are stored under their unit)', () => {
    for (const scope of ['subunits', 'province_wide', 'departments'] as const) {
      expect(unresolvedNamedSubject(subject({ scope, explicit: true }))).toBe(false);
    }
  });
});
