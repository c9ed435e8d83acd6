/**
 * `Restatements` (the indexed `restated` signal) answers exactly as the definition `restatedNaive` does, on texts
 * built to be awkward: numbers inside longer numbers, spaces inside written forms, overlapping forms, forms in the
 * title, forms that start with a word, and a number written once.
 */
import { Restatements, restatedNaive } from '../../../ingest/extract/restated';
import { mulberry32 } from '../../../src/random';

const PIECES = ['98', '98,7', '98,7 %', '98,7  %', '1998', '999', '9999', '6.420', '16.420', '20 - 30%', '7/8', '17/8', '100%',
  'một bậc', 'hai', ' ', ', ', '. ', 'hồ sơ ', 'đạt ', '\n\n', '43 nghìn', '2,5 triệu', '0', '5'];

function randomText(random: () => number, n: number): string {
  return Array.from({ length: n }, () => PIECES[Math.floor(random() * PIECES.length)]).join(random() < 0.5 ? ' ' : '');
}

/** Every span that starts a piece-like form: each run of digits, and each word the engine reads as a number. */
function spans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/\d[\d.,/]*(?:\s*-\s*\d+)?\s*%?|một bậc|hai/g)) {
    const start = m.index ?? 0;
    for (let end = start + 1; end <= start + m[0].length; end++) out.push([start, end]);
  }
  return out;
}

describe('restated: the index answers as the definition', () => {
  it('on 300 random texts, for every prefix of every number in them', () => {
    const random = mulberry32(2024);
    let checked = 0;
    let restated = 0;
    for (let t = 0; t < 300; t++) {
      const text = randomText(random, 5 + Math.floor(random() * 60));
      const title = random() < 0.3 ? randomText(random, 3) : '';
      const index = new Restatements(text, title);
      for (const [start, end] of spans(text)) {
        const expected = restatedNaive(text, title, start, end);
        expect([text, title, start, end, index.isRestated(start, end)]).toEqual([text, title, start, end, expected]);
        checked++;
        if (expected) restated++;
      }
    }
    // Both answers occur often: the comparison is not all one way.
    expect(checked).toBeGreaterThan(5000);
    expect(restated / checked).toBeGreaterThan(0.2);
    expect(restated / checked).toBeLessThan(0.95);
  });

  it('in the cases that define it', () => {
    const text = 'Năm 2023 đạt 98,7%; năm 1998 đạt 98,7%. Quận xếp thứ 7/8, một bậc. Tiếp nhận 6.420 hồ sơ.';
    const at = (s: string, from = 0): [number, number] => [text.indexOf(s, from), text.indexOf(s, from) + s.length];
    const index = new Restatements(text, 'Quận đạt 7/8 chỉ tiêu');
    expect(index.isRestated(...at('98,7%'))).toBe(true); // again later
    expect(index.isRestated(...at('98,7%', text.indexOf('1998')))).toBe(true); // earlier too
    expect(index.isRestated(...at('6.420'))).toBe(false); // once
    expect(index.isRestated(...at('7/8'))).toBe(true); // in the title
    expect(index.isRestated(...at('2023'))).toBe(false);
    expect(index.isRestated(...at('98', text.indexOf('1998') + 2))).toBe(true); // "98" first occurs elsewhere
    expect(index.isRestated(...at('một bậc'))).toBe(false);
  });
});
