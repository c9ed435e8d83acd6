/**
 * The table reader: a resolved {@link Grid} + the article's context → one figure per (row, metric column), each
 * citing its cell (table index, caption, row label, column header, page). Pure, like the prose engine.
 *
 * - Header rows: the leading rows made of header cells or of words (at most {@link MAX_HEADER_ROWS}); a row of
 *   column numbers ("(1) (2) (3)") under them is skipped. Stacked headers join per column: "Hồ sơ / Đúng hạn".
 * - Columns: header words → metric through ./lexicon.ts; the label column by its header ("Đơn vị") or, failing
 *   that, the first column of words. "Tỷ lệ (%)" alone takes the family of the column before it. Separate
 *   "Trước hạn" and "Đúng hạn" columns are parts of the on-time dossiers, so neither is read as the on-time rate;
 *   a bare "Tổng" column ahead of resolved or late dossiers is the dossiers received.
 * - Rows: the label resolves through the caller's resolver under the publishing unit ("UBND Phường 4" → Phường 4
 *   of that district); totals and averages ("Tổng cộng", "Bình quân") are the publishing unit's own figures.
 * - Period and kind: from the caption, then the heading above the table, then the article title, then the
 *   publication date (ingest/extract/periods.ts); a "Kế hoạch" / "Chỉ tiêu" column is a target.
 *
 * Public surface: {@link figuresFromGrid}, {@link TableReadResult}, {@link ColumnPlan}, {@link planColumns}.
 */
import { foldVietnamese } from '../../src/text/vi-fold';
import { foldForMatching, normalizeText } from '../extract/normalize';
import { defaultPeriod, findPeriods } from '../extract/periods';
import { agencyRowName } from '../extract/subjects';
import { parseViNumber } from '../extract/vi-number';
import type { DroppedCandidate, ExtractedFigure, ExtractionContext, FigurePeriod, FigureSubject, FigureUnit } from '../types';
import type { Grid } from './grid';
import {
  AVERAGE_ROW_LABELS, COMPONENT_SCORE_HEADERS, COUNTED_UNIT_WORDS, HEADER_METRICS, LABEL_HEADERS, MAXIMUM_SCORE_HEADERS, NOT_TOTAL_ROW_LABELS,
  RATE_WORDS, SERVICE_INDEX_CUES, SIPAS_CUES, SKIP_HEADERS, TARGET_HEADERS, TOTAL_ROW_LABELS, type HeaderMetric,
} from './lexicon';

export const MAX_HEADER_ROWS = 4;

export interface TableReadResult {
  figures: ExtractedFigure[];
  dropped: DroppedCandidate[];
}

/** What a column holds. */
export interface ColumnPlan {
  column: number;
  header: string;
  role: 'label' | 'metric' | 'skip' | 'unknown';
  metric: string | null;
  unit: FigureUnit | null;
  target: boolean;
}

const phrase = (phrases: readonly string[]): RegExp =>
  new RegExp(`(?<![a-z0-9])(?:${[...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`);

/** One of `phrases` opening a folded text, its spaces any run of spaces. */
const opening = (phrases: readonly string[]): RegExp => new RegExp(`^(?:${phrases.map((h) => h.replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`);

const LABEL_RE = opening(LABEL_HEADERS);
const SKIP_RE = new RegExp(`^(?:${SKIP_HEADERS.join('|')})(?![a-z0-9])`);
const TOTAL_RE = opening(TOTAL_ROW_LABELS);
const NOT_TOTAL_RE = opening(NOT_TOTAL_ROW_LABELS);
const COMPONENT_RE = phrase(COMPONENT_SCORE_HEADERS);
const MAXIMUM_RE = phrase(MAXIMUM_SCORE_HEADERS);
/** "Tỷ lệ đạt", "Tỷ lệ điểm đạt (%)": the share of the maximum a row reached. Folded. */
const SHARE_REACHED_RE = /^ty le (?:diem )?dat(?: duoc)?(?:\s*\(%\))?$/;
/** "14 phường", "20 sở, ban, ngành" in the words above a table: the number of units a ranking ranks. Folded. */
const COUNTED_UNITS_RE = new RegExp(`(?<![0-9.,])(\\d{1,3})\\s+(?:${[...COUNTED_UNIT_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`, 'g');
const AVERAGE_RE = opening(AVERAGE_ROW_LABELS);
const RATE_RE = phrase(RATE_WORDS);
const TARGET_RE = phrase(TARGET_HEADERS);
const SERVICE_RE = phrase(SERVICE_INDEX_CUES);
const SIPAS_RE = phrase(SIPAS_CUES);
const FAMILY_RES: ReadonlyArray<{ family: HeaderMetric; re: RegExp }> = HEADER_METRICS.map((family) => ({ family, re: phrase(family.cues) }));
/** A numeric cell: "85,50", "1.234", "98,5%", "3/14", "12 (*)". */
const NUMBER_CELL_RE = /^[~≈]?\s*(\d+(?:[.,]\d+)*)\s*(%)?\s*(?:\/\s*(\d+(?:[.,]\d+)*))?\s*(?:\(\*+\)|\*+)?$/;
/** A column-number row under the header: "(1)", "1", "A", "(A)". */
const COLUMN_NUMBER_RE = /^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)?$/i;

/** The number in a cell, or null when it holds none (empty, "-", words). */
export function cellNumber(text: string): { value: number; total: number | null; percent: boolean } | null {
  const m = NUMBER_CELL_RE.exec(text.trim());
  if (!m) return null;
  const value = parseViNumber(m[1]);
  if (value === null) return null;
  const total = m[3] ? parseViNumber(m[3]) : null;
  return { value, total, percent: m[2] === '%' };
}

function isNumeric(text: string): boolean {
  return cellNumber(text) !== null;
}

/** How many leading rows are headers. */
function headerRowCount(grid: Grid): number {
  let n = 0;
  for (let r = 0; r < Math.min(grid.cells.length, MAX_HEADER_ROWS); r++) {
    const row = grid.cells[r];
    const filled = row.filter((t) => t !== '');
    if (filled.length === 0) {
      n++;
      continue;
    }
    const allHeader = grid.header[r].every((h, c) => h || row[c] === '');
    const numeric = filled.filter(isNumeric).length;
    if (allHeader || numeric === 0) n = r + 1;
    else break;
  }
  return n;
}

/** A row of column numbers right under the header ("(1) | (2) | (3)", "1 | 2 | 3 | 4"). */
function isColumnNumberRow(row: string[]): boolean {
  const filled = row.filter((t) => t !== '');
  if (filled.length < 2 || !filled.every((t) => COLUMN_NUMBER_RE.test(t))) return false;
  const nums = filled.map((t) => Number(t.replace(/[()]/g, '')));
  return nums.every((n, i) => Number.isFinite(n) && n === nums[0] + i) || filled.every((t) => /^\(.*\)$/.test(t));
}

/** Header text of each column: the distinct texts of its header rows, top down, joined with " / ". */
function columnHeaders(grid: Grid, headerRows: number): string[] {
  const width = grid.cells[0]?.length ?? 0;
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const t = grid.cells[r][c];
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push(parts.join(' / '));
  }
  return out;
}

function familyOf(folded: string): HeaderMetric | null {
  return FAMILY_RES.find((f) => f.re.test(folded))?.family ?? null;
}

/** The index a score or rank belongs to, from the words around the table. */
function indexKind(contextFolded: string): 'service' | 'sipas' | 'par' {
  if (SERVICE_RE.test(contextFolded)) return 'service';
  if (SIPAS_RE.test(contextFolded)) return 'sipas';
  return 'par';
}

function resolveIndexCode(code: string, kind: 'service' | 'sipas' | 'par'): string | null {
  if (code === '@index_score') return kind === 'service' ? 'service_index_score' : kind === 'sipas' ? 'sipas_score' : 'par_index_score';
  if (code === '@index_rank') return kind === 'par' ? 'par_index_rank' : null; // the catalogue ranks only PAR INDEX
  return code;
}

/** Index scores, of which a table prints a "Tổng điểm" and a "Chỉ số …" column for one figure. */
const INDEX_SCORES: ReadonlySet<string> = new Set(['par_index_score', 'service_index_score', 'sipas_score']);

/** Plan every column: label, metric (with unit), skipped, or unknown. */
export function planColumns(grid: Grid, headerRows: number, contextFolded: string): ColumnPlan[] {
  const headers = columnHeaders(grid, headerRows);
  const kind = indexKind(contextFolded);
  const dataRows = grid.cells.slice(headerRows);
  const plans: ColumnPlan[] = headers.map((header, column) => ({ column, header, role: 'unknown', metric: null, unit: null, target: false }));
  let previous: HeaderMetric | null = null;
  for (const plan of plans) {
    const parts = plan.header.split(' / ').map(foldVietnamese);
    const last = parts[parts.length - 1] ?? '';
    const whole = parts.join(' ');
    if (!plan.header) continue;
    if (LABEL_RE.test(last) || (parts.length > 1 && LABEL_RE.test(parts[0]) && !familyOf(last))) {
      plan.role = 'label';
      continue;
    }
    // A part of an index score (the appraised or the survey score) is never the index.
    if (SKIP_RE.test(last) || COMPONENT_RE.test(whole)) {
      plan.role = 'skip';
      continue;
    }
    const rate = RATE_RE.test(last) || /%/.test(plan.header.split(' / ').pop() ?? '');
    // The most specific header line with a cue decides ("Đã giải quyết / Đúng hạn" is on time, not resolved).
    let family: HeaderMetric | null = null;
    for (let k = parts.length - 1; k >= 0 && !family; k--) family = familyOf(parts[k]);
    // "Tỷ lệ (%)" under no cue of its own: the rate of the column family before it ("Đúng hạn | Tỷ lệ (%)").
    if (!family && rate) family = previous;
    if (!family) continue;
    previous = family;
    const scoreWord = /(?<![a-z])diem(?![a-z])/.test(whole);
    const values = dataRows.map((r) => cellNumber(r[plan.column] ?? '')).filter((v) => v !== null);
    const percentCells = values.length > 0 && values.filter((v) => v.percent).length >= values.length / 2;
    let code: string | undefined;
    let unit: FigureUnit;
    if (family.rank) {
      code = family.rank;
      unit = 'rank';
    } else if (family.score && scoreWord) {
      code = family.score;
      unit = 'score';
    } else if ((rate || percentCells || !family.count) && family.rate && family.rate !== '@index_score') {
      code = family.rate;
      unit = 'percent';
    } else if (family.count) {
      code = family.count;
      unit = 'count';
    } else {
      code = family.score ?? family.rate;
      unit = 'score';
    }
    const metric = code ? resolveIndexCode(code, kind) : null;
    if (!metric) {
      plan.role = 'skip';
      continue;
    }
    plan.role = 'metric';
    plan.metric = metric;
    plan.unit = unit;
    plan.target = TARGET_RE.test(whole);
  }
  // Separate "Trước hạn" and "Đúng hạn" columns each hold a part of the on-time dossiers, not the on-time rate.
  const deadlinePart = (p: ColumnPlan): 'before' | 'on' | null => {
    if (p.role !== 'metric' || p.metric !== 'on_time_rate') return null;
    const f = foldVietnamese(p.header);
    const before = /(?<![a-z])(?:truoc han|som han)(?![a-z])/.test(f);
    const on = /(?<![a-z])(?:dung han|dung hen)(?![a-z])/.test(f);
    return before && !on ? 'before' : on && !before ? 'on' : null;
  };
  const parts = plans.map(deadlinePart);
  if (parts.includes('before') && parts.includes('on')) {
    plans.forEach((p, k) => {
      if (parts[k]) {
        p.role = 'skip';
        p.metric = null;
        p.unit = null;
      }
    });
  }
  // A "Tổng điểm" column and a "Chỉ số …" column of the same index state one figure per row (the index is the total
  // score, sometimes also printed as a percentage): the index column is read, the total skipped.
  for (const total of plans.filter((p) => p.role === 'metric' && INDEX_SCORES.has(p.metric!) && /^tong diem(?![a-z])/.test(foldVietnamese(p.header).trim()))) {
    const index = plans.some((p) => p !== total && p.role === 'metric' && p.metric === total.metric && /(?<![a-z])(?:chi so|index)(?![a-z])/.test(foldVietnamese(p.header)));
    if (index) Object.assign(total, { role: 'skip', metric: null, unit: null });
  }
  // A table of index points that prints each row's maximum beside the points reached (the maxima differ by row) and
  // then "Tỷ lệ đạt": that share of the maximum is the index, the only one of the three comparable across rows.
  if (plans.some((p) => p.role === 'skip' && MAXIMUM_RE.test(foldVietnamese(p.header))) && !plans.some((p) => p.role === 'metric' && INDEX_SCORES.has(p.metric!))) {
    const share = plans.find((p) => p.role === 'unknown' && SHARE_REACHED_RE.test(foldVietnamese(p.header).trim()));
    const metric = resolveIndexCode('@index_score', kind);
    if (share && metric) Object.assign(share, { role: 'metric', metric, unit: 'percent', target: false });
  }
  // A bare "Tổng" / "Tổng số" column ahead of resolved or late dossiers is the total of dossiers received.
  const firstDossier = plans.findIndex((p) => p.role === 'metric' && (p.metric === 'dossiers_resolved' || p.metric === 'late_dossiers'));
  if (firstDossier > 0 && !plans.some((p) => p.metric === 'dossiers_received')) {
    const total = plans.slice(0, firstDossier).find((p) => p.role === 'unknown' && /^tong(?: so)?$/.test(foldVietnamese(p.header).trim()));
    if (total) Object.assign(total, { role: 'metric', metric: 'dossiers_received', unit: 'count', target: false });
  }
  // No header named the label column: the first column of words (not row numbers) labels the rows.
  if (!plans.some((p) => p.role === 'label')) {
    const wordy = plans.find((p) => p.role !== 'metric' && p.role !== 'skip'
      && dataRows.filter((r) => r[p.column] && !isNumeric(r[p.column])).length >= Math.max(1, dataRows.length / 2));
    if (wordy) wordy.role = 'label';
  }
  return plans;
}

/** Period of the table: caption, heading, title, else the publication year. */
function tablePeriod(grid: Grid, ctx: ExtractionContext): FigurePeriod {
  for (const source of [grid.caption, grid.heading, ctx.title ?? null]) {
    if (!source) continue;
    const text = normalizeText(source);
    const mentions = findPeriods(text, foldForMatching(text), { start: 0, end: text.length }, ctx.publishedAt);
    // Baselines are not excluded: periods.ts reads "hồ sơ 6 tháng …" as "so 6 tháng" (a comparison), and a
    // caption names the period of its table, not a comparison.
    const own = mentions.filter((m) => !m.baseline);
    if (mentions.length > 0) return (own.length ? own : mentions)[(own.length ? own : mentions).length - 1].period;
  }
  return defaultPeriod(ctx.publishedAt);
}

type RowKind = 'unit' | 'total' | 'average';

function rowKind(label: string): RowKind {
  const f = foldVietnamese(label);
  if (TOTAL_RE.test(f) && !NOT_TOTAL_RE.test(f)) return 'total';
  if (AVERAGE_RE.test(f)) return 'average';
  return 'unit';
}

/** Whom a row is about. Unresolved names keep the printed label and no id (the store decides what to do). */
function rowSubject(label: string, kind: RowKind, ctx: ExtractionContext): FigureSubject {
  const publisher = ctx.publisher;
  if (kind !== 'unit') return { name: publisher?.name ?? label, unitId: publisher?.id ?? null, scope: 'unit', subunitLevel: null, explicit: true };
  const mention = label.replace(/^\d{1,3}[.)]\s+/, '').trim();
  const resolved = ctx.resolver?.resolve(mention, publisher) ?? null;
  if (resolved) return { name: resolved.name, unitId: resolved.id, scope: 'unit', subunitLevel: null, explicit: true };
  return { name: agencyRowName(mention, ctx) ?? mention, unitId: null, scope: 'unit', subunitLevel: null, explicit: true };
}

/**
 * Leading rows that hold one text across the table (a sheet's title "Bảng 1: …" merged over all columns) are the
 * caption, not a header: left in, their words would give every column the caption's metric.
 */
function withoutTitleRows(grid: Grid): Grid {
  let n = 0;
  let caption = grid.caption;
  const width = grid.cells[0]?.length ?? 0;
  while (n < grid.cells.length - 1 && width > 2) {
    const filled = grid.cells[n].filter((t) => t !== '');
    if (filled.length === 0 || new Set(filled).size !== 1 || isNumeric(filled[0])) break;
    if (filled.length < width && filled.length !== 1) break;
    // One header word alone in a wide row is a header ("Đơn vị" merged down), not a title.
    if (filled.length === 1 && filled[0].length < 25) break;
    caption = caption ?? filled[0];
    n++;
  }
  if (n === 0) return grid;
  return { ...grid, caption, cells: grid.cells.slice(n), header: grid.header.slice(n), spanned: grid.spanned.slice(n), rowPages: grid.rowPages?.slice(n) ?? null };
}

/** Read every (row, metric column) cell of one table. */

/**
 * Hand-set confidence of a table cell (the prose model's features do not describe cells). A cell read under a
 * recognised header whose row resolves to a gazetteer unit was right in every real table case scored so far (1.43.0:
 * dev 129/129 on 19 cases, 28 of 28 served right with subject; test 5/5 by value, `npm run eval:real:tables`), so it is
 * served; a row that resolves to no unit (a service level, a free-text label, an agency) is held for review. (1.42.0
 * served 32 dev cells, 5 right: component scores read as the index and a police row read as the totals row.)
 */
export const RESOLVED_CELL_CONFIDENCE = 0.95;
export const UNRESOLVED_CELL_CONFIDENCE = 0.6;

export function figuresFromGrid(input: Grid, ctx: ExtractionContext): TableReadResult {
  let grid = input;
  const dropped: DroppedCandidate[] = [];
  const figures: ExtractedFigure[] = [];
  const drop = (text: string, reason: string) => dropped.push({ text: text.slice(0, 80), start: 0, end: 0, reason });
  if (grid.truncated) drop(`Bảng ${grid.index}`, `table_truncated: ${grid.truncated}`);
  if (grid.cells.length < 2 || (grid.cells[0]?.length ?? 0) < 2) return { figures, dropped };
  grid = withoutTitleRows(grid);
  let headerRows = headerRowCount(grid);
  if (headerRows === 0) return { figures, dropped: [...dropped, { text: `Bảng ${grid.index}`, start: 0, end: 0, reason: 'table_without_header' }] };
  const context = foldVietnamese([grid.caption, grid.heading, ctx.title].filter(Boolean).join(' \n '));
  const plans = planColumns(grid, headerRows, context);
  const label = plans.find((p) => p.role === 'label');
  const metrics = plans.filter((p) => p.role === 'metric');
  if (!label || metrics.length === 0) {
    drop(`Bảng ${grid.index}`, label ? 'table_without_metric_columns' : 'table_without_label_column');
    return { figures, dropped };
  }
  if (headerRows < grid.cells.length && isColumnNumberRow(grid.cells[headerRows])) headerRows++;
  const period = tablePeriod(grid, ctx);
  const caption = grid.caption ?? grid.heading;
  for (let r = headerRows; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    // "Tổng cộng" merged over the STT and "Đơn vị" columns may sit in the first of them only (a PDF prints it once).
    const rowLabel = row[label.column] || row.slice(0, label.column).find((t) => t !== '' && !isNumeric(t)) || '';
    // Section rows ("I. Khối phường") and note rows span the table with words: no metric cell holds a number.
    if (!rowLabel || isNumeric(rowLabel) || !metrics.some((p) => isNumeric(row[p.column] ?? ''))) continue;
    const kind = rowKind(rowLabel);
    const subject = rowSubject(rowLabel, kind, ctx);
    for (const plan of metrics) {
      const text = row[plan.column];
      if (!text || /^[-–—.x]+$/i.test(text)) continue;
      const n = cellNumber(text);
      if (!n) {
        drop(text, 'table_cell_not_a_number');
        continue;
      }
      let value = n.value;
      // "87.602" in a score or rate column is an English decimal, not eighty-seven thousand.
      if ((plan.unit === 'score' || plan.unit === 'percent') && value > 100 && /^\d{1,3}\.\d{3}$/.test(text.replace(/[%\s*()]/g, ''))) {
        value = Number(text.replace(/[%\s*()]/g, ''));
      }
      if (plan.unit === 'percent' && value > 100) {
        drop(text, 'implausible_percent');
        continue;
      }
      const sentence = `${caption ? `${caption} — ` : `Bảng ${grid.index} — `}${rowLabel} — ${plan.header}: ${text}`;
      figures.push({
        metric: plan.metric!,
        value,
        total: plan.unit === 'rank' ? n.total : plan.unit === 'count' ? null : n.total,
        upperBound: null,
        unit: plan.unit!,
        kind: plan.target ? 'target' : 'actual',
        comparator: 'eq',
        approximate: /^[~≈]/.test(text),
        change: false,
        baselineYear: null,
        period,
        subject,
        evidence: { sentence, start: 0, end: 0, numberStart: 0, numberEnd: 0 },
        confidence: subject.unitId !== null ? RESOLVED_CELL_CONFIDENCE : UNRESOLVED_CELL_CONFIDENCE,
        cell: { tableIndex: grid.index, caption, rowLabel, columnHeader: plan.header, page: grid.rowPages?.[r] ?? grid.page, row: r, column: plan.column },
      });
    }
  }
  rankTotalsFromContext(figures, [grid.caption, grid.heading, ctx.title ?? null]);
  return { figures, dropped };
}

/**
 * A ranking's ranks are out of the units the words above it count ("… đối với 14 phường:" over 14 ranked rows): only
 * when the count equals the rows ranked, so a partial list (the top ten of eighteen) keeps ranks without a total.
 */
function rankTotalsFromContext(figures: ExtractedFigure[], context: ReadonlyArray<string | null>): void {
  const ranks = figures.filter((f) => f.unit === 'rank' && f.total === null);
  if (ranks.length === 0) return;
  const rows = new Set(ranks.map((f) => f.cell?.row));
  if (ranks.some((f) => f.value > rows.size)) return;
  for (const source of context) {
    if (!source) continue;
    const counts = [...foldVietnamese(source).matchAll(COUNTED_UNITS_RE)].map((m) => Number(m[1]));
    if (counts.includes(rows.size)) {
      for (const f of ranks) f.total = rows.size;
      return;
    }
  }
}
