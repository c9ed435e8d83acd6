/**
 * Fault tests against the mirror's fault site (demo/faults.ts): each broken page is handled by what it calls for —
 * retried, skipped with a reason, or read correctly — and one bad item never stops the run.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { runSource, type RunSummary } from '../../../ingest/pipeline';

let db: TestDatabase;
let fx: IngestFixture;
let first: RunSummary;
jest.setTimeout(90_000);
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { faults: true });
  first = await runSource(fx.deps, fx.sourceIds.faults, { trigger: 'cli' });
});
afterAll(async () => {
  await fx.mirror.close();
  await db.drop();
});

const failureFor = (slug: string) => first.failures.find((f) => f.url.includes(`/${slug}/`));
const docTitled = async (fragment: string) =>
  db.orm.em.fork().execute<{ id: number; url: string; text: string }[]>('select id, url, text from document where title like ?', [`%${fragment}%`]);

describe('fault site', () => {
  it('finishes the run as partial, with one failure per unrecoverable page', () => {
    expect(first.status).toBe('partial');
    expect(first.failures.map((f) => f.url.split('/faults/')[1]).sort()).toEqual(
      ['bi-chan-boi-robots/', 'trang-qua-lon/', 'trang-tai-cham/', 'vong-lap-chuyen-huong/'].sort());
  });

  it('retries a 500 and a 429 (honouring Retry-After) and stores both pages', async () => {
    expect(fx.mirror.hits('/faults/loi-may-chu-roi-phuc-hoi/')).toBe(2);
    expect(fx.mirror.hits('/faults/qua-nhieu-yeu-cau/')).toBe(2);
    expect(await docTitled('sơ kết cải cách hành chính 6 tháng đầu năm 2024')).toHaveLength(1);
    expect(await docTitled('đẩy mạnh dịch vụ công trực tuyến')).toHaveLength(1);
  });

  it('gives up on a body that stalls past the timeout, to retry next run', () => {
    expect(failureFor('trang-tai-cham')).toMatchObject({ action: 'retry' });
    expect(failureFor('trang-tai-cham')!.reason).toMatch(/timed out|timeout/i);
  });

  it('skips a 20 MB page, a robots.txt disallow and a redirect loop with reasons', () => {
    expect(failureFor('trang-qua-lon')).toMatchObject({ action: 'skip' });
    expect(failureFor('trang-qua-lon')!.reason).toMatch(/bytes|large|limit/i);
    expect(failureFor('bi-chan-boi-robots')).toMatchObject({ action: 'skip' });
    expect(failureFor('bi-chan-boi-robots')!.reason).toMatch(/robots/i);
    expect(failureFor('vong-lap-chuyen-huong')).toMatchObject({ action: 'skip' });
    expect(failureFor('vong-lap-chuyen-huong')!.reason).toMatch(/redirect/i);
  });

  it('decodes a windows-1258 page and a page whose header lies about its charset, to NFC', async () => {
    const [cp] = await docTitled('số hóa hồ sơ');
    expect(cp.text).toContain('tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính của phường đạt 87,4%');
    expect(cp.text).toBe(cp.text.normalize('NFC'));
    expect(await count(db.orm, `select count(*) as n from figure where document_id = ? and metric_code = 'digitisation_rate' and value = 87.4`, [cp.id])).toBe(1);
    const [lied] = await docTitled('nâng cao chất lượng phục vụ');
    expect(lied.text).toContain('mức độ hài lòng của tổ chức, cá nhân đạt 97,1%');
  });

  it('reads malformed HTML', async () => {
    const [doc] = await docTitled('thanh toán không dùng tiền mặt');
    expect(doc.text).toContain('45,2%');
  });

  it('stores one article published under two URLs once', async () => {
    expect(await docTitled('công khai thủ tục hành chính')).toHaveLength(1);
  });

  it('stores nothing twice when the run is repeated, and picks up what healed', async () => {
    const figures = await count(db.orm, 'select count(*) as n from figure');
    const documents = await count(db.orm, 'select count(*) as n from document');
    const second = await runSource(fx.deps, fx.sourceIds.faults, { trigger: 'cli' });
    expect(second.figuresAdded).toBe(0);
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(figures);
    expect(await count(db.orm, 'select count(*) as n from document')).toBe(documents);
    expect(await count(db.orm, `select count(*) as n from ingest_run where source_id = 'demo-faults' and status = 'partial'`)).toBe(2);
  });
});
