import { Migration } from '@mikro-orm/migrations';

export class Migration20261121164629 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "document_source_content_hash_idx" on "document" ("source_id", "content_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "document_source_content_hash_idx";`);
  }

}
