/** The index protocol, periods and agency names (pure): requests as sent, answers as read, bad answers refused. */
import { buildCall, normaliseAgencyCode, parseIndexResponse, requestKey, supportsPeriod, type IndexRequest } from '../../../ingest/dvc-index/protocol';
import { enumeratePeriods, parsePeriodKey, periodKey, periodSpan, periodAvailableFrom, type IndexPeriod } from '../../../ingest/dvc-index/periods';
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

describe('count trees of the current API (online, payment, satisfaction, digitisation)', () => {
  const province = { code: 'H44', agencyId: 'p' };
  const req = (view: IndexRequest['view'], period: IndexPeriod = { year: 2026, grain: 'month', index: 1 }): IndexRequest => ({ generation: 'v1', period, province, view });
  const parent = { departmentId: 'p', departmentName: 'UBND tỉnh Phú Thọ', departmentCode: 'H44', departmentType: 'PROVINCE' };
  const commune = { departmentId: 'c', departmentName: 'UBND xã A - tỉnh Phú Thọ', departmentCode: 'H44.100', childGroup: 'COMMUNE' };
  const ok = (data: unknown) => JSON.stringify({ code: 'OK', message: '', data });

  it('asks each tree for one province; satisfaction by dates, the others by timeType', () => {
    const q2 = { year: 2026, grain: 'quarter' as const, index: 2 };
    const sat = buildCall('https://dichvucong.gov.vn', req('satisfaction', q2));
    expect(sat.url).toBe('https://dichvucong.gov.vn/api/v1/reporting/evaluation/handling-satisfaction');
    expect(JSON.parse(sat.body)).toEqual({ fromDate: '2026-04-01', toDate: '2026-06-30', rootDepartmentId: 'p', currentPage: 1, pageSize: 1000 });
    expect(JSON.parse(buildCall('https://x', req('satisfaction', { year: 2028, grain: 'month', index: 2 })).body)).toMatchObject({ fromDate: '2028-02-01', toDate: '2028-02-29' });
    const pay = buildCall('https://dichvucong.gov.vn', req('payment', q2));
    expect(pay.url).toBe('https://dichvucong.gov.vn/api/v1/reporting/evaluation/formality-online-payment-tree');
    expect(JSON.parse(pay.body)).toEqual({ timeType: 'quarter', year: 2026, quarter: 2, rootDepartmentId: 'p', currentPage: 1, pageSize: 1000 });
    expect(buildCall('https://x', req('online')).endpoint).toBe('provide-online-tree');
    expect(buildCall('https://x', req('digitisation')).endpoint).toBe('dossier-digitized');
    expect(new Set(['scores', 'progress', 'online', 'payment', 'satisfaction', 'digitisation'].map((v) => requestKey(req(v as IndexRequest['view']))))).toHaveProperty('size', 6);
    expect(() => buildCall('https://x', { generation: 'legacy', period: q2, province, view: 'payment' })).toThrow(/current API, for one province/);
  });

  it('reads the online dossier rate from the province\'s channel sums (children carry scores only)', () => {
    const rows = parseIndexResponse(req('online'), ok({ parent: { ...parent, channelOnlineSum: 30, channelDirectSum: 60, channelPostalSum: 10, channelTotalSum: 100 },
      children: [{ ...commune, score: 9.5, maxScore: 12 }] }), 'u');
    expect(rows).toEqual([expect.objectContaining({ code: 'H44', kind: 'province',
      rates: [{ metric: 'online_dossier_rate', numerator: 30, denominator: 100, fields: 'channelOnlineSum/channelTotalSum' }] })]);
  });

  it('reads the online payment rate of the province and of children that publish it', () => {
    const rows = parseIndexResponse(req('payment'), ok({
      parent: { ...parent, totalDossierOnlinePaymentSuccess: '40', totalDossierFinancialObligation: 50 },
      children: [{ ...commune, totalDossierOnlinePaymentSuccess: 3, totalDossierFinancialObligation: 4 }, { ...commune, departmentCode: 'H44.101', departmentId: 'd' }],
    }), 'u');
    expect(rows.map((r) => [r.code, r.kind, r.rates])).toEqual([
      ['H44', 'province', [{ metric: 'e_payment_rate', numerator: 40, denominator: 50, fields: 'totalDossierOnlinePaymentSuccess/totalDossierFinancialObligation' }]],
      ['H44.100', 'commune', [{ metric: 'e_payment_rate', numerator: 3, denominator: 4, fields: 'totalDossierOnlinePaymentSuccess/totalDossierFinancialObligation' }]],
    ]);
  });

  it('reads satisfaction and digitisation from their metric rows, skipping units without the metric or with null counts', () => {
    const metric = (code: string, numerator: unknown, denominator: unknown, ratio: unknown) => ({ code, name: code, numerator, denominator, ratio, score: 1, maxScore: 6 });
    const rows = parseIndexResponse(req('satisfaction'), ok({ overview: {}, evaluation: [
      { ...parent, metrics: [metric('DOSSIER_RECEIVING_SATISFACTION', 90, 120, 75), metric('PETITION_PROCESSING_ON_TIME', 1, 1, 100)] },
      { ...commune, metrics: [metric('PETITION_PROCESSING_ON_TIME', 1, 2, 50)] },
      { ...commune, departmentCode: 'H44.101', departmentId: 'd', metrics: [metric('DOSSIER_RECEIVING_SATISFACTION', null, null, null)] },
    ] }), 'u');
    expect(rows.map((r) => [r.code, r.rates])).toEqual([
      ['H44', [{ metric: 'satisfaction_rate', numerator: 90, denominator: 120, fields: 'DOSSIER_RECEIVING_SATISFACTION numerator/denominator' }]],
    ]);
    const dig = parseIndexResponse(req('digitisation'), ok({ evaluation: [{ ...commune, metrics: [metric('SO_HOA_GIAY_TO_GIAI_QUYET', 7, 8, '87,5')] }] }), 'u');
    expect(dig[0].rates).toEqual([{ metric: 'digitisation_rate', numerator: 7, denominator: 8, fields: 'SO_HOA_GIAY_TO_GIAI_QUYET numerator/denominator' }]);
  });

  const metricRow = (extra: object) => ({ ...commune, metrics: [{ code: 'SO_HOA_GIAY_TO_GIAI_QUYET', numerator: 7, denominator: 8, ratio: 87.5, ...extra }] });
  it.each([
    [req('online'), ok({ parent, children: [] }), /H44 \(the province\) has neither channelOnlineSum nor channelTotalSum/],
    [req('online'), ok({ parent: { ...parent, channelOnlineSum: 120, channelTotalSum: 100 }, children: [] }), /channelOnlineSum\/channelTotalSum of H44 is 120\/100: the numerator exceeds/],
    [req('online'), ok({ parent: { ...parent, channelOnlineSum: 1, channelTotalSum: 2 }, children: [{ ...commune, departmentCode: 'H15.3' }] }), /row H15.3 does not belong to province H44/],
    [req('payment'), ok({ parent: { ...parent, totalDossierOnlinePaymentSuccess: 1, totalDossierFinancialObligation: 2 }, children: [{ ...commune, totalDossierOnlinePaymentSuccess: 3 }] }),
      /H44.100 has totalDossierOnlinePaymentSuccess without totalDossierFinancialObligation/],
    [req('payment'), ok({ parent: { ...parent, totalDossierOnlinePaymentSuccess: 1.5, totalDossierFinancialObligation: 2 }, children: [] }), /totalDossierOnlinePaymentSuccess of H44 is 1.5, not a count/],
    [req('payment'), ok({ parent: { ...commune, totalDossierOnlinePaymentSuccess: 1, totalDossierFinancialObligation: 2 }, children: [] }), /data.parent is H44.100, not the province asked for/],
    [req('payment'), ok({ children: [] }), /data.parent is not an object/],
    [req('digitisation'), ok({ evaluation: [metricRow({ ratio: 50 })] }), /ratio 50 of SO_HOA_GIAY_TO_GIAI_QUYET of H44.100 does not match its numerator\/denominator 7\/8/],
    [req('digitisation'), ok({ evaluation: [{ ...commune, metrics: [{ code: 'ORIGINAL_RESULT_AVAILABLE', numerator: 1, denominator: 1 }] }] }), /no unit carries the metric SO_HOA_GIAY_TO_GIAI_QUYET/],
    [req('digitisation'), ok({ evaluation: [{ ...commune, metrics: null }] }), /metrics of H44.100 is not a list/],
    [req('satisfaction'), ok({ evaluation: [{ ...commune, childGroup: 'WARD_X', metrics: [] }] }), /H44.100 has childGroup "WARD_X"/],
    [req('satisfaction'), JSON.stringify({ code: 'ERROR', data: null }), /code is "ERROR", not "OK"/],
  ])('refuses a count tree it does not recognise (%#), with the reason', (request, body, reason) => {
    expect(() => parseIndexResponse(request, body, 'https://x/api')).toThrow(reason);
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
