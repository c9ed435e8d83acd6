/** `units` (gazetteer search), `unit(id | code)` and the relations of a unit: parent, children, successions (the 2025 crosswalk and earlier mergers), figures. */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { AdminUnit, CodeSet, UnitLevel } from './admin-unit.entity';
import { UnitSuccession } from './unit-succession.entity';
import { UnitParentPeriod } from './unit-parent-period.entity';
import { searchUnits } from './unit-search';
import { compareUnitNames } from './unit-set';
import { loadUnitView, withLoadedParent, type AdminUnitView, type UnitLike } from './unit-view';
import { FiguresArgs } from '../figure/figure.args';
import { assertPlainText, checkedFigureQuery } from '../figure/figure-filter.input';
import { FigureConnection } from '../figure/figure.type';
import { figureConnection } from '../figure/figure.resolver';
import { Connection, PageArgs, decodeCursor, toConnection } from '../../graphql/connection';
import { groupBy, loaderFor, loadById } from '../../graphql/batch';
import { parseId } from '../../graphql/ids';
import { listCost } from '../../graphql/query-limits';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';
import type { MaybePromise } from '../../graphql/rows';

export const UnitConnection = Connection(AdminUnit, 'Unit');

@ArgsType()
export class UnitsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Name, with or without diacritics ("binh thanh", "Q.11")' })
  @IsOptional() @MaxLength(200)
  search?: string | null;

  @Field(() => [UnitLevel], { nullable: true })
  level?: UnitLevel[] | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date: only units valid on that day' })
  @IsOptional() @IsISO8601({ strict: true })
  validOn?: string | null;
}

/** Successions touching many units in one query: `side` says which end the keys are. */
function successionLoader(ctx: GraphQLContext, side: 'predecessor' | 'successor') {
  const other = side === 'predecessor' ? 'successor' : 'predecessor';
  return loaderFor<number, number[]>(ctx.em, `unit.${side}`, async (ids) => {
    const rows = await ctx.em.find(UnitSuccession, { [side]: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
    const grouped = groupBy(rows, (r) => r[side].id);
    return new Map([...grouped].map(([id, links]) => [id, links.map((l) => l[other].id)]));
  }, () => []);
}

/** Children of many units, current and earlier (a ward under Quận 9 until 2020 is a child of both), in one batch. */
function childrenLoader(ctx: GraphQLContext) {
  return loaderFor<number, AdminUnit[]>(ctx.em, 'unit.children', async (ids) => {
    const rows = await ctx.em.find(AdminUnit, { parent: { $in: [...ids] } });
    const grouped = groupBy(rows, (u) => u.parent!.id);
    const earlier = await ctx.em.find(UnitParentPeriod, { parent: { $in: [...ids] } }, { populate: ['unit'] });
    for (const link of earlier) grouped.set(link.parent.id, [...(grouped.get(link.parent.id) ?? []), link.unit.getEntity()]);
    return grouped;
  }, () => []);
}

async function loadUnits(ctx: GraphQLContext, ids: number[]): Promise<AdminUnit[]> {
  const units = await Promise.all(ids.map((id) => loadById(ctx.em, AdminUnit, id)));
  return units.sort((a, b) => compareUnitNames(a.name, b.name));
}

@Resolver(() => AdminUnit)
export class UnitResolver {
  @Query(() => UnitConnection, { description: 'Search the gazetteer (accent- and case-insensitive)' })
  async units(@Args() args: UnitsArgs, @Ctx() { em }: GraphQLContext) {
    const offset = decodeCursor(args.after);
    assertPlainText(args.search, 'search');
    const parentId = parseId(args.parentId, 'parentId');
    if (parentId !== null && !(await em.getConnection().execute<{ id: number }[]>('select id from admin_unit where id = ?', [parentId])).length) {
      throw new BadInputError(`parentId ${parentId}: no such unit (find ids with \`units\`)`);
    }
    const { items, total } = await searchUnits(em, {
      search: args.search, levels: args.level, parentId,
      validOn: args.validOn, limit: args.first, offset,
    });
    return toConnection(items, total, offset);
  }

  @Query(() => AdminUnit, { nullable: true, description: 'One unit by id, or by official code (GSO code; codeSet defaults to gso)' })
  async unit(
    @Ctx() { em }: GraphQLContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
    @Arg('codeSet', () => CodeSet, { nullable: true }) codeSet?: CodeSet,
  ): Promise<AdminUnit | null> {
    if (id) return em.findOne(AdminUnit, { id: parseId(id, 'id')! });
    if (code) {
      if (code.length > 80) throw new BadInputError('code is at most 80 characters');
      assertPlainText(code, 'code');
      if (codeSet) return em.findOne(AdminUnit, { code, codeSet });
      return (await em.findOne(AdminUnit, { code, codeSet: CodeSet.GSO })) ?? em.findOne(AdminUnit, { code });
    }
    throw new BadInputError('unit needs an id or a code');
  }

  // Field resolvers take entities and plain views alike (`UnitLike`): rankings and series return views.
  @FieldResolver(() => AdminUnit, { nullable: true })
  parent(@Root() unit: UnitLike, @Ctx() { em }: GraphQLContext): MaybePromise<AdminUnitView> | null {
    if (!unit.parent) return null;
    return withLoadedParent(unit) ?? loadUnitView(em, unit.parent.id);
  }

  @FieldResolver(() => [AdminUnit], { complexity: listCost(30), description: 'The units directly under this one, by name, with those under it before they moved (the wards of Quận 9 until 2020)' })
  async children(@Root() unit: UnitLike, @Ctx() ctx: GraphQLContext): Promise<AdminUnit[]> {
    const children = await childrenLoader(ctx).load(unit.id);
    return [...children].sort((a, b) => compareUnitNames(a.name, b.name));
  }

  @FieldResolver(() => [AdminUnit], { complexity: listCost(5), description: 'Units this one replaced (the communes merged into it in 2025; Quận 2, Quận 9 and Quận Thủ Đức for Thành phố Thủ Đức in 2021)' })
  async predecessors(@Root() unit: UnitLike, @Ctx() ctx: GraphQLContext): Promise<AdminUnit[]> {
    return loadUnits(ctx, await successionLoader(ctx, 'successor').load(unit.id));
  }

  @FieldResolver(() => [AdminUnit], { complexity: listCost(5), description: 'Units that replaced this one (its 2025 successor commune or province; Thành phố Thủ Đức for Quận 2 from 2021)' })
  async successors(@Root() unit: UnitLike, @Ctx() ctx: GraphQLContext): Promise<AdminUnit[]> {
    return loadUnits(ctx, await successionLoader(ctx, 'predecessor').load(unit.id));
  }

  @FieldResolver(() => FigureConnection, { description: 'Figures about this unit (filter.unitIds is replaced by this unit)' })
  async figures(@Root() unit: UnitLike, @Args() args: FiguresArgs, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return figureConnection(em, { ...(await checkedFigureQuery(em, args.filter, { deferProvince: true })), unitIds: [unit.id], unitCodes: undefined }, args, info);
  }
}
