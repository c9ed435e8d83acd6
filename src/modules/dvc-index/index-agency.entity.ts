import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit } from '../unit/admin-unit.entity';

/** What an agency of the national service index (Decision 766) is, as the index itself says. */
export enum IndexAgencyType {
  PROVINCE = 'province',
  DEPARTMENT = 'department',
  COMMUNE = 'commune',
}
registerEnumType(IndexAgencyType, { name: 'IndexAgencyType', description: 'Province People\'s Committee, provincial department or board, or commune-level unit' });

/** How an index agency was tied to a gazetteer unit. */
export enum IndexMatchStatus {
  /** Province or commune found by name within its province (accent- and prefix-insensitive), one candidate. */
  MATCHED = 'matched',
  /** A department or board: a local unit under its province (departments are not in the official lists). */
  DEPARTMENT = 'department',
  /** No single gazetteer unit: the figures are kept against a local unit and the agency is in the unmatched report. */
  UNMATCHED = 'unmatched',
  /** An operator chose the unit (mutation `setIndexAgencyUnit` or the CLI); matching never overwrites it. */
  OVERRIDE = 'override',
}
registerEnumType(IndexMatchStatus, { name: 'IndexMatchStatus' });

/**
 * The crosswalk from the national index's agencies to gazetteer units. One row per agency e-code (the "H-code",
 * e.g. H01 = UBND tỉnh An Giang, H01.174 = a commune of it): the code is the join key of both API generations,
 * whose own ids differ (legacy integers, current UUIDs).
 */
@ObjectType({ description: 'An agency of the national service index (Decision 766) and the gazetteer unit its figures are about' })
@Entity({ tableName: 'index_agency' })
@Index({ name: 'index_agency_status_idx', properties: ['matchStatus'] })
export class IndexAgency {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Agency e-code, normalised (H01, H01.174); the stable key across API generations' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field(() => String, { nullable: true, description: 'Id in the legacy rest.jsp service (e.g. 398126)' })
  @Property({ type: 'string', length: 40, nullable: true })
  legacyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Id (UUID) in the current JSON API' })
  @Property({ type: 'string', length: 60, nullable: true })
  apiId?: string | null;

  @Field({ description: 'Name as the index publishes it, e.g. "UBND xã Tân Hội - tỉnh An Giang"' })
  @Property({ type: 'string', length: 300 })
  name!: string;

  @Field(() => IndexAgencyType)
  @Enum({ items: () => IndexAgencyType, nativeEnumName: 'index_agency_type' })
  agencyType!: IndexAgencyType;

  @Field({ description: 'E-code of the agency\'s province (its own code for a province)' })
  @Property({ type: 'string', length: 40 })
  provinceCode!: string;

  /** The unit figures are stored against: the matched unit, a local department unit, or a local placeholder. */
  @ManyToOne(() => AdminUnit, { ref: true, index: true })
  unit!: Ref<AdminUnit>;

  @Field(() => IndexMatchStatus)
  @Enum({ items: () => IndexMatchStatus, nativeEnumName: 'index_match_status' })
  matchStatus!: IndexMatchStatus;

  @Field(() => String, { nullable: true, description: 'Why the agency is unmatched, or who chose its unit' })
  @Property({ type: 'text', nullable: true })
  matchNote?: string | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
