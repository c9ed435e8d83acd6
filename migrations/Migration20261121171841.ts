import { Migration } from '@mikro-orm/migrations';

export class Migration20261121171841 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "admin_unit_level_index" on "admin_unit" ("level");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "admin_unit_level_index";`);
  }

}
