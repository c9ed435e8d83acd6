/** Periods from the phrase or the publication date. */
import { documentPeriod, findPeriods } from '../../../ingest/extract/periods';
import { foldForMatching, normalizeText } from '../../../ingest/extract/normalize';
import { figuresOf } from './helpers';

function periodOf(phrase: string, published = '2021-11-25'): unknown {
  const text = normalizeText(phrase);
  const [m] = findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, new Date(`${published}T09:00:00+07:00`));
  return m ? { year: m.period.year, fromMonth: m.period.fromMonth, toMonth: m.period.toMonth } : null;
}

describe('findPeriods', () => {
  it.each<[string, unknown]>([
    ['9 tháng năm 2018', { year: 2018, fromMonth: 1, toMonth: 9 }],
    ['6 tháng đầu năm 2020', { year: 2020, fromMonth: 1, toMonth: 6 }],
    ['6 tháng đầu năm', { year: 2021, fromMonth: 1, toMonth: 6 }],
    ['6 tháng cuối năm 2020', { year: 2020, fromMonth: 7, toMonth: 12 }],
    ['quý I', { year: 2021, fromMonth: 1, toMonth: 3 }],
    ['quý III năm 2019', { year: 2019, fromMonth: 7, toMonth: 9 }],
    ['quý 2/2023', { year: 2023, fromMonth: 4, toMonth: 6 }],
    ['11 tháng qua', { year: 2021, fromMonth: 1, toMonth: 11 }],
    ['tính đến nay', { year: 2021, fromMonth: 1, toMonth: 11 }],
    ['tính đến ngày 30/9/2022', { year: 2022, fromMonth: 1, toMonth: 9 }],
    ['năm 2021', { year: 2021, fromMonth: null, toMonth: null }],
    ['giai đoạn 2016-2020', { year: 2020, fromMonth: null, toMonth: null }],
    ['tháng 10/2023', { year: 2023, fromMonth: 10, toMonth: 10 }],
    ['đến hết tháng 1-2022', { year: 2022, fromMonth: 1, toMonth: 1 }],
    ['đến tháng 4/2023', { year: 2023, fromMonth: 1, toMonth: 4 }],
    ['từ tháng 7 đến tháng 9/2025', { year: 2025, fromMonth: 7, toMonth: 9 }],
    ['tính từ ngày 1/7 đến cuối tháng 10/2025', { year: 2025, fromMonth: 7, toMonth: 10 }],
    ['từ ngày 21/7đến 20/8/2021', { year: 2021, fromMonth: 8, toMonth: 8 }],
    ['từ ngày 15/12/2020 đến ngày 15/6/2021', { year: 2021, fromMonth: 1, toMonth: 6 }],
    ['từ ngày 2.1.2018 đến 17.5.2018', { year: 2018, fromMonth: 1, toMonth: 5 }],
    ['từ ngày 1/7 đến nay', { year: 2021, fromMonth: 7, toMonth: 11 }],
    // A range across a year end is of its closing year, January to its closing month (d541, d626 are labelled so).
    ['từ ngày 1/10 đến 31/3/2022', { year: 2022, fromMonth: 1, toMonth: 3 }],
    ['Từ ngày 5-12-2020 đến 15- 11-2021', { year: 2021, fromMonth: 1, toMonth: 11 }],
    ['từ ngày 1/10/2019 đến 31/3/2022', null],
    ['từ ngày 1/10 đến 31/3', null],
    ['Từ 27/6 đến 14/12/2025', { year: 2025, fromMonth: 6, toMonth: 12 }],
    // A to-date day without a year: January to that month; of the year before when the month is still ahead.
    ['Tính đến ngày 30-1', { year: 2021, fromMonth: 1, toMonth: 1 }],
    ['đến ngày 22/01, tỉnh đạt', { year: 2021, fromMonth: 1, toMonth: 1 }],
    ['Tính đến 25/8', { year: 2021, fromMonth: 1, toMonth: 8 }],
    ['Tính đến ngày 28/12', { year: 2020, fromMonth: 1, toMonth: 12 }],
    ['tăng 5/9 huyện', null],
    ['đến 5/9 huyện', null],
    // Days of one month, the month written once.
    ['từ ngày 1 - 14/7', { year: 2021, fromMonth: 7, toMonth: 7 }],
    ['từ ngày 1 đến 31-7', { year: 2021, fromMonth: 7, toMonth: 7 }],
    ['từ ngày 3 đến ngày 20/5/2019', { year: 2019, fromMonth: 5, toMonth: 5 }],
    ['từ ngày 20 - 3/7', null],
    ['tăng từ 5/9 đến 9/9 huyện', null],
    // Without "ngày" or a year, a range of dates is read when a comma closes it: "Riêng từ 1-7 đến 10-9, phường …".
    ['Riêng từ 1-7 đến 10-9, phường đã tiếp nhận', { year: 2021, fromMonth: 7, toMonth: 9 }],
    ['Từ 21/7 đến 20/8, hệ thống ghi nhận', { year: 2021, fromMonth: 8, toMonth: 8 }],
    ['tăng từ 5/9 đến 9/9, huyện', null],
    // Counted from the start of the two-tier local government (1 July 2025).
    ['Sau 1 tháng vận hành chính quyền địa phương 2 cấp, thành phố', { year: 2025, fromMonth: 7, toMonth: 7 }],
    ['Sau 4 tháng vận hành mô hình chính quyền hai cấp, tỷ lệ', { year: 2025, fromMonth: 7, toMonth: 10 }],
    ['Sau hai tuần triển khai mô hình chính quyền địa phương 2 cấp, Huế', { year: 2025, fromMonth: 7, toMonth: 7 }],
    ['sau gần một tháng chính thức vận hành mô hình chính quyền địa phương hai cấp', { year: 2025, fromMonth: 7, toMonth: 7 }],
    ['sau gần 2 tháng triển khai vận hành, chính quyền địa phương theo mô hình 2 cấp đã', { year: 2025, fromMonth: 7, toMonth: 8 }],
    ['Sau hơn 8 tháng vận hành chính quyền 2 cấp', { year: 2026, fromMonth: 1, toMonth: 2 }],
    ['Từ khi thực hiện mô hình chính quyền địa phương 2 cấp (1/7/2025) đến ngày 28/10/2025, tổng số', { year: 2025, fromMonth: 7, toMonth: 10 }],
    ['bộ máy chính quyền địa phương 2 cấp', null],
    ['sau 3 tháng sáp nhập xã', null],
    ['từ đầu năm đến đầu tháng 11-2022', { year: 2022, fromMonth: 1, toMonth: 11 }],
    ['Từ năm 2015-2020', { year: 2020, fromMonth: null, toMonth: null }],
    ['trong ba năm 2016 - 2018', { year: 2018, fromMonth: null, toMonth: null }],
    ['03 tháng/lần', null],
    ['ngày 07 tháng 5 năm 2021', null],
  ])('%s', (phrase, expected) => {
    expect(periodOf(phrase)).toEqual(expected);
  });

  it('gives an undated article\'s year-less phrases the year it names, and no end to "đến nay"', () => {
    const at = (phrase: string) => {
      const text = normalizeText(phrase);
      return findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, null, 2019).map((m) => [m.period.year, m.period.fromMonth, m.period.toMonth]);
    };
    expect(at('6 tháng đầu năm')).toEqual([[2019, 1, 6]]);
    expect(at('trong tháng 8,')).toEqual([[2019, 8, 8]]);
    expect(at('từ ngày 1/7 đến nay')).toEqual([]);
  });

  it('reads "so" as a comparison only where the text writes "so", not "sở" or "sơ" (stop 31, d1082)', () => {
    const mention = (phrase: string) => {
      const t = normalizeText(phrase);
      return findPeriods(t, foldForMatching(t), { start: 0, end: t.length }, null, 2021)[0];
    };
    expect(mention('Chỉ số cải cách hành chính cấp sở năm 2020')).toMatchObject({ period: { year: 2020 }, baseline: false });
    expect(mention('Tỷ lệ hồ sơ năm 2020')).toMatchObject({ period: { year: 2020 }, baseline: false });
    expect(mention('tăng 2,1% so năm 2020')).toMatchObject({ period: { year: 2020 }, baseline: true });
    expect(mention('tăng 2,1% so với năm 2020')).toMatchObject({ period: { year: 2020 }, baseline: true });
  });

  it('marks a bracketed period as an aside that ends at its closing bracket', () => {
    const text = 'đạt 81,24% (năm 2021 đạt 79,19%), xếp thứ 40';
    const [m] = findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, null);
    expect(m.until).toBe(text.indexOf(')'));
  });

  it('reads a bracket holding only the dates of the time phrase before it as that phrase\'s period, not an aside', () => {
    const read = (phrase: string, published: Date | null = new Date('2018-05-20T09:00:00+07:00')) => {
      const text = normalizeText(phrase);
      return findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, published).map((m) => [m.period.year, m.period.fromMonth, m.period.toMonth, m.until, m.leading]);
    };
    // The bracket is more precise than the phrase it opens after: that phrase is no longer a period of its own.
    expect(read('Như vậy, trong hơn 4 tháng qua (từ ngày 2.1.2018 đến 3.5.2018), trung tâm đã giải quyết')).toEqual([[2018, 1, 5, null, true]]);
    expect(read('Chỉ tính riêng trong tuần (từ ngày 11.5.2018 đến 17.5.2018) đã có 1.129 lượt')).toEqual([[2018, 5, 5, null, true]]);
    // Far into its sentence after a source that is no attribution the engine knows ("Tin từ …", left): not leading.
    expect(read('Tin từ Trung tâm Hành chính công và xúc tiến đầu tư, chỉ trong một tuần (từ 27.4 đến 3.5.2018) đã có 722 lượt')).toEqual([[2018, 4, 5, null, false]]);
    // Without "từ" inside the bracket.
    expect(read('Sau một tháng hoạt động (1-7 đến 31-7), trung tâm đã tiếp nhận', new Date('2025-08-11T09:00:00+07:00'))).toEqual([[2025, 7, 7, null, true]]);
    // The dates of a baseline stay a baseline.
    const text = normalizeText('Tỷ lệ đúng hạn tăng 2% so với 6 tháng đầu năm 2017 (từ ngày 15/12/2016 đến 14/6/2017), đạt 98%');
    expect(findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, null).map((m) => [m.period.year, m.period.toMonth, m.baseline])).toEqual([[2017, 6, true]]);
    // After a number, or holding more than dates, a bracket stays an aside.
    const afterNumber = 'Bộ phận một cửa của huyện đã tiếp nhận 300 hồ sơ (từ ngày 1/3 đến 31/3/2018), giải quyết';
    expect(read(afterNumber)).toEqual([[2018, 3, 3, afterNumber.indexOf(')'), false]]);
    const withFigures = 'Tỷ lệ hồ sơ trực tuyến của tỉnh tăng 5,2% (năm 2017 đạt 80%), trong đó';
    expect(read(withFigures)).toEqual([[2017, null, null, withFigures.indexOf(')'), false]]);
  });

  it('reads a range across a year end, and the two-tier government, against the publication date', () => {
    expect(periodOf('từ ngày 1/7/2025 đến nay', '2026-03-12')).toEqual({ year: 2026, fromMonth: 1, toMonth: 3 });
    expect(periodOf('Từ ngày 1/7/2025 đến ngày 10/3/2026, cấp tỉnh tiếp nhận', '2026-03-12')).toEqual({ year: 2026, fromMonth: 1, toMonth: 3 });
    expect(periodOf('Từ khi thực hiện chính quyền địa phương hai cấp, phường đã', '2025-11-04')).toEqual({ year: 2025, fromMonth: 7, toMonth: 11 });
    expect(periodOf('kể từ khi vận hành chính quyền hai cấp đến nay', '2025-11-25')).toEqual({ year: 2025, fromMonth: 7, toMonth: 11 });
    expect(periodOf('từ khi vận hành chính quyền 2 cấp đến nay', '2026-02-10')).toEqual({ year: 2026, fromMonth: 1, toMonth: 2 });
    // A time in operation counts from the two-tier government's start only in its first year (stop 52, d950, d1287).
    expect(periodOf('Sau hơn 1 tháng vận hành, trung tâm xã đã tiếp nhận', '2025-08-14')).toEqual({ year: 2025, fromMonth: 7, toMonth: 8 });
    expect(periodOf('Sau gần 2 tháng đi vào hoạt động, trung tâm đã tiếp nhận', '2025-09-03')).toEqual({ year: 2025, fromMonth: 7, toMonth: 8 });
    expect(periodOf('Sau hơn 2 tháng đi vào hoạt động, trung tâm đã tiếp nhận', '2018-12-20')).toBeNull();
    expect(periodOf('Trong 1 tháng vận hành, trung tâm phường xử lý', '2025-08-12')).toEqual({ year: 2025, fromMonth: 7, toMonth: 7 });
    // The reporting period from mid-December, both ends written "giữa tháng" (stop 33's blind batch, d1762).
    expect(periodOf('Từ giữa tháng 12-2022 đến giữa tháng 7-2023, Sở đã tiếp nhận', '2023-08-26')).toEqual({ year: 2023, fromMonth: 1, toMonth: 7 });
  });

  it('dates an undated article by the two-tier government it counts from', () => {
    const text = normalizeText('Sau hai tuần triển khai mô hình chính quyền địa phương 2 cấp, thành phố dẫn đầu. Tính từ ngày 1 - 14/7, thành phố tiếp nhận 17.000 hồ sơ.');
    expect(documentPeriod(null, foldForMatching(text)).year).toBe(2025);
  });

  it("dates an undated article by the years it names, counting 'cấp sở năm 2020' as 2020, not as a comparison (stop 31, d1082)", () => {
    const text = normalizeText('Ngày 8/7/2021, UBND tỉnh công bố Chỉ số cải cách hành chính cấp sở năm 2020. Ở cấp huyện năm 2020, huyện Kim Sơn dẫn đầu.');
    expect(documentPeriod(null, foldForMatching(text), text).year).toBe(2020);
    // A comparison the text writes with "so" still speaks for the year after it.
    const compared = normalizeText('Ngày 8/7/2021, tỉnh tăng 3 bậc so với năm 2020. Kết quả công bố ngày 1/7/2021.');
    expect(documentPeriod(null, foldForMatching(compared), compared).year).toBe(2021);
  });

  it("reads 'năm ngoái' as the year before the publication's, but not 'nằm ngoài' (lies outside), which folds the same (d2907)", () => {
    expect(periodOf('tụt 2 bậc so với năm ngoái (xếp thứ 2)', '2021-06-15')).toEqual({ year: 2020, fromMonth: null, toMonth: null });
    expect(periodOf('huyện nằm ngoài nhóm 10 đơn vị dẫn đầu', '2021-06-15')).toBeNull();
    // In January the article reports on the year just ended: its "năm ngoái" is the year before that one (d2172).
    expect(periodOf('giảm 0,6% so với năm ngoái', '2025-01-20')).toBeNull();
  });

  it('uses Vietnam time for the publication date (UTC+7)', () => {
    // 31 Dec 2021 20:00 UTC is already 1 Jan 2022 in Vietnam.
    const text = 'năm nay';
    const [m] = findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, new Date('2021-12-31T20:00:00Z'));
    expect(m.period.year).toBe(2022);
  });
});

describe('figure periods', () => {
  it('carries a sentence-leading period to the following sentences', () => {
    const figures = figuresOf('Trong 9 tháng năm 2022, quận triển khai kế hoạch cải cách hành chính.\n\nQuận tiếp nhận 5.100 hồ sơ.', '2022-10-05');
    expect(figures[0].period).toMatchObject({ year: 2022, fromMonth: 1, toMonth: 9 });
  });

  it('dates a result the text dates nowhere January to the publication month, a December article\'s and a target by the year (labelling rule 4b)', () => {
    const [f] = figuresOf('Quận tiếp nhận 5.100 hồ sơ.', '2020-03-02');
    expect(f.period).toMatchObject({ year: 2020, fromMonth: 1, toMonth: 3, label: '3 tháng đầu năm 2020' });
    const [december] = figuresOf('Quận tiếp nhận 5.100 hồ sơ.', '2020-12-18');
    expect(december.period).toMatchObject({ year: 2020, fromMonth: null, toMonth: null, label: 'năm 2020' });
    const [target] = figuresOf('Quận phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.', '2020-03-02');
    expect([target.kind, target.period.year, target.period.fromMonth]).toEqual(['target', 2020, null]);
  });

  it('gives a figure the lead states undated the period the text gives its restatement', () => {
    const text = 'Quận hiện còn 1.274 hồ sơ giải quyết quá hạn.\n\nTính đến ngày 31-1, quận đạt 88,42 điểm về Bộ chỉ số phục vụ người dân, doanh nghiệp.\n\nToàn quận hiện còn 1.274 hồ sơ giải quyết quá hạn.';
    const late = figuresOf(text, '2026-02-03').filter((f) => f.metric === 'late_dossiers');
    // One reading (the lead's, with its subject and sentence), of January 2026.
    expect(late.map((f) => [f.value, f.period.year, f.period.fromMonth, f.period.toMonth, f.evidence.sentence])).toEqual([[1274, 2026, 1, 1, 'Quận hiện còn 1.274 hồ sơ giải quyết quá hạn.']]);
    // A headline's exact value and the lead's rounded one ("hơn 95,5%") under the lead's period: the exact one, of July.
    const headline = figuresOf('TP. Thủ Đức: mức độ hài lòng của người dân đạt 95,56%\n\nSau 1 tháng vận hành chính quyền địa phương 2 cấp, mức độ hài lòng của người dân đạt hơn 95,5%.', '2025-08-06');
    expect(headline.map((f) => [f.value, f.period.year, f.period.fromMonth, f.period.toMonth])).toEqual([[95.56, 2025, 7, 7]]);
    // Both undated: the lead's reading stays as it was, January to the publication month.
    const [first] = figuresOf('Quận hiện còn 1.274 hồ sơ giải quyết quá hạn.\n\nToàn quận hiện còn 1.274 hồ sơ giải quyết quá hạn.', '2026-02-03');
    expect([first.period.year, first.period.fromMonth, first.period.toMonth]).toEqual([2026, 1, 2]);
  });

  it('carries a period from a bracket of dates after a time phrase, a range across a year end and the two-tier government', () => {
    const period = (f: { period: { year: number | null; fromMonth: number | null; toMonth: number | null } }) => [f.period.year, f.period.fromMonth, f.period.toMonth];
    expect(figuresOf('Chỉ tính riêng trong tuần (từ ngày 9.4.2019 đến 15.4.2019), trung tâm có 980 lượt giao dịch.\n\nSố hồ sơ được giải quyết là 1.186 hồ sơ.', '2019-04-18').map(period)).toEqual([[2019, 4, 4]]);
    expect(figuresOf('Từ ngày 1/8/2025 đến ngày 12/2/2026, quận tiếp nhận 15.200 hồ sơ.\n\nQuận giải quyết 14.900 hồ sơ.', '2026-02-20').map(period)).toEqual([[2026, 1, 2], [2026, 1, 2]]);
    expect(figuresOf('Sau 2 tháng vận hành chính quyền địa phương 2 cấp, phường đã tiếp nhận 4.120 hồ sơ.', '2025-09-05').map(period)).toEqual([[2025, 7, 8]]);
  });

  it("gives a baseline's own level, stated with a verb after it, the baseline's year (d545, d440)", () => {
    const year = (text: string, value: number) => figuresOf(text, '2022-05-10').find((f) => f.value === value && !f.change)?.period.year;
    // "so với năm 2020 (đạt 83,72%)": the bracketed level is 2020's, like "so với năm 2020 (83,72%)".
    expect(year('Năm 2021, Chỉ số CCHC bình quân của các tỉnh đạt 86,37%, cao hơn 2,65% so với năm 2020 (đạt 83,72%).', 83.72)).toBe(2020);
    expect(year('Năm 2021, Chỉ số CCHC bình quân của các tỉnh đạt 86,37%, cao hơn 2,65% so với năm 2020 (83,72%).', 83.72)).toBe(2020);
    expect(year('Năm 2021, Chỉ số CCHC bình quân của các tỉnh đạt 86,37%, cao hơn 2,65% so với năm 2020 (chỉ đạt 83,72%).', 83.72)).toBe(2020);
    // "so với năm 2020 là 19/30": the place held in the baseline year.
    expect(year('Chỉ số cải cách hành chính năm 2021 của Sở đạt 80,5 điểm, xếp thứ 12/30 đơn vị, tăng 7 bậc so với năm 2020 là 19/30 đơn vị.', 19)).toBe(2020);
    // The level of the figure's own year keeps it.
    expect(year('Năm 2021, Chỉ số CCHC bình quân của các tỉnh đạt 86,37%, cao hơn 2,65% so với năm 2020 (đạt 83,72%).', 86.37)).toBe(2021);
  });

  it('does not take a baseline year as the period', () => {
    const [f] = figuresOf('Năm 2023, tỷ lệ hồ sơ trực tuyến tăng 8% so với năm 2022.', '2023-12-28');
    expect(f).toMatchObject({ change: true, baselineYear: 2022, period: expect.objectContaining({ year: 2023 }) });
  });
});
