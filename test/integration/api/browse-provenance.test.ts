/** Browsing: the figure connection and its filters, provenance on every figure, documents, sources, runs, units. */
import { journeyContext } from '../../helpers/api-journey';
import { CASES } from '../../helpers/figure-fixtures';
import { IngestRun, RunStatus, RunTrigger } from '../../../src/modules/ingest-run/ingest-run.entity';
import { Source } from '../../../src/modules/source/source.entity';

const j = journeyContext({
  prepare: async (db, fx) => {
    const em = db.orm.em.fork();
    const source = await em.findOneOrFail(Source, { id: 'hcm-quan-1' });
    for (const [i, status] of [RunStatus.SUCCEEDED, RunStatus.PARTIAL].entries()) {
      em.create(IngestRun, {
        source, trigger: RunTrigger.CRON, startedAt: new Date(Date.UTC(2024, 0, 1 + i)), finishedAt: new Date(Date.UTC(2024, 0, 1 + i, 0, 5)),
        status, instance: 'test:1', listed: 10, fetched: 8, unchanged: 2, parsed: 8, figuresAdded: 20 + i, figuresUpdated: 0, failed: i,
        failures: i ? [{ url: 'https://quan1.hochiminhcity.gov.vn/x', reason: 'body missing', action: 'skip' }] : [],
      });
    }
    await em.flush();
  },
});

const PROVENANCE = `id value extractedValue total kind comparator approximate isChange reviewStatus extractorVersion confidence unit subjectScope
  period { year fromMonth toMonth label partialYear } evidence { sentence start end }
  subject { id code name } metric { code nameVi } document { id url title publishedAt text source { id name } }`;

describe('figures: a Relay connection with filters and provenance', () => {
  it('exposes every figure\'s provenance: document URL, title, date, evidence and offsets, extractor version, review status', async () => {
    const { body } = await j.api.gql(`{ figures(first: 500, orderBy: ID_ASC) { totalCount edges { node { ${PROVENANCE} } } } }`);
    expect(body.errors).toBeUndefined();
    const nodes = body.data.figures.edges.map((e: any) => e.node);
    expect(body.data.figures.totalCount).toBe(nodes.length);
    for (const f of nodes) {
      expect(f.document.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.sentence);
      expect(f.document.url).toMatch(/^https:\/\//);
      expect(f).toMatchObject({ extractorVersion: 'test-1', reviewStatus: expect.stringMatching(/^(AUTO|CONFIRMED|CORRECTED)$/) });
      expect(typeof f.value).toBe('number');
    }
    const partial = nodes.find((f: any) => f.period.label === '9 tháng đầu năm 2019');
    expect(partial.period).toEqual({ year: 2019, fromMonth: 1, toMonth: 9, label: '9 tháng đầu năm 2019', partialYear: true });
  });

  it('filters by metrics, unit codes, levels, province, years, kind, review status, sources and document', async () => {
    const count = async (filter: Record<string, unknown>) => {
      const { body } = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f) { totalCount } }`, { f: filter });
      expect(body.errors).toBeUndefined();
      return body.data.figures.totalCount as number;
    };
    const all = j.fx.figures.filter((f) => f.reviewStatus !== 'rejected');
    expect(await count({})).toBe(all.length);
    expect(await count({ metrics: ['on_time_rate'], kind: 'TARGET' })).toBe(1);
    expect(await count({ unitCodes: ['760'], metrics: ['satisfaction_rate'] })).toBe(4);
    expect(await count({ unitIds: [String(j.fx.unit('760').id)], yearFrom: 2020, yearTo: 2021, metrics: ['on_time_rate'] })).toBe(2);
    expect(await count({ levels: ['PROVINCIAL_CITY'] })).toBe(3); // Thành phố Thủ Đức: 3 metrics, 2021 only (formed 2021-01-01)
    expect(await count({ provinceId: String(j.fx.hcmc.id) })).toBe(all.length);
    expect(await count({ reviewStatus: ['REJECTED'] })).toBe(1);
    expect(await count({ reviewStatus: ['AUTO', 'CONFIRMED', 'REJECTED'] })).toBe(j.fx.figures.length);
    expect(await count({ sourceIds: ['hcm-quan-1'] })).toBe(j.fx.figures.filter((f) => f.subject.id === j.fx.unit('760').id).length);
    const doc = j.fx.figures[0].document.id;
    expect(await count({ documentId: String(doc) })).toBe(j.fx.figures.filter((f) => f.document.id === doc).length);
    const bad = await j.api.gql(`{ figures(filter: { yearFrom: 2021, yearTo: 2019 }) { totalCount } }`);
    expect(bad.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/yearFrom/) });
    const range = await j.api.gql(`{ figures(filter: { yearFrom: 1800 }) { totalCount } }`);
    expect(range.body.errors![0].message).toMatch(/filter\.yearFrom/);
  });

  it('pages with cursors in a stable order without gaps or repeats', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { body: { data?: any } } = await j.api.gql(`query($after: String) { figures(first: 40, after: $after, orderBy: VALUE_DESC) {
        edges { node { id value } } pageInfo { hasNextPage endCursor } } }`, { after });
      const page = res.body.data.figures;
      ids.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(j.fx.figures.length - 1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('documents, sources, ingest runs', () => {
  it('lists documents newest first with totalCount, and a document with its figures and source', async () => {
    const { body } = await j.api.gql(`{ documents(first: 5, sourceId: "hcm-quan-1") { totalCount edges { node { id title publishedAt source { id } } } } }`);
    expect(body.data.documents.totalCount).toBe(j.fx.documents.filter((d) => d.source.id === 'hcm-quan-1').length);
    const dates = body.data.documents.edges.map((e: any) => e.node.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const dated = await j.api.gql(`{ documents(publishedFrom: "2019-10-01", publishedTo: "2019-10-31") { totalCount edges { node { title } } } }`);
    expect(dated.body.data.documents.edges.map((e: any) => e.node.title)).toEqual(['Quận Bình Thạnh: sơ kết CCHC 9 tháng năm 2019']);
    const id = body.data.documents.edges[0].node.id;
    const one = await j.api.gql(`query($id: ID!) { document(id: $id) { url figures { metric { code } value evidence { sentence } } } }`, { id });
    expect(one.body.data.document.figures.length).toBeGreaterThan(0);
  });

  it('lists sources with their last run, and runs newest first with counters and failures', async () => {
    const { body } = await j.api.gql(`{ sources { id publisher { name } lastRun { status figuresAdded } }
      ingestRuns(sourceId: "hcm-quan-1") { totalCount edges { node { status trigger failed failures source { id } } } } }`);
    expect(body.data.sources).toEqual([
      { id: 'hcm-cac-quan', publisher: { name: 'Thành phố Hồ Chí Minh' }, lastRun: null },
      { id: 'hcm-quan-1', publisher: { name: 'Quận 1' }, lastRun: { status: 'PARTIAL', figuresAdded: 21 } },
    ]);
    expect(body.data.ingestRuns.totalCount).toBe(2);
    expect(body.data.ingestRuns.edges[0].node).toEqual({
      status: 'PARTIAL', trigger: 'CRON', failed: 1, source: { id: 'hcm-quan-1' },
      failures: [{ url: 'https://quan1.hochiminhcity.gov.vn/x', reason: 'body missing', action: 'skip' }],
    });
    const bad = await j.api.gql(`{ ingestRuns(sourceId: "x'; drop table ingest_run; --") { totalCount } }`);
    expect(bad.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('units: parent, children, the 2025 crosswalk, figures', () => {
  it('gives a district its parent, children and figures', async () => {
    const { body } = await j.api.gql(`{ unit(code: "765") { name parent { name } children { name level }
      figures(filter: { metrics: ["on_time_rate"] }, orderBy: YEAR_ASC) { totalCount edges { node { period { year label } value } } } } }`);
    const u = body.data.unit;
    expect(u).toMatchObject({ name: 'Quận Bình Thạnh', parent: { name: 'Thành phố Hồ Chí Minh' } });
    expect(u.children.length).toBeGreaterThan(15);
    expect(u.children.every((c: any) => c.level === 'WARD')).toBe(true);
    expect(u.figures.totalCount).toBe(5); // four yearly reports + the 9-month one (the partial alternative)
    expect(u.figures.edges[0].node.period.year).toBe(2018);
  });

  it('links old wards to the 2025 ward they merged into, both ways', async () => {
    const { body } = await j.api.gql(`{ unit(code: "26734") { name successors { name code codeSet validFrom
      predecessors { name code } } } }`);
    expect(body.data.unit.name).toBe('Phường Tân Định');
    expect(body.data.unit.successors).toHaveLength(1);
    const next = body.data.unit.successors[0];
    expect(next).toMatchObject({ name: 'Phường Tân Định', codeSet: 'NQ202_2025', validFrom: '2025-07-01' });
    expect(next.predecessors.map((p: any) => p.name).sort()).toEqual(['Phường Tân Định', 'Phường Đa Kao'].sort());
    const newCity = await j.api.gql(`{ unit(code: "79", codeSet: NQ202_2025) { name validFrom predecessors { code codeSet } } }`);
    expect(newCity.body.data.unit.predecessors.map((p: any) => p.code).sort()).toEqual(['74', '77', '79']);
  });
});

describe('figureStats: grouped in SQL over the chosen figures', () => {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };

  it('groups by year with count, min, max, avg and median', async () => {
    const { body } = await j.api.gql(`query($p: ID) { figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { provinceId: $p }) {
      year count min max avg median unit { id } province { id } level } }`, { p: String(j.fx.hcmc.id) });
    expect(body.errors).toBeUndefined();
    const groups = body.data.figureStats;
    expect(groups.map((g: any) => g.year)).toEqual([2018, 2019, 2020, 2021]);
    const g2019 = groups[1];
    expect(g2019.count).toBe(23); // 24 units in 2019; Cần Giờ published nothing that year
    const rows = (await j.api.gql(`{ compare(metric: "on_time_rate", year: 2019, parentId: "${j.fx.hcmc.id}") { rows { value } } }`)).body.data.compare.rows;
    const values = rows.map((r: any) => r.value);
    expect(g2019.min).toBe(Math.min(...values));
    expect(g2019.max).toBe(Math.max(...values));
    expect(g2019.avg).toBeCloseTo(values.reduce((a: number, b: number) => a + b, 0) / values.length, 6);
    expect(g2019.median).toBeCloseTo(median(values), 6);
    expect(g2019).toMatchObject({ unit: null, province: null, level: null });
  });

  it('groups by province and level (a unit\'s province is found through its parents)', async () => {
    const { body } = await j.api.gql(`{ figureStats(metric: "satisfaction_rate", groupBy: [PROVINCE, LEVEL], filter: { yearFrom: 2019, yearTo: 2019 }) {
      province { name } level count } }`);
    expect(body.data.figureStats).toEqual([
      // 2019: 24 districts (Quận 2, 9 and Thủ Đức included); Thành phố Thủ Đức (PROVINCIAL_CITY) did not exist yet.
      { province: { name: 'Thành phố Hồ Chí Minh' }, level: 'DISTRICT', count: 24 },
    ]);
    const byUnit = await j.api.gql(`{ figureStats(metric: "satisfaction_rate", groupBy: [UNIT], filter: { unitCodes: ["${CASES.laterPublication.code}"] }) { unit { code } count max } }`);
    expect(byUnit.body.data.figureStats).toEqual([{ unit: { code: CASES.laterPublication.code }, count: 4, max: expect.any(Number) }]);
  });

  it('refuses a second metric in the filter and repeated keys', async () => {
    const twice = await j.api.gql(`{ figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { metrics: ["satisfaction_rate"] }) { count } }`);
    expect(twice.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const repeated = await j.api.gql(`{ figureStats(metric: "on_time_rate", groupBy: [YEAR, YEAR]) { count } }`);
    expect(repeated.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/groupBy/) });
    const none = await j.api.gql(`{ figureStats(metric: "on_time_rate", groupBy: []) { count } }`);
    expect(none.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
