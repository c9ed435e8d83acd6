import { Migration } from '@mikro-orm/migrations';

export class Migration20261203183939 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "figure_metric_year_month_idx";`);

    this.addSql(`create index "figure_period_pick_idx" on "figure" ("metric_code", "period_year", "period_from_month", "period_to_month", "subject_id")
    include ("kind", "is_change", "subject_scope", "review_status", "value", "corrected_value", "comparator", "approximate", "document_id", "period_label", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "figure_period_pick_idx";`);

    this.addSql(`create index "figure_metric_year_month_idx" on "figure" ("metric_code", "period_year", "period_from_month");`);
  }

}
