/**
 * A unit's whole-area total ("toàn thành phố", "toàn tỉnh", "toàn huyện": every tier of the unit together, stored
 * with scope PROVINCE_WIDE) is the unit's own figure in `compare`, `timeSeries` and `figureStats`: a province that
 * states its on-time rate only as "toàn tỉnh đạt 97,5%" is ranked with that rate. The figures of its wards or its
 * departments are not. Both paths of the selection rule are checked: chosen on the fly (keys marked by the write) and
 * from the stored choices after a refresh (`figure_pick_recompute` in the database).
 */
import { persistDocument } from '../../../ingest/store';
import { REVIEW_THRESHOLD } from '../../../ingest/extract/serving';
import type { ExtractedFigure, FigureSubject } from '../../../ingest/types';
import { refreshFigurePicks, pendingPickMarks } from '../../../src/modules/figure/figure-pick';
import { journeyContext } from '../../helpers/api-journey';

const SENTENCE = 'Năm 2019, toàn thành phố giải quyết đúng hạn 97,5% hồ sơ; các sở, ngành đạt 99,9%; 100% phường đạt trên 95%.';

function figure(value: number, subject: FigureSubject): ExtractedFigure {
  return {
    metric: 'on_time_rate', value, total: null, upperBound: null, unit: 'percent', kind: 'actual', comparator: 'eq', approximate: false,
    change: false, baselineYear: null, period: { year: 2019, fromMonth: null, toMonth: null, label: 'năm 2019' }, subject,
    evidence: { sentence: SENTENCE, start: 0, end: SENTENCE.length, numberStart: 0, numberEnd: 0 },
    confidence: Math.min(0.99, REVIEW_THRESHOLD + 0.05),
  };
}

let hcmcId = '';
const run = (sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> => j.db.orm.em.fork().getConnection().execute(sql, params);

const j = journeyContext({
  prepare: async (db, fx) => {
    hcmcId = String(fx.hcmc.id);
    const wide = (value: number): FigureSubject => ({ name: 'toàn thành phố Hồ Chí Minh', unitId: hcmcId, scope: 'province_wide', subunitLevel: null, explicit: true });
    await persistDocument(db.orm.em.fork(), {
      sourceId: fx.sources[1].id, publisherUnitId: fx.hcmc.id,
      article: { canonicalUrl: 'https://hochiminhcity.gov.vn/ket-qua-cchc-2019', title: 'Kết quả CCHC năm 2019', publishedAt: new Date('2020-01-15T03:00:00Z'), category: null, text: SENTENCE },
      rawHtml: `<p>${SENTENCE}</p>`, httpStatus: 200, etag: null, lastModified: null, fetchedAt: new Date('2020-01-16T00:00:00Z'),
      figures: [
        figure(97.5, wide(97.5)),
        // Newer in the same document and higher: still not the city's own level.
        figure(99.9, { name: 'các sở, ngành Thành phố Hồ Chí Minh', unitId: hcmcId, scope: 'departments', subunitLevel: 'so', explicit: true }),
        figure(95, { name: 'các phường', unitId: hcmcId, scope: 'subunits', subunitLevel: 'phuong', explicit: true }),
      ],
      extractorVersion: 'test-1',
    });
  },
});

const COMPARE = `query($ids: [ID!]) { compare(metric: "on_time_rate", year: 2019, unitIds: $ids) {
  rows { value alternatives unit { id } figure { subjectScope } } missing { id } } }`;
const SERIES = `query($ids: [ID!]) { timeSeries(metric: "on_time_rate", unitIds: $ids, yearFrom: 2019, yearTo: 2019) {
  unit { id } points { year value figure { subjectScope } } } }`;
const STATS = `query($f: FigureFilter) { figureStats(metric: "on_time_rate", filter: $f, groupBy: [YEAR]) { year count median } }`;

async function answers() {
  const compare = await j.api.gql(COMPARE, { ids: [hcmcId] });
  const series = await j.api.gql(SERIES, { ids: [hcmcId] });
  const stats = await j.api.gql(STATS, { f: { unitIds: [hcmcId], yearFrom: 2019, yearTo: 2019 } });
  for (const r of [compare, series, stats]) expect(r.body.errors).toBeUndefined();
  return { compare: compare.body.data.compare, series: series.body.data.timeSeries, stats: stats.body.data.figureStats };
}

function expectTheCityTotal(a: Awaited<ReturnType<typeof answers>>): void {
  expect(a.compare.missing).toEqual([]);
  expect(a.compare.rows).toEqual([{ value: 97.5, alternatives: 0, unit: { id: hcmcId }, figure: { subjectScope: 'PROVINCE_WIDE' } }]);
  expect(a.series).toEqual([{ unit: { id: hcmcId }, points: [{ year: 2019, value: 97.5, figure: { subjectScope: 'PROVINCE_WIDE' } }] }]);
  expect(a.stats).toEqual([{ year: 2019, count: 1, median: 97.5 }]);
}

describe('a unit\'s whole-area total is its own figure in compare, timeSeries and figureStats', () => {
  it('is chosen on the fly while the write\'s keys are marked', async () => {
    const [{ n }] = await run(`select count(*)::int as n from figure_pick_dirty
      where subject_id = ? and metric_code = 'on_time_rate' and period_year = 2019`, [Number(hcmcId)]);
    expect(n).toBeGreaterThan(0);
    expectTheCityTotal(await answers());
  });

  it('is chosen from the stored choices after a refresh, and its departments and wards never are', async () => {
    await refreshFigurePicks(run);
    expect(await pendingPickMarks(run)).toBe(0);
    const [{ n }] = await run(`select count(*)::int as n from figure_pick p join figure f on f.id = p.figure_id
      where p.subject_id = ? and p.metric_code = 'on_time_rate' and p.period_year = 2019 and p.grain = 12`, [Number(hcmcId)]);
    expect(n).toBe(2); // served and all
    expectTheCityTotal(await answers());
  });
});
