/** `timeSeries`: one series per unit, one chosen figure per year. */
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { toUnitView, type AdminUnitView, type UnitJson } from '../unit/unit-view';
import { assertUnitSetSize, compareUnitNames, toUnitSet, assertUnitSetKnown, unitSetCost } from '../unit/unit-set';
import { requireMetric } from '../metric/metric.repository';
import { Figure, ReviewStatus } from './figure.entity';
import { AnalyticsRepository, type SeriesPointRow } from './analytics.repository';
import { TimeSeriesArgs } from './analytics.args';
import { Series, SeriesPoint } from './analytics.type';
import { loadFigure, type FigureRow } from './figure-row';
import { GRAIN_MONTHS } from './figure-sql';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../errors';

/** Default first year of a series: before it, portals published next to nothing. */
export const DEFAULT_YEAR_FROM = 2010;

/** The rule, as the schema states it (also in docs/api.md). */
export const SELECTION_RULE = 'One figure per unit and year, chosen by this rule: only ACTUAL (or the requested kind) figures that '
  + 'state a level about the unit itself or its whole area (UNIT or PROVINCE_WIDE: no changes, no "the wards of" or "its departments" '
  + 'figures), never REJECTED ones, and NEEDS_REVIEW ones only with '
  + '`includeUnreviewed: true`; reviewed (CONFIRMED or '
  + 'CORRECTED) before automatic; a full year (no months, or January-December) before part of a year; later publication before '
  + 'earlier; then an exact statement before a bound, then the newest figure. A CORRECTED figure counts with its corrected value. '
  + '`alternatives` says how many other figures were set aside.';

function toPoint(r: SeriesPointRow): SeriesPoint {
  return {
    year: r.year, fromMonth: r.from_month ?? null, toMonth: r.to_month ?? null, value: Number(r.value), periodLabel: r.period_label, partialYear: r.partial_year,
    reviewStatus: r.review_status as ReviewStatus, figureId: String(r.figure_id), alternatives: r.alternatives,
  };
}

/** Units by name (numbers in numeric order), then id: the order of a set named by parent, level or tier. */
export const byUnitName = (a: AdminUnitView, b: AdminUnitView): number => compareUnitNames(a.name, b.name) || a.id - b.id;

/**
 * Rows that carry their unit (`unitJson`) → the same rows with unit views, in the caller's order when ids were given
 * (unknown ids are NOT_FOUND), else by name (`byName`; false leaves the order to the caller: a name sort of a
 * 3,321-unit ranking costs ~15 ms of collation that its rank order mostly makes useless).
 */
export function withUnits<R extends { unit: UnitJson }>(rows: R[], explicit: number[] | undefined, byName = true): Array<R & { entity: AdminUnitView }> {
  const mapped = rows.map((r) => ({ ...r, entity: toUnitView(r.unit) }));
  if (explicit) {
    const byId = new Map(mapped.map((r) => [r.entity.id, r]));
    const unknown = explicit.find((id) => !byId.has(id));
    if (unknown !== undefined) throw new NotFoundError('unit', unknown);
    return explicit.map((id) => byId.get(id)!);
  }
  return byName ? mapped.sort((a, b) => byUnitName(a.entity, b.entity)) : mapped;
}

@Resolver(() => Series)
export class TimeSeriesResolver {
  @Query(() => [Series], { complexity: unitSetCost, description: `Values of one metric over the years for a set of units. ${SELECTION_RULE}` })
  async timeSeries(@Args() args: TimeSeriesArgs, @Ctx() { em }: GraphQLContext): Promise<Series[]> {
    const units = toUnitSet(args);
    await assertUnitSetKnown(em, units);
    const yearFrom = args.yearFrom ?? DEFAULT_YEAR_FROM;
    const yearTo = args.yearTo ?? new Date().getFullYear();
    if (yearFrom > yearTo) throw new BadInputError(`yearFrom (${yearFrom}) is after yearTo (${yearTo})`);
    await requireMetric(em, args.metric);
    const rows = await new AnalyticsRepository(em).timeSeries({
      metric: args.metric, kind: args.kind, units, yearFrom, yearTo, asOf: args.asOf, grainMonths: GRAIN_MONTHS[args.grain],
      includeUnreviewed: args.includeUnreviewed,
    });
    assertUnitSetSize(rows.length);
    return withUnits(rows, units.unitIds).map((r) => ({ unit: r.entity, points: r.points.map(toPoint) }));
  }
}

@Resolver(() => SeriesPoint)
export class SeriesPointResolver {
  @FieldResolver(() => Figure, { description: 'The chosen figure, with its provenance' })
  figure(@Root() point: SeriesPoint, @Ctx() { em }: GraphQLContext): Promise<FigureRow> {
    return loadFigure(em, Number(point.figureId));
  }
}
