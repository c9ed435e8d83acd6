/**
 * Tables that arrive flattened in plain text, rebuilt into rows for the table reader. Two shapes:
 *
 * - one cell per line (text copied from some CMSs, search snippets), sometimes with a lone "|" line after every cell:
 *   a run of at least three header lines ("STT", "Đơn vị", "Điểm", "Xếp hạng") gives the row length n; the lines after it are read n at a time while each
 *   group looks like a row (a row number where the header has "STT", words in the label position, a number in at
 *   least one metric position). The first group that does not fit ends the table.
 * - one row per line with cells joined by " | " (what the portal text cleaner writes for a data row): consecutive
 *   such lines form a table, the first being the header.
 * - one row per line with cells joined by plain spaces (statistics pages, tables copied from PDF): a header line whose
 *   cells are told apart by their capital initial ("Mức độ Tổng Đã xử lý Trễ hạn"), an optional line of sub-headers
 *   repeating a pair ("Tổng % Tổng %", splitting the last header cells in two), then at least two lines that end in
 *   exactly as many numbers as there are value columns, the words before them being the row label.
 *
 * Pure; time linear in the text. Public surface: {@link tablesFromText}, {@link FlatTable}.
 */
import { foldVietnamese } from '../../src/text/vi-fold';
import type { RawCell, RawTable } from './grid';
import { GRADE_HEADERS, HEADER_METRICS, LABEL_HEADERS, OTHER_HEADERS, SKIP_HEADERS, TOTAL_ROW_LABELS } from './lexicon';
import { cellNumber } from './read';

export interface FlatTable extends RawTable {
  /** Line numbers (0-based, of the non-empty lines once "|" separator lines are folded) the table was rebuilt from, [first, last]. */
  lines: [number, number];
}

const MIN_HEADER_LINES = 3;
const MAX_HEADER_LINES = 20;
const HEADER_LINE_MAX_CHARS = 60;
const word = (phrases: readonly string[]) => new RegExp(`^(?:${phrases.map((p) => p.replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`);
const LABEL_RE = word(LABEL_HEADERS);
const SKIP_RE = word(SKIP_HEADERS);
const OTHER_RE = new RegExp(`^(?:${OTHER_HEADERS.map((p) => p.replace(/ /g, '\\s+')).join('|')})(?:\\s*\\(%\\))?$`);
const TOTAL_RE = word(TOTAL_ROW_LABELS);
const METRIC_RES = HEADER_METRICS.map((f) => new RegExp(`(?<![a-z0-9])(?:${f.cues.map((c) => c.replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`));

/**
 * A line continues the header cell above it when it starts in lower case ("Điểm" / "đánh giá") or with a bracket
 * ("(65)", "(%)"), or when the cell above ends in a comma or a dash ("HUYỆN, THỊ XÃ," / "THÀNH PHỐ").
 */
const CONTINUES_RE = /^[\p{Ll}(]/u;
const OPEN_END_RE = /[,\-–]$/;

/** A lone "|" line: some pages print one between every two cells of a table. */
const SEPARATOR_LINE = '|';
const MAX_SEPARATED_CELL_LINES = 4;

/**
 * Fold the cells of a table printed with a "|" line after every cell: the lines between two separators are one cell
 * ("Điểm" / "thẩm định" → "Điểm thẩm định"), and the separators go. Elsewhere lines pass unchanged.
 */
function joinSeparatedCells(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (lines[i] === SEPARATOR_LINE) {
      i++;
      continue;
    }
    if (i > 0 && lines[i - 1] === SEPARATOR_LINE) {
      let j = i;
      while (j < lines.length && j - i < MAX_SEPARATED_CELL_LINES && lines[j] !== SEPARATOR_LINE && lines[j].length <= HEADER_LINE_MAX_CHARS) j++;
      if (j > i + 1 && lines[j] === SEPARATOR_LINE) {
        out.push(lines.slice(i, j).join(' '));
        i = j;
        continue;
      }
    }
    out.push(lines[i]);
    i++;
  }
  return out;
}

type HeaderRole = 'label' | 'skip' | 'metric' | 'other';

/** Digits a header may carry: "(%)", a bracketed weight or column number ("(65)", "(3)"), a year ("PAR INDEX 2023"). */
const HEADER_DIGITS_RE = /\(%\)|%|\(\d{1,3}\)|(?<!\d)(?:19|20)\d{2}(?!\d)/g;

function headerRole(line: string): HeaderRole | null {
  if (line.length > HEADER_LINE_MAX_CHARS || /[.;:!?]$/.test(line) || line.split(/\s+/).length > 9) return null;
  if (/\d/.test(line.replace(HEADER_DIGITS_RE, ''))) return null;
  const f = foldVietnamese(line);
  if (LABEL_RE.test(f)) return 'label';
  if (SKIP_RE.test(f)) return 'skip';
  if (METRIC_RES.some((re) => re.test(f))) return 'metric';
  if (OTHER_RE.test(f)) return 'other';
  return null;
}

function isRowNumber(s: string): boolean {
  return /^\d{1,4}[.)]?$/.test(s.trim());
}

/** Rebuild the flattened tables of a text. */
export function tablesFromText(text: string): FlatTable[] {
  const lines = joinSeparatedCells(text.normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''));
  const tables: FlatTable[] = [];
  let i = 0;
  while (i < lines.length) {
    // Shape 3: rows of space-separated cells under a header line.
    const spaced = spacedRowsAt(lines, i);
    if (spaced) {
      tables.push(spaced);
      i = spaced.lines[1] + 1;
      continue;
    }
    // Shape 2: " | " rows.
    if (lines[i].includes(' | ')) {
      let j = i;
      while (j < lines.length && lines[j].includes(' | ')) j++;
      if (j - i >= 2) {
        const rows = lines.slice(i, j).map((l) => l.split(' | ').map((t) => ({ text: t })));
        const header = rows[0].map((c) => headerRole(c.text));
        if (header.includes('metric')) {
          tables.push({ rows: rows.map((r, k) => (k === 0 ? r.map((c) => ({ ...c, header: true })) : r)), caption: captionBefore(lines, i), heading: lines[i - 1] ?? null, notes: [], page: null, lines: [i, j - 1] });
        }
      }
      i = Math.max(j, i + 1);
      continue;
    }
    // Shape 1: one cell per line. A header cell wrapped over two lines goes on (see CONTINUES_RE).
    const roles: HeaderRole[] = [];
    const cells: string[] = [];
    let j = i;
    while (j < lines.length && roles.length < MAX_HEADER_LINES) {
      if (cells.length > 0 && (CONTINUES_RE.test(lines[j]) || OPEN_END_RE.test(cells[cells.length - 1]))) {
        const joined = `${cells[cells.length - 1]} ${lines[j]}`;
        const joinedRole = headerRole(joined);
        if (joinedRole) {
          cells[cells.length - 1] = joined;
          roles[roles.length - 1] = joinedRole;
          j++;
          continue;
        }
      }
      const role = headerRole(lines[j]);
      if (!role) break;
      roles.push(role);
      cells.push(lines[j]);
      j++;
    }
    if (roles.length < MIN_HEADER_LINES || !roles.includes('metric')) {
      i = j > i ? j : i + 1;
      continue;
    }
    const n = roles.length;
    const labelAt = roles.indexOf('label') >= 0 ? roles.indexOf('label') : roles.findIndex((r, k) => r !== 'metric' && !/^(?:stt|tt)$/i.test(cells[k]));
    const numberAt = roles.findIndex((_, k) => /^(?:stt|tt|số tt)$/i.test(cells[k]));
    const metricAt = roles.map((r, k) => (r === 'metric' ? k : -1)).filter((k) => k >= 0);
    const rows = [cells.map((t) => ({ text: t, header: true }))];
    const headerTexts = new Set(cells);
    let k = j;
    while (k + n - 1 <= lines.length) {
      let group = lines.slice(k, k + n);
      let width = n;
      // A totals row whose label spans the STT and label columns is printed once: one cell short.
      if (numberAt >= 0 && labelAt === numberAt + 1 && TOTAL_RE.test(foldVietnamese(lines[k]))) {
        group = [...lines.slice(k, k + n - 1)];
        group.splice(labelAt, 0, group[numberAt]);
        group[numberAt] = '';
        width = n - 1;
      }
      if (group.length < n) break;
      const labelOk = labelAt < 0 || (!cellNumber(group[labelAt]) && !headerTexts.has(group[labelAt]));
      const numberOk = numberAt < 0 || isRowNumber(group[numberAt]) || (width < n && group[numberAt] === '');
      const metricOk = metricAt.some((m) => cellNumber(group[m]) !== null) && metricAt.every((m) => cellNumber(group[m]) !== null || /^[-–—x]?$/i.test(group[m]));
      if (!labelOk || !numberOk || !metricOk) break;
      rows.push(group.map((t) => ({ text: t, header: false })));
      k += width;
    }
    if (rows.length >= 2) {
      tables.push({ rows, caption: captionBefore(lines, i), heading: lines[i - 1] ?? null, notes: [], page: null, lines: [i, k - 1] });
      i = k;
    } else i = j;
  }
  return tables;
}

const SPACED_LINE_MAX_CHARS = 240;
/** Headers of a last column that grades each row in words ("Xếp loại": "Tốt", "Khá", "Trung bình"). */
const GRADE_HEADER_RE = new RegExp(`^(?:${[...GRADE_HEADERS, 'ket qua xep loai'].join('|')})$`);
/** A grade at the end of a row, in words. */
const GRADE_TAIL_RE = /\s(xuất sắc|hoàn thành tốt|hoàn thành|tốt|khá|trung bình|yếu|kém|đạt|không đạt|chưa đạt)$/iu;
/** A section row between blocks of a table: a roman numeral or a capital letter, then words ("II UBND huyện, thị xã"). */
const SECTION_ROW_RE = /^(?:[IVX]{1,4}|[A-D])[.)]?\s+\p{L}[^\d]*$/u;
const NUMBER_TOKEN_RE = /^(?:\d[\d.,]*%?|[-–])$/;
const PAIR_TOKENS = new Set(['tổng', '%', 'số lượng', 'tỷ lệ', 'sl', 'tl', 'số', 'tỷ lệ (%)']);

/** Header cells of a line whose cells start with a capital ("Đã xử lý Trễ hạn" → two cells); digits and "(%)" stay attached. */
function capitalCells(line: string): string[] {
  const cells: string[] = [];
  for (const token of line.split(/\s+/)) {
    // An upper-case word goes on the upper-case cell before it ("TÊN CƠ QUAN"), but never onto a row-number cell.
    const afterNumber = cells.length === 1 && /^(?:STT|TT)$/.test(cells[0]);
    const starts = /^\p{Lu}/u.test(token) && !(cells.length > 0 && !afterNumber && /^\p{Lu}{2,}$/u.test(token) && !/^(?:STT|TT)$/.test(token));
    if (starts || cells.length === 0) cells.push(token);
    else cells[cells.length - 1] += ` ${token}`;
  }
  return cells;
}

/** A sub-header line repeating a pair of short column words ("Tổng % Tổng % Tổng %"): the pair, or null. */
function pairSubHeader(line: string): [string, string] | null {
  const tokens = line.split(/\s+/);
  if (tokens.length < 2 || tokens.length % 2 !== 0 || tokens.length > 20) return null;
  const [a, b] = tokens;
  if (!PAIR_TOKENS.has(a.toLowerCase()) || !PAIR_TOKENS.has(b.toLowerCase()) || a === b) return null;
  return tokens.every((t, k) => t === (k % 2 === 0 ? a : b)) ? [a, b] : null;
}

/** Shape 3 starting at line i (its header), or null. */
function spacedRowsAt(lines: string[], i: number): FlatTable | null {
  const head = lines[i];
  if (head.length > SPACED_LINE_MAX_CHARS || /[.;:!?]$/.test(head) || /\d/.test(head.replace(/\(%\)|%/g, ''))) return null;
  const cells = capitalCells(head);
  if (cells.length < 3 || cells.length > MAX_HEADER_LINES) return null;
  const roles = cells.map((c) => headerRole(c));
  if (!roles.includes('metric') || roles.filter((r) => r !== null).length * 2 < cells.length) return null;
  const pair = lines[i + 1] ? pairSubHeader(lines[i + 1]) : null;
  const split = pair ? lines[i + 1].split(/\s+/).length / 2 : 0;
  if (split > cells.length - 1) return null;
  const columns = cells.length + split;
  const numbered = /^(?:STT|TT)$/i.test(cells[0]);
  const labelColumns = numbered ? 2 : 1;
  const graded = !pair && GRADE_HEADER_RE.test(foldVietnamese(cells[cells.length - 1]).toLowerCase());
  const values = columns - labelColumns - (graded ? 1 : 0);
  if (values < 2) return null;
  const data: RawCell[][] = [];
  let j = i + (pair ? 2 : 1);
  for (; j < lines.length && lines[j].length <= SPACED_LINE_MAX_CHARS; j++) {
    let line = lines[j];
    if (numbered && SECTION_ROW_RE.test(line) && j + 1 < lines.length && isRowNumber(lines[j + 1].split(/\s+/)[0])) {
      // A section row: kept as a row of its own (label only), so the blocks' rows are still read.
      const [mark, ...words] = line.split(/\s+/);
      data.push([{ text: mark }, { text: words.join(' ') }, ...Array.from({ length: values + (graded ? 1 : 0) }, () => ({ text: '' }))]);
      continue;
    }
    let grade: string | null = null;
    if (graded) {
      const g = GRADE_TAIL_RE.exec(line);
      if (!g) break;
      grade = g[1];
      line = line.slice(0, g.index);
    }
    const tokens = line.split(/\s+/);
    if (tokens.length <= values) break;
    const tail = tokens.slice(tokens.length - values);
    let labelTokens = tokens.slice(0, tokens.length - values);
    if (!tail.every((t) => NUMBER_TOKEN_RE.test(t)) || !tail.some((t) => /\d/.test(t))) break;
    let rowNumber: string | null = null;
    if (numbered) {
      if (!isRowNumber(labelTokens[0] ?? '')) break;
      rowNumber = labelTokens[0];
      labelTokens = labelTokens.slice(1);
    }
    const label = labelTokens.join(' ');
    if (!/\p{L}/u.test(label) || NUMBER_TOKEN_RE.test(labelTokens[labelTokens.length - 1] ?? '') && labelTokens.length === 1) break;
    data.push([...(rowNumber !== null ? [{ text: rowNumber }] : []), { text: label }, ...tail.map((t) => ({ text: t })), ...(grade !== null ? [{ text: grade }] : [])]);
  }
  if (data.filter((r) => r.some((c, k) => k > 0 && /\d/.test(c.text))).length < 2) return null;
  const header: RawCell[][] = pair
    ? [
      cells.map((c, k) => (k >= cells.length - split ? { text: c, header: true, colspan: 2 } : { text: c, header: true, rowspan: 2 })),
      Array.from({ length: split * 2 }, (_, k) => ({ text: pair[k % 2], header: true })),
    ]
    : [cells.map((c) => ({ text: c, header: true }))];
  return { rows: [...header, ...data], caption: captionBefore(lines, i), heading: lines[i - 1] ?? null, notes: [], page: null, lines: [i, j - 1] };
}

function captionBefore(lines: string[], i: number): string | null {
  const prev = lines[i - 1];
  return prev && /^(?:bảng|biểu)\b/i.test(prev) && prev.length <= 300 ? prev : null;
}
