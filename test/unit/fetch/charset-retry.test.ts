/** Charset choice and retry timing, as pure functions. */
import { chooseCharset, decodeBody } from '../../../ingest/fetch';
import { backoffDelayMillis, parseRetryAfterMillis } from '../../../ingest/fetch/retry';
import { toCp1258 } from './server-helpers';

const VI = 'Cải cách hành chính';
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('chooseCharset', () => {
  it.each([
    ['header when the bytes agree', 'text/html; charset=utf-8', utf8(`<p>${VI}</p>`), 'utf-8', 'header'],
    ['meta when there is no header charset', 'text/html', utf8(`<meta charset="UTF-8"><p>${VI}</p>`), 'utf-8', 'meta'],
    ['http-equiv meta', null, Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'), toCp1258(VI)]), 'windows-1258', 'meta'],
    ['BOM over a contradicting header', 'text/html; charset=windows-1258', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(VI)]), 'utf-8', 'bom'],
    ['meta over a latin-1 header the UTF-8 bytes disprove', 'text/html; charset=ISO-8859-1', utf8(`<meta charset="utf-8">${VI}`), 'utf-8', 'meta'],
    ['utf-8 default for undeclared UTF-8', null, utf8(VI), 'utf-8', 'default'],
    ['windows-1258 for undeclared invalid UTF-8', null, toCp1258(VI), 'windows-1258', 'sniff'],
    ['an unknown label is ignored', 'text/html; charset=x-made-up', utf8(VI), 'utf-8', 'default'],
  ])('%s', (_label, header, bytes, charset, source) => {
    expect(chooseCharset(header, bytes)).toEqual({ charset, source });
  });

  it('decodes to NFC', () => {
    const { text } = decodeBody(toCp1258(VI), 'text/html; charset=windows-1258');
    expect(text).toBe(VI);
    expect(text.length).toBe(VI.normalize('NFC').length);
  });
});

describe('retry timing', () => {
  it('full jitter stays within the exponential ceiling and the cap', () => {
    expect(backoffDelayMillis(1, 500, 30_000, () => 0.999)).toBe(499);
    expect(backoffDelayMillis(3, 500, 30_000, () => 0.5)).toBe(1000);
    expect(backoffDelayMillis(10, 500, 30_000, () => 0.5)).toBe(15_000);
    expect(backoffDelayMillis(2, 500, 30_000, () => 0)).toBe(0);
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0);
    expect(parseRetryAfterMillis('120', now)).toBe(120_000);
    expect(parseRetryAfterMillis('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMillis('Sun, 31 Dec 2023 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMillis('soon', now)).toBeNull();
    expect(parseRetryAfterMillis(null, now)).toBeNull();
  });
});
