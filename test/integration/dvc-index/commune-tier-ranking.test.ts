/**
 * The whole commune tier of the 2025 system in one ranking (`tier: COMMUNE`: wards, communes and special zones, the
 * 3,321 units of three levels) through the real GraphQL API, over the index mirror's answers for October 2025 and
 * October 2024 (3 provinces' communes, 2 months): every unit of the tier is ranked or listed as missing, values and
 * ranks are the mirror's, the rows are those of the three per-province rankings; a tier with a parent, the argument
 * checks, the set limit and the cost analysis.
 */
import { indexApiContext } from '../../helpers/dvc-index';
import { demoIndexAgencies, sampleScores } from '../../../demo/dvc-index/mirror';

const ctx = indexApiContext([{ year: 2025, grain: 'month', index: 10 }, { year: 2024, grain: 'month', index: 10 }]);

const execute = <T extends object>(sql: string, params: unknown[] = []) => ctx.db.orm.em.fork().getConnection().execute<T[]>(sql, params);

interface Row { rank: number; previousRank: number | null; value: number; previousValue: number | null; unit: { id: string; name: string; parent: { name: string } | null } }
const TIER = `query($year: Int!, $month: Int, $tier: UnitTier, $level: UnitLevel, $parentId: ID) {
  compare(metric: "dvc_index_total", year: $year, month: $month, tier: $tier, level: $level, parentId: $parentId) {
    rows { rank previousRank value previousValue unit { id name parent { name } } } missing { id name } } }`;

/** The mirror's matched communes with their 2025 unit ids and sample totals. */
async function expectedCommunes(): Promise<Array<{ unitId: string; total: number; previous: number }>> {
  const agencies = await execute<{ code: string; unit_id: number; level: string }>(
    `select a.code, a.unit_id, u.level from index_agency a join admin_unit u on u.id = a.unit_id where a.match_status = 'matched'`);
  const communes = new Set(demoIndexAgencies().filter((a) => a.kind === 'commune').map((a) => a.code));
  return agencies.filter((a) => communes.has(a.code)).map((a) => ({
    unitId: String(a.unit_id), total: sampleScores(a.code, '2025-M10').total, previous: sampleScores(a.code, '2024-M10').total,
  }));
}

/** Standard competition rank of each value among `values`, largest first. */
const rankOf = (value: number, values: number[]) => 1 + values.filter((v) => v > value).length;
const collator = new Intl.Collator('vi', { numeric: true });

describe('compare with tier: COMMUNE', () => {
  it('ranks every commune-tier unit of October 2025 nationally: the mirror\'s values, standard ranks, the rest missing', async () => {
    const { body } = await ctx.api.gql(TIER, { year: 2025, month: 10, tier: 'COMMUNE' });
    expect(body.errors).toBeUndefined();
    const rows = body.data.compare.rows as Row[];
    const missing = body.data.compare.missing as Array<{ id: string; name: string }>;
    expect(rows.length + missing.length).toBe(3321);
    const expected = await expectedCommunes();
    // Every commune agency of the mirror but its deliberately unknown one (H01.999).
    expect(expected.length).toBe(demoIndexAgencies().filter((a) => a.kind === 'commune').length - 1);
    expect(rows.map((r) => r.unit.id).sort()).toEqual(expected.map((e) => e.unitId).sort());
    const byUnit = new Map(expected.map((e) => [e.unitId, e]));
    const totals = expected.map((e) => e.total);
    const previous = expected.map((e) => e.previous);
    for (const r of rows) {
      const e = byUnit.get(r.unit.id)!;
      expect({ unit: r.unit.id, value: r.value, rank: r.rank, previousValue: r.previousValue, previousRank: r.previousRank })
        .toEqual({ unit: r.unit.id, value: e.total, rank: rankOf(e.total, totals), previousValue: e.previous, previousRank: rankOf(e.previous, previous) });
    }
    // Best first; equal ranks by name (numbers in numeric order), then id.
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const order = a.rank - b.rank || collator.compare(a.unit.name, b.unit.name) || Number(a.unit.id) - Number(b.unit.id);
      expect(order).toBeLessThan(0);
    }
    // The units of three levels, each under its province (parent read with the ids and names only).
    const levels = await execute<{ level: string }>('select distinct level from admin_unit where id in (?)', [rows.map((r) => Number(r.unit.id))]);
    expect(levels.map((l) => l.level).sort()).toEqual(expect.arrayContaining(['commune', 'ward']));
    expect(new Set(rows.map((r) => r.unit.parent?.name))).toEqual(new Set(['Tỉnh An Giang', 'Tỉnh Lai Châu', 'Tỉnh Cao Bằng']));
    // Missing: the other provinces' units of the tier, by name then id; never a 2025-06-30 unit, never a department.
    for (let i = 1; i < missing.length; i++) {
      const [a, b] = [missing[i - 1], missing[i]];
      expect(collator.compare(a.name, b.name) || Number(a.id) - Number(b.id)).toBeLessThan(0);
    }
    const [outside] = await execute<{ n: string }>(
      `select count(*) as n from admin_unit where id in (?) and (code_set <> 'nq202_2025' or level not in ('ward', 'commune', 'special_zone'))`,
      [missing.map((m) => Number(m.id))]);
    expect(Number(outside.n)).toBe(0);
  });

  it('is the union of the three provinces\' rankings, and with parentId the province\'s tier units only', async () => {
    const national = (await ctx.api.gql(TIER, { year: 2025, month: 10, tier: 'COMMUNE' })).body.data.compare.rows as Row[];
    const union: Array<[string, number]> = [];
    for (const gso of ['91', '12', '04']) {
      const [p] = await execute<{ id: number }>(`select id from admin_unit where code_set = 'nq202_2025' and code = ?`, [gso]);
      const province = await ctx.api.gql(TIER, { year: 2025, month: 10, parentId: String(p.id) });
      const inTier = await ctx.api.gql(TIER, { year: 2025, month: 10, parentId: String(p.id), tier: 'COMMUNE' });
      expect(inTier.body.errors).toBeUndefined();
      const all = province.body.data.compare.rows as Row[];
      const tier = inTier.body.data.compare.rows as Row[];
      // An Giang's unmatched agency sits on a local unit (level OTHER) under the province: in its set, not in the tier.
      expect(all.length - tier.length).toBe(gso === '91' ? 1 : 0);
      union.push(...tier.map((r): [string, number] => [r.unit.id, r.value]));
    }
    const sort = (list: Array<[string, number]>) => [...list].sort((a, b) => a[0].localeCompare(b[0]));
    expect(sort(national.map((r) => [r.unit.id, r.value]))).toEqual(sort(union));
  });

  it('gives the same ranking whether the units are read with all their fields or with ids and names only', async () => {
    const full = await ctx.api.gql(`{ compare(metric: "dvc_index_total", year: 2025, month: 10, tier: COMMUNE) {
      rows { rank unit { id name level code codeSet validFrom } } missing { id level } } }`);
    const keys = await ctx.api.gql(`{ compare(metric: "dvc_index_total", year: 2025, month: 10, tier: COMMUNE) { rows { rank unit { id name } } missing { id } } }`);
    expect(full.body.errors).toBeUndefined();
    const rows = full.body.data.compare.rows as Array<{ rank: number; unit: { id: string; name: string; level: string; code: string; codeSet: string; validFrom: string } }>;
    expect(rows.map((r) => ({ rank: r.rank, unit: { id: r.unit.id, name: r.unit.name } }))).toEqual(keys.body.data.compare.rows);
    expect(new Set(rows.map((r) => r.unit.codeSet))).toEqual(new Set(['NQ202_2025']));
    expect(rows.every((r) => ['WARD', 'COMMUNE', 'SPECIAL_ZONE'].includes(r.unit.level) && r.unit.code && r.unit.validFrom === '2025-07-01')).toBe(true);
    expect(full.body.data.compare.missing.map((m: { id: string }) => m.id)).toEqual(keys.body.data.compare.missing.map((m: { id: string }) => m.id));
  });

  it('ranks the province tier like levels PROVINCE and CENTRAL_CITY together', async () => {
    const tier = await ctx.api.gql(TIER, { year: 2025, month: 10, tier: 'PROVINCE' });
    expect(tier.body.errors).toBeUndefined();
    const c = tier.body.data.compare;
    const [n] = await execute<{ n: string }>(`select count(*) as n from admin_unit where code_set = 'nq202_2025' and level in ('province', 'central_city')`);
    expect(c.rows.length + c.missing.length).toBe(Number(n.n));
    expect(c.rows.map((r: Row) => r.unit.name).sort()).toEqual(['Tỉnh An Giang', 'Tỉnh Cao Bằng', 'Tỉnh Lai Châu']);
  });

  it('refuses level with tier, a tier too large for one set, and a national tier ranking that would cost too much', async () => {
    const both = await ctx.api.gql(TIER, { year: 2025, month: 10, tier: 'COMMUNE', level: 'WARD' });
    expect(both.body.errors?.[0]).toMatchObject({ message: 'give either level or tier, not both', extensions: { code: 'BAD_USER_INPUT' } });
    const ids = await ctx.api.gql(`{ compare(metric: "dvc_index_total", year: 2025, month: 10, tier: COMMUNE, unitIds: ["1"]) { rows { rank } } }`);
    expect(ids.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('not both') });
    // The year 2025 against 2024 holds the communes of both systems (valid until 2025-06-30, and from 2025-07-01).
    const year = await ctx.api.gql(TIER, { year: 2025, tier: 'COMMUNE' });
    expect(year.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/more than 3500/) });
    const costly = await ctx.api.gql(`{ compare(metric: "dvc_index_total", year: 2025, month: 10, tier: COMMUNE) {
      rows { rank value figure { id evidence { sentence } document { url title publishedAt source { id name } } } unit { id name } } missing { id } } }`);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/estimated cost is \d+/) });
  });
});

describe('timeSeries with tier', () => {
  it('follows a province\'s tier units month by month', async () => {
    const [p] = await execute<{ id: number }>(`select id from admin_unit where code_set = 'nq202_2025' and code = '12'`);
    const { body } = await ctx.api.gql(`query($p: ID) { timeSeries(metric: "dvc_index_total", parentId: $p, tier: COMMUNE, yearFrom: 2025, yearTo: 2025, grain: MONTH) {
      unit { id level } points { fromMonth value } } }`, { p: String(p.id) });
    expect(body.errors).toBeUndefined();
    const series = body.data.timeSeries as Array<{ unit: { id: string; level: string }; points: Array<{ fromMonth: number; value: number }> }>;
    const laiChau = demoIndexAgencies().filter((a) => a.provinceCode === 'H35' && a.kind === 'commune');
    expect(series).toHaveLength(laiChau.length);
    expect(series.every((s) => ['WARD', 'COMMUNE', 'SPECIAL_ZONE'].includes(s.unit.level) && s.points.length === 1 && s.points[0].fromMonth === 10)).toBe(true);
  });
});
