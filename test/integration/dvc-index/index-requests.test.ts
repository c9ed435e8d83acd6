/**
 * One index request at a time (`runIndexPeriod`, the future `index.period` job) against the loopback mirror of both
 * API generations, over a real PostgreSQL: what is stored (document, raw answer, figures, crosswalk), idempotence,
 * unrecognised answers, WAF refusals and the operator override.
 */
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count } from '../../helpers/ingest';
import { startIndexFixture, type IndexFixture } from '../../helpers/dvc-index';
import { runIndexPeriod } from '../../../ingest/dvc-index/run';
import { overrideAgencyUnit, unmatchedReport } from '../../../ingest/dvc-index/crosswalk';
import { demoIndexAgencies, sampleCounts, sampleRate, sampleScores } from '../../../demo/dvc-index/mirror';
import type { IndexRequest } from '../../../ingest/dvc-index/protocol';

let db: TestDatabase;
let fx: IndexFixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIndexFixture(db.orm);
});
afterAll(async () => {
  await fx.mirror.close();
  await db.drop();
});

const agencies = demoIndexAgencies();
const inProvince = (code: string) => agencies.filter((a) => a.provinceCode === code && a.kind !== 'province').length;
const oct2025: IndexRequest = { generation: 'legacy', period: { year: 2025, grain: 'month', index: 10 }, province: null };

describe('runIndexPeriod (legacy rest.jsp)', () => {
  it('stores the province list of a month: one document with the raw answer, 8 figures per province, the next requests', async () => {
    const r = await runIndexPeriod(fx.deps, oct2025);
    expect(r).toMatchObject({ status: 'stored', figuresAdded: 3 * 8, reason: null });
    expect(r.next.map((n) => n.province)).toEqual(expect.arrayContaining([{ code: 'H01', agencyId: '398126' }, { code: 'H35', agencyId: '420192' }]));
    const [doc] = await db.orm.em.fork().execute<{ id: number; url: string; raw_html_gz: Buffer; text: string }[]>(
      `select id, url, raw_html_gz, text from document where source_id = 'dvc-index'`);
    expect(doc.url).toContain('/jsp/rest.jsp?');
    expect(doc.url).toContain('p_thang=10');
    expect(doc.url).toContain('p_tinh_id=0');
    const raw = JSON.parse(gunzipSync(doc.raw_html_gz).toString('utf8')) as Array<{ MA_COQUAN: string; TONG_SCORE: string }>;
    expect(raw).toHaveLength(3);
    // The An Giang total is the published TONG_SCORE, period October 2025, kind actual, cited by its line.
    const [f] = await db.orm.em.fork().execute<{ value: string; period_year: number; period_from_month: number; period_to_month: number; kind: string; evidence_sentence: string; unit_code: string }[]>(
      `select f.value, f.period_year, f.period_from_month, f.period_to_month, f.kind, f.evidence_sentence, u.code as unit_code
       from figure f join admin_unit u on u.id = f.subject_id where f.metric_code = 'dvc_index_total' and f.subject_label like '%[H01]'`);
    expect(Number(f.value)).toBeCloseTo(sampleScores('H01', '2025-M10').total, 6);
    expect(f).toMatchObject({ period_year: 2025, period_from_month: 10, period_to_month: 10, kind: 'actual', unit_code: '91' });
    expect(doc.text).toContain(f.evidence_sentence);
    expect(await count(db.orm, `select count(*) as n from figure f join document d on d.id = f.document_id
      where substr(d.text, f.evidence_start + 1, f.evidence_end - f.evidence_start) <> f.evidence_sentence`)).toBe(0);
  });

  it('stores a province\'s departments and communes, matching communes by name within the province', async () => {
    const r = await runIndexPeriod(fx.deps, { ...oct2025, province: { code: 'H01', agencyId: '398126' } });
    expect(r).toMatchObject({ status: 'stored', figuresAdded: inProvince('H01') * 8, next: [] });
    const [tanHoi] = await db.orm.em.fork().execute<{ match_status: string; name: string; level: string; parent: string }[]>(
      `select a.match_status, u.name, u.level, p.name as parent from index_agency a join admin_unit u on u.id = a.unit_id
       join admin_unit p on p.id = u.parent_id where a.name = 'UBND xã Tân Hội - tỉnh An Giang'`);
    expect(tanHoi).toEqual({ match_status: 'matched', name: 'Xã Tân Hội', level: 'commune', parent: 'Tỉnh An Giang' });
    const [dept] = await db.orm.em.fork().execute<{ match_status: string; level: string; parent: string }[]>(
      `select a.match_status, u.level, p.name as parent from index_agency a join admin_unit u on u.id = a.unit_id
       join admin_unit p on p.id = u.parent_id where a.code = 'H01.4'`);
    expect(dept).toEqual({ match_status: 'department', level: 'department', parent: 'Tỉnh An Giang' });
    const report = await unmatchedReport(db.orm.em.fork());
    expect(report.unmatched.map((u) => u.code)).toEqual(['H01.999']);
    expect(report.unmatched[0].note).toMatch(/no unit named "mau thu" in its province/);
    expect(report.matched / report.total).toBeGreaterThanOrEqual(0.99);
  });

  it('does a done request once: running it again stores nothing and fetches nothing', async () => {
    const before = await count(db.orm, 'select count(*) as n from figure');
    const hits = fx.mirror.requests();
    const r = await runIndexPeriod(fx.deps, oct2025);
    expect(r.status).toBe('already-done');
    expect(r.next).toHaveLength(3); // read back from the stored answer, so a queue can still fan out
    expect(fx.mirror.requests()).toBe(hits);
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(before);
  });

  it('fails an answer of unknown shape with a clear reason, stores nothing, and succeeds on the next try', async () => {
    const req: IndexRequest = { ...oct2025, period: { year: 2025, grain: 'quarter', index: 3 } };
    const before = await count(db.orm, 'select count(*) as n from figure');
    fx.mirror.failNext(1, 'garbage');
    const r = await runIndexPeriod(fx.deps, req);
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/unrecognised response .*expected an array of rows/);
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(before);
    expect(await count(db.orm, `select count(*) as n from index_request where key = 'legacy|report_tinh_766_service|2025-Q3|national' and status = 'failed' and reason like '%unrecognised%'`)).toBe(1);
    expect((await runIndexPeriod(fx.deps, req)).status).toBe('stored');
  });

  it('backs off on 403 (WAF) and 429 and then stores the answer', async () => {
    fx.mirror.failNext(1, 'forbidden');
    fx.mirror.failNext(1, 'rate-limited');
    const hits = fx.mirror.requests();
    const r = await runIndexPeriod(fx.deps, { ...oct2025, period: { year: 2025, grain: 'half', index: 1 } });
    expect(r.status).toBe('stored');
    expect(fx.mirror.requests() - hits).toBe(3);
  });

  it('throws a retryable error after the fetcher gives up on 403s, recording the try', async () => {
    fx.mirror.failNext(3, 'forbidden');
    const req: IndexRequest = { ...oct2025, period: { year: 2025, grain: 'year', index: 1 } };
    await expect(runIndexPeriod(fx.deps, req)).rejects.toThrow(/HTTP 403/);
    expect(await count(db.orm, `select count(*) as n from index_request where key like '%2025-Y|national' and status = 'failed'`)).toBe(1);
  });
});

describe('runIndexPeriod (current JSON API)', () => {
  it('stores the province list and a province of a 2026 month with 7 figures per agency (no rank published)', async () => {
    const national = await runIndexPeriod(fx.deps, { generation: 'v1', period: { year: 2026, grain: 'month', index: 1 }, province: null });
    expect(national).toMatchObject({ status: 'stored', figuresAdded: 3 * 7 });
    const laiChau = national.next.find((n) => n.province?.code === 'H35')!;
    expect(laiChau.province!.agencyId).toMatch(/^[0-9a-f-]{36}$/);
    const r = await runIndexPeriod(fx.deps, laiChau);
    expect(r).toMatchObject({ status: 'stored', figuresAdded: inProvince('H35') * 7 });
    const [doc] = await db.orm.em.fork().execute<{ url: string }[]>(`select url from document where url like '%service-results%rootDepartmentId%'`);
    expect(doc.url).toContain('timeType=month');
    // The agency keeps one crosswalk row across generations, with both ids.
    expect(await count(db.orm, `select count(*) as n from index_agency where code = 'H35' and legacy_id = '420192' and api_id is not null`)).toBe(1);
    expect(await count(db.orm, `select count(*) as n from index_agency where code = 'H35'`)).toBe(1);
  });
});

describe('counts from the progress tree (current JSON API)', () => {
  it('stores dossiers received, overdue and the on-time rate with its numerator and denominator', async () => {
    const period = { year: 2026, grain: 'month' as const, index: 1 };
    const national = await runIndexPeriod(fx.deps, { generation: 'v1', period, province: null });
    const progress = national.next.find((n) => n.view === 'progress' && n.province?.code === 'H14')!;
    // scores, then the five count trees: progress, online, payment, satisfaction, digitisation
    expect(national.next.filter((n) => n.province?.code === 'H14').map((n) => n.view ?? 'scores'))
      .toEqual(['scores', 'progress', 'online', 'payment', 'satisfaction', 'digitisation']);
    const r = await runIndexPeriod(fx.deps, progress);
    const children = inProvince('H14');
    // Each child: received, overdue, rate; the province (parent): received only (its on-time count is not published).
    expect(r).toMatchObject({ status: 'stored', figuresAdded: children * 3 + 1 });
    const code = agencies.find((a) => a.provinceCode === 'H14' && a.kind === 'commune')!.code;
    const c = sampleCounts(code, '2026-M01');
    const [rate] = await db.orm.em.fork().execute<{ value: string; numerator: string; total: string; unit: string }[]>(
      `select value, numerator, total, unit from figure where metric_code = 'on_time_rate' and subject_label like ?`, [`%[${code}]`]);
    expect({ value: Number(rate.value), numerator: Number(rate.numerator), total: Number(rate.total), unit: rate.unit })
      .toEqual({ value: Number(((100 * c.onTime) / c.received).toFixed(6)), numerator: c.onTime, total: c.received, unit: 'percent' });
    const [doc] = await db.orm.em.fork().execute<{ url: string }[]>(`select url from document where url like '%dvc-progress-tree%'`);
    expect(doc.url).toContain('rootDepartmentId=');
  });

  it('fails a progress answer of unknown shape with the reason', async () => {
    fx.mirror.failNext(1, 'garbage');
    const r = await runIndexPeriod(fx.deps, { generation: 'v1', period: { year: 2026, grain: 'month', index: 2 }, province: { code: 'H14', agencyId: agencies.find((a) => a.code === 'H14')!.apiId }, view: 'progress' });
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/unrecognised response .*code is undefined, not "OK"/);
  });
});

describe('rates of the other count trees (current JSON API)', () => {
  const period = { year: 2026, grain: 'quarter' as const, index: 1 };
  let next: IndexRequest[] = [];
  beforeAll(async () => {
    next = (await runIndexPeriod(fx.deps, { generation: 'v1', period, province: null })).next.filter((n) => n.province?.code === 'H01');
  });
  const rate = async (metric: string, code: string) => {
    const rows = await db.orm.em.fork().execute<{ value: string; numerator: string; total: string; unit: string; evidence_sentence: string; period_from_month: number; period_to_month: number }[]>(
      `select value, numerator, total, unit, evidence_sentence, period_from_month, period_to_month from figure
       where metric_code = ? and subject_label like ? and period_year = 2026`, [metric, `%[${code}]`]);
    return rows.map((r) => ({ value: Number(r.value), numerator: Number(r.numerator), total: Number(r.total), unit: r.unit, months: [r.period_from_month, r.period_to_month], evidence: r.evidence_sentence }));
  };
  const expected = (code: string, what: string) => {
    const r = sampleRate(code, '2026-Q1', what);
    return { value: Number(((100 * r.numerator) / r.denominator).toFixed(6)), numerator: r.numerator, total: r.denominator, unit: 'percent', months: [1, 3] };
  };
  const members = () => 1 + inProvince('H01');
  const commune = agencies.find((a) => a.provinceCode === 'H01' && a.kind === 'commune')!.code;

  it('online dossier rate: the province only, from its channel sums', async () => {
    const r = await runIndexPeriod(fx.deps, next.find((n) => n.view === 'online')!);
    expect(r).toMatchObject({ status: 'stored', figuresAdded: 1 });
    const [fig] = await rate('online_dossier_rate', 'H01');
    expect(fig).toMatchObject(expected('H01', 'online'));
    expect(fig.evidence).toMatch(/\[H01\]: channelOnlineSum\/channelTotalSum \d+\/\d+\./);
  });

  it.each([
    ['payment', 'e_payment_rate'],
    ['satisfaction', 'satisfaction_rate'],
    ['digitisation', 'digitisation_rate'],
  ])('%s: a rate per unit with numerator and denominator; none for the unit that published 0/0', async (view, metric) => {
    const r = await runIndexPeriod(fx.deps, next.find((n) => n.view === view)!);
    expect(r).toMatchObject({ status: 'stored', figuresAdded: members() - 1 }); // H01.999 publishes 0/0
    expect(await rate(metric, 'H01')).toEqual([expect.objectContaining(expected('H01', view))]);
    expect(await rate(metric, commune)).toEqual([expect.objectContaining(expected(commune, view))]);
    expect(await rate(metric, 'H01.999')).toEqual([]);
    const [doc] = await db.orm.em.fork().execute<{ url: string }[]>('select url from document where url like ?', [`%${r.key.split('|')[1]}%`]);
    expect(doc.url).toContain(view === 'satisfaction' ? 'fromDate=2026-01-01' : 'timeType=quarter');
    // Stored once: the same request again is a no-op.
    expect(await runIndexPeriod(fx.deps, next.find((n) => n.view === view)!)).toMatchObject({ status: 'already-done', figuresAdded: 0 });
  });

  it('fails a count tree of unknown shape with the reason, storing nothing', async () => {
    fx.mirror.failNext(1, 'garbage');
    const before = await count(db.orm, 'select count(*) as n from figure');
    const r = await runIndexPeriod(fx.deps, { ...next.find((n) => n.view === 'satisfaction')!, period: { year: 2026, grain: 'month', index: 3 } });
    expect(r.status).toBe('failed');
    expect(r.reason).toMatch(/unrecognised response from .*handling-satisfaction.*code is undefined, not "OK"/);
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(before);
  });
});

describe('operator override', () => {
  it('ties an unmatched agency to a chosen unit and moves its stored figures', async () => {
    const em = db.orm.em.fork();
    const [target] = await em.execute<{ id: number }[]>(`select id from admin_unit where code_set = 'nq202_2025' and name = 'Xã Tân Hội'
      and parent_id = (select id from admin_unit where code_set = 'nq202_2025' and code = '91')`);
    const before = await count(db.orm, `select count(*) as n from figure where subject_label like '%[H01.999]'`);
    expect(before).toBeGreaterThan(0);
    const { moved } = await overrideAgencyUnit(em, 'H01.999', target.id, 'checked by hand');
    expect(moved).toBe(before);
    expect(await count(db.orm, `select count(*) as n from figure where subject_label like '%[H01.999]' and subject_id = ?`, [target.id])).toBe(before);
    // Rankings see the moved figures under their new unit at once: the override stores the choices of both units again,
    // so every month the moved figures cover has a stored choice for the target unit.
    expect(await count(db.orm, 'select count(*) as n from figure_pick_dirty')).toBe(0);
    expect(await count(db.orm, `select count(*) as n from (select distinct metric_code, kind, period_year, period_from_month
        from figure where subject_label like '%[H01.999]' and period_from_month = period_to_month) k
      where not exists (select 1 from figure_pick p where p.subject_id = ? and p.metric_code = k.metric_code and p.kind = k.kind
        and p.period_year = k.period_year and p.grain = 1 and p.span_from = k.period_from_month and not p.served)`, [target.id])).toBe(0);
    expect(await count(db.orm, `select count(*) as n from figure where subject_label like '%[H01.999]' and period_from_month = period_to_month`))
      .toBeGreaterThan(0);
    expect((await unmatchedReport(em)).unmatched).toEqual([]);
    await expect(overrideAgencyUnit(em, 'H99.1', target.id, null)).rejects.toThrow('index agency with code H99.1 does not exist');
  });
});
