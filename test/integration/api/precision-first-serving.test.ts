/**
 * Journey: precision-first serving. Figures stored below the confidence threshold wait as NEEDS_REVIEW: compare,
 * timeSeries and figureStats leave them out unless asked (`includeUnreviewed: true`), `figures` and the CSV filter
 * by the status, and a reviewer's confirmation puts a figure into service. The figures go through the real store.
 */
import { persistDocument } from '../../../ingest/store';
import { REVIEW_THRESHOLD } from '../../../ingest/extract/serving';
import type { ExtractedFigure } from '../../../ingest/types';
import { journeyContext } from '../../helpers/api-journey';
import { CASES } from '../../helpers/figure-fixtures';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const CAN_GIO = CASES.missing.code; // no on_time_rate for 2019 in the fixtures
const SENTENCE = 'Năm 2019, huyện giải quyết đúng hạn 96,5% hồ sơ; tiếp nhận 8.120 hồ sơ.';

function extracted(metric: string, value: number, unit: ExtractedFigure['unit'], confidence: number): ExtractedFigure {
  return {
    metric, value, total: null, upperBound: null, unit, kind: 'actual', comparator: 'eq', approximate: false, change: false,
    baselineYear: null, period: { year: 2019, fromMonth: null, toMonth: null, label: 'năm 2019' },
    subject: { name: 'Huyện Cần Giờ', unitId: null, scope: 'unit', subunitLevel: null, explicit: false },
    evidence: { sentence: SENTENCE, start: 0, end: SENTENCE.length, numberStart: 0, numberEnd: 0 }, confidence,
  };
}

const j = journeyContext({
  env: { ADMIN_TOKEN },
  prepare: async (db, fx) => {
    await persistDocument(db.orm.em.fork(), {
      sourceId: fx.sources[1].id, publisherUnitId: fx.unit(CAN_GIO).id,
      article: { canonicalUrl: 'https://hochiminhcity.gov.vn/can-gio-tong-ket-2019', title: 'Cần Giờ tổng kết năm 2019', publishedAt: new Date('2020-01-10T03:00:00Z'), category: null, text: SENTENCE },
      rawHtml: `<p>${SENTENCE}</p>`, httpStatus: 200, etag: null, lastModified: null, fetchedAt: new Date('2020-01-11T00:00:00Z'),
      figures: [extracted('on_time_rate', 96.5, 'percent', REVIEW_THRESHOLD - 0.15), extracted('dossiers_received', 8120, 'count', REVIEW_THRESHOLD + 0.2)],
      extractorVersion: 'test-1',
    });
  },
});

const COMPARE = `query($inc: Boolean) { compare(metric: "on_time_rate", year: 2019, parentId: "${'$'}{P}", includeUnreviewed: $inc) {
  rows { unit { code } value } missing { code } } }`;

describe('precision-first serving', () => {
  let hcmcId: string;
  let canGioId: string;
  beforeAll(() => {
    hcmcId = String(j.fx.hcmc.id);
    canGioId = String(j.fx.unit(CAN_GIO).id);
  });

  it('stores a figure below the threshold as NEEDS_REVIEW and one above it as AUTO; figures filters by status', async () => {
    const { body } = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f, first: 10) { totalCount edges { node { value confidence reviewStatus metric { code } } } } }`,
      { f: { unitIds: [canGioId], yearFrom: 2019, yearTo: 2019 } });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.figures.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.metric.code === 'on_time_rate')).toMatchObject({ value: 96.5, reviewStatus: 'NEEDS_REVIEW' });
    expect(nodes.find((n: any) => n.metric.code === 'dossiers_received' && n.value === 8120)).toMatchObject({ reviewStatus: 'AUTO' });
    const waiting = await j.api.gql(`{ figures(filter: { reviewStatus: [NEEDS_REVIEW] }) { totalCount edges { node { value } } } }`);
    expect(waiting.body.data.figures.totalCount).toBe(1);
    expect(waiting.body.data.figures.edges[0].node.value).toBe(96.5);
  });

  it('compare leaves NEEDS_REVIEW figures out by default and ranks them when asked', async () => {
    const q = COMPARE.replace('${P}', hcmcId);
    const served = await j.api.gql(q);
    expect(served.body.errors).toBeUndefined();
    expect(served.body.data.compare.missing.map((u: any) => u.code)).toContain(CAN_GIO);
    expect(served.body.data.compare.rows.map((r: any) => r.unit.code)).not.toContain(CAN_GIO);
    const all = await j.api.gql(q, { inc: true });
    expect(all.body.data.compare.missing.map((u: any) => u.code)).not.toContain(CAN_GIO);
    expect(all.body.data.compare.rows.find((r: any) => r.unit.code === CAN_GIO)?.value).toBe(96.5);
    expect(all.body.data.compare.rows).toHaveLength(served.body.data.compare.rows.length + 1);
  });

  it('timeSeries and figureStats do the same', async () => {
    const series = `query($ids: [ID!], $inc: Boolean) { timeSeries(metric: "on_time_rate", unitIds: $ids, yearFrom: 2018, yearTo: 2021, includeUnreviewed: $inc) { points { year value reviewStatus } } }`;
    const served = await j.api.gql(series, { ids: [canGioId] });
    expect(served.body.data.timeSeries[0].points.map((p: any) => p.year)).not.toContain(2019);
    const all = await j.api.gql(series, { ids: [canGioId], inc: true });
    expect(all.body.data.timeSeries[0].points.find((p: any) => p.year === 2019)).toMatchObject({ value: 96.5, reviewStatus: 'NEEDS_REVIEW' });

    const stats = `query($inc: Boolean) { figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { yearFrom: 2019, yearTo: 2019 }, includeUnreviewed: $inc) { year count min } }`;
    const s1 = await j.api.gql(stats);
    const s2 = await j.api.gql(stats, { inc: true });
    expect(s1.body.errors).toBeUndefined();
    expect(s2.body.data.figureStats[0].count).toBe(s1.body.data.figureStats[0].count + 1);
    expect(s2.body.data.figureStats[0].min).toBeLessThanOrEqual(96.5);
    const byStatus = await j.api.gql(`{ figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { reviewStatus: [NEEDS_REVIEW] }) { year count } }`);
    expect(byStatus.body.data.figureStats).toEqual([{ year: 2019, count: 1 }]);
  });

  it('the CSV export filters by status', async () => {
    const res = await fetch(`${j.api.url}/export/figures.csv?reviewStatus=NEEDS_REVIEW`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('NEEDS_REVIEW');
    expect(lines[1]).toContain('96.5');
  });

  it('a confirmed figure is served by default', async () => {
    const { body } = await j.api.gql(`{ figures(filter: { reviewStatus: [NEEDS_REVIEW] }) { edges { node { id } } } }`);
    const id = body.data.figures.edges[0].node.id;
    const review = await j.api.gql(`mutation($id: ID!) { reviewFigure(id: $id, status: CONFIRMED) { reviewStatus } }`, { id }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(review.body.errors).toBeUndefined();
    const served = await j.api.gql(COMPARE.replace('${P}', hcmcId));
    expect(served.body.data.compare.rows.find((r: any) => r.unit.code === CAN_GIO)?.value).toBe(96.5);
  });
});
