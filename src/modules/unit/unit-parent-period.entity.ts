import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { AdminUnit } from './admin-unit.entity';

/**
 * An earlier parent of a unit that kept its code when it moved, e.g. Phường Long Bình: under Quận 9 until
 * 2020-12-31, then (its `parent` in `admin_unit`) under Thành phố Thủ Đức. The current parent holds while that parent
 * is valid; these rows hold over their own interval. From the `movedWards` of the reviewed history files.
 */
@Entity({ tableName: 'unit_parent_period' })
@Unique({ properties: ['unit', 'parent'] })
export class UnitParentPeriod {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => AdminUnit, { ref: true, deleteRule: 'cascade' })
  unit!: Ref<AdminUnit>;

  /** Indexed: "the units under this parent in 2019" looks rows up by parent. */
  @Index({ name: 'unit_parent_period_parent_index' })
  @ManyToOne(() => AdminUnit, { ref: true, deleteRule: 'cascade' })
  parent!: Ref<AdminUnit>;

  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  @Property({ type: 'date' })
  validTo!: string;
}
