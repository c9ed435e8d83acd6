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
