import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "host_politeness" ("host" varchar(300) not null, "next_start_at" timestamptz not null, constraint "host_politeness_pkey" primary key ("host"));`);

    this.addSql(`create table "ingest_run_item" ("run_id" int not null, "url" text not null, "kind" varchar(20) not null, "outcome" varchar(20) null, "fetched" boolean not null default false, "parsed" boolean not null default false, "figures_added" int not null default 0, "figures_updated" int not null default 0, "reason" text null, "action" varchar(10) null, "finished_at" timestamptz null, constraint "ingest_run_item_pkey" primary key ("run_id", "url"));`);

    this.addSql(`alter table "ingest_run_item" add constraint "ingest_run_item_run_id_foreign" foreign key ("run_id") references "ingest_run" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "host_politeness" cascade;`);

    this.addSql(`drop table if exists "ingest_run_item" cascade;`);
  }

}
