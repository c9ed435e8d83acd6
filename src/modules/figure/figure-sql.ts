/**
 * SQL fragments over the `figure` table (alias `f`), shared by the figure list, the CSV export and the analytics
 * queries. Values are bound as `?` parameters (MikroORM escapes them); only code-chosen identifiers and keywords
 * are spliced into the text.
 *
 * The selection rule — which single figure stands for a unit in a year — lives here, once:
 *  1. only figures that state a level (`is_change = false`) about the unit itself (`subject_scope = 'unit'`), of the
 *     requested kind, and never REJECTED ones; NEEDS_REVIEW ones (below the confidence threshold) only when asked;
 *  2. reviewed (CONFIRMED or CORRECTED) before automatic;
 *  3. full year (no months, or January to December) before part of a year;
 *  4. later publication before earlier (an unknown date counts as earliest);
 *  5. then an exact statement (`eq`, not approximate) before a bound, then the newest figure.
 * The number of other candidates is kept as `alternatives`. A CORRECTED figure counts with its corrected value.
 */
import { FigureKind, ReviewStatus } from './figure.entity';
import type { FigureQuery } from './figure-filter.input';

/** A piece of SQL and its `?` parameters, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

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
  /** Also choose among NEEDS_REVIEW figures (default: only reviewed or above-threshold ones). */
  includeUnreviewed?: boolean;
}

/**
 * `select` of the chosen figure per (subject, year): columns `id, subject_id, period_year, value, partial_year,
 * period_label, review_status, alternatives`. Use it as a CTE body.
 * The publication date (rule 4) is looked up only for (unit, year) pairs with more than one candidate: most have
 * one, and the look-up per candidate was most of the query's time.
 */
export function chosenFigures(spec: SelectionSpec): SqlPart {
  const sql = `select distinct on (c.subject_id, c.period_year)
      c.id, c.subject_id, c.period_year, c.value, c.partial_year, c.period_label, c.review_status, (c.candidates - 1)::int as alternatives
    from (
      select f.id, f.subject_id, f.period_year, f.document_id, ${EFFECTIVE_VALUE} as value, not ${FULL_YEAR} as partial_year,
        f.period_label, f.review_status, f.review_status in ('confirmed', 'corrected') as reviewed,
        (f.comparator = 'eq' and not f.approximate) as exact,
        count(*) over (partition by f.subject_id, f.period_year) as candidates
      from figure f
      where f.metric_code = ? and f.kind = ? and f.is_change = false and f.subject_scope = 'unit'
        and f.review_status <> 'rejected'${spec.includeUnreviewed ? '' : ` and f.review_status <> 'needs_review'`} and f.period_year is not null and (${spec.where.sql})
    ) c
    order by c.subject_id, c.period_year, c.reviewed desc, c.partial_year asc,
      (case when c.candidates > 1 then (select d.published_at from document d where d.id = c.document_id) end) desc nulls last,
      c.exact desc, c.id desc`;
  return { sql, params: [spec.metric, spec.kind, ...spec.where.params] };
}

/** Numeric column → JS number (null stays null). Decimals are strings from the driver. */
export function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}
