/**
 * Journey: a reviewer looks at figures read from a report table through the API: each cites its cell (table,
 * caption, row, column, page), and a figure that failed a consistency check is there, flagged with its reason, in
 * GraphQL and in the CSV export.
 */
import { journeyContext } from '../../helpers/api-journey';
import { DOSSIER_TABLE, type ReportTable } from '../../../demo/reports/data';
import { tableToHtml } from '../../../demo/reports/formats';
import { loadSubjectContext } from '../../../ingest/gazetteer-resolver';
import { tablesFromHtml } from '../../../ingest/portals/tables';
import { registerSources } from '../../../ingest/sources';
import { persistDocument } from '../../../ingest/store';
import { figuresFromTables } from '../../../ingest/tables';
import { EXTRACTOR_VERSION } from '../../../ingest/extract/version';

let documentId = 0;
// Phường 4's on-time count printed as 1.230 while 1.240 were resolved and 4 were late: the row fails its checks.
const BROKEN: ReportTable = { ...DOSSIER_TABLE, rows: DOSSIER_TABLE.rows.map((r, i) => (i === 2 ? r.map((c, k) => (k === 4 ? { text: '1.230' } : c)) : r)) };

const j = journeyContext({
  prepare: async (db) => {
    const em = db.orm.em.fork();
    await registerSources(em, [{ id: 'demo-q3-reports', name: '[Dữ liệu mẫu] Quận 3', family: 'hcmc-sharepoint', baseUrl: 'http://127.0.0.1:9/q3/', listingUrls: ['http://127.0.0.1:9/q3/list'], schedule: '0 */6 * * *', publisher: { codeSet: 'gso', code: '770' }, demo: true }]);
    const [{ publisher_id: publisherId }] = await em.execute<{ publisher_id: number }[]>(`select publisher_id from source where id = 'demo-q3-reports'`);
    const subjects = await loadSubjectContext(em, publisherId);
    const html = tableToHtml(BROKEN);
    const { figures } = figuresFromTables(tablesFromHtml(html), { publishedAt: new Date('2024-07-08T08:00:00Z'), publisher: subjects.publisher, resolver: subjects.resolver });
    const out = await persistDocument(em, {
      sourceId: 'demo-q3-reports', publisherUnitId: publisherId, rawHtml: html, httpStatus: 200, etag: null, lastModified: null, fetchedAt: new Date(),
      article: { canonicalUrl: 'http://127.0.0.1:9/q3/bao-cao-6-thang', title: 'Số liệu hồ sơ 6 tháng đầu năm 2024 (DỮ LIỆU MẪU)', publishedAt: new Date('2024-07-08T08:00:00Z'), category: null, text: 'Bảng 2' },
      figures, extractorVersion: EXTRACTOR_VERSION,
    });
    documentId = out.documentId;
  },
});

const QUERY = `query Cells($doc: ID!) { figures(first: 100, filter: { documentId: $doc }) { totalCount edges { node {
  value metric { code } subject { name parent { name } } checkFailed checkReason cell { tableIndex caption rowLabel columnHeader page } } } } }`;

describe('table cells through the API', () => {
  it('every figure of the table cites its cell; failed checks are flagged, not dropped', async () => {
    const { body } = await j.api.gql(QUERY, { doc: String(documentId) });
    expect(body.errors).toBeUndefined();
    const nodes = body.data.figures.edges.map((e: { node: any }) => e.node);
    expect(body.data.figures.totalCount).toBe(20);
    const onTime = nodes.find((n: any) => n.cell.rowLabel === 'UBND Phường 4' && n.cell.columnHeader === 'Đã giải quyết / Đúng hạn');
    expect(onTime).toMatchObject({
      value: 1230, metric: { code: 'on_time_rate' }, subject: { name: 'Phường 04', parent: { name: 'Quận 3' } }, checkFailed: true,
      cell: { tableIndex: 1, caption: DOSSIER_TABLE.caption, page: null },
    });
    expect(onTime.checkReason).toContain('đúng hạn 1.230 + trễ hạn 4 ≠ đã giải quyết 1.240');
    expect(nodes.filter((n: any) => n.checkFailed).map((n: any) => `${n.cell.rowLabel} / ${n.cell.columnHeader}`).sort()).toEqual([
      'Tổng cộng / Đã giải quyết / Đúng hạn',
      'UBND Phường 4 / Tỷ lệ đúng hạn (%)',
      'UBND Phường 4 / Đã giải quyết / Trễ hạn',
      'UBND Phường 4 / Đã giải quyết / Tổng số',
      'UBND Phường 4 / Đã giải quyết / Đúng hạn',
    ].sort());
    expect(nodes.find((n: any) => n.cell.rowLabel === 'UBND Phường 11' && n.metric.code === 'dossiers_received')).toMatchObject({ value: 980, checkFailed: false, checkReason: null });
  });

  it('the CSV export carries the cell and the check', async () => {
    const res = await fetch(`${j.api.url}/export/figures.csv?documentId=${documentId}`);
    const text = await res.text();
    const [header, ...rows] = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header.split(',').slice(-7)).toEqual(['table_index', 'table_caption', 'row_label', 'column_header', 'page', 'check_failed', 'check_reason']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('UBND Phường 4') && r.includes('true') && r.includes('≠ đã giải quyết'))).toBe(true);
  });
});
