import { Migration } from '@mikro-orm/migrations';

export class Migration20261203161520 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "document" add column "content_type" varchar(120) null, add column "linked_from_id" int null;`);
    this.addSql(`alter table "document" add constraint "document_linked_from_id_foreign" foreign key ("linked_from_id") references "document" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "document_linked_from_id_index" on "document" ("linked_from_id");`);

    this.addSql(`alter table "figure" add column "table_index" smallint null, add column "table_caption" varchar(300) null, add column "row_label" varchar(300) null, add column "column_header" varchar(300) null, add column "source_page" smallint null, add column "check_failed" boolean not null default false, add column "check_reason" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "document" drop constraint "document_linked_from_id_foreign";`);

    this.addSql(`drop index "document_linked_from_id_index";`);
    this.addSql(`alter table "document" drop column "content_type", drop column "linked_from_id";`);

    this.addSql(`alter table "figure" drop column "table_index", drop column "table_caption", drop column "row_label", drop column "column_header", drop column "source_page", drop column "check_failed", drop column "check_reason";`);
  }

}
