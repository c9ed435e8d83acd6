import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Small key/value table for service bookkeeping, e.g. which seed data version is loaded. */
@Entity({ tableName: 'app_state' })
export class AppState {
  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
