/** Journey: a researcher pulls satisfaction time series 2018-2021 for all HCMC districts, with provenance. */
import { journeyContext } from '../../helpers/api-journey';
import { CASES, YEARS, existedIn, expectedValue, viNumber } from '../../helpers/figure-fixtures';

const j = journeyContext();

const SERIES = `query Series($metric: String!, $ids: [ID!], $parentId: ID, $level: UnitLevel, $kind: FigureKind) {
  timeSeries(metric: $metric, unitIds: $ids, parentId: $parentId, level: $level, yearFrom: 2018, yearTo: 2021, kind: $kind) {
    unit { id code name }
    points { year value periodLabel partialYear alternatives reviewStatus figureId
      figure { id evidence { sentence start end } document { url title publishedAt text } extractorVersion reviewStatus } }
  }
}`;

describe('researcher: satisfaction time series for all HCMC districts', () => {
  let districtIds: string[];
  let validity: Map<string, { validFrom: string | null; validTo: string | null }>;

  beforeAll(async () => {
    // Find the city and its districts through the API, as a researcher would: the 22 of the GSO list and the three
    // dissolved on 2021-01-01 when Thành phố Thủ Đức was formed.
    const { body } = await j.api.gql(`{ unit(code: "79") { id name children { id code name level validFrom validTo } } }`);
    expect(body.data.unit.name).toBe('Thành phố Hồ Chí Minh');
    districtIds = body.data.unit.children.map((c: { id: string }) => c.id);
    expect(districtIds).toHaveLength(25);
    validity = new Map(body.data.unit.children.map((c: any) => [c.id, { validFrom: c.validFrom, validTo: c.validTo }]));
  });

  it('returns one series per district, one point per year, with the value the selection rule picks', async () => {
    const { status, body } = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: districtIds });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const series = body.data.timeSeries as Array<{ unit: { id: string; code: string }; points: Array<Record<string, any>> }>;
    expect(series.map((s) => s.unit.id)).toEqual(districtIds);
    for (const s of series) {
      for (const year of YEARS) {
        const expected = existedIn(validity.get(s.unit.id)!, year) ? expectedValue('satisfaction_rate', s.unit.code, year) : null;
        const point = s.points.find((p) => p.year === year);
        if (expected === null) expect(point).toBeUndefined();
        else expect(point?.value).toBeCloseTo(expected, 6);
      }
      expect(s.points.map((p) => p.year)).toEqual([...s.points.map((p) => p.year)].sort());
    }
  });

  it('prefers the later publication and says how many alternatives were set aside', async () => {
    const { body } = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: [String(j.fx.unit(CASES.laterPublication.code).id)] });
    const point = body.data.timeSeries[0].points.find((p: any) => p.year === 2018);
    expect(point).toMatchObject({ value: CASES.laterPublication.late, alternatives: 1, partialYear: false });
  });

  it('shows a part-year figure when nothing better exists, flagged partial, with its period label', async () => {
    const { body } = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: [String(j.fx.unit(CASES.partialOnly.code).id)] });
    const point = body.data.timeSeries[0].points.find((p: any) => p.year === 2020);
    expect(point).toMatchObject({ value: CASES.partialOnly.value, partialYear: true, periodLabel: '6 tháng đầu năm 2020', alternatives: 0 });
  });

  it('never shows rejected figures, changes, or figures about the wards of a district', async () => {
    const ids = [CASES.rejectedOnly.code, CASES.subunits.code].map((c) => String(j.fx.unit(c).id));
    const { body } = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids });
    const [rejected, subunits] = body.data.timeSeries;
    expect(rejected.points.find((p: any) => p.year === 2021)).toBeUndefined();
    const p2019 = subunits.points.find((p: any) => p.year === 2019);
    expect(p2019.value).not.toBe(100);
    expect(p2019.alternatives).toBe(0);
    const change = await j.api.gql(SERIES, { metric: 'dossiers_received', ids: [String(j.fx.unit(CASES.change.code).id)] });
    expect(change.body.data.timeSeries[0].points.find((p: any) => p.year === 2019).value).toBe(expectedValue('dossiers_received', CASES.change.code, 2019));
  });

  it('gives every point its provenance: document URL, title, date, evidence sentence and offsets', async () => {
    const { body } = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: [String(j.fx.unit('765').id)] });
    const point = body.data.timeSeries[0].points.find((p: any) => p.year === 2019);
    const { figure } = point;
    expect(figure.id).toBe(point.figureId);
    expect(figure.evidence.sentence).toContain(`${viNumber(point.value)}%`);
    expect(figure.document.text.slice(figure.evidence.start, figure.evidence.end)).toBe(figure.evidence.sentence);
    expect(figure.document).toMatchObject({ url: expect.stringMatching(/^https:\/\/.*tong-ket-cchc-nam-2019$/), publishedAt: '2020-01-15T03:00:00.000Z' });
    expect(figure.document.title).toContain('Bình Thạnh');
    expect(figure).toMatchObject({ extractorVersion: 'test-1', reviewStatus: 'AUTO' });
  });

  it('takes the units as parentId + level, valid in those years, ordered by name', async () => {
    const hcmcId = String(j.fx.hcmc.id);
    const all = await j.api.gql(SERIES, { metric: 'satisfaction_rate', parentId: hcmcId });
    // 2018-2021 spans the 2021 merger: Quận 2, 9 and Thủ Đức (until 2020) and Thành phố Thủ Đức (from 2021).
    expect(all.body.data.timeSeries).toHaveLength(25);
    const names = all.body.data.timeSeries.map((s: any) => s.unit.name);
    const quan2 = all.body.data.timeSeries[names.indexOf('Quận 2')];
    expect(quan2.points.map((p: any) => p.year)).toEqual([2018, 2019, 2020]);
    const tpThuDuc = all.body.data.timeSeries[names.indexOf('Thành phố Thủ Đức')];
    expect(tpThuDuc.points.map((p: any) => p.year)).toEqual([2021]);
    expect(names.indexOf('Quận 3')).toBeLessThan(names.indexOf('Quận 10'));
    const districts = await j.api.gql(SERIES, { metric: 'satisfaction_rate', parentId: hcmcId, level: 'DISTRICT' });
    expect(districts.body.data.timeSeries).toHaveLength(24);
  });

  it('separates targets from actual figures', async () => {
    const { body } = await j.api.gql(SERIES, { metric: 'on_time_rate', ids: [String(j.fx.unit(CASES.target.code).id)], kind: 'TARGET' });
    expect(body.data.timeSeries[0].points).toEqual([expect.objectContaining({ year: 2020, value: 100 })]);
  });

  it('refuses unknown metrics, malformed ids, unknown units and ambiguous unit sets with BAD_USER_INPUT / NOT_FOUND', async () => {
    const unknown = await j.api.gql(SERIES, { metric: 'no_such_metric', ids: districtIds });
    expect(unknown.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('unknown metric') });
    const malformed = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: ['1 or 1=1'] });
    expect(malformed.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const missing = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: ['999999'] });
    expect(missing.body.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: 'unit 999999 does not exist' });
    const both = await j.api.gql(SERIES, { metric: 'satisfaction_rate', ids: districtIds, parentId: String(j.fx.hcmc.id) });
    expect(both.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const none = await j.api.gql(SERIES, { metric: 'satisfaction_rate' });
    expect(none.body.errors![0].message).toMatch(/name the units/);
  });
});
