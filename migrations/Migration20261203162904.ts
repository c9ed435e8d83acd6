import { Migration } from '@mikro-orm/migrations';

export class Migration20261203162904 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "index_agency_type" as enum ('province', 'department', 'commune');`);
    this.addSql(`create type "index_match_status" as enum ('matched', 'department', 'unmatched', 'override');`);
    this.addSql(`create table "index_agency" ("id" serial primary key, "code" varchar(40) not null, "legacy_id" varchar(40) null, "api_id" varchar(60) null, "name" varchar(300) not null, "agency_type" "index_agency_type" not null, "province_code" varchar(40) not null, "unit_id" int not null, "match_status" "index_match_status" not null, "match_note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`alter table "index_agency" add constraint "index_agency_code_unique" unique ("code");`);
    this.addSql(`create index "index_agency_unit_id_index" on "index_agency" ("unit_id");`);
    this.addSql(`create index "index_agency_status_idx" on "index_agency" ("match_status");`);

    this.addSql(`create table "index_request" ("key" varchar(200) not null, "generation" varchar(10) not null, "endpoint" varchar(60) not null, "period_year" smallint not null, "period_from_month" smallint null, "period_to_month" smallint null, "scope" varchar(40) not null, "status" varchar(10) not null, "attempts" int not null default 0, "reason" text null, "document_id" int null, "figures" int not null default 0, "updated_at" timestamptz not null default now(), constraint "index_request_pkey" primary key ("key"));`);

    this.addSql(`alter table "index_agency" add constraint "index_agency_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade;`);

    this.addSql(`alter table "index_request" add constraint "index_request_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "metric" add column "max_value" numeric(10,2) null;`);

    this.addSql(`alter table "figure" add column "numerator" numeric(20,6) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "index_agency" cascade;`);

    this.addSql(`drop table if exists "index_request" cascade;`);

    this.addSql(`alter table "figure" drop column "numerator";`);

    this.addSql(`alter table "metric" drop column "max_value";`);

    this.addSql(`drop type "index_agency_type";`);
    this.addSql(`drop type "index_match_status";`);
  }

}
