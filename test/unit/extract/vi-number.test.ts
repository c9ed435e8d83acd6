import { parseViNumber, scanNumberTokens } from '../../../ingest/extract/vi-number';

describe('parseViNumber', () => {
  it.each<[string, number | null]>([
    ['15.983', 15983],
    ['1.300', 1300],
    ['2.146', 2146],
    ['1.234.567', 1234567],
    ['99,9', 99.9],
    ['99,87', 99.87],
    ['87,602', 87.602], // a three-decimal score, not 87 602
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5], // English style when the dot comes last
    ['1,234,567', 1234567],
    ['3.5', 3.5], // a lone dot before fewer than three digits is an English decimal
    ['05', 5],
    ['007', 7],
    ['100', 100],
    ['1.2.3', null], // a section number, not a value
    ['12.34.5', null],
    ['', null],
    ['abc', null],
  ])('%s → %s', (raw, expected) => {
    expect(parseViNumber(raw)).toBe(expected);
  });
});

describe('scanNumberTokens', () => {
  it('finds every number with offsets and flags leading zeros', () => {
    const text = 'Tiếp nhận 2.146 hồ sơ, đúng hạn 99,5%; kiểm tra 05 đơn vị.';
    const tokens = scanNumberTokens(text);
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.value, t.leadingZero])).toEqual([
      ['2.146', 2146, false],
      ['99,5', 99.5, false],
      ['05', 5, true],
    ]);
  });

  it('does not read a run of digits too long for a figure', () => {
    const [token] = scanNumberTokens('9'.repeat(40));
    expect(token.value).toBeNull();
  });
});

describe('scaled counts', () => {
  it('reads "4,1 triệu", "1,3 ngàn", "2,35 triệu" as exact integers, not a binary product like 4099999.9999999995', () => {
    const { figuresFromText } = jest.requireActual<typeof import('../../../ingest/extract/figures')>('../../../ingest/extract/figures');
    const ctx = { publishedAt: new Date('2024-10-08T08:00:00+07:00'), publisher: { id: 'p', name: 'Đồng Nai', level: 'tinh' } };
    const values = ['4,1 triệu', '1,3 ngàn', '0,7 triệu', '2,35 triệu'].map((n) => figuresFromText(`Năm 2024, tỉnh tiếp nhận ${n} hồ sơ.`, ctx).figures.map((f) => f.value));
    expect(values).toEqual([[4100000], [1300], [700000], [2350000]]);
  });
});
