/**
 * Sentence and clause splitting that respects Vietnamese numbers and abbreviations: "99,9%", "15.983",
 * "TP. Hồ Chí Minh", "Q.11", "ThS.", list numbering ("1. Quán triệt …") never end a sentence.
 *
 * Public surface: `splitSentences`, `splitClauses`, `Span`.
 */

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations that take a dot inside a sentence (lower-cased): city, district, ward, titles, degrees. */
const ABBREVIATIONS = new Set(['tp', 'q', 'p', 'tt', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'cn', 'th', 'tx', 'h', 'x', 'đ', 'ông', 'bà', 'số', 'st', 'v.v', 'vv']);

/** A list marker at a sentence start ("1.", "05.", "IV."): its dot is not a full stop. */
const LIST_MARKER_RE = /^(?:\d{1,2}|[IVX]{1,4}|[a-zđ])$/;

/** Upper bound on a sentence: a line with no full stop (a 1 MB junk line) is cut so per-sentence work stays bounded. */
export const MAX_SENTENCE_CHARS = 2000;

function isUpperStart(ch: string): boolean {
  return /[\d"“'‘(\[]/.test(ch) || (ch !== ch.toLowerCase() && ch === ch.toUpperCase());
}

/** Split text[start, end) (one paragraph) into sentences. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let sentenceStart = start;
  const push = (to: number): void => {
    let s = sentenceStart;
    while (s < to && text[s] === ' ') s++;
    let e = to;
    while (e > s && text[e - 1] === ' ') e--;
    for (let cut = s; cut < e; cut += MAX_SENTENCE_CHARS) spans.push({ start: cut, end: Math.min(e, cut + MAX_SENTENCE_CHARS) });
  };
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '"' || text[j] === '”' || text[j] === ')' || text[j] === '/')) j++;
    if (j < end && text[j] !== ' ') continue; // "15.983", "Q.11", "5.98%": no space after the dot
    let k = j;
    while (k < end && text[k] === ' ') k++;
    if (k < end && !isUpperStart(text[k])) continue;
    if (ch === '.') {
      let w = i;
      // Abbreviations are short: the backward scan is capped so a long run of letters costs nothing extra.
      while (w > sentenceStart && i - w < 8 && /[\p{L}\d.]/u.test(text[w - 1])) w--;
      const word = text.slice(w, i).toLowerCase();
      // "số." ends a sentence ("chuyển đổi số. Năm 2023 …", "nâng cao tỷ lệ chỉ số. Tỷ lệ …", d6503) unless a number
      // follows it ("Quyết định số. 12").
      if (ABBREVIATIONS.has(word) && (word !== 'số' || /\d/.test(text[k] ?? ''))) continue;
      if (w === sentenceStart && LIST_MARKER_RE.test(text.slice(w, i))) continue;
    }
    push(j);
    sentenceStart = j;
  }
  if (sentenceStart < end) push(end);
  return spans.filter((s) => s.end > s.start);
}

/**
 * Split a sentence into clauses at ';' and at ': ' before words (a colon that opens a list). Figures in one clause share cues;
 * across clauses they do not ("tỷ lệ hài lòng đạt 92%; tỷ lệ đúng hạn đạt 99,9%").
 */
export function splitClauses(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  let clauseStart = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    const ch = text[i];
    // "… theo chương trình: tỷ lệ …" opens a list and breaks; "Hồ sơ tiếp nhận: 1.500" is a label and its value.
    const isBreak = ch === ';' || (ch === ':' && (i + 1 >= sentence.end || (text[i + 1] === ' ' && !/\d/.test(text[i + 2] ?? ''))));
    if (!isBreak) continue;
    if (i > clauseStart) spans.push({ start: clauseStart, end: i });
    clauseStart = i + 1;
  }
  if (clauseStart < sentence.end) spans.push({ start: clauseStart, end: sentence.end });
  return spans;
}
