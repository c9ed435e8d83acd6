/** Numbers that must never become figures, each with the reason the engine drops it. Our own sentences. */
import { figuresFromText } from '../../../ingest/extract/figures';
import { ctxFor, figuresOf } from './helpers';

function dropReasons(text: string): Record<string, string> {
  const r = figuresFromText(text, ctxFor());
  return Object.fromEntries(r.dropped.map((d) => [d.text, d.reason]));
}

describe('non-figures', () => {
  it.each<[string, string]>([
    ['date d/m/yyyy', 'Ngày 12/4/2022, UBND quận họp về cải cách hành chính.'],
    ['date d/m', 'Sáng 25/11, quận tổ chức hội nghị cải cách hành chính.'],
    ['date in words', 'Hội nghị diễn ra vào ngày 09 tháng 6 năm 2023 tại hội trường.'],
    ['document numbers', 'Thực hiện Nghị quyết số 76/NQ-CP và Nghị định 61/2018/NĐ-CP về cơ chế một cửa.'],
    ['standard', 'Quận duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015.'],
    ['hotline', 'Người dân phản ánh qua Tổng đài 1022 hoặc Cổng thông tin 1022.'],
    ['anniversary', 'Kỷ niệm 78 năm Ngày thành lập ngành Nội vụ.'],
    ['frequency', 'Chủ tịch UBND quận đối thoại với người dân định kỳ 06 tháng/lần.'],
    ['attendance', 'Dự hội nghị có trên 120 đại biểu và người dân.'],
    ['criteria count', 'Quận ban hành kế hoạch với 12 chỉ tiêu cải cách hành chính.'],
    ['unit enumeration', 'Lãnh đạo UBND 13 phường cùng dự hội nghị.'],
    ['district name', 'Đoàn kiểm tra làm việc tại Quận 10 và Q.12.'],
    ['service level names', 'Triển khai dịch vụ công mức độ 3, 4 trên địa bàn.'],
    ['time of day', 'Hoạt động 30 Tháng Mười Một 2023 3:15:00 CH'],
    ['years and spans', 'Chương trình giai đoạn 2021-2030 tiếp tục được triển khai từ năm 2021.'],
    ['duration', 'Sau 9 tháng triển khai, mô hình được nhân rộng.'],
    ['money', 'Tiết kiệm 120 triệu đồng chi phí in ấn.'],
  ])('%s gives no figure', (_name, text) => {
    expect(figuresOf(text)).toEqual([]);
  });

  it('says why it dropped each number', () => {
    const reasons = dropReasons('Ngày 12/4/2022, thực hiện Nghị định 61/2018/NĐ-CP, Tổng đài 1022, định kỳ 06 tháng/lần.');
    expect(reasons).toMatchObject({ '12/4/2022': 'date', '61/2018': 'document_number', '1022': 'name_or_code', '06': 'duration_or_period' });
  });

  it('reads a count after a department named by an abbreviation ending in "ĐT" ("Sở GD-ĐT 12 hồ sơ"), not as a phone number', () => {
    // Our own sentence (stop 23): "ĐT" after a hyphen or "&" closes a department's abbreviation (GD-ĐT, KH&ĐT), it is no "ĐT:" (phone).
    const figures = figuresOf('Trong tuần, quận tiếp nhận trực tuyến 40 hồ sơ, gồm Sở GD-ĐT 12 hồ sơ, Sở KH&ĐT 9 hồ sơ và Sở Tư pháp 19 hồ sơ.', '2023-06-30', { publisher: null });
    expect(figures.map((f) => f.value)).toEqual(expect.arrayContaining([12, 9, 19]));
    expect(dropReasons('Người dân liên hệ ĐT 0912 để được hỗ trợ.')).toMatchObject({ '0912': 'name_or_code' });
  });

  it('reads "5.98% hồ sơ" in a numbered list as item 5 and 98%', () => {
    const text = 'Các chỉ tiêu phấn đấu:\n\n4. Tỷ lệ hài lòng đạt 92%.\n\n5.98% hồ sơ được giải quyết đúng hạn.\n\n6. Kiểm tra 30% đơn vị.';
    const figures = figuresOf(text);
    expect(figures.map((f) => f.value)).toEqual([92, 98, 30]);
    expect(figures[1]).toMatchObject({ metric: 'on_time_rate', kind: 'target' });
  });

  it('ignores page furniture: counters, view counts, related news, comment forms', () => {
    const page = [
      'SỐ LƯỢT TRUY CẬP', '', '1', '2', '0', '4', '5', '', 'Tin hoạt động 14 Tháng Tư 2023 8:05:00 SA', '',
      'Quận tiếp nhận 3.000 hồ sơ.', '', 'Số lượt người xem: 1.512', '', 'TIN ĐÃ ĐƯA',
      'Quận đạt 99% hồ sơ đúng hạn (12/03/2023)', 'LEAVE A REPLY', 'Please enter your comment!',
    ].join('\n');
    expect(figuresOf(page).map((f) => f.value)).toEqual([3000]);
  });

  it('gives a paragraph the page repeats its figures once', () => {
    const lead = 'Trong quý I năm 2023, quận tiếp nhận 2.400 hồ sơ, tỷ lệ đúng hạn đạt 99,1%.';
    expect(figuresOf(`${lead}\n\n${lead}\n\nQuận tiếp tục cải cách.`)).toHaveLength(2);
  });

  it('reads "đúng 1.200/1.250 hồ sơ" (on time) as a count, not as the rank "đứng 12/63"', () => {
    const text = 'Năm 2022, Chỉ số cải cách hành chính của quận đứng 12/63; quận đã giải quyết đúng 1.200/1.250 hồ sơ.';
    const units = figuresFromText(text, ctxFor()).figures.map((f) => [f.value, f.total, f.unit]);
    expect(units).toContainEqual([12, 63, 'rank']);
    expect(units).not.toContainEqual([1200, 1250, 'rank']);
  });
});

describe('thresholds that sort units into groups', () => {
  // Our own sentences: a band that defines a group of units, or the bar a counted group of units passes, is nobody's figure.
  it('drops the bound of a group counted right after it ("từ 90% trở lên, có 5 tỉnh")', () => {
    const text = 'Kết quả Chỉ số cải cách hành chính năm 2023 của các tỉnh được chia làm hai nhóm: Nhóm A, đạt kết quả Chỉ số từ 90% trở lên, có 05 tỉnh, thành phố.';
    const r = figuresFromText(text, ctxFor('2024-05-10', { publisher: null }));
    expect(r.figures.filter((f) => f.metric !== 'other').map((f) => f.value)).not.toContain(90);
    expect(r.dropped.map((d) => [d.text, d.reason])).toContainEqual(['90%', 'group_threshold']);
  });

  it('drops the bar a group counted before it passes ("chỉ 4 đơn vị có tỷ lệ … trên 3%", "12 bộ, ngành có tỷ lệ … dưới 15%")', () => {
    const communes = figuresOf('Trong 20 xã, phường của huyện, chỉ 4 đơn vị có tỷ lệ hồ sơ trễ hạn trên 3%; 6 đơn vị không có hồ sơ trễ hạn.', '2023-07-05');
    expect(communes.filter((f) => f.metric === 'late_dossiers')).toEqual([]);
    const ministries = figuresOf('Hệ thống ghi nhận 12 bộ, ngành và địa phương có tỷ lệ hồ sơ trực tuyến toàn trình thấp dưới 15%.', '2024-12-20', { publisher: null });
    expect(ministries.filter((f) => f.metric === 'online_dossier_rate')).toEqual([]);
  });

  it('keeps a unit\'s own bounded figure and a bounded commitment', () => {
    expect(figuresOf('Năm 2023, quận có tỷ lệ hồ sơ trễ hạn dưới 1%.', '2024-01-10').map((f) => [f.metric, f.value, f.comparator])).toEqual([['late_dossiers', 1, 'lt']]);
    // A count with a figure of its own after the bound does not make the bound a group's.
    expect(figuresOf('Năm 2023, quận có tỷ lệ hồ sơ giải quyết đúng hạn trên 98%, có 15 phường đạt 100%.', '2024-01-10').map((f) => [f.metric, f.value])).toContainEqual(['on_time_rate', 98]);
    expect(figuresOf('Năm 2024, quận phấn đấu tỷ lệ hài lòng đạt từ 95% trở lên.').map((f) => [f.metric, f.value, f.kind])).toEqual([['satisfaction_rate', 95, 'target']]);
  });
});

describe('text that is not Vietnamese', () => {
  // Our own sentences.
  const VI = 'Trong 6 tháng đầu năm 2023, UBND quận tiếp nhận 12.480 hồ sơ thủ tục hành chính, tỷ lệ giải quyết đúng hạn đạt 98,6%. Mức độ hài lòng của người dân và doanh nghiệp đạt 93,1%, tăng so với cùng kỳ năm trước.';
  const EN = 'In the first six months of 2023, the district received 12,480 administrative dossiers and settled 98.6% of them on time. Satisfaction of citizens and businesses reached 93.1%, higher than in the same period last year, and the district now offers 212 online services, most of them at level 4, with dossiers returned by post on request.';

  it('is refused whole, with the reason, even under a Vietnamese title', () => {
    const r = figuresFromText(EN, ctxFor('2023-07-05', { title: 'Quận Hải Châu: kết quả cải cách hành chính 6 tháng đầu năm' }));
    expect(r.figures).toEqual([]);
    expect(r.dropped.map((d) => d.reason)).toEqual(['not_vietnamese']);
  });

  it('leaves Vietnamese read as before, composed or decomposed, with an English aside or as a short caption', () => {
    const expected = figuresOf(VI, '2023-07-05').map((f) => [f.metric, f.value]);
    expect(expected).toEqual(expect.arrayContaining([['on_time_rate', 98.6], ['satisfaction_rate', 93.1]]));
    expect(figuresOf(VI.normalize('NFD'), '2023-07-05').map((f) => [f.metric, f.value])).toEqual(expected);
    expect(figuresOf(`${VI}\n\nPublic Administration Reform news in English: see the portal's English edition.`, '2023-07-05').map((f) => [f.metric, f.value])).toEqual(expected);
    // Under 200 letters nothing is judged: a short English line is read as any text is.
    expect(figuresFromText('Satisfaction reached 93.1%.', ctxFor()).dropped.map((d) => d.reason)).not.toContain('not_vietnamese');
  });

  it('keeps a share after a place whose name ends in "Nam" or a record ("kỷ lục"): no date word (stop 39, d132)', () => {
    const r = figuresFromText('Năm 2024, tỷ lệ hồ sơ đúng hạn đạt mức cao kỷ lục 98,37%. Tỷ lệ hồ sơ trực tuyến của các tỉnh: Quảng Nam 60,5%, Hà Nam 72,1%.', ctxFor());
    expect(r.figures.map((f) => f.value)).toEqual([98.37, 60.5, 72.1]);
    expect(dropReasons('Hội nghị bắt đầu lúc 8 giờ sáng.')['8']).toBe('date_or_period');
  });
});
