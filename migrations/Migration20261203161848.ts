import { Migration } from '@mikro-orm/migrations';

export class Migration20261203161848 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "unit_parent_period" ("id" serial primary key, "unit_id" int not null, "parent_id" int not null, "valid_from" date null, "valid_to" date not null);`);
    this.addSql(`create index "unit_parent_period_parent_index" on "unit_parent_period" ("parent_id");`);
    this.addSql(`alter table "unit_parent_period" add constraint "unit_parent_period_unit_id_parent_id_unique" unique ("unit_id", "parent_id");`);

    this.addSql(`alter table "unit_parent_period" add constraint "unit_parent_period_unit_id_foreign" foreign key ("unit_id") references "admin_unit" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "unit_parent_period" add constraint "unit_parent_period_parent_id_foreign" foreign key ("parent_id") references "admin_unit" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "unit_parent_period" cascade;`);
  }

}
