/**
 * Text normalisation for the extraction engine: entity decoding, NFC, whitespace, junk removal, and a
 * length-preserving accent fold used for cue matching (so offsets in the folded copy equal offsets in the text).
 *
 * Public surface: `normalizeText`, `foldForMatching`.
 */

/** Named entities that survive into "plain text" exports of portal pages (others are rare enough to ignore). */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bull: '•', middot: '·', percnt: '%',
};

/** Numeric (`&#7879;`, `&#x1EC7;`) and named (`&nbsp;`) character references; bounded so junk cannot run long. */
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/**
 * Control characters, replacement characters, lone surrogates and other binary junk: replaced by a space so a
 * binary blob cannot glue two numbers together or produce a "word".
 */
const JUNK_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every horizontal space variant portals emit (NBSP, thin, zero-width, ideographic, BOM) becomes one space. */
const HSPACE_RE = /[\t\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/** Zero-width joiners and soft hyphens split words invisibly; they are removed outright. */
const INVISIBLE_RE = /[\u00AD\u200C\u200D\u2060]/g;

function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? match;
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
  return String.fromCodePoint(code);
}

/**
 * Normalise article text before anything else reads it: decode character references, NFC (Windows-1258 and
 * some input methods give NFD), drop junk, unify spaces, trim lines, collapse runs of blank lines.
 * All offsets the engine reports refer to the string this returns.
 */
export function normalizeText(raw: string): string {
  if (!raw) return '';
  // Each step below is skipped when a quick test shows it would change nothing (most article text is clean).
  let text = raw.includes('&') ? raw.replace(ENTITY_RE, decodeEntity) : raw;
  // A second pass handles double-escaped references ("&amp;#7879;"), common in CMS exports.
  if (text.includes('&#')) text = text.replace(ENTITY_RE, decodeEntity);
  // One scan for both character classes below; most text has neither.
  const special = SPECIAL_CHAR_RE.test(text);
  if (special && MAYBE_JUNK_RE.test(text)) text = text.replace(JUNK_RE, ' ');
  text = text.normalize('NFC');
  // "Ðến nay" (d2220): pages set in old fonts write the Icelandic eth (U+00D0/U+00F0) for "Đ"/"đ"; one letter for one,
  // so offsets stay.
  if (ETH_RE.test(text)) text = text.replace(/\u00D0/g, '\u0110').replace(/\u00F0/g, '\u0111');
  if ((special && SPACING_CHAR_RE.test(text)) || text.includes('  ') || text.includes(' \n') || text.includes('\n ') || text.includes('\n\n\n')) {
    text = text
      .replace(INVISIBLE_RE, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(HSPACE_RE, ' ')
      .replace(/ {2,}/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n');
  }
  // "7.725hồ sơ", "4.061hồ sơ" (d1611): a count glued to its noun is spaced, so the count and its noun are read.
  if (GLUED_NOUN_RE.test(text)) text = text.replace(GLUED_NOUN_ALL_RE, '$1 $2');
  // "cấp huyệt chỉ đạt 33,3%" (d1134, d2060): a typo of "cấp huyện" (district level) that two portals share; one letter for
  // one, so offsets stay.
  if (text.includes('huyệt')) text = text.replace(MISTYPED_DISTRICT_RE, (m) => m.slice(0, -1) + 'n');
  return text.trim();
}

/** "cấp huyệt": "cấp huyện" with its last letter mistyped. */
const MISTYPED_DISTRICT_RE = /(?<![\p{L}])([Cc]ấp huyệ)t(?![\p{L}])/gu;

/** A digit written right against "hồ sơ", "thủ tục" or "TTHC". */
const GLUED_NOUN_RE = /\d(?:hồ sơ|thủ tục|TTHC)/u;
/** {@link GLUED_NOUN_RE} with its two sides captured, global. */
const GLUED_NOUN_ALL_RE = /(\d)(hồ sơ|thủ tục|TTHC)/gu;

/** The eth letters some Vietnamese pages use for "Đ"/"đ". */
const ETH_RE = /[\u00D0\u00F0]/;

/** A superset of {@link JUNK_RE}'s characters (any surrogate, paired or not). */
const MAYBE_JUNK_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uD800-\uDFFF]/;

/**
 * Characters the spacing replacements in {@link normalizeText} act on: invisible characters, CR, line/paragraph
 * separators, special spaces. With none of them, and no two spaces, no space next to a newline and no three newlines,
 * those replacements are identities. (NFC never creates one of these characters.)
 */
const SPACING_CHAR_RE = /[\u00AD\u200C\u200D\u2060\r\u2028\u2029\t\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]/;

/** The union of {@link MAYBE_JUNK_RE} and {@link SPACING_CHAR_RE}. */
const SPECIAL_CHAR_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF\uD800-\uDFFF\u00AD\u200C\u200D\u2060\r\u2028\u2029\t\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]/;

/** Folded code unit per UTF-16 code unit, filled lazily (0 = not computed yet). */
const FOLD_TABLE = new Uint16Array(0x10000);

function foldCode(code: number): number {
  let folded = FOLD_TABLE[code];
  if (folded === 0) {
    const ch = String.fromCharCode(code);
    let out: string;
    if (code < 0x80) out = ch.toLowerCase();
    else if (ch === 'đ' || ch === 'Đ') out = 'd';
    else if (code >= 0x2010 && code <= 0x2015) out = '-'; // dashes read as '-' in ranges ("20–30%")
    else {
      // Only letters whose base is ASCII fold to it; anything else (CJK, symbols, surrogate halves) becomes a
      // space so the folded copy stays ASCII and exactly as long as the input.
      const base = code >= 0xd800 && code <= 0xdfff ? ' ' : ch.normalize('NFD').charAt(0);
      out = /^[A-Za-z0-9]$/.test(base) ? base.toLowerCase() : ' ';
    }
    folded = out.charCodeAt(0);
    FOLD_TABLE[code] = folded;
  }
  return folded;
}

/** Chunk size for String.fromCharCode.apply (stays well under engine argument limits). */
const FOLD_CHUNK = 8192;

/**
 * Fold normalised text to lower-case ASCII one UTF-16 unit at a time: "Hài lòng" → "hai long".
 * Unlike `foldVietnamese` it keeps every position, so a cue found at [i, j) in the fold is at [i, j) in the text.
 */
export function foldForMatching(text: string): string {
  const parts: string[] = [];
  const codes = new Uint16Array(Math.min(FOLD_CHUNK, text.length));
  for (let start = 0; start < text.length; start += FOLD_CHUNK) {
    const end = Math.min(text.length, start + FOLD_CHUNK);
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      // ASCII folds to its lower case (what foldCode computes for it), without the table.
      codes[i - start] = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 0x20 : c) : foldCode(c);
    }
    parts.push(String.fromCharCode.apply(null, codes.subarray(0, end - start) as unknown as number[]));
  }
  return parts.join('');
}
