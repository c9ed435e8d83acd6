/**
 * Periods of the national service index: months, quarters, halves and years, their month spans, labels, keys and
 * when each can first be collected. Pure.
 * Public surface: `PeriodGrain`, `IndexPeriod`, `periodSpan`, `periodKey`, `periodLabel`, `parsePeriodKey`,
 * `enumeratePeriods`, `parseYearMonth`, `periodAvailableFrom`, `PUBLICATION_DAY`.
 */

export type PeriodGrain = 'month' | 'quarter' | 'half' | 'year';

/** A period the index is asked for: `index` is the month (1-12), quarter (1-4), half (1-2), or 1 for a year. */
export interface IndexPeriod {
  year: number;
  grain: PeriodGrain;
  index: number;
}

const SIZE: Record<PeriodGrain, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const COUNT: Record<PeriodGrain, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** Months covered, inclusive. A year is stored with null months (the catalogue's "whole year"). */
export function periodSpan(p: IndexPeriod): { fromMonth: number | null; toMonth: number | null } {
  if (p.grain === 'year') return { fromMonth: null, toMonth: null };
  const size = SIZE[p.grain];
  return { fromMonth: (p.index - 1) * size + 1, toMonth: p.index * size };
}

/** Stable key: 2025-M10, 2025-Q3, 2025-H1, 2025-Y. */
export function periodKey(p: IndexPeriod): string {
  if (p.grain === 'year') return `${p.year}-Y`;
  const letter = { month: 'M', quarter: 'Q', half: 'H' }[p.grain];
  return `${p.year}-${letter}${String(p.index).padStart(p.grain === 'month' ? 2 : 1, '0')}`;
}

export function parsePeriodKey(key: string): IndexPeriod {
  const m = /^(\d{4})-(?:(Y)|M(\d{2})|Q([1-4])|H([12]))$/.exec(key);
  if (!m) throw new Error(`"${key}" is not a period key (2025-M10, 2025-Q3, 2025-H1 or 2025-Y)`);
  const year = Number(m[1]);
  if (m[2]) return { year, grain: 'year', index: 1 };
  if (m[3]) {
    const month = Number(m[3]);
    if (month < 1 || month > 12) throw new Error(`"${key}": month must be 01-12`);
    return { year, grain: 'month', index: month };
  }
  if (m[4]) return { year, grain: 'quarter', index: Number(m[4]) };
  return { year, grain: 'half', index: Number(m[5]) };
}

/** Vietnamese label as the portal's selectors put it. */
export function periodLabel(p: IndexPeriod): string {
  switch (p.grain) {
    case 'month': return `tháng ${p.index}/${p.year}`;
    case 'quarter': return `quý ${p.index}/${p.year}`;
    case 'half': return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    default: return `năm ${p.year}`;
  }
}

/** "2022-01" → { year, month }; throws with the expected form. */
export function parseYearMonth(value: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new Error(`"${value}" is not a month; write YYYY-MM, e.g. 2022-01`);
  return { year: Number(m[1]), month };
}

/** Day of the following month from which the portal has usually published a period's scores. */
export const PUBLICATION_DAY = 5;

/** First instant (UTC) a period may be collected: PUBLICATION_DAY of the month after it ends, 00:00 in UTC+7. */
export function periodAvailableFrom(p: IndexPeriod): Date {
  const { toMonth } = periodSpan(p);
  const last = toMonth ?? 12;
  return new Date(Date.UTC(p.year, last, PUBLICATION_DAY, -7)); // month index `last` = the month after
}

/**
 * Every period of the given grains whose months lie within [from, to] (inclusive months), in time order (by end
 * month, shorter grains first), e.g. 2022-01..2022-06 with all grains → 6 months, 2 quarters and the first half.
 */
export function enumeratePeriods(
  from: { year: number; month: number }, to: { year: number; month: number }, grains: readonly PeriodGrain[],
): IndexPeriod[] {
  const first = from.year * 12 + from.month - 1;
  const last = to.year * 12 + to.month - 1;
  if (last < first) throw new Error('--to is before --from');
  const out: Array<IndexPeriod & { end: number; size: number }> = [];
  for (let year = from.year; year <= to.year; year++) {
    for (const grain of grains) {
      for (let index = 1; index <= COUNT[grain]; index++) {
        const p = { year, grain, index };
        const span = periodSpan(p);
        const start = year * 12 + (span.fromMonth ?? 1) - 1;
        const end = year * 12 + (span.toMonth ?? 12) - 1;
        if (start >= first && end <= last) out.push({ ...p, end, size: SIZE[grain] });
      }
    }
  }
  return out.sort((a, b) => a.end - b.end || a.size - b.size).map(({ year, grain, index }) => ({ year, grain, index }));
}
