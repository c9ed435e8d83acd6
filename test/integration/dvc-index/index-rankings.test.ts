/**
 * Rankings and series of the national index through the real GraphQL API, over answers fetched from the loopback
 * mirror: `compare` for one month ranks the provinces (level PROVINCE) and, with `parentId`, a province's communes;
 * quarters and halves rank the same way; `timeSeries` follows a commune month by month; the crosswalk's report and
 * the guarded override mutation.
 */
import { indexApiContext } from '../../helpers/dvc-index';
import { demoIndexAgencies, sampleScores } from '../../../demo/dvc-index/mirror';

const ADMIN_TOKEN = 'admin-token-for-tests-0001';
const ctx = indexApiContext([
  { year: 2025, grain: 'month', index: 9 }, { year: 2025, grain: 'month', index: 10 },
  { year: 2025, grain: 'quarter', index: 3 }, { year: 2025, grain: 'year', index: 1 },
], { ADMIN_TOKEN });

const idOf = async (sql: string, params: unknown[] = []) => (await ctx.db.orm.em.fork().execute<{ id: number }[]>(sql, params))[0].id;
const anGiang = () => idOf(`select id from admin_unit where code_set = 'nq202_2025' and code = '91'`);

const COMPARE = `query($metric: String!, $year: Int!, $month: Int, $quarter: Int, $half: Int, $level: UnitLevel, $parentId: ID) {
  compare(metric: $metric, year: $year, month: $month, quarter: $quarter, half: $half, level: $level, parentId: $parentId) {
    grain fromMonth toMonth year rows { rank value periodLabel partialYear unit { name level } figure { period { fromMonth toMonth } document { url } } }
    missing { name }
  }
}`;

describe('compare by month', () => {
  it('ranks the 2025 provinces of the index for October 2025, best first, and lists the others as missing', async () => {
    const { body } = await ctx.api.gql(COMPARE, { metric: 'dvc_index_total', year: 2025, month: 10, level: 'PROVINCE' });
    expect(body.errors).toBeUndefined();
    const c = body.data.compare;
    expect(c).toMatchObject({ grain: 'MONTH', fromMonth: 10, toMonth: 10 });
    const expected = ['H01', 'H35', 'H14'].map((code) => ({ code, total: sampleScores(code, '2025-M10').total }))
      .sort((a, b) => b.total - a.total);
    expect(c.rows.map((r: { value: number }) => r.value)).toEqual(expected.map((e) => e.total));
    expect(c.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3]);
    expect(c.rows[0]).toMatchObject({ periodLabel: 'tháng 10/2025', partialYear: true, figure: { period: { fromMonth: 10, toMonth: 10 } } });
    // Only units valid in October 2025: the 2025 provinces without index data, none of the 63 dissolved ones.
    const provinces2025 = await ctx.db.orm.em.fork().execute<{ n: string }[]>(
      `select count(*) as n from admin_unit where code_set = 'nq202_2025' and level = 'province'`);
    expect(c.rows.length + c.missing.length).toBe(Number(provinces2025[0].n));
  });

  it('ranks a province\'s communes with parentId, and the month asked for only', async () => {
    const { body } = await ctx.api.gql(COMPARE, { metric: 'dvc_index_total', year: 2025, month: 9, parentId: String(await anGiang()) });
    expect(body.errors).toBeUndefined();
    const rows = body.data.compare.rows as Array<{ rank: number; value: number; unit: { name: string; level: string } }>;
    const communes = demoIndexAgencies().filter((a) => a.provinceCode === 'H01' && a.kind === 'commune');
    expect(rows).toHaveLength(communes.length); // 102 matched communes and the unmatched one on its local unit
    expect(body.data.compare.missing).toEqual([]);
    expect(rows.every((r) => r.unit.level !== 'DEPARTMENT')).toBe(true);
    const values = rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const tanHoi = rows.find((r) => r.unit.name === 'Xã Tân Hội')!;
    const code = demoIndexAgencies().find((a) => a.name === 'UBND xã Tân Hội - tỉnh An Giang')!.code;
    expect(tanHoi.value).toBeCloseTo(sampleScores(code, '2025-M09').total, 6);
  });

  it('ranks a quarter and the whole year with the same arguments, and refuses two periods at once', async () => {
    const q = await ctx.api.gql(COMPARE, { metric: 'dvc_index_progress', year: 2025, quarter: 3, level: 'PROVINCE' });
    expect(q.body.data.compare).toMatchObject({ grain: 'QUARTER', fromMonth: 7, toMonth: 9 });
    expect(q.body.data.compare.rows).toHaveLength(3);
    expect(q.body.data.compare.rows[0].periodLabel).toBe('quý 3/2025');
    const y = await ctx.api.gql(COMPARE, { metric: 'dvc_index_total', year: 2025, level: 'PROVINCE' });
    expect(y.body.data.compare.grain).toBe('YEAR');
    // The whole-year figure is chosen for the year, not a month.
    expect(y.body.data.compare.rows.map((r: { periodLabel: string }) => r.periodLabel)).toEqual(['năm 2025', 'năm 2025', 'năm 2025']);
    const h = await ctx.api.gql(COMPARE, { metric: 'dvc_index_total', year: 2025, half: 2, level: 'PROVINCE' });
    expect(h.body.data.compare.rows).toEqual([]); // nothing stored for July-December as a half: missing, not months
    const bad = await ctx.api.gql(COMPARE, { metric: 'dvc_index_total', year: 2025, month: 10, quarter: 4, level: 'PROVINCE' });
    expect(bad.body.errors?.[0]).toMatchObject({ message: 'give at most one of month, quarter and half', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('timeSeries by month', () => {
  it('follows a commune month by month, and by year keeps one point per year', async () => {
    const tanHoi = await idOf(`select id from admin_unit where code_set = 'nq202_2025' and name = 'Xã Tân Hội' and parent_id = ?`, [await anGiang()]);
    const query = `query($ids: [ID!], $grain: PeriodGrain) { timeSeries(metric: "dvc_index_total", unitIds: $ids, yearFrom: 2025, yearTo: 2025, grain: $grain) {
      points { year fromMonth toMonth value periodLabel } } }`;
    const { body } = await ctx.api.gql(query, { ids: [String(tanHoi)], grain: 'MONTH' });
    expect(body.errors).toBeUndefined();
    const code = demoIndexAgencies().find((a) => a.name === 'UBND xã Tân Hội - tỉnh An Giang')!.code;
    expect(body.data.timeSeries[0].points).toEqual([
      { year: 2025, fromMonth: 9, toMonth: 9, value: sampleScores(code, '2025-M09').total, periodLabel: 'tháng 9/2025' },
      { year: 2025, fromMonth: 10, toMonth: 10, value: sampleScores(code, '2025-M10').total, periodLabel: 'tháng 10/2025' },
    ]);
    const quarters = await ctx.api.gql(query, { ids: [String(tanHoi)], grain: 'QUARTER' });
    expect(quarters.body.data.timeSeries[0].points.map((p: { fromMonth: number }) => p.fromMonth)).toEqual([7]);
    const years = await ctx.api.gql(query, { ids: [String(tanHoi)], grain: 'YEAR' });
    expect(years.body.data.timeSeries[0].points).toEqual([
      { year: 2025, fromMonth: null, toMonth: null, value: sampleScores(code, '2025-Y').total, periodLabel: 'năm 2025' },
    ]);
  });
});

describe('crosswalk in the API', () => {
  const REPORT = '{ indexAgencies(matchStatus: UNMATCHED) { code name matchNote unit { name level } } }';
  const SET = 'mutation($code: String!, $unitId: ID!) { setIndexAgencyUnit(code: $code, unitId: $unitId, note: "checked") { figuresMoved agency { code matchStatus unit { name } } } }';

  it('reports the unmatched agency and lets only the admin override it', async () => {
    const report = await ctx.api.gql(REPORT);
    expect(report.body.data.indexAgencies).toEqual([{
      code: 'H01.999', name: 'UBND xã Mẫu Thử - tỉnh An Giang', matchNote: 'no unit named "mau thu" in its province',
      unit: { name: 'UBND xã Mẫu Thử - tỉnh An Giang', level: 'OTHER' },
    }]);
    const target = await idOf(`select id from admin_unit where code_set = 'nq202_2025' and name = 'Xã Tân Hội' and parent_id = ?`, [await anGiang()]);
    const refused = await ctx.api.gql(SET, { code: 'H01.999', unitId: String(target) });
    expect(refused.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ctx.api.gql(REPORT)).body.data.indexAgencies).toHaveLength(1);
    const ok = await ctx.api.gql(SET, { code: 'H01.999', unitId: String(target) }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.setIndexAgencyUnit).toEqual({ figuresMoved: 4 * 8, agency: { code: 'H01.999', matchStatus: 'OVERRIDE', unit: { name: 'Xã Tân Hội' } } });
    expect((await ctx.api.gql(REPORT)).body.data.indexAgencies).toEqual([]);
  });
});
