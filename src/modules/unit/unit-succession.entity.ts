import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { AdminUnit } from './admin-unit.entity';

/** "Predecessor became (part of) successor on a date": the crosswalk across boundary changes such as the 2025 mergers. */
@Entity({ tableName: 'unit_succession' })
@Unique({ properties: ['predecessor', 'successor'] })
export class UnitSuccession {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => AdminUnit, { ref: true, index: true, deleteRule: 'cascade' })
  predecessor!: Ref<AdminUnit>;

  @ManyToOne(() => AdminUnit, { ref: true, index: true, deleteRule: 'cascade' })
  successor!: Ref<AdminUnit>;

  @Property({ type: 'date' })
  effectiveOn!: string;

  /** Legal basis, e.g. "Nghị quyết 202/2025/QH15". */
  @Property({ type: 'string', length: 200 })
  basis!: string;
}
