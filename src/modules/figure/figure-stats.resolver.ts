/** `figureStats`: count, min, max, avg and median of one metric, grouped by year, unit, province and/or level, in SQL. */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { UnitLevel } from '../unit/admin-unit.entity';
import { toUnitView } from '../unit/unit-view';
import { requireMetric } from '../metric/metric.repository';
import { FigureKind, ReviewStatus } from './figure.entity';
import { AnalyticsRepository, MAX_STATS_GROUPS } from './analytics.repository';
import { FigureStatsArgs } from './analytics.args';
import { StatsGroup } from './analytics.type';
import { assertProvinceKnown, checkedFigureQuery } from './figure-filter.input';
import { toNumber } from './figure-sql';
import { listCost } from '../../graphql/query-limits';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';
import { SELECTION_RULE } from './time-series.resolver';

@Resolver(() => StatsGroup)
export class FigureStatsResolver {
  @Query(() => [StatsGroup], {
    complexity: listCost(100),
    description: 'Statistics of one metric over the figures matching `filter`, grouped (PROVINCE = the province of the '
      + 'subject unit in its own code set). Each unit counts once per year: ' + SELECTION_RULE,
  })
  async figureStats(@Args() args: FigureStatsArgs, @Ctx() { em }: GraphQLContext): Promise<StatsGroup[]> {
    if (args.filter?.metrics) throw new BadInputError('figureStats takes its metric as `metric`; leave filter.metrics empty');
    await requireMetric(em, args.metric);
    // A group only exists when figures under the province matched, so the province is checked only without groups.
    const filter = await checkedFigureQuery(em, args.filter, { deferProvince: true });
    const rows = await new AnalyticsRepository(em).stats({
      metric: args.metric, kind: filter.kind ?? FigureKind.ACTUAL, filter, groupBy: args.groupBy,
      // Asking for NEEDS_REVIEW figures by status includes them as well.
      includeUnreviewed: args.includeUnreviewed || (filter.reviewStatus?.includes(ReviewStatus.NEEDS_REVIEW) ?? false),
    });
    if (rows.length === 0 && filter.provinceId) await assertProvinceKnown(em, filter.provinceId);
    if (rows.length > MAX_STATS_GROUPS) {
      throw new BadInputError(`more than ${MAX_STATS_GROUPS} groups: narrow the filter or group by fewer keys`);
    }
    return rows.map((r) => ({
      year: r.year ?? null, level: (r.level as UnitLevel | undefined) ?? null,
      unit: r.unit ? toUnitView(r.unit) : null, province: r.province ? toUnitView(r.province) : null,
      count: r.count, min: toNumber(r.min)!, max: toNumber(r.max)!, avg: toNumber(r.avg)!, median: toNumber(r.median)!,
    }));
  }
}
