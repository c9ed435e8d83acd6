/**
 * The page's GraphQL operations (web/api.js) against the API's schema: every query must validate, and the variables
 * the page sends must coerce to the declared types. When the API changes a name the page uses, this fails here,
 * before a browser is needed. The answers are canned, to check the page's mapping into its own shapes.
 */
import { getVariableValues, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { createSchema } from '../../../src/graphql/schema';
import { loadWebModule } from './load-web-module';

const api = loadWebModule('api.js');

const unit = (id: string, name: string) => ({
  id, name, shortName: name, level: 'DISTRICT', code: id, codeSet: 'GSO', validFrom: null, validTo: '2025-06-30', parent: { id: '79', name: 'Thành phố Hồ Chí Minh', shortName: 'TP Hồ Chí Minh' },
});
const cell = { tableIndex: 2, caption: 'Bảng 2: Kết quả', rowLabel: 'UBND Quận 1', columnHeader: 'Tỷ lệ đúng hạn (%)', page: 3 };
const figure = {
  id: '41', reviewStatus: 'CONFIRMED', evidence: { sentence: 'Quận 1 đạt 99,1%.' }, cell, checkFailed: true, checkReason: 'rate 99,1% ≠ 990 / 1.000 = 99%',
  document: { url: 'https://example.test/a', title: 'Bài', publishedAt: '2020-01-08T02:00:00.000Z', source: { id: 'q1', name: 'Cổng Quận 1', demo: true } },
};

const ANSWERS: Record<string, unknown> = {
  Metrics: { metrics: [{ code: 'on_time_rate', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Dossiers resolved on time', unit: 'percent' }] },
  Units: { units: { totalCount: 1, edges: [{ node: unit('760', 'Quận 1') }] } },
  UnitsById: { u0: unit('760', 'Quận 1'), u1: null },
  UnitByCode: { unit: unit('79', 'Thành phố Hồ Chí Minh') },
  Compare: {
    compare: {
      baselineYear: 2018,
      rows: [{ rank: 1, previousRank: 3, value: 99.1, previousValue: 98.3, change: 0.8, definitionChanged: false, periodLabel: 'năm 2019', partialYear: false,
        reviewStatus: 'CONFIRMED', alternatives: 2, unit: unit('760', 'Quận 1'), figure }],
      missing: [unit('770', 'Quận 3')],
    },
  },
  Series: { timeSeries: [{ unit: unit('760', 'Quận 1'), points: [{ year: 2020, value: 94, periodLabel: 'năm 2020', partialYear: false, figure }, { year: 2019, value: 93.2, periodLabel: '9 tháng năm 2019', partialYear: true, figure: null }] }] },
  Sources: { sources: [{ id: 'q1', name: 'Cổng Quận 1', demo: false }, { id: 'demo', name: 'Cổng mẫu', demo: true }] },
  Alternatives: { figures: { edges: [
    { node: { ...figure, value: 99.1, subjectScope: 'UNIT', isChange: false, period: { label: 'năm 2019' } } },
    { node: { ...figure, id: '42', value: 97, subjectScope: 'UNIT', isChange: false, period: { label: '9 tháng năm 2019' } } },
    { node: { ...figure, id: '43', value: 100, subjectScope: 'SUBUNITS', isChange: false, period: { label: 'năm 2019' } } },
    { node: { ...figure, id: '44', value: 98.6, subjectScope: 'PROVINCE_WIDE', isChange: false, period: { label: 'năm 2019' } } },
    { node: { ...figure, id: '45', value: 99.9, subjectScope: 'DEPARTMENTS', isChange: false, period: { label: 'năm 2019' } } },
  ] } },
  UnitProfile: { unit: { ...unit('26734', 'Phường 1'), level: 'WARD', parent: { id: '866', name: 'Thành phố Cao Lãnh', shortName: 'TP Cao Lãnh', level: 'PROVINCIAL_CITY',
    parent: { id: '87', name: 'Tỉnh Đồng Tháp', shortName: 'Đồng Tháp', level: 'PROVINCE' } }, predecessors: [], successors: [unit('30001', 'Phường Cao Lãnh')] } },
  PeerStats: { figureStats: [{ year: 2020, count: 3, min: 90, max: 99, median: 95 }, { year: 2019, count: 2, min: 91, max: 98, median: 94.5 }] },
  Years: { figureStats: [{ year: 2018, count: 2 }, { year: 2019, count: 4 }, { year: null, count: 1 }] },
};

let schema: GraphQLSchema;
const sent: Array<{ operation: string; problems: string[] }> = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  schema = await createSchema();
  globalThis.fetch = (async (_url: string, init: { body: string }) => {
    const { query, variables } = JSON.parse(init.body);
    const doc = parse(query);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const problems = validate(schema, doc).map((e) => e.message);
    const coerced = getVariableValues(schema, op.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) problems.push(...coerced.errors.map((e) => e.message));
    const operation = op.name!.value;
    sent.push({ operation, problems });
    return new Response(JSON.stringify({ data: ANSWERS[operation] }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

function lastSent(operation: string) {
  const s = sent.filter((x) => x.operation === operation).pop();
  expect(s).toBeDefined();
  return s!;
}

describe('the page queries the public API by names the schema has', () => {
  it('metrics and unit look-ups', async () => {
    expect(await api.fetchMetrics()).toHaveLength(1);
    expect(lastSent('Metrics').problems).toEqual([]);
    const found = await api.searchUnits({ search: 'quan 1', level: 'DISTRICT', first: 5 });
    expect(found).toEqual({ total: 1, units: [expect.objectContaining({ id: '760', name: 'Quận 1', parentName: 'Thành phố Hồ Chí Minh' })] });
    expect(lastSent('Units').problems).toEqual([]);
    expect((await api.fetchUnitsByIds(['760', '999999'])).map((u: { id: string }) => u.id)).toEqual(['760']);
    expect(lastSent('UnitsById').problems).toEqual([]);
    expect((await api.fetchUnitByCode('79')).name).toBe('Thành phố Hồ Chí Minh');
    expect(lastSent('UnitByCode').problems).toEqual([]);
  });

  it.each([
    ['units', { unitIds: ['760', '770'] }],
    ['parent', { parentId: '79' }],
    ['level', { level: 'PROVINCE' }],
  ])('compare over a unit set given by %s', async (_name, set) => {
    const result = await api.fetchCompare({ metric: 'on_time_rate', year: 2019, kind: 'ACTUAL', ...set });
    expect(lastSent('Compare').problems).toEqual([]);
    expect(result.rows[0]).toEqual({
      rank: 1, previousRank: 3, unit: expect.objectContaining({ name: 'Quận 1', parentShortName: 'TP Hồ Chí Minh' }), value: 99.1, previousValue: 98.3, change: 0.8,
      definitionChanged: false, periodLabel: 'năm 2019', partialYear: false, reviewStatus: 'CONFIRMED', alternatives: 2,
      source: {
        figureId: '41', sentence: 'Quận 1 đạt 99,1%.', url: 'https://example.test/a', title: 'Bài', publishedAt: '2020-01-08T02:00:00.000Z',
        cell, checkReason: 'rate 99,1% ≠ 990 / 1.000 = 99%', sourceName: 'Cổng Quận 1', sample: true,
      },
    });
    expect(result.missing.map((u: { name: string }) => u.name)).toEqual(['Quận 3']);
  });

  it('timeSeries, points sorted by year, a point without a figure has no source', async () => {
    const series = await api.fetchTimeSeries({ metric: 'satisfaction_rate', parentId: '79', yearFrom: 2018, yearTo: null, kind: 'ACTUAL' });
    expect(lastSent('Series').problems).toEqual([]);
    expect(series[0].points.map((p: { year: number; partialYear: boolean; source: unknown }) => [p.year, p.partialYear, p.source === null]))
      .toEqual([[2019, true, true], [2020, false, false]]);
  });

  it('sources (sample flag), alternatives (candidates only), unit profile (province found up the chain) and peer statistics', async () => {
    expect(await api.fetchSources()).toEqual([{ id: 'q1', name: 'Cổng Quận 1', sample: false }, { id: 'demo', name: 'Cổng mẫu', sample: true }]);
    expect(lastSent('Sources').problems).toEqual([]);
    const alts = await api.fetchAlternatives({ unitId: '760', metric: 'on_time_rate', year: 2019, kind: 'ACTUAL' });
    expect(lastSent('Alternatives').problems).toEqual([]);
    // The rule's candidates: the unit itself and its whole area ("toàn tỉnh"), not its wards or its departments.
    expect(alts.map((a: any) => [a.value, a.periodLabel, a.source.figureId]))
      .toEqual([[99.1, 'năm 2019', '41'], [97, '9 tháng năm 2019', '42'], [98.6, 'năm 2019', '44']]);
    const profile = await api.fetchUnitProfile('26734');
    expect(lastSent('UnitProfile').problems).toEqual([]);
    expect(profile.province).toEqual({ id: '87', name: 'Tỉnh Đồng Tháp' });
    expect(profile.unit).toMatchObject({ name: 'Phường 1', parentShortName: 'TP Cao Lãnh' });
    expect(profile.successors.map((u: any) => u.name)).toEqual(['Phường Cao Lãnh']);
    expect(await api.fetchPeerStats({ metric: 'on_time_rate', provinceId: '87', level: 'WARD' })).toEqual([
      { year: 2019, count: 2, min: 91, max: 98, median: 94.5 }, { year: 2020, count: 3, min: 90, max: 99, median: 95 }]);
    expect(lastSent('PeerStats').problems).toEqual([]);
  });

  it('passes asOf to compare and timeSeries', async () => {
    await api.fetchCompare({ metric: 'on_time_rate', year: 2019, kind: 'ACTUAL', parentId: '79', asOf: '2026-12-01T00:00:00.000Z' });
    expect(lastSent('Compare').problems).toEqual([]);
    await api.fetchTimeSeries({ metric: 'on_time_rate', parentId: '79', kind: 'ACTUAL', asOf: '2026-12-01T00:00:00.000Z' });
    expect(lastSent('Series').problems).toEqual([]);
  });

  it('figureStats for the years with data, newest first', async () => {
    expect(await api.fetchYearsWithData({ metric: 'on_time_rate' })).toEqual([{ year: 2019, count: 4 }, { year: 2018, count: 2 }]);
    expect(lastSent('Years').problems).toEqual([]);
  });

  it('turns GraphQL errors into ApiError with the code', async () => {
    const saved = globalThis.fetch;
    globalThis.fetch = (async () => new Response(JSON.stringify({ errors: [{ message: 'metric "x" does not exist', extensions: { code: 'BAD_USER_INPUT' } }] }), { status: 200 })) as unknown as typeof fetch;
    try {
      await expect(api.fetchMetrics()).rejects.toMatchObject({ name: 'ApiError', message: 'metric "x" does not exist', code: 'BAD_USER_INPUT' });
    } finally {
      globalThis.fetch = saved;
    }
  });
});
