import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160602 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "subject_scope" add value if not exists 'province_wide' after 'subunits';`);

    this.addSql(`alter type "subject_scope" add value if not exists 'departments' after 'province_wide';`);

    this.addSql(`alter type "review_status" add value if not exists 'needs_review' after 'corrected';`);
  }

}
