/**
 * Bad input never crashes the engine and stays linear: empty text, binary junk, NFD text, entities, 5 MB of text,
 * and 1 MB lines built to make regexes backtrack. Timings live in bench/extract.bench.ts; here we assert completion.
 */
import { figuresFromText } from '../../../ingest/extract/figures';
import { EXTRACTOR_VERSION } from '../../../ingest/extract/version';
import { ctxFor, figuresOf } from './helpers';

const REPORT = [
  'Trong 6 tháng đầu năm 2023, Bộ phận một cửa quận tiếp nhận 6.420 hồ sơ, đã giải quyết 6.377 hồ sơ.',
  'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,33%; mức độ hài lòng của người dân đạt 97,5%.',
  'Quận phấn đấu tỷ lệ hồ sơ trực tuyến đạt từ 60% trở lên.',
].join('\n\n');

describe('garbage gives no figures', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['whitespace', ' \n\t\n '],
    ['punctuation', '.,;:!?%/-–()[]'.repeat(50)],
    ['binary junk', Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 131 + 7) % 256)).toString('latin1')],
    ['control characters', '\u0000\u0001\u0002\uFFFD\uD800'.repeat(1000)],
    ['lone numbers', '1 2 3 4 5 6 7 8 9 10'],
    ['english', 'The district processed many files this year with great success.'],
  ])('%s → []', (_name, text) => {
    expect(figuresOf(text)).toEqual([]);
  });

  it('tolerates a non-string input from JavaScript callers', () => {
    expect(figuresFromText(undefined as unknown as string, ctxFor()).figures).toEqual([]);
  });
});

describe('text forms', () => {
  it('gives the same figures for NFC and NFD text', () => {
    const nfc = figuresOf(REPORT.normalize('NFC'));
    const nfd = figuresOf(REPORT.normalize('NFD'));
    expect(nfc.length).toBe(5);
    expect(nfd).toEqual(nfc);
  });

  it('decodes numeric character references and non-breaking spaces', () => {
    const encoded = 'T&#7927; l&#7879; h&#7891; s&#417; &#273;&#250;ng h&#7841;n &#273;&#7841;t&nbsp;99,5&#37;.';
    expect(figuresOf(encoded)).toEqual([expect.objectContaining({ metric: 'on_time_rate', value: 99.5 })]);
  });

  it('reports offsets into the normalised text it returns', () => {
    const result = figuresFromText(`  ${REPORT.normalize('NFD')}  `, ctxFor());
    expect(result.extractorVersion).toBe(EXTRACTOR_VERSION);
    for (const f of result.figures) {
      expect(result.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.sentence);
      expect(result.text.slice(f.evidence.numberStart, f.evidence.numberEnd)).toMatch(/^\d/);
    }
  });
});

describe('large and adversarial input completes', () => {
  const ONE_MB = 1_000_000;
  it.each<[string, string]>([
    ['digits', '9'.repeat(ONE_MB)],
    ['dotted groups', '1.'.repeat(ONE_MB / 2)],
    ['comma groups', '1,1 '.repeat(ONE_MB / 4)],
    ['slashes', '1/'.repeat(ONE_MB / 2)],
    ['colons', '1:'.repeat(ONE_MB / 2)],
    ['percentages', '98% '.repeat(ONE_MB / 4)],
    ['hedges', 'không quá '.repeat(ONE_MB / 10)],
    ['abbreviation dots', 'A. B '.repeat(ONE_MB / 5)],
    ['service levels', 'mức độ 3, '.repeat(ONE_MB / 10)],
    ['entities', '&#'.repeat(ONE_MB / 2)],
    ['unit names', 'UBND Quận Tân Phú '.repeat(ONE_MB / 18)],
  ])('a 1 MB line of %s', (_name, line) => {
    const result = figuresFromText(line, ctxFor());
    expect(Array.isArray(result.figures)).toBe(true);
  });

  it('5 MB of real-looking text', () => {
    const paragraphs: string[] = [];
    for (let i = 0, length = 0; length < 5_000_000; i++) {
      paragraphs.push(REPORT.replace('6.420', `${6000 + i}`));
      length += REPORT.length + 2;
    }
    const result = figuresFromText(paragraphs.join('\n\n'), ctxFor());
    expect(result.figures.length).toBeGreaterThan(100);
  });
});
