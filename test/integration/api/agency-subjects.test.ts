/**
 * A figure about an agency of the publisher's province ("Sở Tư pháp Hồ Chí Minh" in a Cần Giờ report) is filed under
 * that department, a local unit below the province, and served like any unit's figure; a source registered with the
 * department shares the unit. Another province's agency still waits for review. Real store, real API (stop 30).
 */
import { persistDocument, type StoreInput } from '../../../ingest/store';
import { registerSources } from '../../../ingest/sources';
import { MAX_DEPARTMENTS_PER_DOCUMENT } from '../../../ingest/agency-subjects';
import { REVIEW_THRESHOLD } from '../../../ingest/extract/serving';
import type { ExtractedFigure, FigureSubject } from '../../../ingest/types';
import { journeyContext } from '../../helpers/api-journey';
import { CASES } from '../../helpers/figure-fixtures';

const CAN_GIO = CASES.missing.code;
const SENTENCE = 'Năm 2023, Sở Tư pháp Thành phố Hồ Chí Minh giải quyết đúng hạn 99,6% hồ sơ; Sở Tư pháp Quảng Ninh đạt 99,1%.';
const agency = (name: string): FigureSubject => ({ name, unitId: null, scope: 'unit', subunitLevel: null, explicit: true });

function extracted(value: number, subject: FigureSubject): ExtractedFigure {
  return {
    metric: 'on_time_rate', value, total: null, upperBound: null, unit: 'percent', kind: 'actual', comparator: 'eq', approximate: false, change: false,
    baselineYear: null, period: { year: 2023, fromMonth: null, toMonth: null, label: 'năm 2023' }, subject,
    evidence: { sentence: SENTENCE, start: 0, end: SENTENCE.length, numberStart: 0, numberEnd: 0 }, confidence: Math.min(0.99, REVIEW_THRESHOLD + 0.1),
  };
}

let input: (version: string) => StoreInput;
let registered: number;

const j = journeyContext({
  prepare: async (db, fx) => {
    const publisher = fx.unit(CAN_GIO);
    await registerSources(db.orm.em.fork(), [{
      id: 'hcm-so-tu-phap', name: 'Sở Tư pháp TP.HCM', family: 'generic', baseUrl: 'https://stp.hochiminhcity.gov.vn/',
      listingUrls: ['https://stp.hochiminhcity.gov.vn/tin-tuc'], schedule: '0 4 * * *',
      publisher: { department: 'Sở Tư pháp Thành phố Hồ Chí Minh', province: { codeSet: 'gso', code: '79' } },
    }]);
    const [src] = await db.orm.em.fork().execute<{ publisher_id: number }[]>(`select publisher_id from source where id = 'hcm-so-tu-phap'`);
    registered = src.publisher_id;
    input = (version) => ({
      sourceId: fx.sources[1].id, publisherUnitId: publisher.id,
      article: { canonicalUrl: 'https://hochiminhcity.gov.vn/can-gio-cchc-2023', title: 'Cần Giờ: CCHC năm 2023', publishedAt: new Date('2024-01-10T03:00:00Z'), category: null, text: SENTENCE },
      rawHtml: `<p>${SENTENCE}</p>`, httpStatus: 200, etag: null, lastModified: null, fetchedAt: new Date('2024-01-11T00:00:00Z'),
      figures: [
        extracted(99.6, agency('Sở Tư pháp Hồ Chí Minh')), extracted(99.1, agency('Sở Tư pháp Quảng Ninh')),
        // The article's department from its title (not named in the sentence), and a lead's unit the gazetteer lacks.
        extracted(98.7, { name: 'Sở Tư pháp Hồ Chí Minh', unitId: 'title:Sở Tư pháp Hồ Chí Minh', scope: 'unit', subunitLevel: null, explicit: false }),
        extracted(97.2, { name: 'xã Không Có', unitId: 'lead:xã Không Có', scope: 'unit', subunitLevel: null, explicit: false }),
      ],
      extractorVersion: version,
    });
    await persistDocument(db.orm.em.fork(), input('test-1'));
  },
});

const rows = () => j.db.orm.em.fork().execute<{ value: string; subject_id: number; review_status: string; subject_label: string }[]>(
  `select f.value, f.subject_id, f.review_status, f.subject_label from figure f join document d on d.id = f.document_id
   where d.url = 'https://hochiminhcity.gov.vn/can-gio-cchc-2023' order by f.value desc`);

describe('figures about a department of the publisher\'s province', () => {
  it('are filed under the department a source registered with it has, and served', async () => {
    const [own, other, titled, lead] = await rows();
    expect(own).toMatchObject({ subject_id: registered, review_status: 'auto' });
    expect(titled).toMatchObject({ subject_id: registered, review_status: 'auto' });
    expect(lead).toMatchObject({ subject_id: j.fx.unit(CAN_GIO).id, review_status: 'needs_review' });
    const { body } = await j.api.gql(`query($id: ID!) { unit(id: $id) { name level parent { name } } }`, { id: String(registered) });
    expect(body.errors).toBeUndefined();
    expect(body.data.unit).toMatchObject({ name: 'Sở Tư pháp Thành phố Hồ Chí Minh', level: 'DEPARTMENT', parent: { name: 'Thành phố Hồ Chí Minh' } });
    // Another province's agency: stored under the publisher, waiting for review.
    expect(other).toMatchObject({ subject_id: j.fx.unit(CAN_GIO).id, review_status: 'needs_review' });
  });

  it('rank among the province\'s departments in compare (level DEPARTMENT under the province)', async () => {
    const { body } = await j.api.gql(`query($parent: ID) { compare(metric: "on_time_rate", year: 2023, parentId: $parent, level: DEPARTMENT) {
      rows { value unit { id name } } } }`, { parent: String(j.fx.hcmc.id) });
    expect(body.errors).toBeUndefined();
    const row = body.data.compare.rows.find((r: any) => r.unit.id === String(registered));
    expect(row?.unit.name).toBe('Sở Tư pháp Thành phố Hồ Chí Minh');
    expect([99.6, 98.7]).toContain(row?.value);
  });

  it('stay one figure each, under the same unit, when the article is read again by another extractor', async () => {
    const before = await rows();
    const units = Number((await j.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from admin_unit where code_set = 'local'`))[0].n);
    await persistDocument(j.db.orm.em.fork(), input('test-2'));
    expect(await rows()).toEqual(before);
    expect(Number((await j.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from admin_unit where code_set = 'local'`))[0].n)).toBe(units);
  });

  it('creates at most MAX_DEPARTMENTS_PER_DOCUMENT departments from one page; a page naming more keeps the rest for review', async () => {
    const many = Array.from({ length: MAX_DEPARTMENTS_PER_DOCUMENT + 10 }, (_, i) => extracted(50 + i / 100, agency(`Sở Ban ngành thứ ${i + 1} Hồ Chí Minh`)));
    const em = j.db.orm.em.fork();
    const before = Number((await em.execute<{ n: string }[]>(`select count(*) as n from admin_unit where code_set = 'local'`))[0].n);
    await persistDocument(em, { ...input('test-3'), article: { ...input('test-3').article, canonicalUrl: 'https://hochiminhcity.gov.vn/nhieu-so', text: `${SENTENCE} (nhiều sở)` }, figures: many });
    const after = Number((await em.execute<{ n: string }[]>(`select count(*) as n from admin_unit where code_set = 'local'`))[0].n);
    expect(after - before).toBe(MAX_DEPARTMENTS_PER_DOCUMENT);
    const statuses = await em.execute<{ review_status: string; n: string }[]>(
      `select f.review_status, count(*) as n from figure f join document d on d.id = f.document_id where d.url = 'https://hochiminhcity.gov.vn/nhieu-so' group by 1 order by 1`);
    expect(statuses.map((r) => [r.review_status, Number(r.n)])).toEqual([['auto', MAX_DEPARTMENTS_PER_DOCUMENT], ['needs_review', 10]]);
  });
});
