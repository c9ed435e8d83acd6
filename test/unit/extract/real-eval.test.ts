/** The real-text corpus scorer on small inline examples (the corpus texts are not in the repository). */
import { figuresFromText } from '../../../ingest/extract/figures';
import {
  articleBootstrap,
  hasStyle, inLabelledScope, isTableCase, parseLabelLines, periodAgrees, summariseByGroup, TABLE_STYLES, type RealLabel, type RealLabelFigure, realContext, realMatches, settleAgenciesForScoring, settleSnapshotSubjects, sameUnitName, scoreRealArticle,
  planCacheQueries, subjectAgrees, summariseReal, textsFromSearchAnswer,
} from '../../../ingest/extract/real-eval';
import type { ExtractedFigure } from '../../../ingest/types';

function figure(over: Partial<ExtractedFigure>): ExtractedFigure {
  return {
    metric: 'on_time_rate', value: 98, total: null, upperBound: null, unit: 'percent', kind: 'actual', comparator: 'eq',
    approximate: false, change: false, baselineYear: null, period: { year: 2022, fromMonth: null, toMonth: null, label: 'năm 2022' },
    subject: { name: 'Quận 3', unitId: null, scope: 'unit', subunitLevel: null, explicit: false },
    evidence: { sentence: '', start: 0, end: 0, numberStart: 0, numberEnd: 0 }, confidence: 0.9, ...over,
  };
}
function label(over: Partial<RealLabelFigure>): RealLabelFigure {
  return {
    metric: 'on_time_rate', value: 98, total: null, unit: 'percent', kind: 'actual', comparator: 'eq', change: false,
    period: { year: 2022, from_month: 1, to_month: 12 }, subject: { name: 'Quận 3', scope: 'unit', level: 'quan' }, required: true, ...over,
  };
}

describe('realMatches', () => {
  it.each<[string, Partial<ExtractedFigure>, Partial<RealLabelFigure>, boolean]>([
    ['same figure', {}, {}, true],
    ['rounding of a rate', { value: 98.04 }, {}, true],
    ['another rate', { value: 98.2 }, {}, false],
    ['rounding of a large count', { metric: 'dossiers_received', unit: 'count', value: 43_000 }, { metric: 'dossiers_received', unit: 'count', value: 43_150 }, true],
    ['a count off by more than rounding', { metric: 'dossiers_received', unit: 'count', value: 43_000 }, { metric: 'dossiers_received', unit: 'count', value: 45_000 }, false],
    ['other metric', { metric: 'satisfaction_rate' }, {}, false],
    ['other kind', { kind: 'target', comparator: 'gte' }, {}, false],
    ['a change is not a level', { change: true }, {}, false],
    ['a fall keeps its sign', { change: true, value: 12 }, { change: true, value: -12 }, false],
    ['a fall with its sign', { change: true, value: -12 }, { change: true, value: -12 }, true],
    ['total where labelled', { total: 26 }, { total: 27 }, false],
    ['comparator of a target', { kind: 'target', comparator: 'eq' }, { kind: 'target', comparator: 'gte' }, false],
    ['other year', { period: { year: 2021, fromMonth: null, toMonth: null, label: '' } }, {}, false],
    ['months are not part of the match', { period: { year: 2022, fromMonth: 1, toMonth: 9, label: '' } }, {}, true],
    ['a label without period accepts any', { period: { year: null, fromMonth: null, toMonth: null, label: '' } }, { period: null }, true],
  ])('%s', (_name, f, l, expected) => {
    expect(realMatches(figure(f), label(l))).toBe(expected);
  });
});

describe('period and subject accuracy', () => {
  it('reads null months as the whole year', () => {
    expect(periodAgrees(figure({}), label({}))).toBe(true);
    expect(periodAgrees(figure({ period: { year: 2022, fromMonth: 1, toMonth: 9, label: '' } }), label({}))).toBe(false);
    expect(periodAgrees(figure({ period: { year: 2022, fromMonth: 7, toMonth: 12, label: '' } }), label({ period: { year: 2022, from_month: 7, to_month: 12 } }))).toBe(true);
  });

  it('compares unit names without UBND, abbreviations or the level word, but keeps numbered units apart', () => {
    expect(sameUnitName('UBND quận Bình Thạnh', 'Bình Thạnh')).toBe(true);
    expect(sameUnitName('TP. Huế', 'Thành phố Huế')).toBe(true);
    expect(sameUnitName('Phường 4', 'Quận 4')).toBe(false);
    // "Ủy ban nhân dân" inside a name is its abbreviation "UBND" (stop 40, d113).
    expect(sameUnitName('Văn phòng Ủy ban nhân dân tỉnh Kiên Giang', 'Văn phòng UBND tỉnh Kiên Giang')).toBe(true);
    expect(sameUnitName('Văn phòng Ủy ban nhân dân tỉnh Kiên Giang', 'Văn phòng UBND tỉnh An Giang')).toBe(false);
    // A parent named to locate a unit, on one side only.
    expect(sameUnitName('phường IV', 'Phường IV, thành phố Tây Ninh')).toBe(true);
    expect(sameUnitName('UBND phường Mỹ Long (thành phố Long Xuyên)', 'Phường Mỹ Long')).toBe(true);
    expect(sameUnitName('Phường 4, Quận 3', 'Phường 4, Quận 5')).toBe(false);
    expect(sameUnitName('Phường 4, Quận 3', 'Phường 5')).toBe(false);
    // The gazetteer writes numbered wards with a leading zero ("Phường 04"); texts and labels do not.
    expect(sameUnitName('Phường 04', 'Phường 4, Quận 3')).toBe(true);
    expect(sameUnitName('Phường 04', 'Phường 4')).toBe(true);
    expect(sameUnitName('Phường 04', 'Phường 14')).toBe(false);
    expect(sameUnitName('Phường 10', 'Phường 1')).toBe(false);
    expect(sameUnitName('Huyện Lập Thạch', 'Huyện Sông Lô')).toBe(false);
    // An agency of a province, with or without the level word before the province's name.
    expect(sameUnitName('Sở Tư pháp Bến Tre', 'Sở Tư pháp tỉnh Bến Tre')).toBe(true);
    expect(sameUnitName('Công an tỉnh Bến Tre', 'Công an Bến Tre')).toBe(true);
    expect(sameUnitName('Sở Tư pháp Bến Tre', 'Sở Tư pháp tỉnh Trà Vinh')).toBe(false);
    // A label that names a province's agency by its level word alone ("Thanh tra tỉnh") on that province's page.
    expect(sameUnitName('Thanh tra tỉnh Thừa Thiên Huế', 'Thanh tra tỉnh')).toBe(true);
    expect(sameUnitName('Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh Bến Tre')).toBe(true);
    expect(sameUnitName('Thanh tra tỉnh', 'Thanh tra huyện Gò Dầu')).toBe(false);
    expect(sameUnitName('Sở Tư pháp Bến Tre', 'Sở Xây dựng tỉnh Bến Tre')).toBe(false);
    // Boards, the inspectorate, branches of central agencies; an agency named without its province.
    expect(sameUnitName('Ban Quản lý các khu công nghiệp và chế xuất thành phố Hà Nội', 'Ban Quản lý các khu công nghiệp và chế xuất Hà Nội')).toBe(true);
    expect(sameUnitName('Ngân hàng Nhà nước tỉnh Vĩnh Phúc', 'Ngân hàng Nhà nước chi nhánh tỉnh Vĩnh Phúc')).toBe(true);
    expect(sameUnitName('Ban Quản lý Khu kinh tế Nghi Sơn tỉnh Thanh Hóa', 'Ban Quản lý Khu kinh tế Nghi Sơn')).toBe(true);
    expect(sameUnitName('Thanh tra tỉnh Tiền Giang', 'Thanh tra tỉnh Bến Tre')).toBe(false);
    expect(sameUnitName('Ban Dân tộc tỉnh Thanh Hóa', 'Ban Quản lý Khu kinh tế tỉnh Thanh Hóa')).toBe(false);
    // Ho Chi Minh City's abbreviations inside a name, not only at its start (an agency or centre of the city).
    expect(sameUnitName('Trung tâm Phục vụ Hành chính công TP.HCM', 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh')).toBe(true);
    expect(sameUnitName('Trung tâm Phục vụ hành chính công tỉnh Thành phố Hồ Chí Minh', 'Trung tâm Phục vụ Hành chính công TP. HCM')).toBe(true);
    expect(sameUnitName('Sở Tư pháp TPHCM', 'Sở Tư pháp Thành phố Hồ Chí Minh')).toBe(true);
    // One centre per province or centrally run city, with or without its level word (stop 38).
    expect(sameUnitName('Trung tâm Phục vụ hành chính công thành phố Hà Nội', 'Trung tâm Phục vụ hành chính công Hà Nội')).toBe(true);
    expect(sameUnitName('Trung tâm Phục vụ hành chính công thành phố Hà Nội', 'Trung tâm Hành chính công tỉnh Hà Nam')).toBe(false);
    expect(sameUnitName('TP.HCM', 'Hà Nội')).toBe(false);
  });

  it('needs the same scope, and the level for sub-units', () => {
    const wards = figure({ subject: { name: 'xã thuộc Quận 3', unitId: null, scope: 'subunits', subunitLevel: 'xa', explicit: true } });
    expect(subjectAgrees(wards, label({ subject: { name: null, scope: 'subunits', level: 'phuong' } }), 'Quận 3')).toBe(true);
    expect(subjectAgrees(wards, label({ subject: { name: null, scope: 'subunits', level: 'huyen' } }), 'Quận 3')).toBe(false);
    expect(subjectAgrees(wards, label({}), 'Quận 3')).toBe(false);
    expect(subjectAgrees(figure({}), label({ subject: null }), 'Quận 3')).toBe(true);
    // The country's aggregate, written either way: the unit "Việt Nam" or the whole country's area ("Cả nước").
    const country = figure({ subject: { name: 'Việt Nam', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    expect(subjectAgrees(country, label({ subject: { name: 'Cả nước', scope: 'province_wide', level: 'quoc_gia' } }), null)).toBe(true);
    expect(subjectAgrees(country, label({ subject: { name: 'Việt Nam', scope: 'unit', level: 'quoc_gia' } }), null)).toBe(true);
    expect(subjectAgrees(figure({}), label({ subject: { name: 'Cả nước', scope: 'province_wide', level: 'quoc_gia' } }), 'Hà Nội')).toBe(false);
    expect(subjectAgrees(country, label({ subject: { name: 'Đồng Nai', scope: 'province_wide', level: 'tinh' } }), null)).toBe(false);
    const province = figure({ subject: { name: 'toàn tỉnh', unitId: null, scope: 'province_wide', subunitLevel: null, explicit: true } });
    expect(subjectAgrees(province, label({ subject: { name: 'Đồng Nai', scope: 'province_wide', level: 'tinh' } }), null)).toBe(true);
    // The ministries as a group, written either way: the country's sub-units at ministry level or its "departments"
    // at ministry level (the labelling brief's notation). A province's departments are not the ministries.
    const ministries = figure({ subject: { name: 'các bộ, cơ quan ngang bộ', unitId: null, scope: 'subunits', subunitLevel: 'bo', explicit: true } });
    expect(subjectAgrees(ministries, label({ subject: { name: 'Việt Nam', scope: 'departments', level: 'bo' } }), null)).toBe(true);
    expect(subjectAgrees(ministries, label({ subject: { name: 'Hà Nội', scope: 'departments', level: 'so' } }), null)).toBe(false);
    const departments = figure({ subject: { name: 'các sở, ngành Hà Nội', unitId: null, scope: 'departments', subunitLevel: 'so', explicit: true } });
    expect(subjectAgrees(departments, label({ subject: { name: 'Việt Nam', scope: 'subunits', level: 'bo' } }), null)).toBe(false);
  });

  it('takes a unit\'s whole-area total and the unit itself as one subject, as compare serves them, unless asked to be strict', () => {
    // "Toàn tỉnh tiếp nhận 1,2 triệu hồ sơ" on Đồng Nai's page: the engine reads the province's whole area, a label
    // may file it as the province; both reach compare as the province's figure (src/modules/figure/figure-sql.ts).
    const wide = figure({ subject: { name: 'toàn tỉnh Đồng Nai', unitId: null, scope: 'province_wide', subunitLevel: null, explicit: true } });
    const asUnit = label({ subject: { name: 'Tỉnh Đồng Nai', scope: 'unit', level: 'tinh' } });
    expect(subjectAgrees(wide, asUnit, null)).toBe(true);
    expect(subjectAgrees(wide, asUnit, null, { strictScope: true })).toBe(false);
    expect(subjectAgrees(wide, label({ subject: { name: 'Tỉnh Bình Dương', scope: 'unit', level: 'tinh' } }), null)).toBe(false);
    // No name on the label: the publisher's.
    expect(subjectAgrees(wide, label({ subject: { name: null, scope: 'unit', level: null } }), 'Tỉnh Đồng Nai')).toBe(true);
    expect(subjectAgrees(wide, label({ subject: { name: null, scope: 'unit', level: null } }), 'Huyện Định Quán')).toBe(false);
    // The other way: the engine names the district, the label files its whole area ("toàn huyện").
    const district = figure({ subject: { name: 'Huyện Đắk Glong', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    expect(subjectAgrees(district, label({ subject: { name: 'Huyện Đắk Glong', scope: 'province_wide', level: 'huyen' } }), null)).toBe(true);
    expect(subjectAgrees(district, label({ subject: { name: 'Huyện Đắk Glong', scope: 'province_wide', level: 'huyen' } }), null, { strictScope: true })).toBe(false);
    expect(subjectAgrees(district, label({ subject: { name: 'Huyện Đắk Song', scope: 'province_wide', level: 'huyen' } }), null)).toBe(false);
    // Its wards and its departments are never the unit's own figure.
    const departments = figure({ subject: { name: 'các sở, ngành Đồng Nai', unitId: null, scope: 'departments', subunitLevel: 'so', explicit: true } });
    expect(subjectAgrees(departments, asUnit, null)).toBe(false);
    expect(subjectAgrees(wide, label({ subject: { name: null, scope: 'subunits', level: 'huyen' } }), 'Tỉnh Đồng Nai')).toBe(false);
  });
});

describe('scoring articles', () => {
  it('does not count optional labels as misses, nor figures matching them as false', () => {
    const s = scoreRealArticle('d1', [figure({}), figure({ value: 50 }), figure({ value: 7 })], [label({}), label({ value: 50, required: false }), label({ value: 60 })], 'Quận 3');
    expect(s.required).toBe(2);
    expect(s.missed.map((l) => l.value)).toEqual([60]);
    expect(s.matchedLabel.map((l) => l?.value ?? null)).toEqual([98, 50, null]);
    const r = summariseReal([s]);
    expect(r.all).toMatchObject({ extracted: 3, matched: 2, required: 2, found: 1 });
    expect(r.all.precision).toBeCloseTo(2 / 3);
    expect(r.all.recall).toBeCloseTo(1 / 2);
  });

  it('reports subject accuracy as served and with strict scopes', () => {
    const wide = figure({ subject: { name: 'toàn tỉnh Đồng Nai', unitId: null, scope: 'province_wide', subunitLevel: null, explicit: true } });
    const s = scoreRealArticle('d1', [wide, figure({ value: 50 })], [label({ subject: { name: 'Đồng Nai', scope: 'unit', level: 'tinh' } }), label({ value: 50 })], 'Tỉnh Đồng Nai');
    const r = summariseReal([s]);
    expect(r.subjectAccuracy).toBe(1);
    expect(r.subjectAccuracyStrict).toBe(0.5);
  });

  it('reports subject accuracy among matched core figures apart, where an other figure\'s subject does not count', () => {
    const otherWrong = figure({ metric: 'other', value: 5, unit: 'count', subject: { name: 'Phường 4', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const s = scoreRealArticle('d3', [figure({}), otherWrong], [label({}), label({ metric: 'other', value: 5, unit: 'count', required: false })], 'Quận 3');
    const r = summariseReal([s]);
    expect(r.subjectAccuracy).toBe(0.5);
    expect(r.subjectAccuracyCore).toBe(1);
    expect(r.matchedCoreForAccuracy).toBe(1);
  });

  it('reports per metric, core metrics without other, accuracy among matched, calibration and thresholds', () => {
    const figs = [
      figure({ confidence: 0.95 }),
      figure({ metric: 'satisfaction_rate', value: 91, confidence: 0.45, subject: { name: 'Phường 4', unitId: '77', scope: 'unit', subunitLevel: null, explicit: true } }),
      figure({ metric: 'other', value: 5, unit: 'count', confidence: 0.3 }),
    ];
    const labels = [label({}), label({ metric: 'satisfaction_rate', value: 91 }), label({ metric: 'late_dossiers', value: 0, unit: 'count' })];
    const r = summariseReal([scoreRealArticle('d2', figs, labels, 'Quận 3')]);
    expect(r.core).toMatchObject({ extracted: 2, matched: 2, required: 3, found: 2 });
    expect(r.all).toMatchObject({ extracted: 3, matched: 2 });
    expect(r.perMetric.find((m) => m.metric === 'late_dossiers')).toMatchObject({ extracted: 0, required: 1, found: 0, recall: 0 });
    expect(r.subjectAccuracy).toBeCloseTo(1 / 2);
    expect(r.periodAccuracy).toBe(1);
    expect(r.calibration.map((b) => [b.from, b.figures, b.correct])).toEqual([[0.3, 1, 0], [0.4, 1, 1], [0.9, 1, 1]]);
    const at05 = r.thresholds.find((t) => t.threshold === 0.5);
    expect(at05).toMatchObject({ extracted: 1, matched: 1, found: 1, precision: 1 });
    expect(at05?.recall).toBeCloseTo(1 / 3);
    // Right with its subject too: of the two core figures served at 0.4, the satisfaction rate names the wrong unit.
    expect(summariseReal([scoreRealArticle('d2', figs, labels, 'Quận 3')], 0.4).servedWithSubject)
      .toEqual({ threshold: 0.4, served: 2, right: 1, precision: 0.5 });
    expect(r.servedWithSubject).toBeNull();
  });

  it('counts as served what ingestion stores as AUTO: a named unit the gazetteer did not resolve waits for review (stop 30)', () => {
    const agency = { name: 'Sở Tư pháp', unitId: null, scope: 'unit' as const, subunitLevel: null, explicit: true };
    const ward = { name: 'Phường 4', unitId: '6329', scope: 'unit' as const, subunitLevel: null, explicit: true };
    const figs = [figure({ confidence: 0.95 }), figure({ value: 97, confidence: 0.95, subject: agency }), figure({ value: 96, confidence: 0.95, subject: ward })];
    const labels = [label({}), label({ value: 97, subject: { name: 'Sở Tư pháp', scope: 'unit', level: 'so' } }), label({ value: 96, subject: { name: 'Phường 4', scope: 'unit', level: 'phuong' } })];
    const r = summariseReal([scoreRealArticle('d3', figs, labels, 'Quận 3')], 0.9);
    expect(r.servedWithSubject).toEqual({ threshold: 0.9, served: 2, right: 2, precision: 1 });
    expect(r.heldUnresolved).toEqual({ figures: 1, right: 1 });
    // The threshold table is the confidence model's alone.
    expect(r.thresholds.find((t) => t.threshold === 0.9)).toMatchObject({ extracted: 3 });
  });

  it('scores the engine end to end on a tiny labelled article', () => {
    const article: RealLabel = {
      id: 'd9', split: 'dev', published: '2023-07', title: null, publisher: { name: 'Quận 3', level: 'quan' },
      figures: [label({ value: 99.5, period: { year: 2023, from_month: 1, to_month: 6 } }), label({ metric: 'dossiers_received', unit: 'count', value: 12_400, period: { year: 2023, from_month: 1, to_month: 6 } })],
    };
    const ctx = realContext(article);
    expect(ctx.publishedAt?.toISOString()).toBe('2023-07-01T05:00:00.000Z');
    const text = 'Trong 6 tháng đầu năm 2023, Quận 3 tiếp nhận 12.400 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 99,5%.';
    const s = scoreRealArticle(article.id, figuresFromText(text, ctx).figures, article.figures, ctx.publisher?.name ?? null);
    const r = summariseReal([s]);
    expect(r.all).toMatchObject({ extracted: 2, matched: 2, required: 2, found: 2 });
    expect(r.subjectAccuracy).toBe(1);
    expect(r.periodAccuracy).toBe(1);
  });
});

describe('realContext: the gazetteer ingestion resolves with (stop 30)', () => {
  it('resolves a newspaper article\'s districts in its province, as of the publication date', () => {
    const ctx = realContext({ id: 'd1', split: 'dev', published: '2020-01', figures: [], publisher: { name: 'Báo Đồng Nai', level: 'newspaper', province: 'Đồng Nai' } } as RealLabel);
    expect(ctx.publisher).toMatchObject({ name: 'Tỉnh Đồng Nai', level: 'tinh' });
    expect(ctx.publisher?.id).toMatch(/^\d+$/);
    expect(ctx.resolver?.resolve('huyện Định Quán', ctx.publisher, ctx.publishedAt)).toMatchObject({ name: 'Huyện Định Quán' });
    const { figures } = figuresFromText('Năm 2019, Sở Tư pháp tỉnh Đồng Nai tiếp nhận 1.200 hồ sơ.\n\nNăm 2019, huyện Định Quán giải quyết đúng hạn 98,5% hồ sơ.', ctx);
    expect(figures.map((f) => [f.value, f.subject.name, f.subject.unitId !== null && /^\d+$/.test(f.subject.unitId)]))
      .toEqual([[1200, expect.stringMatching(/^Sở Tư pháp/), false], [98.5, 'Huyện Định Quán', true]]);
  });
  it('keeps the label\'s publisher, without a resolver, when the gazetteer cannot place it', () => {
    const ctx = realContext({ id: 'd1', split: 'dev', published: '2020-01', figures: [], publisher: { name: 'Báo Nhân Dân', level: 'newspaper', province: null } } as unknown as RealLabel);
    expect(ctx.publisher).toBeNull();
    expect(ctx.resolver).toBeUndefined();
  });
});

describe('settleAgenciesForScoring: agencies of the publisher\'s province, as the store files them (stop 30)', () => {
  it('serves a department\'s figure of the paper\'s province and holds another province\'s', () => {
    const article = { id: 'd1', split: 'dev', published: '2024-01', figures: [], publisher: { name: 'Báo Đồng Nai', level: 'newspaper', province: 'Đồng Nai' } } as unknown as RealLabel;
    const own = figure({ confidence: 0.95, subject: { name: 'Sở Tư pháp Đồng Nai', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const other = figure({ value: 97, confidence: 0.95, subject: { name: 'Sở Tư pháp Quảng Ninh', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const again = figure({ value: 96, confidence: 0.95, subject: { name: 'Sở Tư pháp tỉnh Đồng Nai', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    settleAgenciesForScoring([own, other, again], article);
    expect(own.subject.unitId).toMatch(/^\d+$/);
    expect(again.subject.unitId).toBe(own.subject.unitId);
    expect(other.subject.unitId).toBeNull();
  });
});

describe('settleSnapshotSubjects: a snapshot read without a resolver, filed as the store would file it (stop 30)', () => {
  it('resolves named units and the publisher\'s placeholder, files agencies, and leaves the country unresolved', () => {
    const article = { id: 'd1', split: 'dev', published: '2020-01', figures: [], publisher: { name: 'Báo Đồng Nai', level: 'newspaper', province: 'Đồng Nai' } } as unknown as RealLabel;
    const named = (name: string, unitId: string | null = null) => figure({ subject: { name, unitId, scope: 'unit', subunitLevel: null, explicit: true } });
    const figs = [named('huyện Định Quán', 'lead:huyện Định Quán'), named('Tỉnh Đồng Nai', 'label:Đồng Nai'), named('Sở Tư pháp Đồng Nai'), named('Việt Nam')];
    settleSnapshotSubjects(figs, article);
    expect(figs.map((f) => /^\d+$/.test(f.subject.unitId ?? ''))).toEqual([true, true, true, false]);
    expect(figs[1].subject.unitId).toBe(realContext(article).publisher?.id);
  });
});

describe('realContext: the publisher a source would be registered with', () => {
  const ctxOf = (name: string, level: string): string | null => realContext({ id: 'd1', split: 'dev', figures: [], publisher: { name, level } } as RealLabel).publisher?.name ?? null;
  it.each<[string, string, string]>([
    ['Cổng thông tin điện tử xã Trần Phú, Hà Nội (tranphu.hanoi.gov.vn)', 'xa', 'Xã Trần Phú'],
    ['Cổng Thông tin điện tử tỉnh Hà Nam', 'tinh', 'Tỉnh Hà Nam'],
    ['Cổng thông tin điện tử huyện Vĩnh Thuận', 'huyen', 'Huyện Vĩnh Thuận'],
    ['Huyện ủy Tuy Phong (Cổng thông tin Đảng bộ huyện Tuy Phong)', 'huyen', 'Huyện Tuy Phong'],
    ['Đảng bộ thành phố Móng Cái', 'thanh_pho', 'Thành phố Móng Cái'],
    ['Cổng thông tin điện tử Tỉnh ủy Thừa Thiên Huế', 'tinh', 'Tỉnh Thừa Thiên Huế'],
    ['UBND Quận 3 (Cổng thông tin điện tử Quận 3)', 'quan', 'Quận 3'],
    ['UBND xã Vĩnh Long (huyện Vĩnh Linh)', 'xa', 'Xã Vĩnh Long'],
    ['Tỉnh Bà Rịa - Vũng Tàu (Cổng DDCI)', 'tinh', 'Tỉnh Bà Rịa - Vũng Tàu'],
    // A department, ministry or agency keeps its name; only the bracketed address goes.
    ['Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp (dongthap.gov.vn/web/svhttdl)', 'so', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp'],
    ['Bộ Xây dựng (moc.gov.vn)', 'bo', 'Bộ Xây dựng'],
    // Nothing of the publisher's level in the name: it stays as written, without the bracket.
    ['Cổng thông tin DDCI Lào Cai (Báo Lào Cai)', 'tinh', 'Cổng thông tin DDCI Lào Cai'],
    ['Quận 3', 'quan', 'Quận 3'],
  ])('%s (%s) → %s', (name, level, expected) => {
    expect(ctxOf(name, level)).toBe(expected);
  });
  it.each<[string, string]>([['Đồng Nai', 'Tỉnh Đồng Nai'], ['Hà Nội', 'Thành phố Hà Nội'], ['Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh']])('a newspaper of %s is registered with %s', (province, expected) => {
    expect(realContext({ id: 'd1', split: 'dev', figures: [], publisher: { name: 'Báo X', level: 'newspaper', province } } as RealLabel).publisher).toMatchObject({ name: expected, level: 'tinh' });
  });
  it.each<[string, string, string]>([
    ['Trang tin phường Nghĩa Đô quận Cầu Giấy', 'phuong', 'Phường Nghĩa Đô'],
  ])('%s (%s) → %s', (name, level, expected) => {
    expect(ctxOf(name, level)).toBe(expected);
  });
});

describe('parseLabelLines', () => {
  it('keeps good lines and names the bad ones', () => {
    const { labels, errors } = parseLabelLines(['{"id":"d1","split":"dev","figures":[]}', '', '{"id":"d2"', '{"split":"dev","figures":[]}'].join('\n'));
    expect(labels.map((l) => l.id)).toEqual(['d1']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^line 3:/);
    expect(errors[1]).toMatch(/^line 4: needs an id/);
  });
});

describe('table and attachment cases', () => {
  it('credits near-equal table values to the label about the same row, not crosswise', () => {
    const a = figure({ metric: 'par_index_score', unit: 'score', value: 83.226, subject: { name: 'Sở Xây dựng', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const b = figure({ metric: 'par_index_score', unit: 'score', value: 83.218, subject: { name: 'Sở Nội vụ', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const la = label({ metric: 'par_index_score', unit: 'score', value: 83.218, subject: { name: 'Sở Nội vụ', scope: 'unit', level: 'so' } });
    const lb = label({ metric: 'par_index_score', unit: 'score', value: 83.226, subject: { name: 'Sở Xây dựng', scope: 'unit', level: 'so' } });
    const s = scoreRealArticle('x', [a, b], [lb, la], 'Tỉnh A');
    expect(s.matchedLabel).toEqual([lb, la]);
    expect(summariseReal([s]).subjectAccuracy).toBe(1);
  });

  it('never matches fewer labels to prefer subjects', () => {
    const f = figure({ subject: { name: 'Quận 5', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const s = scoreRealArticle('x', [f], [label({})], 'Quận 3');
    expect(s.missed).toEqual([]);
  });

  it('tells table and attachment cases by style, and leaves rows outside a partly labelled table unscored', () => {
    expect(isTableCase({ style: ['portal-news', 'flattened-table'] })).toBe(true);
    expect(isTableCase({ style: ['attachment'] })).toBe(true);
    expect(isTableCase({ style: ['ranking'] })).toBe(false);
    expect(hasStyle({ style: undefined }, TABLE_STYLES)).toBe(false);
    const cell = { tableIndex: 1, caption: null, rowLabel: 'UBND Phường 9', columnHeader: 'Điểm', page: null, row: 9, column: 2 };
    const row9 = figure({ subject: { name: 'Phường 9', unitId: null, scope: 'unit', subunitLevel: null, explicit: true }, cell });
    const row2 = figure({ subject: { name: 'Phường 2', unitId: null, scope: 'unit', subunitLevel: null, explicit: true }, cell });
    const total = figure({ subject: { name: 'Quận 3', unitId: null, scope: 'unit', subunitLevel: null, explicit: true }, cell });
    const prose = figure({ subject: { name: 'Phường 9', unitId: null, scope: 'unit', subunitLevel: null, explicit: true } });
    const scope = { scope: { subjects: ['Phường 2'] } };
    expect([row9, row2, total, prose].map((f) => inLabelledScope(f, scope, 'Quận 3'))).toEqual([false, true, true, true]);
    expect(inLabelledScope(row9, {}, 'Quận 3')).toBe(true);
  });

  it('summarises groups of articles apart', () => {
    const hit = scoreRealArticle('a', [figure({})], [label({})], 'Quận 3');
    const miss = scoreRealArticle('b', [], [label({})], 'Quận 3');
    const groups = summariseByGroup([hit, miss], (id) => (id === 'a' ? ['prose'] : ['tables+attachments', 'table']));
    expect(groups.map((g) => [g.group, g.articles, g.core.found, g.core.required])).toEqual([
      ['prose', 1, 1, 1], ['tables+attachments', 1, 0, 1], ['table', 1, 0, 1],
    ]);
  });
});

describe('refilling the cache from a saved search answer', () => {
  it('takes the excerpt of the result with the label\'s URL, for labels with the answer\'s exact query', () => {
    const labels = [
      { id: 'd1', split: 'dev', url: 'https://a.example/x', query: 'bảng xếp hạng', figures: [] },
      { id: 'd2', split: 'dev', url: 'https://a.example/y', query: 'bảng xếp hạng', figures: [] },
      { id: 'd3', split: 'dev', url: 'https://a.example/x', query: 'another query', figures: [] },
    ];
    const answer = { query: 'bảng xếp hạng', results: [{ url: 'https://a.example/x', excerpt: 'STT\nĐơn vị\n  Điểm  ' }, { url: 'https://b.example', excerpt: 'other' }] };
    expect([...textsFromSearchAnswer(labels, answer)]).toEqual([['d1', 'STT\nĐơn vị\n  Điểm  ']]);
  });

  it('plans the look-ups of a rebuild: missing texts only, one per query, test first, then by required core labels', () => {
    const fig = (metric: string, required = true): RealLabelFigure => ({ metric, value: 1, kind: 'actual', period: null, required });
    const labels: RealLabel[] = [
      { id: 'd1', split: 'dev', url: 'https://a.example/1', query: 'q small', figures: [fig('on_time_rate')] },
      { id: 'd2', split: 'dev', url: 'https://a.example/2', query: 'q big', figures: [fig('on_time_rate'), fig('dossiers_received'), fig('other')] },
      { id: 'd3', split: 'dev', url: 'https://a.example/3', query: 'q big', figures: [fig('late_dossiers'), fig('on_time_rate', false)] },
      { id: 't1', split: 'test', url: 'https://a.example/4', query: 'q test', figures: [] },
      { id: 'd4', split: 'dev', url: 'https://a.example/5', query: 'q cached', figures: [fig('on_time_rate'), fig('on_time_rate')] },
      { id: 'd5', split: 'dev', url: 'https://a.example/6', query: 'q lost', figures: [fig('on_time_rate'), fig('on_time_rate'), fig('on_time_rate'), fig('late_dossiers')] },
      { id: 'd6', split: 'dev', query: 'q no url', figures: [fig('on_time_rate')] },
    ];
    const plan = planCacheQueries(labels, new Set(['d4']), Infinity, new Set(['d5']));
    expect(plan.map((q) => [q.query, q.ids, q.weight])).toEqual([['q test', ['t1'], 0], ['q big', ['d2', 'd3'], 3], ['q small', ['d1'], 1]]);
    expect(plan[1].urls).toEqual(['https://a.example/2', 'https://a.example/3']);
    expect(planCacheQueries(labels, new Set(), 2).map((q) => q.query)).toEqual(['q test', 'q lost']);
  });
});

describe('intervals by resampling articles', () => {
  // Article k: two figures, both right when k is even, both false when odd (figures of one article err together).
  const article = (k: number, right: boolean) =>
    scoreRealArticle(`a${k}`, [figure({ value: 10 + k }), figure({ value: 50 + k })], right ? [label({ value: 10 + k }), label({ value: 50 + k })] : [label({ value: 999 })], 'Quận 3');
  const scores = (n: number) => Array.from({ length: n }, (_, k) => article(k, k % 2 === 0));
  const coreP = (r: ReturnType<typeof summariseReal>) => ({ coreP: r.core.precision });

  it('is deterministic, holds the point estimate, and narrows as articles are added', () => {
    const small = articleBootstrap(scores(10), coreP);
    expect(articleBootstrap(scores(10), coreP)).toEqual(small);
    expect(summariseReal(scores(10)).core.precision).toBeCloseTo(0.5);
    const [lo, hi] = small.coreP;
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    const [lo2, hi2] = articleBootstrap(scores(200), coreP).coreP;
    expect(hi2 - lo2).toBeLessThan((hi - lo) / 2);
    expect(lo2).toBeLessThan(0.5);
    expect(hi2).toBeGreaterThan(0.5);
  });

  it('is as wide as the articles disagree, not as the figures are many', () => {
    // All right: nothing to resample into a different answer.
    expect(articleBootstrap(Array.from({ length: 20 }, (_, k) => article(k, true)), coreP).coreP).toEqual([1, 1]);
    // 20 articles of 2 figures: clustered, so wider than figures drawn one by one would make it (±0.15 for 40 figures).
    const [lo, hi] = articleBootstrap(scores(20), coreP).coreP;
    expect(hi - lo).toBeGreaterThan(0.3);
  });
});
