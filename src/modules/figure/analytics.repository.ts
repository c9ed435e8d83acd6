/**
 * The comparison queries: time series, rankings and grouped statistics, each one SQL statement built on the
 * selection rule of `figure-sql.ts`. The builders are exported so the benchmark can run the very same SQL directly.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { FigureKind } from './figure.entity';
import { chosenFigures, figureWhere, markedFigures, storedPickJoin, type SqlPart } from './figure-sql';
import type { FigureQuery } from './figure-filter.input';
import { unitSetSql, type UnitSet } from '../unit/unit-set';
import { competitionRanks, rankValues } from './ranking';
import { unitViewColumns, unitJson, unitKeyColumns, type UnitJson } from '../unit/unit-view';

/** The chosen figure of a unit in one year. */
export interface SeriesPointRow {
  figure_id: number;
  year: number;
  /** Months of the chosen figure (null: the whole year). */
  from_month: number | null;
  to_month: number | null;
  value: number;
  partial_year: boolean;
  period_label: string;
  review_status: string;
  alternatives: number;
}

/** One unit of a time series with its points by year (empty without figures). */
export interface SeriesRow {
  unit: UnitJson;
  points: SeriesPointRow[];
}

/**
 * One unit of a ranking: the unit's columns (`unitViewColumns(…, 'u_')`), its chosen figure for the year (null: missing)
 * and for the baseline year; `rankComparison` ranks them.
 */
export interface ComparisonSqlRow {
  [unitColumn: `u_${string}`]: unknown;
  figure_id: number | null;
  value: string | null;
  partial_year: boolean | null;
  period_label: string | null;
  review_status: string | null;
  alternatives: number | null;
  previous_figure_id: number | null;
  previous_value: string | null;
}

/** A row of a ranking with its ranks (null without a figure in that year). */
export interface RankedComparisonRow {
  row: ComparisonSqlRow;
  rank: number | null;
  /** Rank in the baseline year among the units of the set with a figure then. */
  previousRank: number | null;
}

/** One group of `figureStats`: the keys grouped by (the others absent) and the aggregates. */
export interface StatsSqlRow {
  year?: number | null;
  unit_id?: number | null;
  province_id?: number | null;
  unit?: UnitJson | null;
  province?: UnitJson | null;
  level?: string | null;
  count: number;
  min: string;
  max: string;
  avg: string;
  median: number;
}

/** Keys `figureStats` groups by. */
export enum StatsKey {
  YEAR = 'year',
  UNIT = 'unit',
  PROVINCE = 'province',
  LEVEL = 'level',
}

export interface TimeSeriesSpec {
  metric: string;
  kind: FigureKind;
  units: UnitSet;
  yearFrom: number;
  yearTo: number;
  /** Data version (see `SelectionSpec.asOf`). */
  asOf?: Date | null;
  /** 1, 3 or 6 for a point per month, quarter or half; absent or 12 for a point per year. */
  grainMonths?: number;
  includeUnreviewed?: boolean;
}

export interface ComparisonSpec {
  metric: string;
  kind: FigureKind;
  units: UnitSet;
  year: number;
  baselineYear: number;
  /** Rank 1 is the largest value when true, the smallest when false. */
  descending: boolean;
  /** Data version (see `SelectionSpec.asOf`). */
  asOf?: Date | null;
  /** A sub-year period of `year` (and of `baselineYear`): months fromMonth..fromMonth + grainMonths − 1. */
  subPeriod?: { fromMonth: number; grainMonths: number };
  includeUnreviewed?: boolean;
  /** Only the units' id, name and parent id (`unitKeyColumns`), for an answer that shows nothing else of them. */
  unitKeysOnly?: boolean;
  /**
   * Only the chosen figures' ids and values, for an answer that shows neither their period label, partial-year flag,
   * review status nor alternatives (those columns are then null): at 3,321 rows, five fewer columns to format, send
   * and parse.
   */
  figureKeysOnly?: boolean;
}

export interface StatsSpec {
  metric: string;
  kind: FigureKind;
  filter: FigureQuery;
  groupBy: StatsKey[];
  includeUnreviewed?: boolean;
}

/** Largest number of groups one `figureStats` answer may hold. */
/**
 * Decimal places of avg and median: values carry at most six; percentile_cont works in floating point (the median
 * of 97.3 and 97.6 would read 97.44999999999999) and avg in long decimals, so both are rounded in SQL.
 */
const STATS_DECIMALS = 6;

export const MAX_STATS_GROUPS = 5000;

/** SQL of `timeSeries`: one row per unit, its chosen figures aggregated by year. */
export function timeSeriesSql(s: TimeSeriesSpec): SqlPart {
  const units = unitSetSql(s.units, s.yearFrom, s.yearTo);
  const chosen = chosenFigures({
    metric: s.metric, kind: s.kind, asOf: s.asOf, grainMonths: s.grainMonths, includeUnreviewed: s.includeUnreviewed,
    where: { sql: 'f.subject_id in (select id from units) and f.period_year between ? and ?', params: [s.yearFrom, s.yearTo] },
  });
  return {
    sql: `with units as (${units.sql}), chosen as (${chosen.sql}),
      points as (
        select c.subject_id, jsonb_agg(jsonb_build_object('figure_id', c.id, 'year', c.period_year, 'from_month', c.from_month,
          'to_month', c.to_month, 'value', c.value,
          'partial_year', c.partial_year, 'period_label', c.period_label, 'review_status', c.review_status,
          'alternatives', c.alternatives) order by c.period_year, c.from_month) as points
        from chosen c group by c.subject_id
      )
      select ${unitJson('au')} as unit, coalesce(p.points, '[]'::jsonb) as points
      from units u join admin_unit au on au.id = u.id left join points p on p.subject_id = u.id`,
    params: [...units.params, ...chosen.params],
  };
}

/** SQL of `compare`: every unit of the set with its chosen figure in both years (null without data), unranked, in no order. */
/** The chosen figure's columns an answer may leave out (`figureKeysOnly`). */
const FIGURE_DETAIL = ['partial_year', 'period_label', 'review_status', 'alternatives'];
const FIGURE_DETAIL_NULLS = 'null::boolean as partial_year, null::text as period_label, null::text as review_status, null::int as alternatives';

export function comparisonSql(s: ComparisonSpec): SqlPart {
  const sub = s.subPeriod;
  // A month, quarter or half ranks the units valid during that period; a year, those valid between the two years.
  const window = sub ? periodDates(s.year, sub.fromMonth, sub.fromMonth + sub.grainMonths - 1) : undefined;
  // The units' columns come with the set (no second pass over admin_unit), as plain columns: a jsonb object per unit
  // was a third of the statement's time for 3,321 communes, and parsing it as much again in the driver.
  const columns = s.unitKeysOnly ? unitKeyColumns : unitViewColumns;
  const units = unitSetSql(s.units, Math.min(s.year, s.baselineYear), Math.max(s.year, s.baselineYear), window,
    columns('us', ''));
  /** The detail columns, each as `expr(column)`, or nulls when the answer shows none of them. */
  const detail = (expr: (column: string) => string) => (s.figureKeysOnly ? FIGURE_DETAIL_NULLS : FIGURE_DETAIL.map(expr).join(', '));
  if (s.asOf) {
    // An earlier data version: only the rule itself knows what was chosen then.
    const chosen = chosenFigures({
      metric: s.metric, kind: s.kind, asOf: s.asOf, grainMonths: sub?.grainMonths, includeUnreviewed: s.includeUnreviewed,
      exactSpan: sub ? { fromMonth: sub.fromMonth, toMonth: sub.fromMonth + sub.grainMonths - 1 } : undefined,
      where: { sql: 'f.subject_id in (select id from units) and f.period_year in (?, ?)', params: [s.year, s.baselineYear] },
    });
    return {
      sql: `with units as (${units.sql}), chosen as (${chosen.sql})
        select ${columns('u', 'u_')}, cur.id as figure_id, cur.value, ${detail((c) => `cur.${c}`)},
          prev.id as previous_figure_id, prev.value as previous_value
        from units u
        left join chosen cur on cur.subject_id = u.id and cur.period_year = ?
        left join chosen prev on prev.subject_id = u.id and prev.period_year = ?`,
      params: [...units.params, ...chosen.params, s.year, s.baselineYear],
    };
  }
  // Now: the stored choices (`figure_pick`), each unit's row found by key, and for keys changed since the last
  // refresh the rule's choice made here (`live`, nearly always empty). A key is either marked or stored, never both.
  const pick = { metric: s.metric, kind: s.kind, grainMonths: sub?.grainMonths, spanFrom: sub?.fromMonth, includeUnreviewed: s.includeUnreviewed };
  const cur = storedPickJoin(pick, 'cur', 'u.id', s.year);
  const prev = storedPickJoin(pick, 'prev', 'u.id', s.baselineYear);
  const live = markedFigures({ ...pick, subjects: { sql: 'select id from units', params: [] }, years: [s.year, s.baselineYear] });
  const both = (column: string) => `coalesce(lc.${column}, cur.${column}) as ${column}`;
  return {
    sql: `with units as (${units.sql}), live as (${live.sql})
      select ${columns('u', 'u_')}, coalesce(lc.id, cur.figure_id) as figure_id, ${both('value')},
        ${detail(both)},
        coalesce(lp.id, prev.figure_id) as previous_figure_id, coalesce(lp.value, prev.value) as previous_value
      from units u
      ${cur.sql}
      left join live lc on lc.subject_id = u.id and lc.period_year = ?
      ${prev.sql}
      left join live lp on lp.subject_id = u.id and lp.period_year = ?`,
    params: [...units.params, ...live.params, ...cur.params, s.year, ...prev.params, s.baselineYear],
  };
}

/**
 * The rows of `comparisonSql` ranked (standard competition ranking, "1, 2, 2, 4", in both years, rank 1 = first in
 * `descending` order) and ordered by rank (unranked last), then unit id. The ranking runs here rather than in the
 * statement: see `ranking.ts`.
 */
export function rankComparison(rows: ComparisonSqlRow[], descending: boolean): RankedComparisonRow[] {
  // New objects rather than new properties on the driver's rows: adding fields to 3,321 rows changes their shape and
  // made every later read of them several times slower.
  const { ranks, order } = rankValues(rows.map((r) => r.value), descending);
  const previousRanks = competitionRanks(rows.map((r) => r.previous_value), descending);
  const byId = (a: number, b: number): number => Number(rows[a].u_id) - Number(rows[b].u_id);
  const ranked: RankedComparisonRow[] = [];
  // Rank order, equal ranks by unit id; then the rows without a figure, by unit id.
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && ranks[order[end]] === ranks[order[start]]) end++;
    const group = end - start > 1 ? order.slice(start, end).sort(byId) : [order[start]];
    for (const i of group) ranked.push({ row: rows[i], rank: ranks[i], previousRank: previousRanks[i] });
    start = end;
  }
  const unranked: number[] = [];
  for (let i = 0; i < rows.length; i++) if (ranks[i] === null) unranked.push(i);
  for (const i of unranked.sort(byId)) ranked.push({ row: rows[i], rank: null, previousRank: previousRanks[i] });
  return ranked;
}

/** First and last day (ISO) of months fromMonth..toMonth of a year. */
export function periodDates(year: number, fromMonth: number, toMonth: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, toMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${mm(fromMonth)}-01`, to: `${year}-${mm(toMonth)}-${mm(last)}` };
}

const PROVINCE_LEVELS = `('province', 'central_city')`;
/** The province of a unit in its own code set: itself, its parent or its grandparent, whichever is a province. */
const PROVINCE_OF = `case when u.level in ${PROVINCE_LEVELS} then u.id when p.level in ${PROVINCE_LEVELS} then p.id
  when gp.level in ${PROVINCE_LEVELS} then gp.id end`;

const KEY_SQL: Record<StatsKey, { select: string; group: string }> = {
  [StatsKey.YEAR]: { select: 'c.period_year as year', group: 'c.period_year' },
  [StatsKey.UNIT]: { select: 'c.subject_id as unit_id', group: 'c.subject_id' },
  [StatsKey.PROVINCE]: { select: `${PROVINCE_OF} as province_id`, group: PROVINCE_OF },
  [StatsKey.LEVEL]: { select: 'u.level as level', group: 'u.level' },
};

/**
 * SQL of `figureStats`: aggregates over the chosen figure of each (unit, year) matching the filter, then the grouped
 * unit and province as JSON (`unitJson`), so the answer needs no second query.
 */
export function statsSql(s: StatsSpec): SqlPart {
  const chosen = chosenFigures({
    metric: s.metric, kind: s.kind, includeUnreviewed: s.includeUnreviewed,
    where: figureWhere({ ...s.filter, kind: undefined, metrics: undefined }),
  });
  const keys = s.groupBy.map((k) => KEY_SQL[k]);
  const needsUnits = s.groupBy.includes(StatsKey.PROVINCE) || s.groupBy.includes(StatsKey.LEVEL);
  const joins = needsUnits
    ? `join admin_unit u on u.id = c.subject_id left join admin_unit p on p.id = u.parent_id left join admin_unit gp on gp.id = p.parent_id`
    : '';
  const groupSql = keys.map((k) => k.group).join(', ');
  const outer = s.groupBy.map((k) => KEY_SQL[k].select.split(' as ').pop()).map((c) => `g.${c}`).join(', ');
  const withUnit = s.groupBy.includes(StatsKey.UNIT);
  const withProvince = s.groupBy.includes(StatsKey.PROVINCE);
  return {
    sql: `with chosen as (${chosen.sql}),
      groups as (
        select ${keys.map((k) => k.select).join(', ')}, count(*)::int as count, min(c.value) as min, max(c.value) as max,
          round(avg(c.value), ${STATS_DECIMALS}) as avg,
          round((percentile_cont(0.5) within group (order by c.value))::numeric, ${STATS_DECIMALS}) as median
        from chosen c ${joins}
        group by ${groupSql}
        limit ${MAX_STATS_GROUPS + 1}
      )
      select g.*${withUnit ? `, ${unitJson('gu')} as unit` : ''}${withProvince ? `, case when gv.id is not null then ${unitJson('gv')} end as province` : ''}
      from groups g
      ${withUnit ? 'left join admin_unit gu on gu.id = g.unit_id' : ''}
      ${withProvince ? 'left join admin_unit gv on gv.id = g.province_id' : ''}
      order by ${outer}`,
    params: chosen.params,
  };
}

/** Runs the comparison queries on one request's EntityManager. */
export class AnalyticsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Chosen figure per unit and year, for a set of units. */
  timeSeries(spec: TimeSeriesSpec): Promise<SeriesRow[]> {
    const { sql, params } = timeSeriesSql(spec);
    return this.em.execute<SeriesRow[]>(sql, params);
  }

  /** Ranked rows for a year, with the baseline year's values. */
  compare(spec: ComparisonSpec): Promise<RankedComparisonRow[]> {
    const { sql, params } = comparisonSql(spec);
    return this.em.execute<ComparisonSqlRow[]>(sql, params).then((rows) => rankComparison(rows, spec.descending));
  }

  /** Grouped count, min, max, avg and median. */
  stats(spec: StatsSpec): Promise<StatsSqlRow[]> {
    const { sql, params } = statsSql(spec);
    return this.em.execute<StatsSqlRow[]>(sql, params);
  }
}
