/** Journey: a reviewer corrects a figure; the time series shows the corrected value, and the audit trail records it. */
import { journeyContext } from '../../helpers/api-journey';
import { expectedValue } from '../../helpers/figure-fixtures';
import { refreshFigurePicks } from '../../../src/modules/figure/figure-pick';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

const j = journeyContext({ env: { ADMIN_TOKEN } });

const REVIEW = `mutation Review($id: ID!, $status: ReviewStatus!, $value: Float, $note: String) {
  reviewFigure(id: $id, status: $status, correctedValue: $value, note: $note) {
    id value extractedValue correctedValue reviewStatus
    reviews { reviewer reviewedAt before after note }
  }
}`;
const COMPARE = `query($parent: ID, $year: Int!) { compare(metric: "on_time_rate", year: $year, parentId: $parent) {
  rows { value reviewStatus unit { id } figure { id } } } }`;
const SERIES = `query($ids: [ID!]) { timeSeries(metric: "on_time_rate", unitIds: $ids, yearFrom: 2018, yearTo: 2021) {
  points { year value reviewStatus figureId figure { reviewStatus value extractedValue reviews { reviewer note after } } } } }`;

describe('reviewer: correct a figure, see it in the series with its audit trail', () => {
  const code = '773'; // Quận 4
  const year = 2020;

  it('corrects the value; the series shows the correction and the audit row says who, when, before and after', async () => {
    const unitId = String(j.fx.unit(code).id);
    const before = await j.api.gql(SERIES, { ids: [unitId] });
    const point = before.body.data.timeSeries[0].points.find((p: any) => p.year === year);
    const stated = expectedValue('on_time_rate', code, year)!;
    expect(point.value).toBeCloseTo(stated, 6);

    const started = Date.now();
    const review = await j.api.gql(REVIEW, { id: point.figureId, status: 'CORRECTED', value: 98.75, note: 'Bài viết ghi 98,75%; trích xuất đọc sai.' },
      { ...AUTH, 'x-reviewer': encodeURIComponent('Nguyễn Thị Lan') });
    expect(review.body.errors).toBeUndefined();
    const figure = review.body.data.reviewFigure;
    expect(figure).toMatchObject({ value: 98.75, extractedValue: stated, correctedValue: 98.75, reviewStatus: 'CORRECTED' });
    expect(figure.reviews).toHaveLength(1);
    const audit = figure.reviews[0];
    expect(audit).toMatchObject({
      reviewer: 'Nguyễn Thị Lan', note: 'Bài viết ghi 98,75%; trích xuất đọc sai.',
      before: { reviewStatus: 'auto', correctedValue: null }, after: { reviewStatus: 'corrected', correctedValue: '98.750000' },
    });
    expect(Number(audit.before.value)).toBeCloseTo(stated, 6);
    expect(new Date(audit.reviewedAt).getTime()).toBeGreaterThanOrEqual(started - 5000);

    const after = await j.api.gql(SERIES, { ids: [unitId] });
    const corrected = after.body.data.timeSeries[0].points.find((p: any) => p.year === year);
    expect(corrected).toMatchObject({ value: 98.75, reviewStatus: 'CORRECTED', figureId: point.figureId });
    expect(corrected.figure.reviews).toEqual([{ reviewer: 'Nguyễn Thị Lan', note: audit.note, after: audit.after }]);

    // The ranking reads the stored choices, refreshed by the review itself: no key is left to choose on the fly.
    const [{ n }] = await j.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from figure_pick_dirty');
    expect(Number(n)).toBe(0);
    const ranking = await j.api.gql(COMPARE, { parent: String(j.fx.hcmc.id), year });
    const row = ranking.body.data.compare.rows.find((r: any) => r.unit.id === unitId);
    expect(row).toMatchObject({ value: 98.75, reviewStatus: 'CORRECTED', figure: { id: point.figureId } });
  });

  it('a rejected figure leaves the series, and a later review is added to the trail (newest first)', async () => {
    const unitId = String(j.fx.unit(code).id);
    const series = await j.api.gql(SERIES, { ids: [unitId] });
    const p2021 = series.body.data.timeSeries[0].points.find((p: any) => p.year === 2021);
    const rejected = await j.api.gql(REVIEW, { id: p2021.figureId, status: 'REJECTED', note: 'Số liệu của năm khác' }, AUTH);
    expect(rejected.body.data.reviewFigure).toMatchObject({ reviewStatus: 'REJECTED', reviews: [{ reviewer: 'admin' }] });
    const gone = await j.api.gql(SERIES, { ids: [unitId] });
    expect(gone.body.data.timeSeries[0].points.map((p: any) => p.year)).not.toContain(2021);
    const restored = await j.api.gql(REVIEW, { id: p2021.figureId, status: 'CONFIRMED' }, AUTH);
    expect(restored.body.data.reviewFigure.reviews.map((r: any) => r.after.reviewStatus)).toEqual(['confirmed', 'rejected']);
  });

  it('refreshes at most 1,000 stored-choice marks after its commit: a backlog left by others never lengthens a review', async () => {
    const em = j.db.orm.em.fork();
    // A backlog of 1,200 marks (keys without figures: what a long ingest run leaves until it ends), oldest first.
    await em.execute(`insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select 'on_time_rate', 'actual', u.id, y from (select id from admin_unit order by id limit 300) u cross join generate_series(2001, 2004) y`);
    const id = String(j.fx.figures[2].id);
    const review = await j.api.gql(REVIEW, { id, status: 'CONFIRMED' }, AUTH);
    expect(review.body.errors).toBeUndefined();
    // Five batches of 200, oldest first: the backlog's last 200 marks and the review's own one wait for the next refresh.
    const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from figure_pick_dirty');
    expect(Number(n)).toBe(201);
    await refreshFigurePicks((sql, params) => em.execute(sql, params));
  });

  it('checks the review: CORRECTED needs a value, others refuse one, unknown figures are NOT_FOUND', async () => {
    const id = String(j.fx.figures[0].id);
    const noValue = await j.api.gql(REVIEW, { id, status: 'CORRECTED' }, AUTH);
    expect(noValue.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'status CORRECTED needs correctedValue' });
    const stray = await j.api.gql(REVIEW, { id, status: 'CONFIRMED', value: 1 }, AUTH);
    expect(stray.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const huge = await j.api.gql(REVIEW, { id, status: 'CORRECTED', value: 1e20 }, AUTH);
    expect(huge.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('correctedValue') });
    const unknown = await j.api.gql(REVIEW, { id: '99999999', status: 'CONFIRMED' }, AUTH);
    expect(unknown.body.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: 'figure 99999999 does not exist' });
    const badReviewer = await j.api.gql(REVIEW, { id, status: 'CONFIRMED' }, { ...AUTH, 'x-reviewer': '<script>' });
    expect(badReviewer.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses reviews without the token (UNAUTHENTICATED) or with a wrong one (FORBIDDEN), changing nothing', async () => {
    const id = String(j.fx.figures[1].id);
    const anonymous = await j.api.gql(REVIEW, { id, status: 'REJECTED' });
    expect(anonymous.body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.body.data).toBeNull();
    const wrong = await j.api.gql(REVIEW, { id, status: 'REJECTED' }, { authorization: 'Bearer not-the-token-at-all-000' });
    expect(wrong.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const still = await j.api.gql(`{ figure(id: "${id}") { reviewStatus reviews { id } } }`);
    expect(still.body.data.figure).toEqual({ reviewStatus: 'AUTO', reviews: [] });
  });
});
