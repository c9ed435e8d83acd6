/**
 * Report articles end to end: an HTML table in the page, and attached PDF / DOCX / XLSX reports fetched from the
 * mirror over loopback, read, and stored with cell provenance and checks; a legacy .doc gives its reason; re-runs
 * and re-extraction store nothing twice; the API and the CSV expose the cells.
 */
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { runSource } from '../../../ingest/pipeline';
import { reextractDocuments } from '../../../ingest/reextract';

let db: TestDatabase;
let fx: IngestFixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['quan-3-bao-cao'] });
});
afterAll(async () => {
  await fx.mirror.close();
  await db.drop();
});

interface CellRow { url: string; content_type: string | null; metric_code: string; value: string; subject: string; parent: string; row_label: string; column_header: string; source_page: number | null; table_index: number; check_failed: boolean; period_year: number }

const cells = () => db.orm.em.fork().execute<CellRow[]>(
  `select d.url, d.content_type, f.metric_code, trim_scale(f.value)::text as value, s.name as subject, p.name as parent, f.row_label,
          f.column_header, f.source_page, f.table_index, f.check_failed, f.period_year
   from figure f join document d on d.id = f.document_id join admin_unit s on s.id = f.subject_id
   left join admin_unit p on p.id = s.parent_id where f.table_index is not null order by f.id`);

describe('report tables and attachments through the pipeline', () => {
  let figuresAfterFirstRun = 0;

  it('reads HTML tables and PDF, DOCX and XLSX attachments; a legacy .doc is a failed item with its reason', async () => {
    const summary = await runSource(fx.deps, fx.sourceIds['quan-3-bao-cao'], { trigger: 'cli' });
    expect(summary).toMatchObject({ status: 'partial', listed: 3, failed: 1 });
    expect(summary.failures).toEqual([expect.objectContaining({
      url: expect.stringMatching(/so-lieu-ho-so-6-thang-2024\.doc$/), action: 'skip', reason: expect.stringMatching(/^unsupported: format not supported: legacy \.doc/),
    })]);
    const docs = await db.orm.em.fork().execute<{ url: string; content_type: string | null; linked_from_id: number | null; raw_html_gz: Buffer }[]>(
      'select url, content_type, linked_from_id, raw_html_gz from document order by id');
    expect(docs.map((d) => d.content_type)).toEqual(expect.arrayContaining([null, 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']));
    expect(docs).toHaveLength(6);
    const pdf = docs.find((d) => d.content_type === 'application/pdf')!;
    expect(gunzipSync(pdf.raw_html_gz).subarray(0, 5).toString('latin1')).toBe('%PDF-'); // the original bytes
    expect(pdf.linked_from_id).not.toBeNull();

    const rows = await cells();
    // 2022 HTML table 10 + 2023 PDF 10 + satisfaction DOCX 5 + dossier XLSX 20.
    expect(rows).toHaveLength(45);
    const ward4 = rows.filter((r) => r.row_label === 'UBND Phường 4' && r.metric_code === 'par_index_score').sort((a, b) => a.period_year - b.period_year);
    expect(ward4.map((r) => [r.period_year, r.value, r.subject, r.parent, r.content_type])).toEqual([
      [2022, '88.15', 'Phường 04', 'Quận 3', null],
      [2023, '92.35', 'Phường 04', 'Quận 3', 'application/pdf'],
    ]);
    expect(ward4[1].source_page).toBe(1);
    expect(rows.find((r) => r.metric_code === 'satisfaction_rate' && r.row_label === 'UBND Phường 11')).toMatchObject({ value: '96.5', column_header: 'Tỷ lệ hài lòng (%)' });
    expect(rows.find((r) => r.row_label === 'Tổng cộng' && r.metric_code === 'dossiers_received')).toMatchObject({ value: '3335', subject: 'Quận 3' });
    expect(rows.filter((r) => r.check_failed)).toEqual([]);
    figuresAfterFirstRun = await count(db.orm, 'select count(*) as n from figure');
  });

  it('a second run and a full re-extraction store nothing twice', async () => {
    const again = await runSource(fx.deps, fx.sourceIds['quan-3-bao-cao'], { trigger: 'cli' });
    expect(again).toMatchObject({ figuresAdded: 0, figuresUpdated: 0 });
    const re = await reextractDocuments(db.orm, { all: true });
    expect(re).toMatchObject({ documents: 6, failed: 0, figuresAdded: 0, figuresUpdated: 0 });
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(figuresAfterFirstRun);
  });
});
