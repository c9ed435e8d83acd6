/**
 * Which charset a response body is in, and decoding it to an NFC string with iconv-lite (windows-1258 included).
 * Public surface: {@link decodeBody}, {@link chooseCharset}, {@link charsetFromContentType}, {@link sniffMetaCharset}.
 */
import * as iconv from 'iconv-lite';

/** Where the chosen charset came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'default' | 'sniff';

/** `<meta charset>` and `http-equiv` declarations sit in the head; real portal heads carry long scripts first. */
const META_SCAN_BYTES = 8192;
const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/i;
/** Legacy Vietnamese pages that declare nothing usable are most often in the Windows Vietnamese code page. */
const LEGACY_FALLBACK = 'windows-1258';

/** WHATWG treats these labels as windows-1252; other aliases are iconv-lite's. */
const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8', 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', latin1: 'windows-1252',
  'us-ascii': 'windows-1252', ascii: 'windows-1252', cp1258: 'windows-1258', 'x-cp1258': 'windows-1258',
  unicode: 'utf-16le',
};

/** A known, normalised charset name, or null for an unknown label. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** charset parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return normalizeCharset(m?.[1]);
}

/** charset declared by `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_SCAN_BYTES)).toString('latin1');
  return normalizeCharset(META_CHARSET_RE.exec(head)?.[1]);
}

function bomCharset(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const isUnicode = (cs: string): boolean => cs === 'utf-8' || cs.startsWith('utf-16');

/**
 * The charset to decode with. Candidates in order: BOM, Content-Type header, meta declaration, utf-8 default; the
 * first one the bytes are consistent with wins. Misconfigured IIS/Apache servers often send a default header
 * (iso-8859-1, utf-8) that contradicts the page, so a declaration is rejected when the bytes disprove it: UTF-8
 * must decode without errors, and a single-byte charset is rejected when the bytes are valid multi-byte UTF-8
 * (legacy Vietnamese text practically never is). When nothing fits: windows-1258.
 */
export function chooseCharset(contentType: string | null, bytes: Uint8Array): { charset: string; source: CharsetSource } {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom, source: 'bom' };
  const utf8 = isValidUtf8(bytes);
  const hasHighBytes = bytes.some((b) => b >= 0x80);
  const candidates: Array<[string | null, CharsetSource]> = [
    [charsetFromContentType(contentType), 'header'],
    [sniffMetaCharset(bytes), 'meta'],
    ['utf-8', 'default'],
  ];
  for (const [cs, source] of candidates) {
    if (!cs) continue;
    if (cs === 'utf-8' ? utf8 : !isUnicode(cs) ? !(utf8 && hasHighBytes) : true) return { charset: cs, source };
  }
  return { charset: utf8 ? 'utf-8' : LEGACY_FALLBACK, source: 'sniff' };
}

/** Decode a body to an NFC string (windows-1258 decodes to combining marks; NFC recomposes them). */
export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; charset: string; source: CharsetSource } {
  const { charset, source } = chooseCharset(contentType, bytes);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset, { stripBOM: true });
  return { text: text.normalize('NFC'), charset, source };
}
