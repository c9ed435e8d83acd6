/**
 * A set of units to compare or chart: explicit ids, the children of a parent (optionally of one level or tier), or
 * every unit of a level or of a tier (the levels of one tier of government, e.g. the 3,321 wards, communes and special
 * zones of the 2025 two-tier system). Parent and level sets keep only units valid during the years asked for, so a 2019 comparison
 * of HCMC's districts lists the 24 districts of 2019 (Quận 2, 9 and Thủ Đức, not Thành phố Thủ Đức of 2021), not
 * the units of the 2025 system.
 * Public surface: `UnitSetArgs`, `UnitSet`, `toUnitSet`, `unitSetSql`, `MAX_UNITS_PER_SET`.
 */
import { ArgsType, Field, ID, registerEnumType } from 'type-graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional } from 'class-validator';
import { UnitLevel } from './admin-unit.entity';
import { parseId, parseIds } from '../../graphql/ids';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError } from '../../errors';

/**
 * Largest set one request may rank or chart: the whole commune tier of the 2025 system (3,321 units, for a period
 * after 2025-07-01) fits; the ~10,600 communes of the three-tier system before it are refused.
 */
export const MAX_UNITS_PER_SET = 3500;

/** A tier of government: the levels that sit side by side in it. */
export enum UnitTier {
  PROVINCE = 'province',
  DISTRICT = 'district',
  COMMUNE = 'commune',
}
registerEnumType(UnitTier, {
  name: 'UnitTier',
  description: 'A tier of government, several levels side by side: PROVINCE (provinces and centrally-run cities), '
    + 'DISTRICT (districts, towns and provincial cities; dissolved on 2025-07-01), COMMUNE (wards, communes, townships '
    + 'and special zones)',
  valuesConfig: {
    PROVINCE: { description: 'PROVINCE and CENTRAL_CITY' },
    DISTRICT: { description: 'DISTRICT, TOWN and PROVINCIAL_CITY (until 2025-06-30)' },
    COMMUNE: { description: 'WARD, COMMUNE, TOWNSHIP and SPECIAL_ZONE: 3,321 units from 2025-07-01' },
  },
});

/** The levels of each tier. */
export const TIER_LEVELS: Record<UnitTier, UnitLevel[]> = {
  [UnitTier.PROVINCE]: [UnitLevel.PROVINCE, UnitLevel.CENTRAL_CITY],
  [UnitTier.DISTRICT]: [UnitLevel.DISTRICT, UnitLevel.TOWN, UnitLevel.PROVINCIAL_CITY],
  [UnitTier.COMMUNE]: [UnitLevel.WARD, UnitLevel.COMMUNE, UnitLevel.TOWNSHIP, UnitLevel.SPECIAL_ZONE],
};

/**
 * Units of each level in the gazetteer, both systems together (a period across 2025-07-01 holds both), for the
 * cost analysis, which runs before a set is known. Departments and other local units: an estimate (34 provinces ×
 * about 20 departments).
 */
export const UNITS_OF_LEVEL: Record<UnitLevel, number> = {
  [UnitLevel.PROVINCE]: 86, [UnitLevel.CENTRAL_CITY]: 11, [UnitLevel.DISTRICT]: 573, [UnitLevel.PROVINCIAL_CITY]: 83,
  [UnitLevel.TOWN]: 52, [UnitLevel.WARD]: 2436, [UnitLevel.COMMUNE]: 10869, [UnitLevel.TOWNSHIP]: 614,
  [UnitLevel.SPECIAL_ZONE]: 13, [UnitLevel.DEPARTMENT]: 700, [UnitLevel.OTHER]: 700,
};

/** Most units a national set of these levels can hold: their units, at most the set limit. */
export function nationalSetSize(levels: UnitLevel[]): number {
  return Math.min(MAX_UNITS_PER_SET, levels.reduce((n, l) => n + UNITS_OF_LEVEL[l], 0));
}

/** Units a set's arguments can name at most (cost analysis): explicit ids, a parent's units (an estimate), or a national set. */
export function unitSetSizeEstimate(args: { unitIds?: unknown[] | null; parentId?: unknown; level?: UnitLevel | null; tier?: UnitTier | null }): number {
  if (args.unitIds?.length) return args.unitIds.length;
  if (args.parentId != null) return PARENT_SET_ESTIMATE;
  if (args.level) return nationalSetSize([args.level]);
  if (args.tier) return nationalSetSize(TIER_LEVELS[args.tier]);
  return 1;
}

/** Units under one parent, as the cost analysis estimates them. */
export const PARENT_SET_ESTIMATE = 50;

/** What the cost analysis passes between the estimators of one operation (`costOf` in query-limits.ts). */
export interface CostContext {
  /** Costs of the lists that share their parent's units, as computed, until the parent's estimator takes them. */
  unitLists: Array<{ list: string; cost: number }>;
}

/**
 * Cost of a list field that holds part of its parent's unit set (a ranking's `rows` and `missing`: every unit is in
 * exactly one of them): the usual 1 + children, recorded for the parent's `unitSetCost`.
 */
export function unitListCost(list: string): ComplexityEstimator {
  return ({ childComplexity, context }) => {
    const cost = 1 + childComplexity;
    (context as CostContext | undefined)?.unitLists?.push({ list, cost });
    return cost;
  };
}

/**
 * Cost of a query over a unit set: 1 + units × the cost of one unit's part of the answer. The units are those the
 * arguments can name at most (`unitSetSizeEstimate`). Lists that split the set between them (`unitListCost`) count
 * once per unit with the dearest of them (each unit is a row or missing, never both), the other fields in full.
 * Estimators run children first, so the lists recorded since the last set are this field's own.
 */
export const unitSetCost: ComplexityEstimator = ({ args, childComplexity, context }) => {
  const units = unitSetSizeEstimate(args as Parameters<typeof unitSetSizeEstimate>[0]);
  const lists = (context as CostContext | undefined)?.unitLists?.splice(0) ?? [];
  const byList = new Map<string, number>();
  for (const l of lists) byList.set(l.list, (byList.get(l.list) ?? 0) + l.cost);
  const shared = [...byList.values()].reduce((a, b) => a + b, 0);
  const perUnit = childComplexity - shared + Math.max(0, ...byList.values());
  return 1 + units * Math.max(1, perUnit);
};
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

  @Field(() => UnitTier, {
    nullable: true,
    description: 'Only units of this tier\'s levels (with parentId), or every unit of the tier: COMMUNE = wards, communes, '
      + 'townships and special zones (the 3,321 communes of the 2025 system for a period from July 2025). Not with level',
  })
  tier?: UnitTier | null;
}

/** A parsed unit set. */
export interface UnitSet {
  unitIds?: number[];
  parentId?: number;
  /** One level, or the levels of a tier. */
  levels?: UnitLevel[];
}

/** Parse and check that exactly one way of naming units was used; throws BAD_USER_INPUT. */
export function toUnitSet(args: UnitSetArgs): UnitSet {
  const unitIds = parseIds(args.unitIds, 'unitIds') ?? undefined;
  const parentId = parseId(args.parentId, 'parentId') ?? undefined;
  const level = args.level ?? undefined;
  const tier = args.tier ?? undefined;
  if (level && tier) throw new BadInputError('give either level or tier, not both');
  if (unitIds && (parentId || level || tier)) throw new BadInputError('give either unitIds, or parentId and/or level or tier, not both');
  if (!unitIds && !parentId && !level && !tier) throw new BadInputError('name the units: unitIds, parentId, level or tier');
  const levels = level ? [level] : tier ? TIER_LEVELS[tier] : undefined;
  return { unitIds, parentId, levels };
}

/**
 * `select id from admin_unit us …` (or other `columns` of `us`) for a set, valid at some time between the two years
 * (explicit ids are taken as given). Limited to MAX_UNITS_PER_SET + 1 rows so callers can detect an oversized set.
 */
export function unitSetSql(set: UnitSet, yearFrom: number, yearTo: number, window?: { from: string; to: string },
  columns = 'us.id'): { sql: string; params: unknown[] } {
  if (set.unitIds) return { sql: `select ${columns} from admin_unit us where us.id in (?)`, params: [set.unitIds] };
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
  if (set.levels) {
    conds.push('us.level in (?)');
    params.push(set.levels);
  } else {
    // A province's departments are not administrative units of its tier: rank them on their own (level DEPARTMENT).
    conds.push(`us.level <> 'department'`);
  }
  return { sql: `select ${columns} from admin_unit us where ${conds.join(' and ')} limit ${MAX_UNITS_PER_SET + 1}`, params };
}

/**
 * SQL: unit `u` was directly under a parent at some time in [from, to] (SQL date expressions with one placeholder
 * each). A unit's current parent holds after its earlier parents' periods (`unit_parent_period`, e.g. Quận 9 for
 * Phường Long Bình until 2020-12-31, Thành phố Thủ Đức after), and an earlier parent over its own period.
 * `params(parentId, from, to)` gives the values in placeholder order.
 * Written as `id in (a union all b)`, two look-ups on parent ids, not as `parent_id = ? or exists (…)`: PostgreSQL
 * estimates that OR at about a third of the gazetteer (5,000 units for HCMC's 25), and a time series then scanned
 * every figure of its metric instead of looking up those 25 units' figures (62 ms instead of 5 at 2.8 M figures).
 */
export function underParentSql(u: string, from: string, to: string): {
  sql: string; params: (parentId: number, from: unknown, to: unknown) => unknown[];
} {
  return {
    sql: `${u}.id in (select uc.id from admin_unit uc where uc.parent_id = ?
        and not exists (select 1 from unit_parent_period pe where pe.unit_id = uc.id and pe.valid_to >= ${to})
      union all select pp.unit_id from unit_parent_period pp where pp.parent_id = ?
        and (pp.valid_from is null or pp.valid_from <= ${to}) and pp.valid_to >= ${from})`,
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
