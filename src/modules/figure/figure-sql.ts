/**
 * SQL fragments over the `figure` table (alias `f`), shared by the figure list, the CSV export and the analytics
 * queries. Values are bound as `?` parameters (MikroORM escapes them); only code-chosen identifiers and keywords
 * are spliced into the text.
 *
 * The selection rule — which single figure stands for a unit in a year — lives here, once:
 *  1. only figures that state a level (`is_change = false`) about the unit itself or its whole area (`OWN_SCOPES`), of
 *     the requested kind, and never REJECTED ones; NEEDS_REVIEW ones (below the confidence threshold) only when asked;
 *  2. reviewed (CONFIRMED or CORRECTED) before automatic;
 *  3. full year (no months, or January to December) before part of a year;
 *  4. later publication before earlier (an unknown date counts as earliest);
 *  5. then an exact statement (`eq`, not approximate) before a bound, then the newest figure.
 * The number of other candidates is kept as `alternatives`. A CORRECTED figure counts with its corrected value.
 */
import { FigureKind, ReviewStatus } from './figure.entity';
import type { FigureQuery } from './figure-filter.input';
import { OWN_SUBJECT_SCOPES } from '../../../ingest/types';

/** A piece of SQL and its `?` parameters, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * Scopes whose figures are the unit's own, as an SQL list: the unit itself (`unit`) and its whole area, every tier
 * together (`province_wide`: "toàn tỉnh", "toàn huyện" — what a province's page states as the province's totals, and
 * what the national index and the PAR Index measure). Its wards (`subunits`) and its departments (`departments`) are
 * not. From {@link OWN_SUBJECT_SCOPES}; the database's `figure_pick_*` functions (Migration20261204210542) use the same.
 */
export const OWN_SCOPES = `(${OWN_SUBJECT_SCOPES.map((s) => `'${s}'`).join(', ')})`;

/** The value a figure stands for: the reviewer's correction when there is one. */
export const EFFECTIVE_VALUE = `(case when f.review_status = 'corrected' and f.corrected_value is not null then f.corrected_value else f.value end)`;

/** A figure covers a whole year when it names no months, or January to December. */
export const FULL_YEAR = `(coalesce(f.period_from_month, 1) = 1 and coalesce(f.period_to_month, 12) = 12)`;

/** Conditions for a figure filter, joined with `and` (`true` when empty). */
export function figureWhere(q: FigureQuery): SqlPart {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    conds.push(sql);
    params.push(...values);
  };
  if (q.metrics?.length) add('f.metric_code in (?)', q.metrics);
  if (q.unitIds?.length) add('f.subject_id in (?)', q.unitIds);
  if (q.unitCodes?.length) {
    add('f.subject_id in (select cu.id from admin_unit cu where cu.code_set = ? and cu.code in (?))', q.codeSet, q.unitCodes);
  }
  if (q.levels?.length) add('f.subject_id in (select lu.id from admin_unit lu where lu.level in (?))', q.levels);
  if (q.provinceId) {
    // The gazetteer is at most three tiers deep (province → district → commune; departments sit under provinces).
    // A union of three index look-ups on parent_id; one OR-ed condition would scan the whole gazetteer.
    add(`f.subject_id in (select ?::int union all select pu.id from admin_unit pu where pu.parent_id = ?
      union all select pc.id from admin_unit pc join admin_unit pd on pd.id = pc.parent_id where pd.parent_id = ?)`,
    q.provinceId, q.provinceId, q.provinceId);
  }
  if (q.yearFrom != null) add('f.period_year >= ?', q.yearFrom);
  if (q.yearTo != null) add('f.period_year <= ?', q.yearTo);
  if (q.kind) add('f.kind = ?', q.kind);
  if (q.reviewStatus?.length) add('f.review_status in (?)', q.reviewStatus);
  else add('f.review_status <> ?', ReviewStatus.REJECTED);
  if (q.sourceIds?.length) add('f.document_id in (select sd.id from document sd where sd.source_id in (?))', q.sourceIds);
  if (q.documentId) add('f.document_id = ?', q.documentId);
  return { sql: conds.length ? conds.join(' and ') : 'true', params };
}

export interface SelectionSpec {
  metric: string;
  kind: FigureKind;
  /** Further conditions on `f` (years, subjects, filter). */
  where: SqlPart;
  /**
   * Data version: when set, figures created after this instant are ignored, and each figure counts with the review
   * status and corrected value it had then (the `before` of its first review after the instant, if any).
   */
  asOf?: Date | null;
  /**
   * Months per period for sub-year series and rankings (1 month, 3 quarter, 6 half): only figures that cover exactly
   * one such calendar period count, and one figure is chosen per unit and period instead of per unit and year.
   * Absent (or 12): one figure per unit and year, part-year figures as a fallback (the yearly rule).
   */
  grainMonths?: number;
  /**
   * One exact period (with `grainMonths`): plain equalities on the month columns instead of the span arithmetic, so
   * PostgreSQL can estimate the rows (an arithmetic filter looks like one row to it, and it then picks a nested loop
   * over the unit set that takes seconds for 2,000 communes).
   */
  exactSpan?: { fromMonth: number; toMonth: number };
  /** Also choose among NEEDS_REVIEW figures (default: only reviewed or above-threshold ones). */
  includeUnreviewed?: boolean;
}

/**
 * The figures as they stood at `asOf`: same columns as `figure` for everything the selection rule reads, with
 * `review_status` and `corrected_value` rolled back past later reviews. Figures created later are left out.
 */
export function figuresAsOf(asOf: Date): SqlPart {
  return {
    sql: `(select f0.id, f0.subject_id, f0.period_year, f0.document_id, f0.value, f0.period_from_month, f0.period_to_month,
        f0.period_label, f0.comparator, f0.approximate, f0.metric_code, f0.kind, f0.is_change, f0.subject_scope,
        coalesce((later.before->>'reviewStatus')::review_status, f0.review_status) as review_status,
        case when later.id is null then f0.corrected_value else (later.before->>'correctedValue')::numeric end as corrected_value
      from figure f0
      left join lateral (select r.id, r.before from figure_review r where r.figure_id = f0.id and r.reviewed_at > ?
        order by r.reviewed_at, r.id limit 1) later on true
      where f0.created_at <= ?)`,
    params: [asOf, asOf],
  };
}

/** Months per period of each grain. */
export const GRAIN_MONTHS = { year: 12, half: 6, quarter: 3, month: 1 } as const;

/**
 * `select` of the chosen figure per (subject, year): columns `id, subject_id, period_year, value, partial_year,
 * period_label, review_status, alternatives`. Use it as a CTE body.
 * The publication date (rule 4) is looked up only for (unit, year) pairs with more than one candidate: most have
 * one, and the look-up per candidate was most of the query's time.
 */
export function chosenFigures(spec: SelectionSpec): SqlPart {
  const from = spec.asOf ? figuresAsOf(spec.asOf) : { sql: 'figure', params: [] };
  const months = spec.grainMonths ?? 12;
  if (![1, 3, 6, 12].includes(months)) throw new Error(`grainMonths must be 1, 3, 6 or 12, got ${months}`);
  const sub = months < 12;
  // Exactly one calendar month, quarter or half: the span has the grain's length and starts on its boundary.
  const exact = sub && spec.exactSpan;
  if (exact && exact.toMonth - exact.fromMonth + 1 !== months) throw new Error('exactSpan does not match grainMonths');
  const span = !sub ? ''
    : exact ? ` and f.period_from_month = ${Number(exact.fromMonth)} and f.period_to_month = ${Number(exact.toMonth)}`
      : ` and f.period_from_month is not null and f.period_to_month - f.period_from_month + 1 = ${months} and (f.period_from_month - 1) % ${months} = 0`;
  const key = sub ? 'c.subject_id, c.period_year, c.from_month' : 'c.subject_id, c.period_year';
  const sql = `select distinct on (${key})
      c.id, c.subject_id, c.period_year, c.from_month, c.to_month, c.value, c.partial_year, c.period_label, c.review_status,
      (c.candidates - 1)::int as alternatives
    from (
      select f.id, f.subject_id, f.period_year, f.period_from_month as from_month, f.period_to_month as to_month, f.document_id,
        ${EFFECTIVE_VALUE} as value, not ${FULL_YEAR} as partial_year,
        f.period_label, f.review_status, f.review_status in ('confirmed', 'corrected') as reviewed,
        (f.comparator = 'eq' and not f.approximate) as exact,
        count(*) over (partition by f.subject_id, f.period_year${sub ? ', f.period_from_month' : ''}) as candidates
      from ${from.sql} f
      where f.metric_code = ? and f.kind = ? and f.is_change = false and f.subject_scope in ${OWN_SCOPES}
        and f.review_status <> 'rejected'${spec.includeUnreviewed ? '' : ` and f.review_status <> 'needs_review'`} and f.period_year is not null${span} and (${spec.where.sql})
    ) c
    order by ${key}, c.reviewed desc, c.partial_year asc,
      (case when c.candidates > 1 then (select d.published_at from document d where d.id = c.document_id) end) desc nulls last,
      c.exact desc, c.id desc`;
  return { sql, params: [...from.params, spec.metric, spec.kind, ...spec.where.params] };
}

/** Numeric column → JS number (null stays null). Decimals are strings from the driver. */
export function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Which stored choice: metric, kind, grain and (sub-year) period, served figures only or all. */
export interface PickSpec {
  metric: string;
  kind: FigureKind;
  /** Months per period: 12 (the yearly rule, default), 6, 3 or 1. */
  grainMonths?: number;
  /** With a sub-year grain: the period starting in this month. */
  spanFrom?: number;
  includeUnreviewed?: boolean;
}

function pickGrain(spec: PickSpec): { grain: number; spanFrom: number } {
  const grain = spec.grainMonths ?? 12;
  if (![1, 3, 6, 12].includes(grain)) throw new Error(`grainMonths must be 1, 3, 6 or 12, got ${grain}`);
  if (grain === 12) return { grain, spanFrom: 1 };
  const from = spec.spanFrom;
  if (from == null || !Number.isInteger(from) || from < 1 || from > 12 || (from - 1) % grain !== 0) {
    throw new Error(`spanFrom ${from} does not start a period of ${grain} month(s)`);
  }
  return { grain, spanFrom: from };
}

/** `exists` a mark in `figure_pick_dirty` for the key of the row aliased `alias` (a figure or a stored choice). */
const marked = (alias: string) => `exists (select 1 from figure_pick_dirty d where d.metric_code = ${alias}.metric_code
  and d.kind = ${alias}.kind and d.period_year = ${alias}.period_year and d.subject_id = ${alias}.subject_id)`;

/**
 * `left join` of the stored choice (`figure_pick`, alias `alias`) for the unit in column `unitColumn` and one year,
 * unless its key is marked (changed since it was stored): columns `figure_id, value, partial_year, period_label,
 * review_status, alternatives`. Pair it with `markedFigures` for the marked keys.
 */
export function storedPickJoin(spec: PickSpec, alias: string, unitColumn: string, year: number): SqlPart {
  const { grain, spanFrom } = pickGrain(spec);
  return {
    sql: `left join figure_pick ${alias} on ${alias}.metric_code = ? and ${alias}.kind = ? and ${alias}.grain = ?
        and ${alias}.period_year = ? and ${alias}.span_from = ? and ${alias}.served = ? and ${alias}.subject_id = ${unitColumn}
        and not ${marked(alias)}`,
    params: [spec.metric, spec.kind, grain, year, spanFrom, !spec.includeUnreviewed],
  };
}

/**
 * The selection rule (`chosenFigures`) applied now to the keys of units and years that are marked in
 * `figure_pick_dirty` — the keys `storedPickJoin` leaves out. Empty when every key is stored.
 */
export function markedFigures(spec: PickSpec & { subjects: SqlPart; years: number[] }): SqlPart {
  const { grain, spanFrom } = pickGrain(spec);
  return chosenFigures({
    metric: spec.metric, kind: spec.kind, includeUnreviewed: spec.includeUnreviewed, grainMonths: grain,
    exactSpan: grain < 12 ? { fromMonth: spanFrom, toMonth: spanFrom + grain - 1 } : undefined,
    where: {
      sql: `f.subject_id in (${spec.subjects.sql}) and f.period_year in (${spec.years.map(() => '?').join(', ')}) and ${marked('f')}`,
      params: [...spec.subjects.params, ...spec.years],
    },
  });
}
