/**
 * Operations without variables run as compiled queries (graphql-jit) from their second run, operations with
 * variables on graphql-js (src/graphql/jit-executor.ts). Both must give the same answer to the same question, errors included: each question
 * here is asked once with literal arguments and once with the same values as variables, and the two bodies compared.
 */
import { journeyContext } from '../../helpers/api-journey';

const j = journeyContext();

interface Pair { name: string; literal: string; withVariables: string; variables: Record<string, unknown> }

function pairs(): Pair[] {
  const hcmc = String(j.fx.hcmc.id);
  return [
    {
      name: 'compare with nested figures, provenance and missing units',
      literal: `{ compare(metric: "on_time_rate", year: 2019, parentId: "${hcmc}", kind: ACTUAL) { year descending rows { rank previousRank value previousValue change periodLabel partialYear alternatives unit { id code name level } figure { id evidence { sentence } document { url publishedAt } } previousFigure { id period { year } } } missing { id code } } }`,
      withVariables: `query($m: String!, $y: Int!, $p: ID, $k: FigureKind) { compare(metric: $m, year: $y, parentId: $p, kind: $k) { year descending rows { rank previousRank value previousValue change periodLabel partialYear alternatives unit { id code name level } figure { id evidence { sentence } document { url publishedAt } } previousFigure { id period { year } } } missing { id code } } }`,
      variables: { m: 'on_time_rate', y: 2019, p: hcmc, k: 'ACTUAL' },
    },
    {
      name: 'timeSeries',
      literal: `{ timeSeries(metric: "satisfaction_rate", parentId: "${hcmc}", yearFrom: 2017, yearTo: 2020) { unit { id name } points { year value figureId partialYear } } }`,
      withVariables: `query($m: String!, $p: ID, $a: Int!, $b: Int!) { timeSeries(metric: $m, parentId: $p, yearFrom: $a, yearTo: $b) { unit { id name } points { year value figureId partialYear } } }`,
      variables: { m: 'satisfaction_rate', p: hcmc, a: 2017, b: 2020 },
    },
    {
      name: 'the figures list with an input object filter',
      literal: `{ figures(first: 7, filter: { metrics: ["on_time_rate"], provinceId: "${hcmc}" }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id value kind period { year label } subject { name parent { name } } document { title source { id } } } } } }`,
      withVariables: `query($f: FigureFilter) { figures(first: 7, filter: $f) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id value kind period { year label } subject { name parent { name } } document { title source { id } } } } } }`,
      variables: { f: { metrics: ['on_time_rate'], provinceId: hcmc } },
    },
    {
      name: 'a resolver error (unknown metric) with a partial answer',
      literal: `{ metrics { code } compare(metric: "no_such_metric", year: 2019, parentId: "${hcmc}") { year } }`,
      withVariables: `query($m: String!, $p: ID) { metrics { code } compare(metric: $m, year: 2019, parentId: $p) { year } }`,
      variables: { m: 'no_such_metric', p: hcmc },
    },
    {
      name: 'an unknown parent id (BAD_USER_INPUT with path and location)',
      literal: `{ units(parentId: "99999999") { totalCount } }`,
      withVariables: `query($p: ID) { units(parentId: $p) { totalCount } }`,
      variables: { p: '99999999' },
    },
  ];
}

function withoutLocations(body: any): unknown {
  return { ...body, errors: body.errors?.map(({ locations: _l, ...e }: any) => e) };
}

describe('compiled and interpreted execution agree', () => {
  it.each(['compare with nested figures, provenance and missing units', 'timeSeries', 'the figures list with an input object filter',
    'a resolver error (unknown metric) with a partial answer', 'an unknown parent id (BAD_USER_INPUT with path and location)'])('%s', async (name) => {
    const p = pairs().find((x) => x.name === name)!;
    // The first run of a document is interpreted, the second compiled (COMPILE_AFTER_RUNS): compare all three.
    const first = await j.api.gql(p.literal);
    const a = await j.api.gql(p.literal);
    const b = await j.api.gql(p.withVariables, p.variables);
    expect(a.body).toEqual(first.body);
    expect(a.status).toBe(b.status);
    // Neither side is trivially empty: the answer has data, or the error the question provokes.
    expect(JSON.stringify(a.body).length).toBeGreaterThan(60);
    // Error locations point into each text, which differ; each must point at the field that failed.
    for (const [body, text] of [[a.body, p.literal], [b.body, p.withVariables]] as const) {
      for (const e of (body.errors ?? []) as any[]) {
        const [{ line, column }] = e.locations;
        expect(line).toBe(1);
        expect(text.slice(column - 1).startsWith(String(e.path[0]))).toBe(true);
      }
    }
    expect(withoutLocations(a.body)).toEqual(withoutLocations(b.body));
  });
});
