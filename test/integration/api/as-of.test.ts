/**
 * Journey: a published chart cites a data version (`asOf`). Later reviews and later figures must not change what
 * `compare` and `timeSeries` answer for that version, while the current answer shows them.
 */
import { createHash } from 'node:crypto';
import { journeyContext } from '../../helpers/api-journey';
import { expectedValue, CASES } from '../../helpers/figure-fixtures';
import { Figure } from '../../../src/modules/figure/figure.entity';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };
const j = journeyContext({ env: { ADMIN_TOKEN } });

const REVIEW = `mutation($id: ID!, $status: ReviewStatus!, $value: Float) { reviewFigure(id: $id, status: $status, correctedValue: $value) { id } }`;
const SERIES = `query($ids: [ID!], $asOf: DateTimeISO) { timeSeries(metric: "on_time_rate", unitIds: $ids, yearFrom: 2018, yearTo: 2021, asOf: $asOf) {
  points { year value reviewStatus figureId } } }`;
const COMPARE = `query($parent: ID, $asOf: DateTimeISO) { compare(metric: "on_time_rate", year: 2019, parentId: $parent, asOf: $asOf) {
  rows { rank value reviewStatus unit { code } } missing { code } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('asOf: a data version for compare and timeSeries', () => {
  it('ignores reviews made after asOf: the value and review status are those of that moment', async () => {
    const unitId = String(j.fx.unit('773').id);
    const before = await j.api.gql(SERIES, { ids: [unitId] });
    const point = before.body.data.timeSeries[0].points.find((p: any) => p.year === 2020);
    await sleep(20);
    const version = new Date().toISOString();
    await sleep(20);
    const corrected = await j.api.gql(REVIEW, { id: point.figureId, status: 'CORRECTED', value: 12.5 }, AUTH);
    expect(corrected.body.errors).toBeUndefined();
    const p2021 = before.body.data.timeSeries[0].points.find((p: any) => p.year === 2021);
    expect((await j.api.gql(REVIEW, { id: p2021.figureId, status: 'REJECTED' }, AUTH)).body.errors).toBeUndefined();

    const now = await j.api.gql(SERIES, { ids: [unitId] });
    const nowPoints = now.body.data.timeSeries[0].points;
    expect(nowPoints.find((p: any) => p.year === 2020)).toMatchObject({ value: 12.5, reviewStatus: 'CORRECTED' });
    expect(nowPoints.map((p: any) => p.year)).not.toContain(2021);

    const then = await j.api.gql(SERIES, { ids: [unitId], asOf: version });
    expect(then.body.errors).toBeUndefined();
    const thenPoints = then.body.data.timeSeries[0].points;
    expect(thenPoints.find((p: any) => p.year === 2020)).toMatchObject({ value: expectedValue('on_time_rate', '773', 2020), reviewStatus: 'AUTO' });
    expect(thenPoints.find((p: any) => p.year === 2021)).toMatchObject({ value: expectedValue('on_time_rate', '773', 2021), reviewStatus: 'AUTO' });
  });

  it('ignores figures created after asOf in the ranking', async () => {
    const version = new Date(Date.now() - 10).toISOString();
    await sleep(20);
    // A figure for Cần Giờ 2019 (missing in the fixtures) arrives after the version.
    const em = j.db.orm.em.fork();
    const template = await em.findOneOrFail(Figure, { id: j.fx.candidates('760', 'on_time_rate', 2019)[0].id });
    const added = em.create(Figure, {
      ...template, id: undefined, subject: j.fx.unit(CASES.missing.code), metric: template.metric, document: template.document,
      periodYear: 2019, periodFromMonth: null, periodToMonth: null, value: '50', kind: template.kind, isChange: false,
      fingerprint: createHash('sha256').update('as-of-late-figure').digest('hex'), createdAt: new Date(), updatedAt: new Date(),
    } as never);
    await em.persistAndFlush(added);
    const parent = String(j.fx.hcmc.id);
    const now = await j.api.gql(COMPARE, { parent });
    expect(now.body.data.compare.missing.map((u: any) => u.code)).not.toContain(CASES.missing.code);
    expect(now.body.data.compare.rows.find((r: any) => r.unit.code === CASES.missing.code)).toMatchObject({ value: 50, reviewStatus: 'AUTO' });
    const then = await j.api.gql(COMPARE, { parent, asOf: version });
    expect(then.body.errors).toBeUndefined();
    expect(then.body.data.compare.missing.map((u: any) => u.code)).toEqual([CASES.missing.code]);
    expect(then.body.data.compare.rows).toHaveLength(now.body.data.compare.rows.length - 1);
  });

  it('refuses an asOf that is not a date', async () => {
    const res = await j.api.gql(COMPARE, { parent: String(j.fx.hcmc.id), asOf: 'yesterday' });
    expect(res.body.errors![0].extensions!.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
