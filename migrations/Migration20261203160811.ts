import { Migration } from '@mikro-orm/migrations';

export class Migration20261203160811 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "code_set" add value if not exists 'gso_history' after 'local';`);
  }

}
