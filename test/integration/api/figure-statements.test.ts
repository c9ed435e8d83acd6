/**
 * The figure list's SQL does not grow with the page: a deep request (every relation of a figure selected, nested
 * two levels) costs one statement for the page, one for the count and one batch per related type and level,
 * whether it asks for 5 figures or 50 — and the same holds for a unit's figures and for documents with theirs.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';
import { insertHcmcFigures } from '../../helpers/figure-fixtures';
import { initStatementLoggingOrm } from '../../helpers/statement-log';
import type { Orm } from '../../../src/db/orm';

let db: TestDatabase;
let orm: Orm;
let api: TestApi;
let hcmc: string;
const ADMIN_TOKEN = 'statements-admin-token-0123456789';
/** Every SQL statement the API's ORM sends, as MikroORM logs it. */
let statements: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  await insertHcmcFigures(db.orm.em.fork());
  ({ orm, statements } = await initStatementLoggingOrm(db.url));
  api = await startTestApi(orm, { env: { ADMIN_TOKEN } });
  hcmc = (await api.gql(`{ unit(code: "79") { id } }`)).body.data.unit.id;
  // The metric catalogue is read once per minute per process (metric.repository.ts), not per page: load it before
  // counting, so the first measured request does not carry it.
  await api.gql(`{ figures(first: 1, filter: { metrics: ["on_time_rate"] }) { totalCount } }`);
});
afterAll(async () => {
  await api.close();
  await orm.close(true);
  await db.drop();
});

async function run(query: string, variables: Record<string, unknown>): Promise<{ data: any; sql: string[] }> {
  statements.length = 0;
  const { body } = await api.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return { data: body.data, sql: [...statements] };
}

/** Statements reading `table` (as the main table of their FROM clause). */
const from = (sql: string[], table: string) => sql.filter((s) => new RegExp(`from "?${table}"? `).test(s));

const FIGURE_FIELDS = `id value extractedValue correctedValue total upperBound unit kind comparator approximate isChange
  subjectScope subjectLabel baselineYear confidence extractorVersion reviewStatus createdAt updatedAt
  period { year fromMonth toMonth label partialYear } evidence { sentence start end }
  subject { id code name level parent { id name parent { name } } }
  metric { code nameVi nameEn unit higherIsBetter }
  document { id url title publishedAt text source { id name publisher { name } } }
  reviews { reviewer reviewedAt }`;

describe('statements per figure page, whatever its size', () => {
  const deep = `query($n: Int!, $p: ID) { figures(first: $n, filter: { metrics: ["on_time_rate", "satisfaction_rate"], provinceId: $p }) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${FIGURE_FIELDS} } } } }`;

  it('first: 5 and first: 50 with every relation selected issue the same, small number of statements', async () => {
    const small = await run(deep, { n: 5, p: hcmc });
    const large = await run(deep, { n: 50, p: hcmc });
    expect(small.data.figures.edges).toHaveLength(5);
    expect(large.data.figures.edges).toHaveLength(50);
    // the answers are real: many subjects, their parent is HCMC, every figure has its article and source
    const nodes = large.data.figures.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.subject.id)).size).toBeGreaterThan(5);
    for (const n of nodes) {
      expect(n.subject.parent.id).toBe(hcmc);
      expect(n.document.text.slice(n.evidence.start, n.evidence.end)).toBe(n.evidence.sentence);
      expect(n.document.source.name).toEqual(expect.any(String));
    }
    expect(large.sql.length).toBe(small.sql.length);
    // the page (joining metric, subjects and their parents) + count, grandparents, documents with their text and
    // source (the text is left out of the page's statement), publishers, reviews
    expect(large.sql.length).toBeLessThanOrEqual(6);
    expect(from(large.sql, 'figure')).toHaveLength(2);
    expect(from(large.sql, 'metric')).toHaveLength(0);
    expect(large.sql.find((s) => /from \(select f\.id/.test(s))).toMatch(/join metric m .* join admin_unit u .* join admin_unit up /);
    expect(from(large.sql, 'document')).toHaveLength(1);
    expect(from(large.sql, 'figure_review')).toHaveLength(1);
  });

  it('a unit\'s figures and documents with their figures stay constant too', async () => {
    const unit = `query($n: Int!, $p: ID) { unit(id: $p) { children { name } figures(first: $n) { edges { node { ${FIGURE_FIELDS} } } } } }`;
    const q1 = await run(`{ units(search: "quan 1", first: 1) { edges { node { id } } } }`, {});
    const district = q1.data.units.edges[0].node.id;
    const unitSmall = await run(unit, { n: 5, p: district });
    const unitLarge = await run(unit, { n: 50, p: district });
    expect(unitLarge.data.unit.figures.edges.length).toBeGreaterThan(5);
    expect(unitLarge.sql.length).toBe(unitSmall.sql.length);

    const docs = `query($n: Int!) { documents(first: $n) { totalCount edges { node { id title text source { name }
      figures { id value evidence { sentence } subject { name parent { name } } metric { nameVi } reviews { reviewer } } } } } }`;
    const docSmall = await run(docs, { n: 5 });
    const docLarge = await run(docs, { n: 20 });
    expect(docLarge.data.documents.edges).toHaveLength(20);
    expect(docLarge.data.documents.edges.flatMap((e: any) => e.node.figures).length).toBeGreaterThan(20);
    expect(docLarge.sql.length).toBe(docSmall.sql.length);
    expect(docLarge.sql.length).toBeLessThanOrEqual(11);
  });
});

describe('the researcher\'s list (bench:api\'s list scenario)', () => {
  const NODE = `id value unit kind period { year fromMonth toMonth label partialYear } evidence { sentence start end }
    metric { code nameVi nameEn unit } subject { id name level parent { id name } }
    document { id url title publishedAt source { id name } }`;
  const LIST = `query($n: Int!, $p: ID) { figures(first: $n, filter: { metrics: ["on_time_rate"], provinceId: $p }) { edges { node {
    ${NODE} } } } }`;

  it('is one statement, whatever the page size: the page joins metric, subject, parent, document and source', async () => {
    for (const n of [5, 50]) {
      const { data, sql } = await run(LIST, { n, p: hcmc });
      expect(data.figures.edges).toHaveLength(n);
      expect(sql).toHaveLength(1);
      expect(sql[0]).toMatch(/join metric m .* join admin_unit u .* join admin_unit up .* join document d .* join source ds /);
    }
  });

  it('answers what the batch loaders answer for the same figures', async () => {
    const { data } = await run(LIST, { n: 12, p: hcmc });
    const nodes = data.figures.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.subject.id)).size).toBeGreaterThan(1);
    for (const node of nodes) {
      // `figure(id)` reads the figure alone and its relations through the loaders' own statements
      const one = await run(`query($id: ID!) { figure(id: $id) { ${NODE} } }`, { id: node.id });
      expect(one.sql.length).toBeGreaterThan(1);
      expect(one.data.figure).toEqual(node);
    }
  });

  it('reads only the columns the selection shows (no fingerprint, no metric description, no document hash)', async () => {
    const { sql } = await run(LIST, { n: 5, p: hcmc });
    expect(sql[0]).toMatch(/f\.evidence_sentence/);
    for (const unused of ['f.fingerprint', 'f.check_reason', 'f.subject_label', 'm.description', 'd.content_hash', 'ds.listing_urls', 'u.aliases']) {
      expect(sql[0]).not.toContain(unused);
    }
  });

  it('every field of a listed figure and of its subject, parent, metric, document and source equals what `figure(id)` answers', async () => {
    const unit = 'id code codeSet name shortName level typeVi validFrom validTo aliases';
    const all = `id value extractedValue correctedValue total numerator upperBound unit kind comparator approximate isChange subjectScope
      subjectLabel baselineYear confidence extractorVersion reviewStatus checkFailed checkReason createdAt updatedAt
      period { year fromMonth toMonth label partialYear } evidence { sentence start end }
      cell { tableIndex caption rowLabel columnHeader page } reviews { reviewer reviewedAt }
      subject { ${unit} parent { ${unit} parent { id name } } }
      metric { code nameVi nameEn unit description higherIsBetter definitionNotes definitionChangedIn maxValue }
      document { id url title publishedAt category fetchedAt httpStatus contentType extractorVersion createdAt updatedAt
        source { id name baseUrl family listingUrls schedule enabled minDelayMillis maxPages demo createdAt updatedAt publisher { id name } } }`;
    const { data } = await run(`query($p: ID) { figures(first: 8, filter: { provinceId: $p }) { edges { node { ${all} } } } }`, { p: hcmc });
    expect(data.figures.edges).toHaveLength(8);
    for (const { node } of data.figures.edges) {
      const one = await run(`query($id: ID!) { figure(id: $id) { ${all} } }`, { id: node.id });
      expect(one.data.figure).toEqual(node);
    }
  });

  it('aliases with different selections of the same relation each get what they asked for', async () => {
    const { data, sql } = await run(`query($p: ID) { figures(first: 6, filter: { provinceId: $p }) { edges { node { id
      a: document { title } b: document { url source { name } } s1: subject { name } s2: subject { code parent { name } }
      ...more } } } }
      fragment more on Figure { metric { nameEn } period { label } }`, { p: hcmc });
    expect(sql).toHaveLength(1);
    for (const { node } of data.figures.edges) {
      const one = await run(`query($id: ID!) { figure(id: $id) { document { title url source { name } } subject { name code parent { name } }
        metric { nameEn } period { label } } }`, { id: node.id });
      const f = one.data.figure;
      expect(node).toEqual({ id: node.id, a: { title: f.document.title }, b: { url: f.document.url, source: f.document.source },
        s1: { name: f.subject.name }, s2: { code: f.subject.code, parent: f.subject.parent }, metric: f.metric, period: f.period });
    }
  });

  it('checks the province only when the page is empty: an empty page of a real province is no error, an unknown one is', async () => {
    const hanoi = (await api.gql(`{ unit(code: "01") { id } }`)).body.data.unit.id;
    const empty = await run(LIST, { n: 50, p: hanoi });
    expect(empty.data.figures.edges).toEqual([]);
    expect(empty.sql).toHaveLength(2);
    expect(empty.sql[1]).toMatch(/from admin_unit where id = /);
    const unit = `query($p: ID) { unit(code: "79") { figures(first: 5, filter: { provinceId: $p }) { edges { node { id } } } } }`;
    for (const p of [hanoi, '99999999']) {
      const { body } = await api.gql(unit, { p });
      if (p === hanoi) {
        expect(body.errors).toBeUndefined();
        expect(body.data.unit.figures.edges).toEqual([]);
      } else {
        expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/provinceId 99999999: no such unit/) });
      }
    }
  });
});

describe('figureStats by province', () => {
  const STATS = `query($p: ID) { figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { provinceId: $p }) { year count } }`;

  it('is one statement when the province has figures, checks the province when there are none', async () => {
    const withGroups = await run(STATS, { p: hcmc });
    expect(withGroups.data.figureStats.length).toBeGreaterThan(0);
    expect(withGroups.sql).toHaveLength(1);
    const hanoi = (await api.gql(`{ unit(code: "01") { id } }`)).body.data.unit.id;
    const none = await run(STATS, { p: hanoi });
    expect(none.data.figureStats).toEqual([]);
    expect(none.sql).toHaveLength(2);
    const { body } = await api.gql(STATS, { p: '99999999' });
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/provinceId 99999999: no such unit/) });
  });
});

describe('rows and entities answer alike', () => {
  it('a figure read as a row (figure, figures) equals the entity a mutation returns, relations included', async () => {
    const page = await run(`query($p: ID) { figures(first: 1, filter: { provinceId: $p }) { edges { node { id } } } }`, { p: hcmc });
    const id = page.data.figures.edges[0].node.id;
    const fields = FIGURE_FIELDS.replace('reviews { reviewer reviewedAt }', '').replace('createdAt updatedAt', 'createdAt');
    const asRow = await run(`query($id: ID!) { figure(id: $id) { ${fields} } }`, { id });
    const { body } = await api.gql(`mutation($id: ID!) { reviewFigure(id: $id, status: CONFIRMED) { ${fields} } }`, { id },
      { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(body.errors).toBeUndefined();
    const asEntity = body.data.reviewFigure;
    expect(asEntity.reviewStatus).toBe('CONFIRMED');
    expect({ ...asEntity, reviewStatus: null }).toEqual({ ...asRow.data.figure, reviewStatus: null });
    const again = await run(`query($id: ID!) { figure(id: $id) { ${fields} } }`, { id });
    expect(again.data.figure).toEqual(asEntity);
  });
});
