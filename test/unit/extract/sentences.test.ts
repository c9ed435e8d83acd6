import { normalizeText } from '../../../ingest/extract/normalize';
import { splitClauses, splitSentences } from '../../../ingest/extract/sentences';

function sentences(text: string): string[] {
  return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['decimal comma and thousands dot', 'Tỷ lệ đúng hạn đạt 99,9%. Quận tiếp nhận 15.983 hồ sơ.', ['Tỷ lệ đúng hạn đạt 99,9%.', 'Quận tiếp nhận 15.983 hồ sơ.']],
    ['TP. and Q. abbreviations', 'UBND TP. Thủ Đức và UBND Q. Tân Phú họp. Hội nghị kết thúc.', ['UBND TP. Thủ Đức và UBND Q. Tân Phú họp.', 'Hội nghị kết thúc.']],
    ['Q.11 without a space', 'Tại Q.11 có 12 phường. Hết.', ['Tại Q.11 có 12 phường.', 'Hết.']],
    ['a list marker is not a sentence', '3. Kiểm tra ít nhất 20% đơn vị. Báo cáo hằng quý.', ['3. Kiểm tra ít nhất 20% đơn vị.', 'Báo cáo hằng quý.']],
    ['"số." ends a sentence before a word', 'Tỉnh đẩy mạnh chuyển đổi số. Năm 2023 tỉnh đạt 91 điểm.', ['Tỉnh đẩy mạnh chuyển đổi số.', 'Năm 2023 tỉnh đạt 91 điểm.']],
    ['"số." before a number is an abbreviation', 'Theo Quyết định số. 12 của tỉnh. Hết.', ['Theo Quyết định số. 12 của tỉnh.', 'Hết.']],
    ['a lower-case word after a dot continues', 'Đạt 98 điểm. so với năm trước tăng.', ['Đạt 98 điểm. so với năm trước tăng.']],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('cuts a line with no full stop into bounded pieces', () => {
    const text = 'a '.repeat(5000);
    const spans = splitSentences(text, 0, text.length);
    expect(spans.length).toBeGreaterThan(1);
    expect(Math.max(...spans.map((s) => s.end - s.start))).toBeLessThanOrEqual(2000);
  });
});

describe('splitClauses', () => {
  it('splits at semicolons and at a colon before words, not before a value', () => {
    const text = normalizeText('Kết quả như sau: tỷ lệ hài lòng đạt 95%; hồ sơ tiếp nhận: 1.200 hồ sơ');
    const clauses = splitClauses(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end).trim());
    expect(clauses).toEqual(['Kết quả như sau', 'tỷ lệ hài lòng đạt 95%', 'hồ sơ tiếp nhận: 1.200 hồ sơ']);
  });
});

describe('normalizeText', () => {
  it('reads the eth some old fonts write for "Đ"/"đ" as that letter, one for one (d2220)', () => {
    const raw = 'Ðến nay, tỉnh ðã số hóa 100% hồ sơ.';
    const text = normalizeText(raw);
    expect(text).toBe('Đến nay, tỉnh đã số hóa 100% hồ sơ.');
    expect(text.length).toBe(raw.length);
  });

  it('reads "cấp huyệt" as the district level it mistypes, one letter for one, and leaves other words alone (d1134)', () => {
    const raw = 'Cấp huyệt đạt 97%, cấp huyệt chỉ đạt 33,3%; huyệt đạo.';
    const text = normalizeText(raw);
    expect(text).toBe('Cấp huyện đạt 97%, cấp huyện chỉ đạt 33,3%; huyệt đạo.');
    expect(text.length).toBe(raw.length);
  });
});
