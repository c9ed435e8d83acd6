/** No N+1: a page of 100 figures with their unit, document and metric costs a small, constant number of SQL statements. */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';
import { insertHcmcFigures } from '../../helpers/figure-fixtures';
import { initStatementLoggingOrm } from '../../helpers/statement-log';
import type { Orm } from '../../../src/db/orm';

let db: TestDatabase;
let orm: Orm;
let api: TestApi;
/** Every SQL statement the API's ORM sends, as MikroORM logs it. */
let statements: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  await insertHcmcFigures(db.orm.em.fork());
  ({ orm, statements } = await initStatementLoggingOrm(db.url));
  api = await startTestApi(orm);
});
afterAll(async () => {
  await api.close();
  await orm.close(true);
  await db.drop();
});

async function countStatements(query: string, variables: Record<string, unknown> = {}): Promise<{ data: any; sql: string[] }> {
  statements.length = 0;
  const { body } = await api.gql(query, variables);
  expect(body.errors).toBeUndefined();
  return { data: body.data, sql: [...statements] };
}

const from = (sql: string[], table: string) => sql.filter((s) => new RegExp(`from "?${table}"? `).test(s));

describe('SQL statements per request', () => {
  it('figures(first: 100) with subject, document and metric: the page (joining all three) and its count', async () => {
    const { data, sql } = await countStatements(`{ figures(first: 100) { totalCount edges { node {
      id value subject { name } document { url title } metric { nameVi } } } } }`);
    expect(data.figures.edges).toHaveLength(100);
    expect(new Set(data.figures.edges.map((e: any) => e.node.subject.name)).size).toBeGreaterThan(10);
    // the page, which joins admin_unit, document and metric, and its count: no batch of its own for any relation
    expect(sql).toHaveLength(2);
    expect(from(sql, 'figure')).toHaveLength(2);
    expect(from(sql, 'admin_unit')).toHaveLength(0);
    expect(from(sql, 'document')).toHaveLength(0);
    expect(from(sql, 'metric')).toHaveLength(0);
    expect(sql[0]).toMatch(/join admin_unit u .* join document d /);
  });

  it('the count does not grow with the page: 20 or 250 figures cost the same', async () => {
    const q = `query($n: Int!) { figures(first: $n) { edges { node { id subject { name parent { name } } document { url source { name } }
      metric { nameVi } reviews { reviewer } } } } }`;
    const small = await countStatements(q, { n: 20 });
    const large = await countStatements(q, { n: 250 });
    expect(large.data.figures.edges).toHaveLength(250);
    expect(large.sql.length).toBe(small.sql.length);
    expect(large.sql.length).toBeLessThanOrEqual(7);
  });

  it('time series, comparison and documents with nested figures stay constant too', async () => {
    const hcmc = await api.gql(`{ unit(code: "79") { id } }`);
    const series = await countStatements(`query($p: ID) { timeSeries(metric: "on_time_rate", parentId: $p, yearFrom: 2018, yearTo: 2021) {
      unit { name parent { name } } points { year value figure { evidence { sentence } document { url title publishedAt } } } } }`, { p: hcmc.body.data.unit.id });
    expect(series.data.timeSeries).toHaveLength(25);
    expect(series.sql.length).toBeLessThanOrEqual(6);
    const compare = await countStatements(`query($p: ID) { compare(metric: "on_time_rate", year: 2019, parentId: $p) {
      rows { rank unit { name } figure { document { url } } previousFigure { evidence { sentence } } } missing { name } } }`, { p: hcmc.body.data.unit.id });
    expect(compare.data.compare.rows).toHaveLength(23);
    expect(compare.sql.length).toBeLessThanOrEqual(6);
    const docs = await countStatements(`{ documents(first: 50) { totalCount edges { node { title source { name } figures { value subject { name } metric { code } } } } } }`);
    expect(docs.data.documents.edges).toHaveLength(50);
    expect(docs.sql.length).toBeLessThanOrEqual(7);
  });
});
