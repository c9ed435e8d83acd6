import { Migration } from '@mikro-orm/migrations';

export class Migration20261121161910 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "code_set" as enum ('gso', 'nq202_2025', 'local');`);
    this.addSql(`create type "unit_level" as enum ('province', 'central_city', 'district', 'provincial_city', 'town', 'ward', 'commune', 'township', 'special_zone', 'department', 'other');`);
    this.addSql(`create type "run_trigger" as enum ('cron', 'manual', 'cli');`);
    this.addSql(`create type "run_status" as enum ('running', 'succeeded', 'partial', 'failed', 'abandoned');`);
    this.addSql(`create type "subject_scope" as enum ('unit', 'subunits');`);
    this.addSql(`create type "figure_kind" as enum ('actual', 'target');`);
    this.addSql(`create type "comparator" as enum ('eq', 'gte', 'gt', 'lte', 'lt');`);
    this.addSql(`create type "review_status" as enum ('auto', 'confirmed', 'rejected', 'corrected');`);
    this.addSql(`create table "admin_unit" ("id" serial primary key, "code_set" "code_set" not null, "code" varchar(80) not null, "name" varchar(200) not null, "short_name" varchar(200) not null, "level" "unit_level" not null, "type_vi" varchar(20) not null, "parent_id" int null, "valid_from" date null, "valid_to" date null, "search_key" varchar(200) not null, "aliases" text[] not null default '{}');`);
    this.addSql(`create index "admin_unit_parent_id_index" on "admin_unit" ("parent_id");`);
    this.addSql(`create index "admin_unit_search_key_idx" on "admin_unit" ("search_key");`);
    this.addSql(`alter table "admin_unit" add constraint "admin_unit_code_set_code_unique" unique ("code_set", "code");`);

    this.addSql(`create table "app_state" ("key" varchar(100) not null, "value" text not null, "updated_at" timestamptz not null default now(), constraint "app_state_pkey" primary key ("key"));`);

    this.addSql(`create table "metric" ("code" varchar(60) not null, "name_vi" varchar(200) not null, "name_en" varchar(200) not null, "unit" varchar(20) not null, "description" text not null, "higher_is_better" boolean null, "definition_notes" text null, "definition_changed_in" int null, constraint "metric_pkey" primary key ("code"));`);

    this.addSql(`create table "source" ("id" varchar(80) not null, "name" varchar(200) not null, "base_url" varchar(500) not null, "family" varchar(40) not null, "listing_urls" text[] not null, "schedule" varchar(100) not null, "enabled" boolean not null default true, "publisher_id" int null, "min_delay_millis" int not null default 2000, "max_pages" int not null default 5, "demo" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "source_pkey" primary key ("id"));`);
    this.addSql(`create index "source_enabled_index" on "source" ("enabled");`);

    this.addSql(`create table "ingest_run" ("id" serial primary key, "source_id" varchar(80) not null, "trigger" "run_trigger" not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "status" "run_status" not null default 'running', "instance" varchar(200) not null, "listed" int not null default 0, "fetched" int not null default 0, "unchanged" int not null default 0, "parsed" int not null default 0, "figures_added" int not null default 0, "figures_updated" int not null default 0, "failed" int not null default 0, "failures" jsonb not null, "error" text null);`);
    this.addSql(`create index "ingest_run_source_id_started_at_index" on "ingest_run" ("source_id", "started_at");`);

    this.addSql(`create table "document" ("id" serial primary key, "url" varchar(2000) not null, "source_id" varchar(80) not null, "title" text not null, "published_at" timestamptz null, "category" varchar(300) null, "fetched_at" timestamptz not null, "http_status" smallint not null, "etag" varchar(300) null, "last_modified" varchar(100) null, "content_hash" varchar(64) not null, "raw_html_gz" bytea not null, "text" text not null, "extractor_version" varchar(20) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "document" add constraint "document_url_unique" unique ("url");`);
    this.addSql(`create index "document_source_id_published_at_index" on "document" ("source_id", "published_at");`);

    this.addSql(`create table "figure" ("id" serial primary key, "document_id" int not null, "metric_code" varchar(60) not null, "subject_id" int not null, "subject_scope" "subject_scope" not null default 'unit', "subject_label" varchar(300) not null, "value" numeric(20,6) not null, "total" numeric(20,6) null, "upper_bound" numeric(20,6) null, "unit" varchar(20) not null, "kind" "figure_kind" not null, "comparator" "comparator" not null, "approximate" boolean not null default false, "is_change" boolean not null default false, "baseline_year" smallint null, "period_year" smallint null, "period_from_month" smallint null, "period_to_month" smallint null, "period_label" varchar(200) not null, "evidence_sentence" text not null, "evidence_start" int not null, "evidence_end" int not null, "confidence" real not null, "extractor_version" varchar(20) not null, "review_status" "review_status" not null default 'auto', "corrected_value" numeric(20,6) null, "fingerprint" varchar(64) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "figure_document_id_index" on "figure" ("document_id");`);
    this.addSql(`create index "figure_subject_metric_idx" on "figure" ("subject_id", "metric_code");`);
    this.addSql(`create index "figure_metric_year_subject_idx" on "figure" ("metric_code", "period_year", "subject_id");`);
    this.addSql(`alter table "figure" add constraint "figure_document_fingerprint_unique" unique ("document_id", "fingerprint");`);

    this.addSql(`create table "figure_review" ("id" serial primary key, "figure_id" int not null, "reviewer" varchar(200) not null, "reviewed_at" timestamptz not null default now(), "before" jsonb not null, "after" jsonb not null, "note" text null);`);
    this.addSql(`create index "figure_review_figure_id_index" on "figure_review" ("figure_id");`);

    this.addSql(`create table "unit_succession" ("id" serial primary key, "predecessor_id" int not null, "successor_id" int not null, "effective_on" date not null, "basis" varchar(200) not null);`);
    this.addSql(`create index "unit_succession_predecessor_id_index" on "unit_succession" ("predecessor_id");`);
    this.addSql(`create index "unit_succession_successor_id_index" on "unit_succession" ("successor_id");`);
    this.addSql(`alter table "unit_succession" add constraint "unit_succession_predecessor_id_successor_id_unique" unique ("predecessor_id", "successor_id");`);

    this.addSql(`alter table "admin_unit" add constraint "admin_unit_parent_id_foreign" foreign key ("parent_id") references "admin_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "source" add constraint "source_publisher_id_foreign" foreign key ("publisher_id") references "admin_unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "ingest_run" add constraint "ingest_run_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade;`);

    this.addSql(`alter table "document" add constraint "document_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade;`);

    this.addSql(`alter table "figure" add constraint "figure_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "figure" add constraint "figure_metric_code_foreign" foreign key ("metric_code") references "metric" ("code") on update cascade;`);
    this.addSql(`alter table "figure" add constraint "figure_subject_id_foreign" foreign key ("subject_id") references "admin_unit" ("id") on update cascade;`);

    this.addSql(`alter table "figure_review" add constraint "figure_review_figure_id_foreign" foreign key ("figure_id") references "figure" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "unit_succession" add constraint "unit_succession_predecessor_id_foreign" foreign key ("predecessor_id") references "admin_unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "unit_succession" add constraint "unit_succession_successor_id_foreign" foreign key ("successor_id") references "admin_unit" ("id") on update cascade on delete cascade;`);
  }

}
