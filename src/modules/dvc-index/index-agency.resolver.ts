/**
 * The national index's crosswalk in the API: list agencies (e.g. the unmatched ones, the operator's report), and —
 * with the admin token — choose the unit of an agency (`setIndexAgencyUnit`).
 */
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AdminUnit } from '../unit/admin-unit.entity';
import { IndexAgency, IndexMatchStatus } from './index-agency.entity';
import { overrideAgencyUnit } from './index-agency.service';
import { loadById } from '../../graphql/batch';
import { parseId } from '../../graphql/ids';
import { listCost } from '../../graphql/query-limits';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';

@ObjectType({ description: 'Result of an operator override of the index crosswalk' })
export class IndexAgencyOverride {
  @Field(() => IndexAgency)
  agency!: IndexAgency;

  @Field(() => Int, { description: 'Figures already stored for the agency that now belong to the chosen unit' })
  figuresMoved!: number;
}

@Resolver(() => IndexAgency)
export class IndexAgencyResolver {
  @Query(() => [IndexAgency], {
    complexity: listCost(20),
    description: 'Agencies of the national service index and the units their figures are stored against; '
      + 'matchStatus UNMATCHED is the report of agencies no unit was found for (their figures sit on a local unit)',
  })
  indexAgencies(
    @Ctx() { em }: GraphQLContext,
    @Arg('matchStatus', () => IndexMatchStatus, { nullable: true }) matchStatus?: IndexMatchStatus | null,
    @Arg('provinceCode', () => String, { nullable: true, description: 'E-code of a province, e.g. H01' }) provinceCode?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most 500' }) first = 100,
  ): Promise<IndexAgency[]> {
    if (first < 1 || first > 500) throw new BadInputError('first must be between 1 and 500');
    const where: Record<string, unknown> = {};
    if (matchStatus) where.matchStatus = matchStatus;
    if (provinceCode) where.provinceCode = provinceCode;
    return em.find(IndexAgency, where, { orderBy: { code: 'asc' }, limit: first });
  }

  @FieldResolver(() => AdminUnit, { description: 'The unit the agency\'s figures are about' })
  unit(@Root() a: IndexAgency, @Ctx() { em }: GraphQLContext): Promise<AdminUnit> {
    return loadById(em, AdminUnit, a.unit.id);
  }

  @Authorized()
  @Mutation(() => IndexAgencyOverride, { description: 'Choose the unit of an index agency and move its figures there (needs the admin token)' })
  async setIndexAgencyUnit(
    @Arg('code', { description: 'Agency e-code, e.g. H01.174' }) code: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() { em, logger }: GraphQLContext,
  ): Promise<IndexAgencyOverride> {
    const { moved } = await overrideAgencyUnit(em, code.trim().toUpperCase(), parseId(unitId, 'unitId')!, note ?? null, logger);
    const agency = await em.fork().findOneOrFail(IndexAgency, { code: code.trim().toUpperCase() });
    return { agency, figuresMoved: moved };
  }
}
