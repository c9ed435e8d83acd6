/**
 * A figure about a unit the text names but the gazetteer cannot resolve ("Quảng Ninh dẫn đầu với 90,8%" on another
 * province's page, "cả nước đạt …") is stored under the publisher; however confident its reading, it waits for a
 * reviewer and is never served as the publisher's figure. Figures go through the real store and the real API.
 */
import { persistDocument } from '../../../ingest/store';
import { REVIEW_THRESHOLD } from '../../../ingest/extract/serving';
import type { ExtractedFigure, FigureSubject } from '../../../ingest/types';
import { journeyContext } from '../../helpers/api-journey';
import { CASES } from '../../helpers/figure-fixtures';

const CAN_GIO = CASES.missing.code;
const SENTENCE = 'Năm 2019, Quảng Ninh dẫn đầu với 90,8%; huyện tiếp nhận 8.120 hồ sơ.';

function extracted(metric: string, value: number, unit: ExtractedFigure['unit'], subject: FigureSubject): ExtractedFigure {
  return {
    metric, value, total: null, upperBound: null, unit, kind: 'actual', comparator: 'eq', approximate: false, change: false,
    baselineYear: null, period: { year: 2019, fromMonth: null, toMonth: null, label: 'năm 2019' }, subject,
    evidence: { sentence: SENTENCE, start: 0, end: SENTENCE.length, numberStart: 0, numberEnd: 0 }, confidence: Math.min(0.99, REVIEW_THRESHOLD + 0.15),
  };
}

const j = journeyContext({
  prepare: async (db, fx) => {
    const publisher = fx.unit(CAN_GIO);
    await persistDocument(db.orm.em.fork(), {
      sourceId: fx.sources[1].id, publisherUnitId: publisher.id,
      article: { canonicalUrl: 'https://hochiminhcity.gov.vn/can-gio-xep-hang-2019', title: 'Cần Giờ năm 2019', publishedAt: new Date('2020-03-10T03:00:00Z'), category: null, text: SENTENCE },
      rawHtml: `<p>${SENTENCE}</p>`, httpStatus: 200, etag: null, lastModified: null, fetchedAt: new Date('2020-03-11T00:00:00Z'),
      figures: [
        extracted('par_index_score', 90.8, 'score', { name: 'Quảng Ninh', unitId: null, scope: 'unit', subunitLevel: null, explicit: true }),
        extracted('dossiers_received', 8120, 'count', { name: 'Huyện Cần Giờ', unitId: String(publisher.id), scope: 'unit', subunitLevel: null, explicit: false }),
        // An undated page that names no year: the publisher's own figure, confidently read, but no year to place it.
        { ...extracted('late_dossiers', 17, 'count', { name: 'Huyện Cần Giờ', unitId: String(publisher.id), scope: 'unit', subunitLevel: null, explicit: false }),
          period: { year: null, fromMonth: null, toMonth: null, label: '' } },
      ],
      extractorVersion: 'test-1',
    });
  },
});

describe('serving figures about units the gazetteer cannot resolve', () => {
  it('stores them as NEEDS_REVIEW whatever their confidence; the publisher’s own figure is served', async () => {
    const { body } = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f, first: 10) { edges { node { value reviewStatus metric { code } } } } }`,
      { f: { unitIds: [String(j.fx.unit(CAN_GIO).id)], yearFrom: 2019, yearTo: 2019 } });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.figures.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.metric.code === 'par_index_score')).toMatchObject({ value: 90.8, reviewStatus: 'NEEDS_REVIEW' });
    expect(nodes.find((n: any) => n.metric.code === 'dossiers_received' && n.value === 8120)).toMatchObject({ reviewStatus: 'AUTO' });
  });

  it('stores a figure with no year as NEEDS_REVIEW whatever its confidence (stop 31)', async () => {
    const { body } = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f, first: 10) { edges { node { value reviewStatus metric { code } } } } }`,
      { f: { unitIds: [String(j.fx.unit(CAN_GIO).id)], metrics: ['late_dossiers'] } });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.figures.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.value === 17)).toMatchObject({ reviewStatus: 'NEEDS_REVIEW' });
  });
});
