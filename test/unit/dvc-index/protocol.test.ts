/** The index protocol, periods and agency names (pure): requests as sent, answers as read, bad answers refused. */
import { buildCall, normaliseAgencyCode, parseIndexResponse, requestKey, supportsPeriod, type IndexRequest } from '../../../ingest/dvc-index/protocol';
import { enumeratePeriods, parsePeriodKey, periodKey, periodSpan, periodAvailableFrom } from '../../../ingest/dvc-index/periods';
import { parseAgencyName } from '../../../ingest/dvc-index/crosswalk';
import { lastPublishedMonth } from '../../../ingest/dvc-index/source';

const national: IndexRequest = { generation: 'legacy', period: { year: 2025, grain: 'month', index: 10 }, province: null };
const row = { ID: '398126', TEN: 'UBND tỉnh An Giang', MA_COQUAN: 'H01', LOAI_COQUAN: '1', CKMB: '16.50', TDGQ: '18,25', CLGQ: 9, TTTT: '10.00', MDHL: '15.1', MDSH: '20.4', TONG_SCORE: '89.35', ROW_STT: 2 };

describe('requests', () => {
  it('sends the legacy form field `params` and the current API JSON body', () => {
    const legacy = buildCall('https://dichvucong.gov.vn/', national);
    expect(legacy.url).toBe('https://dichvucong.gov.vn/jsp/rest.jsp');
    const params = JSON.parse(new URLSearchParams(legacy.body).get('params')!);
    expect(params).toMatchObject({ type: 'ref', service: 'report_tinh_766_service', p_nam: '2025', p_thang: 10, p_quy: 0, p_6thang: 0, p_tinh_id: 0, pageSize: 1000 });
    expect(legacy.headers['x-requested-with']).toBe('XMLHttpRequest');
    const v1 = buildCall('https://dichvucong.gov.vn', { generation: 'v1', period: { year: 2026, grain: 'quarter', index: 2 }, province: { code: 'H44', agencyId: 'u-1' } });
    expect(JSON.parse(v1.body)).toEqual({ timeType: 'quarter', year: 2026, quarter: 2, rootDepartmentId: 'u-1', currentPage: 1, pageSize: 1000 });
    expect(v1.provenanceUrl).toBe('https://dichvucong.gov.vn/api/v1/reporting/evaluation/service-results?currentPage=1&pageSize=1000&quarter=2&rootDepartmentId=u-1&timeType=quarter&year=2026');
    expect(requestKey(national)).toBe('legacy|report_tinh_766_service|2025-M10|national');
  });

  it('does not ask for halves nobody has seen', () => {
    expect(supportsPeriod('legacy', { year: 2024, grain: 'half', index: 1 })).toBe(true);
    expect(supportsPeriod('legacy', { year: 2024, grain: 'half', index: 2 })).toBe(false);
    expect(supportsPeriod('v1', { year: 2026, grain: 'half', index: 1 })).toBe(false);
  });
});

describe('answers', () => {
  it('reads a bare array or {TOTAL, ROW}, string or comma scores, and normalises e-codes', () => {
    const [a] = parseIndexResponse(national, JSON.stringify([row]), 'u');
    expect(a).toEqual({ agencyId: '398126', code: 'H01', name: 'UBND tỉnh An Giang', kind: 'province', provinceCode: 'H01', total: 89.35,
      groups: { CKMB: 16.5, TDGQ: 18.25, CLGQ: 9, TTTT: 10, MDHL: 15.1, MDSH: 20.4 }, rank: 2 });
    expect(parseIndexResponse(national, JSON.stringify({ TOTAL: 1, ROW: [{ ...row, MA_COQUAN: '000.00.00.H37' }] }), 'u')[0].code).toBe('H37');
    expect(normaliseAgencyCode('h1.174')).toBe('H01.174');
    expect(normaliseAgencyCode('398126')).toBeNull();
  });

  it.each([
    ['<html>WAF</html>', /not JSON/],
    ['{"rows":[]}', /expected an array of rows/],
    [JSON.stringify([{ ...row, TONG_SCORE: 'n/a' }]), /TONG_SCORE of H01 is "n\/a"/],
    [JSON.stringify([{ ...row, TONG_SCORE: 140 }]), /not a score between 0 and 100/],
    [JSON.stringify([{ ...row, MA_COQUAN: null }]), /MA_COQUAN null is not an agency e-code/],
    [JSON.stringify([{ ...row, LOAI_COQUAN: 3, MA_COQUAN: 'H01.5' }]), /the province list holds H01.5/],
    [JSON.stringify([row, row]), /appears twice/],
    [JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ ...row, MA_COQUAN: `H${i}` }))), /may be truncated/],
  ])('refuses %#: an answer it does not recognise, with the reason', (body, reason) => {
    expect(() => parseIndexResponse(national, body, 'https://x/jsp/rest.jsp')).toThrow(reason);
  });

  it('refuses a progress tree with more dossiers on time than received', () => {
    const req: IndexRequest = { generation: 'v1', period: { year: 2026, grain: 'month', index: 1 }, province: { code: 'H44', agencyId: 'p' }, view: 'progress' };
    const parent = { departmentId: 'p', departmentName: 'UBND tỉnh Phú Thọ', departmentCode: 'H44', totalReceived: 10 };
    const child = { departmentId: 'c', departmentName: 'UBND xã A - tỉnh Phú Thọ', departmentCode: 'H44.100', totalReceived: 5, totalOnTime: 6, childGroup: 'COMMUNE' };
    expect(() => parseIndexResponse(req, JSON.stringify({ code: 'OK', data: { parent, children: [child] } }), 'u')).toThrow(/more dossiers on time \(6\) than received \(5\)/);
    const ok = parseIndexResponse(req, JSON.stringify({ code: 'OK', data: { parent, children: [{ ...child, totalOnTime: 4, totalOverdue: 1 }] } }), 'u');
    expect(ok.map((r) => r.counts)).toEqual([{ received: 10, onTime: null, overdue: null }, { received: 5, onTime: 4, overdue: 1 }]);
  });
});

describe('periods and names', () => {
  it('enumerates months, quarters, halves and years in time order', () => {
    const ps = enumeratePeriods({ year: 2022, month: 1 }, { year: 2022, month: 6 }, ['month', 'quarter', 'half', 'year']).map(periodKey);
    expect(ps).toEqual(['2022-M01', '2022-M02', '2022-M03', '2022-Q1', '2022-M04', '2022-M05', '2022-M06', '2022-Q2', '2022-H1']);
    expect(enumeratePeriods({ year: 2022, month: 1 }, { year: 2024, month: 12 }, ['month'])).toHaveLength(36);
    expect(periodSpan(parsePeriodKey('2025-Q3'))).toEqual({ fromMonth: 7, toMonth: 9 });
    expect(periodSpan(parsePeriodKey('2025-Y'))).toEqual({ fromMonth: null, toMonth: null });
    expect(() => parsePeriodKey('2025-M13')).toThrow(/month must be 01-12/);
  });

  it('knows when a month is published: from the 5th of the next month (UTC+7)', () => {
    expect(periodAvailableFrom({ year: 2025, grain: 'month', index: 12 }).toISOString()).toBe('2026-01-04T17:00:00.000Z');
    expect(lastPublishedMonth(new Date('2026-03-04T16:00:00Z'))).toEqual({ year: 2026, month: 1 });
    expect(lastPublishedMonth(new Date('2026-03-04T17:00:00Z'))).toEqual({ year: 2026, month: 2 });
    expect(lastPublishedMonth(new Date('2026-01-02T00:00:00Z'))).toEqual({ year: 2025, month: 11 });
  });

  it('reads agency names without accents, "UBND" or type words', () => {
    expect(parseAgencyName('UBND xã Tân Hội - tỉnh An Giang')).toEqual({ key: 'tan hoi', levels: ['commune'], provinceKey: 'an giang' });
    expect(parseAgencyName('UBND Đặc khu Phú Quốc - tỉnh An Giang')).toMatchObject({ key: 'phu quoc', levels: ['special_zone'] });
    expect(parseAgencyName('UBND phường Tịnh Biên - tỉnh An Giang')).toMatchObject({ key: 'tinh bien', levels: ['ward'] });
    expect(parseAgencyName('UBND Thành phố Hồ Chí Minh')).toEqual({ key: 'ho chi minh', levels: ['central_city', 'province'], provinceKey: null });
  });
});
