/**
 * One paraphrased text per error class seen on real articles (test/fixtures/labelled/r-*): each must be read exactly
 * — every required figure found, nothing extra — and, where its labels say so, with the labelled months and subject
 * scope (the labelled-set total allows a little slack; these do not).
 */
import { resolve } from 'node:path';
import { contextFromLabel, figureMatchesLabel, type LabelFigure, scoreArticle } from '../../../ingest/extract/evaluate';
import { figuresFromText } from '../../../ingest/extract/figures';
import { loadLabelledDir } from '../../../ingest/extract/label-files';
import { sameUnitName } from '../../../ingest/extract/real-eval';

type RegressionLabel = LabelFigure & { subject_scope?: string; subject_level?: string; subject_uncertain?: boolean };

const { articles } = loadLabelledDir(resolve(__dirname, '../../fixtures/labelled'));
const regressions = articles.filter((a) => a.id.startsWith('r-'));

describe('error-class regressions', () => {
  it('has its regression texts', () => {
    expect(regressions.length).toBeGreaterThanOrEqual(8);
  });

  it.each(regressions.map((a) => [a.id, a] as const))('%s is read exactly', (_id, article) => {
    const { figures } = figuresFromText(article.text, contextFromLabel(article.label));
    const score = scoreArticle(article.id, figures, article.label.figures);
    const describe = (f: { metric: string; value: number; kind: string }) => `${f.metric}=${f.value} ${f.kind}`;
    expect({ extra: score.unmatched.map(describe), missed: score.missed.map(describe) }).toEqual({ extra: [], missed: [] });
    for (const label of article.label.figures as RegressionLabel[]) {
      // Where one value is read for several units ("xếp thứ nhất" in two rankings), the figure of the labelled unit.
      const named = (x: (typeof figures)[number]): boolean => label.subject_scope === 'unit' && !!label.subject && sameUnitName(x.subject.name, label.subject);
      const f = figures.find((x) => figureMatchesLabel(x, label) && named(x)) ?? figures.find((x) => figureMatchesLabel(x, label));
      expect(f).toBeDefined();
      if (!f) continue;
      if (label.period.from_month != null) {
        expect({ figure: describe(f), months: [f.period.fromMonth, f.period.toMonth] }).toEqual({ figure: describe(f), months: [label.period.from_month, label.period.to_month] });
      }
      // The engine's own doubt about the subject (the confidence model's subject_uncertain input), where labelled.
      if (label.subject_uncertain !== undefined) {
        expect({ figure: describe(f), uncertain: f.subject.uncertain === true }).toEqual({ figure: describe(f), uncertain: label.subject_uncertain });
      }
      if (label.subject_scope) {
        expect({ figure: describe(f), scope: f.subject.scope }).toEqual({ figure: describe(f), scope: label.subject_scope });
        if (label.subject_level) {
          expect({ figure: describe(f), level: f.subject.subunitLevel }).toEqual({ figure: describe(f), level: label.subject_level });
        }
        if (label.subject_scope === 'unit' && label.subject) {
          expect({ figure: describe(f), sameSubject: sameUnitName(f.subject.name, label.subject), name: f.subject.name }).toMatchObject({ figure: describe(f), sameSubject: true });
        }
      }
    }
  });
});

describe("an unnamed district's centre", () => {
  it('"Trung tâm hành chính công huyện" is no provincial centre (d847)', () => {
    const text = 'Trong tháng 3/2019, Trung tâm hành chính công huyện đã tiếp nhận 4.120 hồ sơ.';
    const { figures } = figuresFromText(text, { publishedAt: new Date('2019-04-02T10:00:00+07:00'), publisher: { id: 'p', name: 'UBND tỉnh Hà Tĩnh', level: 'tinh' } });
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['dossiers_received', 4120]]);
    expect(figures[0].subject.name).not.toMatch(/^Trung tâm/);
  });
});

describe("an agency's name is no cue", () => {
  it('"Thanh tra tỉnh đạt 84,6%" in an index ranking is no inspection rate (d809)', () => {
    const text = 'Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành tỉnh: Sở Tài chính đạt 90,1%; Thanh tra tỉnh đạt 84,6%; Sở Ngoại vụ đạt 83,69%.';
    const { figures } = figuresFromText(text, { publishedAt: new Date('2025-02-20T10:00:00+07:00'), publisher: { id: 'p', name: 'UBND tỉnh Thanh Hóa', level: 'tinh' } });
    expect(figures.filter((f) => f.metric === 'inspection_rate').map((f) => f.value)).toEqual([]);
    expect(figures.filter((f) => f.metric === 'par_index_score').map((f) => f.value)).toEqual(expect.arrayContaining([90.1, 83.69]));
  });
});

describe('a processing time already shortened', () => {
  it('"được rút ngắn, tối đa 07 ngày" is an achieved ceiling, not a target (one procedure\'s time: other)', () => {
    const text = 'Thời gian cấp giấy phép cho doanh nghiệp được rút ngắn, tối đa 05 ngày làm việc, nhanh hơn quy định.';
    const figures = figuresFromText(text, { publishedAt: new Date('2019-04-10T10:00:00+07:00'), publisher: { id: 'p', name: 'Sở Công Thương', level: 'so' } }).figures;
    // One procedure's time, the unit's own figure of no catalogued measure (labelling rule 17): other, achieved, a ceiling.
    expect(figures.map((f) => [f.metric, f.value, f.kind, f.comparator])).toEqual([['other', 5, 'actual', 'lte']]);
  });
});

describe('a bare index score', () => {
  it('"Quảng Bình đạt 86,75, tăng 1,2 điểm" in a sentence about the index is a PAR INDEX score', () => {
    const text = 'Chỉ số cải cách hành chính năm 2022: Quảng Bình đạt 86,75, tăng 1,2 điểm so với năm 2021.';
    const figures = figuresFromText(text, { publishedAt: new Date('2023-05-10T10:00:00+07:00'), publisher: { id: 'p', name: 'Quảng Bình', level: 'tinh' } }).figures;
    expect(figures.map((f) => [f.metric, f.value, f.unit, f.change, f.period.year])).toEqual([
      ['par_index_score', 86.75, 'score', false, 2022],
      ['par_index_score', 1.2, 'score', true, 2022],
    ]);
  });
});

describe('one place read twice', () => {
  it('keeps the same place of one unit in two quarters: a quarterly index ranks it in each', () => {
    const text = 'Trong quý I năm 2024, tỉnh Hà Tĩnh xếp thứ 5 cả nước về Bộ chỉ số phục vụ người dân, doanh nghiệp.\n\n' +
      'Sang quý II năm 2024, Hà Tĩnh tiếp tục xếp thứ 5 cả nước về Bộ chỉ số phục vụ người dân, doanh nghiệp.';
    const figures = figuresFromText(text, { publishedAt: new Date('2024-07-10T08:00:00+07:00'), publisher: { id: 'p', name: 'Sở Nội vụ tỉnh Hà Tĩnh', level: 'so' } }).figures;
    expect(figures.map((f) => [f.metric, f.value, f.period.year, f.period.fromMonth, f.period.toMonth])).toEqual([
      ['service_index_rank', 5, 2024, 1, 3],
      ['service_index_rank', 5, 2024, 4, 6],
    ]);
  });
});

describe('rank totals from a counted group', () => {
  it('gives a centrally run city ranked among provinces no total from its own districts (r-275)', () => {
    const text = 'Năm 2020, thành phố Cần Thơ có 9 quận, huyện. Chỉ số cải cách hành chính năm 2020 của thành phố Cần Thơ đạt 88,2%, xếp thứ 5.';
    const figures = figuresFromText(text, { publishedAt: new Date('2021-05-10T10:00:00+07:00'), publisher: { id: 'p', name: 'Báo Cần Thơ', level: 'newspaper' } }).figures;
    const rank = figures.find((f) => f.metric === 'par_index_rank');
    expect(rank && [rank.value, rank.total]).toEqual([5, null]);
  });
});

describe('one share in the title for the whole area and in the body for the province (stop 40)', () => {
  it('is read once (d2132)', () => {
    const title = 'Gần 97% thủ tục hành chính ở Bà Rịa - Vũng Tàu được xử lý đúng hạn';
    const text = `${title}\n\nTỷ lệ xử lý hồ sơ, thủ tục hành chính ở Bà Rịa - Vũng Tàu đúng hạn đạt gần 97%, cao hơn chỉ tiêu đề ra.\n\nTỉnh vừa tổng kết công tác cải cách hành chính năm 2023.`;
    const { figures } = figuresFromText(text, { publishedAt: null, publisher: { id: 'p', name: 'Tỉnh Bà Rịa - Vũng Tàu', level: 'tinh' }, title });
    expect(figures.map((f) => [f.metric, f.value, f.period.year])).toEqual([['on_time_rate', 97, 2023]]);
    expect(figures[0].subject.name).toMatch(/Bà Rịa - Vũng Tàu$/);
  });
});

describe('last place with a field', () => {
  it('is no rank when a score comes between the place and its field, or when a group is at the bottom (d1258)', () => {
    const text = 'Kết quả Chỉ số hài lòng SIPAS năm 2023: Cục Thuế tỉnh xếp hạng nhất (95,16%), Công an tỉnh xếp cuối (81,98%) của khối 5 cơ quan ngành dọc. Huyện Nam Trà My và huyện Tây Giang đứng ở nhóm cuối bảng trong 18 huyện, thị xã, thành phố.';
    const { figures } = figuresFromText(text, { publishedAt: new Date('2024-02-10T10:00:00+07:00'), publisher: { id: 'p', name: 'UBND tỉnh Quảng Nam', level: 'tinh' } });
    expect(figures.filter((f) => f.unit === 'rank').map((f) => [f.value, f.total])).toEqual([]);
  });
});

describe('a score after a rank', () => {
  it("is the next unit's when the unit is named before its verb ('…, xếp thứ 2; huyện Krông Pắc đạt 91,7 điểm', d1886)", () => {
    const text = 'Năm 2024, về Chỉ số cải cách hành chính, thành phố Buôn Ma Thuột dẫn đầu toàn tỉnh với 95,86 điểm; huyện Krông Năng đạt 92,16 điểm, xếp thứ 2; huyện Krông Pắc đạt 91,7 điểm, xếp thứ 3.';
    const { figures } = figuresFromText(text, { publishedAt: new Date('2025-03-01T10:00:00+07:00'), publisher: { id: 'p', name: 'UBND tỉnh Đắk Lắk', level: 'tinh' } });
    const score = figures.find((f) => f.value === 91.7);
    expect(score?.subject.name).toMatch(/Krông Pắc/);
  });
});
