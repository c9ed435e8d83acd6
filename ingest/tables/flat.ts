/**
 * Tables that arrive flattened in plain text, rebuilt into rows for the table reader. Two shapes:
 *
 * - one cell per line (text copied from some CMSs, search snippets): a run of at least three header lines
 *   ("STT", "Đơn vị", "Điểm", "Xếp hạng") gives the row length n; the lines after it are read n at a time while each
 *   group looks like a row (a row number where the header has "STT", words in the label position, a number in at
 *   least one metric position). The first group that does not fit ends the table.
 * - one row per line with cells joined by " | " (what the portal text cleaner writes for a data row): consecutive
 *   such lines form a table, the first being the header.
 *
 * Pure; time linear in the text. Public surface: {@link tablesFromText}, {@link FlatTable}.
 */
import { foldVietnamese } from '../../src/text/vi-fold';
import type { RawTable } from './grid';
import { HEADER_METRICS, LABEL_HEADERS, OTHER_HEADERS, SKIP_HEADERS, TOTAL_ROW_LABELS } from './lexicon';
import { cellNumber } from './read';

export interface FlatTable extends RawTable {
  /** Line numbers (0-based, of the non-empty lines) the table was rebuilt from, [first, last]. */
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

/** A line that starts in lower case continues the header cell above it. */
const LOWER_START_RE = /^\p{Ll}/u;

type HeaderRole = 'label' | 'skip' | 'metric' | 'other';

function headerRole(line: string): HeaderRole | null {
  if (line.length > HEADER_LINE_MAX_CHARS || /[.;:!?]$/.test(line) || line.split(/\s+/).length > 9) return null;
  if (/\d/.test(line.replace(/\(%\)|%|\(\d\)/g, ''))) return null;
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
  const lines = text.normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const tables: FlatTable[] = [];
  let i = 0;
  while (i < lines.length) {
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
    // Shape 1: one cell per line. A header cell wrapped over two lines ("Điểm" / "đánh giá") goes on in lower case.
    const roles: HeaderRole[] = [];
    const cells: string[] = [];
    let j = i;
    while (j < lines.length && roles.length < MAX_HEADER_LINES) {
      if (cells.length > 0 && LOWER_START_RE.test(lines[j])) {
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

function captionBefore(lines: string[], i: number): string | null {
  const prev = lines[i - 1];
  return prev && /^(?:bảng|biểu)\b/i.test(prev) && prev.length <= 300 ? prev : null;
}
