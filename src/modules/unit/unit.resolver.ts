import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { AdminUnit, UnitLevel } from './admin-unit.entity';
import { searchUnits } from './unit-search';
import { Connection, PageArgs, decodeCursor, toConnection } from '../../graphql/connection';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';

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

function parseId(id: string | null | undefined, what: string): number | null {
  if (id === null || id === undefined) return null;
  if (!/^\d{1,10}$/.test(id)) throw new BadInputError(`${what} must be a numeric id, got "${id.slice(0, 40)}"`);
  return Number(id);
}

@Resolver(() => AdminUnit)
export class UnitResolver {
  @Query(() => UnitConnection, { description: 'Search the gazetteer (accent- and case-insensitive)' })
  async units(@Args() args: UnitsArgs, @Ctx() { em }: GraphQLContext) {
    const offset = decodeCursor(args.after);
    const { items, total } = await searchUnits(em, {
      search: args.search, levels: args.level, parentId: parseId(args.parentId, 'parentId'),
      validOn: args.validOn, limit: args.first, offset,
    });
    return toConnection(items, total, offset);
  }

  @Query(() => AdminUnit, { nullable: true, description: 'One unit by id, or by official code (GSO code; codeSet defaults to gso)' })
  async unit(
    @Ctx() { em }: GraphQLContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<AdminUnit | null> {
    if (id) return em.findOne(AdminUnit, { id: parseId(id, 'id')! });
    if (code) {
      return (await em.findOne(AdminUnit, { code, codeSet: 'gso' as AdminUnit['codeSet'] }))
        ?? em.findOne(AdminUnit, { code });
    }
    throw new BadInputError('unit needs an id or a code');
  }

  @FieldResolver(() => AdminUnit, { nullable: true })
  async parent(@Root() unit: AdminUnit): Promise<AdminUnit | null> {
    return unit.parent ? unit.parent.load() : null;
  }
}

