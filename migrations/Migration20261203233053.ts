import { Migration } from '@mikro-orm/migrations';

export class Migration20261203233053 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "figure_pick" ("metric_code" varchar(60) not null, "kind" "figure_kind" not null, "grain" smallint not null, "period_year" smallint not null, "span_from" smallint not null, "served" boolean not null, "subject_id" int not null, "figure_id" int not null, "from_month" smallint null, "to_month" smallint null, "value" numeric(20,6) not null, "partial_year" boolean not null, "period_label" varchar(200) not null, "review_status" "review_status" not null, "alternatives" int not null, constraint "figure_pick_pkey" primary key ("metric_code", "kind", "grain", "period_year", "span_from", "served", "subject_id"));`);

    this.addSql(`create table "figure_pick_dirty" ("id" bigserial primary key, "metric_code" varchar(60) not null, "kind" "figure_kind" not null, "subject_id" int not null, "period_year" smallint not null, "marked_at" timestamptz not null default now());`);
    this.addSql(`create index "figure_pick_dirty_key_idx" on "figure_pick_dirty" ("metric_code", "kind", "period_year", "subject_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "figure_pick" cascade;`);

    this.addSql(`drop table if exists "figure_pick_dirty" cascade;`);
  }

}
