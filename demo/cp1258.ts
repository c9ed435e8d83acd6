/** Windows-1258 encoding for test and demo pages (decoding is the fetcher's job; see ingest/fetch/charset.ts). */
import * as iconv from 'iconv-lite';

/**
 * Vietnamese text as Windows-1258 bytes the way Windows writes them: letters with circumflex, breve, horn and
 * đ are precomposed code points, tone marks are separate combining bytes ("Tiếng" → 54 69 EA EC 6E 67).
 */
export function toCp1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
  let out = '';
  let tones = '';
  for (const ch of text.normalize('NFD')) {
    if (TONES.test(ch)) tones += ch;
    else if (/[\u0302\u0306\u031b]/.test(ch)) out = out.slice(0, -1) + (out.slice(-1) + ch).normalize('NFC');
    else {
      out += tones;
      tones = '';
      out += ch;
    }
  }
  return iconv.encode(out + tones, 'windows-1258');
}
