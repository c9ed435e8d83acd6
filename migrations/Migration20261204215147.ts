import { Migration } from '@mikro-orm/migrations';

/**
 * `figure_pick_refresh` takes, with each batch of marks, the other marks of the same keys, so a key is recomputed once
 * per refresh instead of once per mark. A key (metric, kind, unit, year) is marked once per writing statement: the
 * national index's month-by-month backfill marked a year's key up to twelve times, and its final refresh of 3 provinces
 * × 36 months took 92 s recomputing the same 3,392 keys nine times over. Otherwise the function of
 * Migration20261203233125, unchanged.
 */
export class Migration20261204215147 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function figure_pick_refresh(p_limit int) returns int language plpgsql as $fn$
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
  -- the keys' other marks too (a key is marked once per writing statement: a month-by-month backfill marks a year's
  -- key twelve times), so a key is recomputed once, not once per mark; marks another refresher holds are skipped. Any
  -- mark visible here was committed with its writes, which the recompute below (a later statement) sees.
  select v_ids || coalesce(array_agg(o.id), '{}') into v_ids
    from (select d.id from figure_pick_dirty d
          join unnest(v_metric, v_kind, v_subject, v_year) as k(metric_code, kind, subject_id, period_year)
            on d.metric_code = k.metric_code and d.kind = k.kind and d.subject_id = k.subject_id and d.period_year = k.period_year
          where d.id <> all(v_ids)
          for update of d skip locked) o;
  perform figure_pick_recompute(v_metric, v_kind, v_subject, v_year);
  delete from figure_pick_dirty where id = any(v_ids);
  return array_length(v_ids, 1);
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function figure_pick_refresh(p_limit int) returns int language plpgsql as $fn$
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
  }

}
