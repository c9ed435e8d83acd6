import { Migration } from '@mikro-orm/migrations';

/**
 * A unit's whole-area total (scope `province_wide`: "toàn tỉnh", "toàn thành phố", "toàn huyện", every tier of the
 * unit together) is the unit's own figure for the selection rule, like a figure about the unit itself (`unit`):
 * the functions of Migration20261203233125 again, with `subject_scope in ('unit', 'province_wide')` where they had
 * `subject_scope = 'unit'` (the rule in src/modules/figure/figure-sql.ts changes with them). The keys of the
 * whole-area figures already stored are marked, so readers choose them on the fly until the next refresh.
 */
export class Migration20261204210542 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function figure_pick_recompute(p_metric varchar[], p_kind figure_kind[], p_subject int[], p_year smallint[])
returns void language plpgsql as $fn$
begin
  delete from figure_pick p
    using (select distinct * from unnest(p_metric, p_kind, p_subject, p_year) as k(metric_code, kind, subject_id, period_year)) k
    where p.metric_code = k.metric_code and p.kind = k.kind and p.subject_id = k.subject_id and p.period_year = k.period_year;
  insert into figure_pick (metric_code, kind, grain, period_year, span_from, served, subject_id, figure_id, from_month, to_month,
      value, partial_year, period_label, review_status, alternatives)
  select distinct on (s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id)
    s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id, s.id, s.period_from_month,
    s.period_to_month, s.value, s.partial_year, s.period_label, s.review_status,
    (count(*) over (partition by s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id) - 1)::int
  from (
    -- every candidate counts for its year (grain 12) and, when it covers exactly one calendar month, quarter or half,
    -- for that period too; each both among served figures only (served) and among all (not served)
    select c.*, g.grain, g.span_from, v.served
    from (
      select f.id, f.metric_code, f.kind, f.subject_id, f.period_year, f.period_from_month, f.period_to_month,
        case when f.review_status = 'corrected' and f.corrected_value is not null then f.corrected_value else f.value end as value,
        not (coalesce(f.period_from_month, 1) = 1 and coalesce(f.period_to_month, 12) = 12) as partial_year,
        f.period_label, f.review_status, f.review_status in ('confirmed', 'corrected') as reviewed,
        (f.comparator = 'eq' and not f.approximate) as exact, d.published_at
      from (select distinct * from unnest(p_metric, p_kind, p_subject, p_year) as k(metric_code, kind, subject_id, period_year)) k
      join figure f on f.metric_code = k.metric_code and f.kind = k.kind and f.subject_id = k.subject_id
        and f.period_year = k.period_year
      join document d on d.id = f.document_id
      where f.is_change = false and f.subject_scope in ('unit', 'province_wide') and f.review_status <> 'rejected'
    ) c
    cross join lateral (
      select 12 as grain, 1 as span_from
      union all
      select c.period_to_month - c.period_from_month + 1, c.period_from_month
      where c.period_from_month is not null and c.period_to_month - c.period_from_month + 1 in (1, 3, 6)
        and (c.period_from_month - 1) % (c.period_to_month - c.period_from_month + 1) = 0
    ) g
    cross join lateral (
      select true as served where c.review_status <> 'needs_review'
      union all
      select false
    ) v
  ) s
  order by s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id,
    s.reviewed desc, s.partial_year asc, s.published_at desc nulls last, s.exact desc, s.id desc;
end
$fn$;`);

    this.addSql(`create or replace function figure_pick_mark() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct n.metric_code, n.kind, n.subject_id, n.period_year from new_rows n
      where n.period_year is not null and not n.is_change and n.subject_scope in ('unit', 'province_wide') and n.review_status <> 'rejected';
  elsif tg_op = 'DELETE' then
    insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct o.metric_code, o.kind, o.subject_id, o.period_year from old_rows o
      where o.period_year is not null and not o.is_change and o.subject_scope in ('unit', 'province_wide') and o.review_status <> 'rejected';
  elsif tg_op = 'UPDATE' then
    -- both the old and the new key of a figure whose chosen-figure columns changed (not confidence, version, …)
    insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct x.metric_code, x.kind, x.subject_id, x.period_year
      from old_rows o join new_rows n on n.id = o.id
      cross join lateral (values (o.metric_code, o.kind, o.subject_id, o.period_year, o.is_change, o.subject_scope, o.review_status),
                                 (n.metric_code, n.kind, n.subject_id, n.period_year, n.is_change, n.subject_scope, n.review_status))
        as x(metric_code, kind, subject_id, period_year, is_change, subject_scope, review_status)
      where (o.metric_code, o.kind, o.subject_id, o.period_year, o.period_from_month, o.period_to_month, o.value,
             o.corrected_value, o.review_status, o.is_change, o.subject_scope, o.comparator, o.approximate, o.document_id,
             o.period_label)
        is distinct from (n.metric_code, n.kind, n.subject_id, n.period_year, n.period_from_month, n.period_to_month, n.value,
             n.corrected_value, n.review_status, n.is_change, n.subject_scope, n.comparator, n.approximate, n.document_id,
             n.period_label)
        and x.period_year is not null and not x.is_change and x.subject_scope in ('unit', 'province_wide') and x.review_status <> 'rejected';
  end if;
  return null;
end
$fn$;`);

    this.addSql(`create or replace function figure_pick_mark_document() returns trigger language plpgsql as $fn$
begin
  insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
    select distinct f.metric_code, f.kind, f.subject_id, f.period_year
    from old_rows o join new_rows n on n.id = o.id join figure f on f.document_id = n.id
    where o.published_at is distinct from n.published_at
      and f.period_year is not null and not f.is_change and f.subject_scope in ('unit', 'province_wide') and f.review_status <> 'rejected';
  return null;
end
$fn$;`);

    // Mark the keys of the whole-area figures already stored, so that readers choose them on the fly until a refresh
    // recomputes the stored choices (workers and writers refresh; see figure-pick.ts). The scope is compared as text:
    // on a fresh database every migration runs in one transaction, and the enum value added by an earlier one cannot
    // be used as a value in it.
    this.addSql(`insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct f.metric_code, f.kind, f.subject_id, f.period_year from figure f
      where f.subject_scope::text = 'province_wide' and f.period_year is not null and not f.is_change and f.review_status <> 'rejected';`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function figure_pick_recompute(p_metric varchar[], p_kind figure_kind[], p_subject int[], p_year smallint[])
returns void language plpgsql as $fn$
begin
  delete from figure_pick p
    using (select distinct * from unnest(p_metric, p_kind, p_subject, p_year) as k(metric_code, kind, subject_id, period_year)) k
    where p.metric_code = k.metric_code and p.kind = k.kind and p.subject_id = k.subject_id and p.period_year = k.period_year;
  insert into figure_pick (metric_code, kind, grain, period_year, span_from, served, subject_id, figure_id, from_month, to_month,
      value, partial_year, period_label, review_status, alternatives)
  select distinct on (s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id)
    s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id, s.id, s.period_from_month,
    s.period_to_month, s.value, s.partial_year, s.period_label, s.review_status,
    (count(*) over (partition by s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id) - 1)::int
  from (
    -- every candidate counts for its year (grain 12) and, when it covers exactly one calendar month, quarter or half,
    -- for that period too; each both among served figures only (served) and among all (not served)
    select c.*, g.grain, g.span_from, v.served
    from (
      select f.id, f.metric_code, f.kind, f.subject_id, f.period_year, f.period_from_month, f.period_to_month,
        case when f.review_status = 'corrected' and f.corrected_value is not null then f.corrected_value else f.value end as value,
        not (coalesce(f.period_from_month, 1) = 1 and coalesce(f.period_to_month, 12) = 12) as partial_year,
        f.period_label, f.review_status, f.review_status in ('confirmed', 'corrected') as reviewed,
        (f.comparator = 'eq' and not f.approximate) as exact, d.published_at
      from (select distinct * from unnest(p_metric, p_kind, p_subject, p_year) as k(metric_code, kind, subject_id, period_year)) k
      join figure f on f.metric_code = k.metric_code and f.kind = k.kind and f.subject_id = k.subject_id
        and f.period_year = k.period_year
      join document d on d.id = f.document_id
      where f.is_change = false and f.subject_scope = 'unit' and f.review_status <> 'rejected'
    ) c
    cross join lateral (
      select 12 as grain, 1 as span_from
      union all
      select c.period_to_month - c.period_from_month + 1, c.period_from_month
      where c.period_from_month is not null and c.period_to_month - c.period_from_month + 1 in (1, 3, 6)
        and (c.period_from_month - 1) % (c.period_to_month - c.period_from_month + 1) = 0
    ) g
    cross join lateral (
      select true as served where c.review_status <> 'needs_review'
      union all
      select false
    ) v
  ) s
  order by s.metric_code, s.kind, s.grain, s.period_year, s.span_from, s.served, s.subject_id,
    s.reviewed desc, s.partial_year asc, s.published_at desc nulls last, s.exact desc, s.id desc;
end
$fn$;`);

    this.addSql(`create or replace function figure_pick_mark() returns trigger language plpgsql as $fn$
begin
  if tg_op = 'INSERT' then
    insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct n.metric_code, n.kind, n.subject_id, n.period_year from new_rows n
      where n.period_year is not null and not n.is_change and n.subject_scope = 'unit' and n.review_status <> 'rejected';
  elsif tg_op = 'DELETE' then
    insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct o.metric_code, o.kind, o.subject_id, o.period_year from old_rows o
      where o.period_year is not null and not o.is_change and o.subject_scope = 'unit' and o.review_status <> 'rejected';
  elsif tg_op = 'UPDATE' then
    -- both the old and the new key of a figure whose chosen-figure columns changed (not confidence, version, …)
    insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct x.metric_code, x.kind, x.subject_id, x.period_year
      from old_rows o join new_rows n on n.id = o.id
      cross join lateral (values (o.metric_code, o.kind, o.subject_id, o.period_year, o.is_change, o.subject_scope, o.review_status),
                                 (n.metric_code, n.kind, n.subject_id, n.period_year, n.is_change, n.subject_scope, n.review_status))
        as x(metric_code, kind, subject_id, period_year, is_change, subject_scope, review_status)
      where (o.metric_code, o.kind, o.subject_id, o.period_year, o.period_from_month, o.period_to_month, o.value,
             o.corrected_value, o.review_status, o.is_change, o.subject_scope, o.comparator, o.approximate, o.document_id,
             o.period_label)
        is distinct from (n.metric_code, n.kind, n.subject_id, n.period_year, n.period_from_month, n.period_to_month, n.value,
             n.corrected_value, n.review_status, n.is_change, n.subject_scope, n.comparator, n.approximate, n.document_id,
             n.period_label)
        and x.period_year is not null and not x.is_change and x.subject_scope = 'unit' and x.review_status <> 'rejected';
  end if;
  return null;
end
$fn$;`);

    this.addSql(`create or replace function figure_pick_mark_document() returns trigger language plpgsql as $fn$
begin
  insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
    select distinct f.metric_code, f.kind, f.subject_id, f.period_year
    from old_rows o join new_rows n on n.id = o.id join figure f on f.document_id = n.id
    where o.published_at is distinct from n.published_at
      and f.period_year is not null and not f.is_change and f.subject_scope = 'unit' and f.review_status <> 'rejected';
  return null;
end
$fn$;`);

    // Mark the keys of the whole-area figures already stored, so that the next refresh drops them from the
    // stored choices (readers choose marked keys on the fly meanwhile).
    this.addSql(`insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
      select distinct f.metric_code, f.kind, f.subject_id, f.period_year from figure f
      where f.subject_scope::text = 'province_wide' and f.period_year is not null and not f.is_change and f.review_status <> 'rejected';`);
  }

}
