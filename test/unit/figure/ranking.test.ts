import { compareDecimalStrings, competitionRanks, rankValues } from '../../../src/modules/figure/ranking';

describe('competitionRanks', () => {
  it('gives equal values one rank and lets the next rank count them all (1, 2, 2, 4)', () => {
    expect(competitionRanks(['90.000000', '95.500000', '90.000000', '80.000000'], true)).toEqual([2, 1, 2, 4]);
  });

  it('ranks the smallest first for a lower-is-better metric', () => {
    expect(competitionRanks(['3.000000', '1.000000', '2.000000'], false)).toEqual([3, 1, 2]);
  });

  it('leaves rows without a value unranked and does not count them', () => {
    expect(competitionRanks([null, '10.000000', null, '20.000000'], true)).toEqual([null, 2, null, 1]);
  });

  it('treats the same decimal written with another scale as equal', () => {
    expect(competitionRanks(['99.9', '99.900000', '100'], true)).toEqual([2, 2, 1]);
  });

  it('keeps apart two values that differ only beyond a double\'s precision', () => {
    const a = '12345678901234.000001';
    const b = '12345678901234.000002';
    expect(Number(a)).toBe(Number(b));
    expect(competitionRanks([a, b], true)).toEqual([2, 1]);
    expect(competitionRanks([a, b], false)).toEqual([1, 2]);
  });

  it('orders negative values below zero and below smaller negatives', () => {
    expect(competitionRanks(['-1.500000', '0.000000', '-12.000000', '-0.000000'], true)).toEqual([3, 1, 4, 1]);
  });
});

describe('rankValues', () => {
  it('lists the rows with a value in rank order, equal ranks in input order', () => {
    const r = rankValues(['90.000000', null, '95.500000', '90.000000', '80.000000', '90.0'], true);
    expect(r.ranks).toEqual([2, null, 1, 2, 5, 2]);
    expect(r.order).toEqual([2, 0, 3, 5, 4]);
  });
});

describe('compareDecimalStrings', () => {
  it.each([
    ['1', '2', -1], ['10', '9', 1], ['0.25', '0.250', 0], ['-3', '-2', -1], ['-0', '0', 0], ['007.5', '7.50', 0],
    ['1.000001', '1.00001', -1], ['-1.000001', '-1.00001', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareDecimalStrings(a, b))).toBe(sign);
  });
});
