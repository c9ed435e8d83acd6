import { Migration } from '@mikro-orm/migrations';

/**
 * Keeps `figure_pick` (the selection rule's answer per unit, metric, kind and period; see figure-pick.entity.ts) in
 * step with `figure`, inside the database so that every writer (ingestion, the index, reviews, re-attribution, cascaded
 * deletes, hand-written SQL) is covered:
 *  - statement triggers on `figure` (insert, update, delete, truncate) and on `document` (a new publication date) mark
 *    the keys they touch in `figure_pick_dirty`, in the writer's transaction;
 *  - `figure_pick_refresh(n)` takes up to n marks (skipping marks another refresher holds), locks their keys in a
 *    fixed order (advisory locks, so two refreshers of one key take turns and the later one sees the earlier one's
 *    writes), recomputes the keys' rows from the figures as they are now, and deletes the marks it took;
 *  - readers use a key's stored rows only while no mark exists for it, and choose for marked keys as before.
 * `figure_pick_recompute` is the selection rule of `chosenFigures` (src/modules/figure/figure-sql.ts) in SQL: a test
 * compares both on random figures, so a change of one without the other fails.
 */
export class Migration20261203233125 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function figure_pick_recompute(p_metric varchar[], p_kind figure_kind[], p_subject int[], p_year smallint[])
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

    this.addSql(`create function figure_pick_refresh(p_limit int) returns int language plpgsql as $fn$
declare
  v_ids bigint[];
  v_metric varchar[];
  v_kind figure_kind[];
  v_subject int[];
  v_year smallint[];
begin
  select array_agg(b.id) into v_ids
    from (select d.id from figure_pick_dirty d order by d.id limit p_limit for update skip locked) b;
  if v_ids is null then
    return 0;
  end if;
  -- one key at a time across refreshers, always taken in the same order (no deadlock between refreshers)
  perform pg_advisory_xact_lock(7113, k.h)
    from (select distinct hashtext(d.metric_code || '|' || d.kind || '|' || d.subject_id || '|' || d.period_year) as h
          from figure_pick_dirty d where d.id = any(v_ids) order by 1) k;
  select array_agg(k.metric_code), array_agg(k.kind), array_agg(k.subject_id), array_agg(k.period_year)
    into v_metric, v_kind, v_subject, v_year
    from (select distinct d.metric_code, d.kind, d.subject_id, d.period_year from figure_pick_dirty d where d.id = any(v_ids)) k;
  -- a new statement, so a new snapshot: it sees every write committed before the locks were granted
  perform figure_pick_recompute(v_metric, v_kind, v_subject, v_year);
  delete from figure_pick_dirty where id = any(v_ids);
  return array_length(v_ids, 1);
end
$fn$;`);

    // Marks: only figures the selection rule can choose (levels about the unit itself, not rejected, with a year).
    this.addSql(`create function figure_pick_mark() returns trigger language plpgsql as $fn$
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
    this.addSql(`create trigger figure_pick_mark_insert after insert on figure referencing new table as new_rows
      for each statement execute function figure_pick_mark();`);
    this.addSql(`create trigger figure_pick_mark_update after update on figure referencing old table as old_rows new table as new_rows
      for each statement execute function figure_pick_mark();`);
    this.addSql(`create trigger figure_pick_mark_delete after delete on figure referencing old table as old_rows
      for each statement execute function figure_pick_mark();`);

    this.addSql(`create function figure_pick_clear() returns trigger language plpgsql as $fn$
begin
  delete from figure_pick;
  delete from figure_pick_dirty;
  return null;
end
$fn$;`);
    this.addSql(`create trigger figure_pick_clear_truncate after truncate on figure for each statement execute function figure_pick_clear();`);

    // The publication date breaks ties between a unit's candidates (rule 4).
    this.addSql(`create function figure_pick_mark_document() returns trigger language plpgsql as $fn$
begin
  insert into figure_pick_dirty (metric_code, kind, subject_id, period_year)
    select distinct f.metric_code, f.kind, f.subject_id, f.period_year
    from old_rows o join new_rows n on n.id = o.id join figure f on f.document_id = n.id
    where o.published_at is distinct from n.published_at
      and f.period_year is not null and not f.is_change and f.subject_scope = 'unit' and f.review_status <> 'rejected';
  return null;
end
$fn$;`);
    this.addSql(`create trigger figure_pick_mark_document after update on document referencing old table as old_rows new table as new_rows
      for each statement execute function figure_pick_mark_document();`);

    // The figures already stored: computed once here, metric by metric, without marks.
    this.addSql(`do $do$
declare
  m record;
begin
  for m in select distinct metric_code, kind from figure loop
    perform figure_pick_recompute(k.metric, k.kind, k.subject, k.year)
      from (select array_agg(f.metric_code) as metric, array_agg(f.kind) as kind, array_agg(f.subject_id) as subject,
              array_agg(f.period_year) as year
            from (select distinct metric_code, kind, subject_id, period_year from figure
                  where metric_code = m.metric_code and kind = m.kind and period_year is not null) f) k;
  end loop;
end
$do$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger figure_pick_mark_document on document;`);
    this.addSql(`drop trigger figure_pick_clear_truncate on figure;`);
    this.addSql(`drop trigger figure_pick_mark_delete on figure;`);
    this.addSql(`drop trigger figure_pick_mark_update on figure;`);
    this.addSql(`drop trigger figure_pick_mark_insert on figure;`);
    this.addSql(`drop function figure_pick_mark_document();`);
    this.addSql(`drop function figure_pick_clear();`);
    this.addSql(`drop function figure_pick_mark();`);
    this.addSql(`drop function figure_pick_refresh(int);`);
    this.addSql(`drop function figure_pick_recompute(varchar[], figure_kind[], int[], smallint[]);`);
    this.addSql(`delete from figure_pick;`);
  }

}
