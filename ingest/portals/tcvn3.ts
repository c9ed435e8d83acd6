/**
 * TCVN3 (TCVN 5712, "ABC") legacy text. Old portal bodies hold TCVN3 bytes shown with `.VnTime`-style fonts; read
 * as Windows-1252/Latin-1 they become mojibake such as "Ngµy" for "Ngày" (portals.md §5). Pure.
 *
 * Public surface: {@link tcvn3ToUnicode}, {@link looksLikeTcvn3}, {@link isTcvn3FontName}.
 */

/** TCVN3 lower-case letters as they appear when the bytes are read as Latin-1, in the order of {@link UNICODE}. */
const TCVN3 =
  '\u00b8\u00b5\u00b6\u00b7\u00b9\u00a8\u00be\u00bb\u00bc\u00bd\u00c6\u00a9\u00ca\u00c7\u00c8\u00c9\u00cb' +
  '\u00d0\u00cc\u00ce\u00cf\u00d1\u00aa\u00d5\u00d2\u00d3\u00d4\u00d6\u00dd\u00d7\u00d8\u00dc\u00de' +
  '\u00e3\u00df\u00e1\u00e2\u00e4\u00ab\u00e8\u00e5\u00e6\u00e7\u00e9\u00ac\u00ed\u00ea\u00eb\u00ec\u00ee' +
  '\u00f3\u00ef\u00f1\u00f2\u00f4\u00ad\u00f8\u00f5\u00f6\u00f7\u00f9\u00fd\u00fa\u00fb\u00fc\u00fe\u00ae' +
  // Upper-case letters without a tone mark have their own codes: Ă Â Ê Ô Ơ Ư Đ.
  '\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7';

const UNICODE =
  'áàảãạăắằẳẵặâấầẩẫậ' + 'éèẻẽẹêếềểễệíìỉĩị' + 'óòỏõọôốồổỗộơớờởỡợ' + 'úùủũụưứừửữựýỳỷỹỵđ' + 'ĂÂÊÔƠƯĐ';

const TABLE: ReadonlyMap<string, string> = new Map([...TCVN3].map((c, i) => [c, [...UNICODE][i]]));

/** Font names that mean TCVN3 text: `.VnTime`, `.VnArial`, `.VnTimeH` (the H fonts are all-capitals). */
const TCVN3_FONT_RE = /\.vn[a-z0-9]*/i;
const TCVN3_CAPS_FONT_RE = /\.vn[a-z0-9]*h\b/i;

/** true when a CSS font-family or `<font face>` value names a TCVN3 font. */
export function isTcvn3FontName(fontFamily: string): boolean {
  return TCVN3_FONT_RE.test(fontFamily);
}

/**
 * true when text in a TCVN3-font element is really TCVN3 mojibake: it uses TCVN3 code points and nothing outside
 * Latin-1. An editor who retyped the text in Unicode leaves characters such as "ệ" (U+1EC7), which TCVN3 cannot hold.
 */
export function looksLikeTcvn3(text: string): boolean {
  let hits = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0xff) return false;
    if (TABLE.has(ch)) hits++;
  }
  return hits > 0;
}

/** Convert TCVN3 mojibake to Unicode (NFC). `capsFont` upper-cases, as `.VnTimeH` fonts display every letter capitalised. */
export function tcvn3ToUnicode(text: string, fontFamily = ''): string {
  let out = '';
  for (const ch of text) out += TABLE.get(ch) ?? ch;
  if (TCVN3_CAPS_FONT_RE.test(fontFamily)) out = out.toUpperCase();
  return out.normalize('NFC');
}
