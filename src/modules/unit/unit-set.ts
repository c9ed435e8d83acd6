/**
 * A set of units to compare or chart: explicit ids, the children of a parent (optionally of one level), or every
 * unit of a level. Parent and level sets keep only units valid during the years asked for, so a 2019 comparison
 * of HCMC's districts lists the 24 districts of 2019 (Quận 2, 9 and Thủ Đức, not Thành phố Thủ Đức of 2021), not
 * the units of the 2025 system.
 * Public surface: `UnitSetArgs`, `UnitSet`, `toUnitSet`, `unitSetSql`, `MAX_UNITS_PER_SET`.
 */
import { ArgsType, Field, ID } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional } from 'class-validator';
import { UnitLevel } from './admin-unit.entity';
import { parseId, parseIds } from '../../graphql/ids';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../errors';

/** Largest set one request may rank or chart: every commune of a level nationwide is ~10,000, refused. */
export const MAX_UNITS_PER_SET = 3000;
/** Largest explicit list of unit ids. */
export const MAX_UNIT_IDS = 500;

@ArgsType()
export class UnitSetArgs {
  @Field(() => [ID], { nullable: true, description: `Units by id (at most ${MAX_UNIT_IDS}); or give parentId and/or level` })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(MAX_UNIT_IDS)
  unitIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The units directly under this one (departments only when level is DEPARTMENT)' })
  parentId?: string | null;

  @Field(() => UnitLevel, { nullable: true, description: 'Only units of this level (with parentId), or every unit of this level' })
  level?: UnitLevel | null;
}

/** A parsed unit set. */
export interface UnitSet {
  unitIds?: number[];
  parentId?: number;
  level?: UnitLevel;
}

/** Parse and check that exactly one way of naming units was used; throws BAD_USER_INPUT. */
export function toUnitSet(args: UnitSetArgs): UnitSet {
  const unitIds = parseIds(args.unitIds, 'unitIds') ?? undefined;
  const parentId = parseId(args.parentId, 'parentId') ?? undefined;
  const level = args.level ?? undefined;
  if (unitIds && (parentId || level)) throw new BadInputError('give either unitIds, or parentId and/or level, not both');
  if (!unitIds && !parentId && !level) throw new BadInputError('name the units: unitIds, parentId or level');
  return { unitIds, parentId, level };
}

/**
 * `select id from admin_unit …` for a set, valid at some time between the two years (explicit ids are taken as
 * given). Limited to MAX_UNITS_PER_SET + 1 rows so callers can detect an oversized set.
 */
export function unitSetSql(set: UnitSet, yearFrom: number, yearTo: number, window?: { from: string; to: string }): { sql: string; params: unknown[] } {
  if (set.unitIds) return { sql: 'select us.id from admin_unit us where us.id in (?)', params: [set.unitIds] };
  // A sub-year period (a month, quarter or half) narrows validity to its own days: ISO dates `window.from`..`to`.
  const fromSql = window ? '?::date' : 'make_date(?, 1, 1)';
  const toSql = window ? '?::date' : 'make_date(?, 12, 31)';
  const from = window ? window.from : yearFrom;
  const to = window ? window.to : yearTo;
  const conds = [
    `(us.valid_from is null or us.valid_from <= ${toSql})`,
    `(us.valid_to is null or us.valid_to >= ${fromSql})`,
  ];
  const params: unknown[] = [to, from];
  if (set.parentId) {
    const under = underParentSql('us', fromSql, toSql);
    conds.push(under.sql);
    params.push(...under.params(set.parentId, from, to));
  }
  if (set.level) {
    conds.push('us.level = ?');
    params.push(set.level);
  } else {
    // A province's departments are not administrative units of its tier: rank them on their own (level DEPARTMENT).
    conds.push(`us.level <> 'department'`);
  }
  return { sql: `select us.id from admin_unit us where ${conds.join(' and ')} limit ${MAX_UNITS_PER_SET + 1}`, params };
}

/**
 * SQL: unit `u` was directly under a parent at some time in [from, to] (SQL date expressions with one placeholder
 * each). A unit's current parent holds after its earlier parents' periods (`unit_parent_period`, e.g. Quận 9 for
 * Phường Long Bình until 2020-12-31, Thành phố Thủ Đức after), and an earlier parent over its own period.
 * `params(parentId, from, to)` gives the values in placeholder order.
 */
export function underParentSql(u: string, from: string, to: string): {
  sql: string; params: (parentId: number, from: unknown, to: unknown) => unknown[];
} {
  return {
    sql: `((${u}.parent_id = ? and not exists (select 1 from unit_parent_period pe where pe.unit_id = ${u}.id and pe.valid_to >= ${to}))
      or exists (select 1 from unit_parent_period pp where pp.unit_id = ${u}.id and pp.parent_id = ?
        and (pp.valid_from is null or pp.valid_from <= ${to}) and pp.valid_to >= ${from}))`,
    params: (parentId, f, t) => [parentId, t, parentId, t, f],
  };
}

/** Throws BAD_USER_INPUT when the set's parent does not exist (an unknown parent is an error, not an empty set). */
export async function assertUnitSetKnown(em: EntityManager, set: UnitSet): Promise<void> {
  if (!set.parentId) return;
  const rows = await em.getConnection().execute<{ id: number }[]>('select id from admin_unit where id = ?', [set.parentId]);
  if (!rows.length) throw new BadInputError(`parentId ${set.parentId}: no such unit (find ids with \`units\`)`);
}

/** Throw when a set came back larger than allowed. */
export function assertUnitSetSize(count: number): void {
  if (count > MAX_UNITS_PER_SET) {
    throw new BadInputError(`the units asked for are more than ${MAX_UNITS_PER_SET}: narrow them with parentId or unitIds`);
  }
}

/** Vietnamese name order with numbers in numeric order ("Quận 2" before "Quận 10"). */
export const compareUnitNames = new Intl.Collator('vi', { numeric: true }).compare;
