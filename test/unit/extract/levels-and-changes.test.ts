/**
 * Change vs level and the metric of index figures, in the detail the labelled regressions (r-37 … r-43) do not
 * check: comparators, dropped numbers and their reasons.
 */
import { figuresFromText } from '../../../ingest/extract/figures';
import type { ExtractionContext } from '../../../ingest/types';

const ctx = (published: string, name = 'Sơn La', level = 'tinh'): ExtractionContext => ({
  publishedAt: new Date(`${published}T10:00:00+07:00`),
  publisher: { id: 'p', name, level },
});

describe('"từ X xuống/lên Y"', () => {
  it('reads two levels with "eq" comparators, the earlier one the year before', () => {
    const { figures } = figuresFromText('Năm 2022, Chỉ số cải cách hành chính của tỉnh giảm so với năm 2021, từ 87,61% xuống 86,78%.', ctx('2023-05-02'));
    expect(figures.map((f) => [f.metric, f.value, f.comparator, f.change, f.period.year])).toEqual([
      ['par_index_score', 87.61, 'eq', false, 2021],
      ['par_index_score', 86.78, 'eq', false, 2022],
    ]);
  });

  it('takes the earlier level\'s year from brackets after it', () => {
    const { figures } = figuresFromText('Chỉ số hài lòng (SIPAS) năm 2022 của tỉnh giảm, từ 90,30% (2020) xuống 82,18%.', ctx('2023-05-02'));
    expect(figures.map((f) => [f.metric, f.value, f.change, f.period.year])).toEqual([
      ['satisfaction_rate', 90.3, false, 2020],
      ['satisfaction_rate', 82.18, false, 2022],
    ]);
  });

  it('drops the earlier level when the period before is not a year (a monthly report)', () => {
    const { figures, dropped } = figuresFromText('Trong tháng 8/2021, tỷ lệ hồ sơ trễ hạn của huyện Sông Lô giảm từ 10,85% xuống còn 1,31%.', ctx('2021-08-30', 'Vĩnh Phúc'));
    expect(figures.map((f) => [f.metric, f.value, f.change])).toEqual([['late_dossiers', 1.31, false]]);
    expect(dropped.find((d) => d.text.startsWith('10,85'))?.reason).toBe('earlier_level_no_period');
  });

  it('leaves ranges and "từ … trở lên" alone', () => {
    const { figures } = figuresFromText('Nhóm A gồm các tỉnh đạt Chỉ số cải cách hành chính từ 90% trở lên.', ctx('2023-05-02'));
    expect(figures.every((f) => f.comparator !== 'eq')).toBe(true);
  });
});

describe('index shares and scales', () => {
  it('drops the maximum of the scale ("%/100 điểm tối đa")', () => {
    const { figures, dropped } = figuresFromText('Chỉ số cải cách hành chính năm 2022 của tỉnh Sơn La đạt 86,78 (%/100 điểm tối đa).', ctx('2023-05-02'));
    expect(figures.map((f) => f.value)).not.toContain(100);
    expect(dropped.some((d) => d.reason === 'scale_maximum')).toBe(true);
  });

  it('a gross product growth in an index article is no index change', () => {
    const text = 'Chỉ số hài lòng của người dân năm 2024 tăng.\n\nTổng sản phẩm của Hải Phòng năm 2024 ước đạt 288.000 tỷ đồng, tăng 11,01% so với năm trước (kế hoạch tăng 11,50%-12%).';
    const { figures } = figuresFromText(text, ctx('2025-01-10', 'Hải Phòng'));
    expect(figures.map((f) => [f.metric, f.value])).toEqual([]);
  });

  it('a move continuing one read from the topic must name its unit too', () => {
    const text = 'Chỉ số cải cách hành chính năm 2024 được công bố. Có 9 địa phương có chỉ số giảm, nơi giảm nhiều nhất là 2,94% và ít nhất là 0,21%.';
    const { figures } = figuresFromText(text, ctx('2025-04-10', 'Hà Nội'));
    expect(figures.filter((f) => f.metric === 'par_index_score')).toEqual([]);
  });

  it('reads a comparison sign right before a number as its comparator (r-412, d1760)', () => {
    const { figures } = figuresFromText('Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn của huyện đạt >95%, tỷ lệ hồ sơ trễ hạn < 1%. Tỷ lệ hài lòng của người dân đạt ≥ 90%; tỷ lệ hồ sơ nộp trực tuyến đạt ≤40%.', ctx('2023-12-20', 'Krông Bông', 'huyen'));
    expect(figures.map((f) => [f.metric, f.value, f.comparator])).toEqual([
      ['on_time_rate', 95, 'gt'], ['late_dossiers', 1, 'lt'], ['satisfaction_rate', 90, 'gte'], ['online_dossier_rate', 40, 'lte'],
    ]);
  });

  it('reads no comparator in an arrow ("từ 80% -> 90%")', () => {
    const { figures } = figuresFromText('Năm 2023, tỷ lệ hồ sơ trực tuyến của huyện tăng từ 80% -> 90%.', ctx('2023-12-20', 'Krông Bông', 'huyen'));
    expect(figures.find((f) => f.value === 90)?.comparator).toBe('eq');
  });
});
