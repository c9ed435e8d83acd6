/**
 * Reading numbers the way Vietnamese portals write them.
 *
 * Public surface: `parseViNumber`, `scanNumberTokens`, `scaleMultiplier`, `NumberToken`.
 * Conventions: '.' groups thousands and ',' is the decimal mark (15.983 = 15983, 99,9 = 99.9). English-style
 * numbers still appear ("3.5", "1,234,567"); the rules below decide by the shape of the groups.
 */
import { matchesOf } from './regex';

/** A run of digits with '.'/',' between digit groups. Each repetition needs a separator, so it cannot backtrack. */
const NUMBER_TOKEN_RE = /\d+(?:[.,]\d+)*/g;

/** Tokens longer than this are IDs, phone numbers or junk: no reform figure needs 25 characters of digits. */
export const MAX_NUMBER_TOKEN_CHARS = 24;

/** Scale words after a number (folded): "1,2 triệu" = 1 200 000. "tỷ lệ" (rate) is excluded by the caller. */
const SCALE_WORDS: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9 };

export interface NumberToken {
  start: number;
  end: number;
  raw: string;
  /** Parsed value, or null when the shape is not a number (e.g. "1.2.3"). */
  value: number | null;
  /** true for "05", "03": zero-padded, which list items and counts both use. */
  leadingZero: boolean;
}

function allGroupsOfThree(groups: string[]): boolean {
  return groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3 && groups[0].length > 0;
}

/**
 * Parse one numeric string in Vietnamese conventions; null when it cannot be a single number.
 * "15.983" → 15983, "1.300" → 1300, "99,9" → 99.9, "87,602" → 87.602, "1.234,5" → 1234.5, "3.5" → 3.5,
 * "1,234,567" → 1234567 (English thousands), "05" → 5.
 */
export function parseViNumber(raw: string): number | null {
  if (!/^\d+(?:[.,]\d+)*$/.test(raw)) return null;
  let dots = 0;
  let commas = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (c === 0x2c) commas++;
  }
  let normalised: string;
  if (dots === 0 && commas === 0) normalised = raw;
  else if (dots > 0 && commas > 0) {
    const lastDot = raw.lastIndexOf('.');
    const lastComma = raw.lastIndexOf(',');
    // Both marks: the last one is the decimal mark, the other must group thousands.
    const [group, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.'];
    const [intPart, fracPart, ...rest] = raw.split(decimal);
    if (rest.length > 0 || !allGroupsOfThree(intPart.split(group))) return null;
    normalised = `${intPart.split(group).join('')}.${fracPart}`;
  } else if (commas > 0) {
    const groups = raw.split(',');
    // Several commas can only be English thousands; one comma is the Vietnamese decimal mark, even before three
    // digits ("87,602/100" is a score with three decimals).
    if (commas > 1) {
      if (!allGroupsOfThree(groups)) return null;
      normalised = groups.join('');
    } else normalised = `${groups[0]}.${groups[1]}`;
  } else {
    const groups = raw.split('.');
    // Dots before groups of exactly three digits group thousands ("15.983"); otherwise a single dot is an
    // English decimal ("3.5", "98.75") and several dots make no number ("1.2.3" is a section or version).
    if (allGroupsOfThree(groups)) normalised = groups.join('');
    else if (dots === 1) normalised = `${groups[0]}.${groups[1]}`;
    else return null;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** Multiplier for a folded scale word ("trieu" → 1e6), or 1 when the word is not one. */
export function scaleMultiplier(foldedWord: string): number {
  return SCALE_WORDS[foldedWord] ?? 1;
}

/** Every number-shaped token in text[from, to), in order. Linear in the length of the range. */
export function scanNumberTokens(text: string, from = 0, to = text.length): NumberToken[] {
  const tokens: NumberToken[] = [];
  // Scan a slice, not the whole text from `from`: a search that runs past `to` would make per-sentence scans quadratic.
  for (const m of matchesOf(NUMBER_TOKEN_RE, text.slice(from, to))) {
    const raw = m[0];
    const start = from + (m.index ?? 0);
    const tooLong = raw.length > MAX_NUMBER_TOKEN_CHARS;
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      value: tooLong ? null : parseViNumber(raw),
      leadingZero: raw.length > 1 && raw[0] === '0' && /^0\d/.test(raw),
    });
  }
  return tokens;
}
