import { Migration } from '@mikro-orm/migrations';

export class Migration20261203172500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "figure_metric_year_month_idx" on "figure" ("metric_code", "period_year", "period_from_month");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "figure_metric_year_month_idx";`);
  }

}
