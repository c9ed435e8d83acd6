/**
 * Consistency checks of one table's figures. A figure that fails is kept and marked (`checkReason`), never dropped:
 * a reviewer decides whether the portal printed a wrong number or the reader misread one.
 *
 * - Totals: the sum of a count column over the unit rows must equal the totals row ("Tổng cộng") — the totals
 *   figure is marked when it does not.
 * - Dossiers: đúng hạn + trễ hạn = đã giải quyết in a row (counts) — all three are marked when they disagree.
 * - Rates: a rate next to its counts (đúng hạn / đã giải quyết × 100) must agree within rounding — the rate is
 *   marked when it does not.
 * - Ranks: a unit with a higher score must not rank below one with a lower score — both ranks are marked.
 *
 * Public surface: {@link checkTableFigures}.
 */
import type { ExtractedFigure } from '../types';

/** Absolute slack for counts (a portal's rounding). */
const COUNT_SLACK = 0.5;
/** Pairs of ranks compared all against all up to this many rows; beyond it only neighbours (bounded work). */
const MAX_RANK_PAIRS_ROWS = 400;

/** Half a unit of the last decimal printed: 99,68 may stand for anything in [99,675, 99,685). */
function roundingSlack(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 1e-9;
}

function mark(f: ExtractedFigure, reason: string): void {
  f.checkReason = f.checkReason ? `${f.checkReason}; ${reason}` : reason;
}

function fmt(n: number): string {
  return Number(n.toPrecision(12)).toLocaleString('vi-VN');
}

const TOTAL_LABEL_RE = /^(?:tổng|cộng|toàn)/i;

/** Run every check over the figures of ONE table (same `cell.tableIndex`); marks them in place. */
export function checkTableFigures(figures: ExtractedFigure[]): void {
  const cellFigures = figures.filter((f) => f.cell);
  const rows = new Map<number, ExtractedFigure[]>();
  const columns = new Map<number, ExtractedFigure[]>();
  const push = (m: Map<number, ExtractedFigure[]>, k: number, f: ExtractedFigure) => {
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  for (const f of cellFigures) {
    push(rows, f.cell!.row, f);
    push(columns, f.cell!.column, f);
  }
  const isTotal = (f: ExtractedFigure) => TOTAL_LABEL_RE.test(f.cell!.rowLabel.trim());

  for (const [, col] of columns) {
    if (col[0].unit !== 'count') continue;
    const totals = col.filter(isTotal);
    const parts = col.filter((f) => !isTotal(f) && !/^(?:bình quân|trung bình)/i.test(f.cell!.rowLabel));
    if (totals.length !== 1 || parts.length < 2) continue;
    const sum = parts.reduce((s, f) => s + f.value, 0);
    if (Math.abs(sum - totals[0].value) > COUNT_SLACK) {
      mark(totals[0], `totals row ${fmt(totals[0].value)} ≠ sum of ${parts.length} rows ${fmt(sum)} (column "${col[0].cell!.columnHeader}")`);
    }
  }

  for (const [, row] of rows) {
    const count = (metric: string) => row.find((f) => f.metric === metric && f.unit === 'count');
    const rate = (metric: string) => row.find((f) => f.metric === metric && f.unit === 'percent');
    const resolved = count('dossiers_resolved');
    const onTime = count('on_time_rate');
    const late = count('late_dossiers');
    if (resolved && onTime && late && Math.abs(onTime.value + late.value - resolved.value) > COUNT_SLACK) {
      const reason = `đúng hạn ${fmt(onTime.value)} + trễ hạn ${fmt(late.value)} ≠ đã giải quyết ${fmt(resolved.value)}`;
      [resolved, onTime, late].forEach((f) => mark(f, reason));
    }
    for (const [rateMetric, part] of [['on_time_rate', onTime], ['late_dossiers', late]] as const) {
      const r = rate(rateMetric);
      const base = resolved ?? (onTime && late ? { value: onTime.value + late.value } : undefined);
      if (!r || !part || !base || base.value <= 0) continue;
      const expected = (part.value / base.value) * 100;
      if (Math.abs(expected - r.value) > roundingSlack(r.value)) {
        mark(r, `rate ${fmt(r.value)}% ≠ ${fmt(part.value)} / ${fmt(base.value)} = ${fmt(Math.round(expected * 100) / 100)}%`);
      }
    }
  }

  // Ranks against scores: sort units by score; a strictly higher score must have a strictly better (smaller) rank.
  const pairs: Array<{ score: ExtractedFigure; rank: ExtractedFigure }> = [];
  for (const [, row] of rows) {
    const score = row.find((f) => f.unit === 'score');
    const rank = row.find((f) => f.unit === 'rank');
    if (score && rank && !isTotal(score)) pairs.push({ score, rank });
  }
  pairs.sort((a, b) => b.score.value - a.score.value);
  const marked = new Set<ExtractedFigure>();
  for (let i = 0; i < pairs.length; i++) {
    const last = pairs.length <= MAX_RANK_PAIRS_ROWS ? pairs.length : Math.min(pairs.length, i + 2);
    for (let j = i + 1; j < last; j++) {
      const hi = pairs[i];
      const lo = pairs[j];
      if (hi.score.value > lo.score.value && hi.rank.value >= lo.rank.value) {
        const reason = `rank ${fmt(hi.rank.value)} with score ${fmt(hi.score.value)} is not above rank ${fmt(lo.rank.value)} with score ${fmt(lo.score.value)}`;
        for (const f of [hi.rank, lo.rank]) if (!marked.has(f)) { marked.add(f); mark(f, reason); }
      }
    }
  }
}
