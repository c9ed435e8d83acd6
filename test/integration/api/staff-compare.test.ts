/** Journey: city staff rank HCMC's districts by on-time rate in 2019, with the change from 2018. */
import { journeyContext } from '../../helpers/api-journey';
import { CASES, expectedValue } from '../../helpers/figure-fixtures';

const j = journeyContext();

const COMPARE = `query Compare($metric: String!, $year: Int!, $parentId: ID, $level: UnitLevel, $unitIds: [ID!], $baselineYear: Int) {
  compare(metric: $metric, year: $year, parentId: $parentId, level: $level, unitIds: $unitIds, baselineYear: $baselineYear) {
    metric { code higherIsBetter } year baselineYear descending definitionChanged
    rows { rank previousRank value previousValue change definitionChanged periodLabel partialYear alternatives
      unit { id code name } figure { id evidence { sentence } document { url publishedAt } } previousFigure { id period { year } } }
    missing { id code name }
  }
}`;

describe('city staff: rank a province\'s districts by on-time rate in 2019, with the change from 2018', () => {
  let c: any;
  beforeAll(async () => {
    const { status, body } = await j.api.gql(COMPARE, { metric: 'on_time_rate', year: 2019, parentId: String(j.fx.hcmc.id) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    c = body.data.compare;
  });

  it('ranks every district with data, best first, and lists the one without data as missing (never zero)', () => {
    expect(c).toMatchObject({ year: 2019, baselineYear: 2018, descending: true, definitionChanged: false, metric: { code: 'on_time_rate' } });
    // The 24 district-level units of 2019 (Quận 2, 9 and Thủ Đức, not Thành phố Thủ Đức of 2021), one without data.
    expect(c.rows).toHaveLength(23);
    expect(c.rows.map((r: any) => r.unit.name)).toEqual(expect.arrayContaining(['Quận 2', 'Quận 9', 'Quận Thủ Đức']));
    expect(c.rows.map((r: any) => r.unit.name)).not.toContain('Thành phố Thủ Đức');
    expect(c.missing.map((u: any) => u.code)).toEqual([CASES.missing.code]);
    expect(c.rows.some((r: any) => r.unit.code === CASES.missing.code)).toBe(false);
    const values = c.rows.map((r: any) => r.value);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    for (const r of c.rows) expect(r.value).toBeCloseTo(expectedValue('on_time_rate', r.unit.code, 2019)!, 6);
  });

  it('gives tied values the same rank and skips the next one (standard competition ranking)', () => {
    const tied = c.rows.filter((r: any) => (CASES.tie.codes as readonly string[]).includes(r.unit.code));
    expect(tied).toHaveLength(2);
    expect(tied[0].rank).toBe(tied[1].rank);
    expect(tied[0].value).toBe(CASES.tie.value);
    const ranks = c.rows.map((r: any) => r.rank);
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < ranks.length; i++) {
      expect(ranks[i]).toBe(c.rows[i].value === c.rows[i - 1].value ? ranks[i - 1] : i + 1);
    }
  });

  it('shows the 2018 value and the change, from the figure the selection rule picks for 2018', () => {
    for (const r of c.rows) {
      const prev = expectedValue('on_time_rate', r.unit.code, 2018)!;
      expect(r.previousValue).toBeCloseTo(prev, 6);
      expect(r.change).toBeCloseTo(r.value - prev, 6);
      expect(r.previousFigure.period.year).toBe(2018);
    }
    const tanBinh = c.rows.find((r: any) => r.unit.code === CASES.reviewedWins.code);
    expect(tanBinh.previousValue).toBe(CASES.reviewedWins.confirmed);
  });

  it('gives the rank in 2018 among the units of the set with a 2018 figure (for the rank change)', () => {
    const before = [...c.rows.map((r: any) => r.unit.code), ...c.missing.map((u: any) => u.code)]
      .map((code: string) => expectedValue('on_time_rate', code, 2018)).filter((v: number | null): v is number => v !== null);
    for (const r of c.rows) {
      const prev = expectedValue('on_time_rate', r.unit.code, 2018)!;
      expect([r.unit.code, r.previousRank]).toEqual([r.unit.code, 1 + before.filter((v: number) => v > prev).length]);
    }
    expect(new Set(c.rows.map((r: any) => r.previousRank)).size).toBeGreaterThan(10);
  });

  it('uses the full-year figure over an earlier part-year one and counts the alternative', () => {
    const binhThanh = c.rows.find((r: any) => r.unit.code === CASES.partialAlternative.code);
    expect(binhThanh).toMatchObject({ partialYear: false, periodLabel: 'năm 2019', alternatives: 1 });
    expect(binhThanh.value).not.toBe(CASES.partialAlternative.partialValue);
    expect(binhThanh.figure.evidence.sentence).toMatch(/đúng và trước hạn/);
  });

  it('reads the chosen figures\' detail columns only when the answer shows them, through fragments too', async () => {
    const base = `compare(metric: "on_time_rate", year: 2019, parentId: "${j.fx.hcmc.id}")`;
    const light = await j.api.gql(`{ ${base} { rows { rank value previousValue unit { code } } } }`);
    const viaFragment = await j.api.gql(`{ ${base} { rows { rank value previousValue unit { code } ...Detail } } }
      fragment Detail on ComparisonRow { periodLabel partialYear reviewStatus alternatives }`);
    expect(light.body.errors).toBeUndefined();
    expect(viaFragment.body.errors).toBeUndefined();
    const full = new Map(c.rows.map((r: any) => [r.unit.code, r]));
    // The light answer ranks exactly as the full one.
    expect(light.body.data.compare.rows).toEqual(c.rows.map((r: any) => ({ rank: r.rank, value: r.value, previousValue: r.previousValue, unit: { code: r.unit.code } })));
    for (const r of viaFragment.body.data.compare.rows) {
      const f: any = full.get(r.unit.code);
      expect(r).toMatchObject({ periodLabel: f.periodLabel, partialYear: f.partialYear, alternatives: f.alternatives });
      expect(r.periodLabel).toMatch(/2019/);
      expect(r.reviewStatus).toEqual(expect.any(String));
    }
    expect(viaFragment.body.data.compare.rows.find((r: any) => r.unit.code === CASES.partialAlternative.code).alternatives).toBe(1);
  });

  it('flags comparisons across a definition change', async () => {
    const ids = CASES.definitionChange.codes.map((code) => String(j.fx.unit(code).id));
    const { body } = await j.api.gql(COMPARE, { metric: 'online_services_full', year: 2022, unitIds: ids });
    expect(body.data.compare.definitionChanged).toBe(true);
    expect(body.data.compare.rows).toHaveLength(3);
    for (const r of body.data.compare.rows) expect(r).toMatchObject({ definitionChanged: true, previousValue: expect.any(Number) });
    const sameDefinition = await j.api.gql(COMPARE, { metric: 'online_services_full', year: 2022, baselineYear: 2022, unitIds: ids });
    expect(sameDefinition.body.data.compare.definitionChanged).toBe(false);
    const before = await j.api.gql(COMPARE, { metric: 'online_services_full', year: 2021, unitIds: ids });
    expect(before.body.data.compare.definitionChanged).toBe(false);
  });

  it('takes a level, or unit ids (missing ones in the order given), and refuses oversized sets', async () => {
    const ids = ['787', '760', '770'].map((code) => String(j.fx.unit(code).id));
    const { body } = await j.api.gql(COMPARE, { metric: 'on_time_rate', year: 2019, unitIds: ids });
    expect(body.data.compare.rows.map((r: any) => r.unit.code)).toEqual(['760', '770']);
    expect(body.data.compare.rows.map((r: any) => r.rank)).toEqual([1, 1]);
    expect(body.data.compare.missing.map((u: any) => u.code)).toEqual(['787']);
    const level = await j.api.gql(COMPARE, { metric: 'on_time_rate', year: 2019, parentId: String(j.fx.hcmc.id), level: 'DISTRICT' });
    expect(level.body.data.compare.rows.length + level.body.data.compare.missing.length).toBe(24);
    // Every commune of 2019 (~8,000) is more than a set may hold; asked with a light selection, the set size says so.
    const light = `{ compare(metric: "on_time_rate", year: 2019, level: COMMUNE) { rows { rank } missing { id } } }`;
    const communes = await j.api.gql(light);
    expect(communes.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/more than 3500/) });
    // With each row's figure, evidence and document, a national set is refused before it runs: its estimated cost
    // counts the 3,500 units it may hold, not the 50 of a parent's set.
    const heavy = await j.api.gql(COMPARE, { metric: 'on_time_rate', year: 2019, level: 'COMMUNE' });
    expect(heavy.body.errors![0]).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' }, message: expect.stringMatching(/estimated cost is \d+/) });
  });

  it('ranks lower-is-better metrics ascending', async () => {
    const { body } = await j.api.gql(COMPARE, { metric: 'late_dossiers', year: 2019, parentId: String(j.fx.hcmc.id) });
    expect(body.data.compare).toMatchObject({ descending: false, rows: [] });
    expect(body.data.compare.missing).toHaveLength(24);
  });

  it('compares the 22 units of 2022: Thành phố Thủ Đức instead of Quận 2, Quận 9 and Quận Thủ Đức', async () => {
    const { body } = await j.api.gql(COMPARE, { metric: 'on_time_rate', year: 2022, parentId: String(j.fx.hcmc.id) });
    expect(body.errors).toBeUndefined();
    const names = [...body.data.compare.rows, ...body.data.compare.missing.map((u: any) => ({ unit: u }))].map((r: any) => r.unit.name);
    expect(names).toHaveLength(22);
    expect(names).toContain('Thành phố Thủ Đức');
    for (const gone of ['Quận 2', 'Quận 9', 'Quận Thủ Đức']) expect(names).not.toContain(gone);
  });
});
