/** `compare`: rank a set of units by one metric in one year, with the baseline year's value and the units without data. */
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { AdminUnitView } from '../unit/unit-view';
import { assertUnitSetSize, compareUnitNames, toUnitSet } from '../unit/unit-set';
import { Metric } from '../metric/metric.entity';
import { requireMetric } from '../metric/metric.repository';
import { Figure } from './figure.entity';
import { AnalyticsRepository } from './analytics.repository';
import { CompareArgs } from './analytics.args';
import { Comparison, ComparisonRow } from './analytics.type';
import { toNumber } from './figure-sql';
import { loadById } from '../../graphql/batch';
import { listCost } from '../../graphql/query-limits';
import type { GraphQLContext } from '../../graphql/context';
import { SELECTION_RULE, withUnits } from './time-series.resolver';

/** Decimal places kept in `change`: values have at most six, and float subtraction must not add noise. */
const CHANGE_DECIMALS = 6;

@Resolver(() => Comparison)
export class CompareResolver {
  @Query(() => Comparison, {
    complexity: listCost(50),
    description: 'Rank units by a metric in a year: standard competition ranking (equal values share a rank: 1, 2, 2, 4), '
      + 'rank 1 = best (highest unless the metric is lower-is-better); units without a figure are listed in `missing`. '
      + SELECTION_RULE,
  })
  async compare(@Args() args: CompareArgs, @Ctx() { em }: GraphQLContext): Promise<Comparison> {
    const units = toUnitSet(args);
    const baselineYear = args.baselineYear ?? args.year - 1;
    const metric = await requireMetric(em, args.metric);
    const descending = metric.higherIsBetter !== false;
    const rows = await new AnalyticsRepository(em).compare({
      metric: metric.code, kind: args.kind, units, year: args.year, baselineYear, descending, includeUnreviewed: args.includeUnreviewed,
    });
    assertUnitSetSize(rows.length);
    const changedIn = metric.definitionChangedIn;
    const [lo, hi] = baselineYear < args.year ? [baselineYear, args.year] : [args.year, baselineYear];
    const definitionChanged = changedIn != null && changedIn > lo && changedIn <= hi;
    const ranked: ComparisonRow[] = [];
    const missing: AdminUnitView[] = [];
    for (const r of withUnits(rows, units.unitIds)) {
      if (r.figure_id === null) {
        missing.push(r.entity);
        continue;
      }
      const value = toNumber(r.value)!;
      const previousValue = toNumber(r.previous_value);
      ranked.push({
        rank: r.rank!, unit: r.entity, value, previousValue,
        change: previousValue === null ? null : Number((value - previousValue).toFixed(CHANGE_DECIMALS)),
        definitionChanged, periodLabel: r.period_label!, partialYear: !!r.partial_year, alternatives: r.alternatives ?? 0,
        figureId: r.figure_id, previousFigureId: r.previous_figure_id,
      });
    }
    ranked.sort((a, b) => a.rank - b.rank || compareUnitNames(a.unit.name, b.unit.name));
    return { metricCode: metric.code, year: args.year, baselineYear, kind: args.kind, descending, definitionChanged, rows: ranked, missing };
  }

  @FieldResolver(() => Metric)
  metric(@Root() c: Comparison, @Ctx() { em }: GraphQLContext): Promise<Metric> {
    return loadById(em, Metric, c.metricCode as never);
  }
}

@Resolver(() => ComparisonRow)
export class ComparisonRowResolver {
  @FieldResolver(() => Figure, { description: 'The chosen figure for `year`, with its provenance' })
  figure(@Root() row: ComparisonRow, @Ctx() { em }: GraphQLContext): Promise<Figure> {
    return loadById(em, Figure, row.figureId);
  }

  @FieldResolver(() => Figure, { nullable: true, description: 'The chosen figure for the baseline year' })
  previousFigure(@Root() row: ComparisonRow, @Ctx() { em }: GraphQLContext): Promise<Figure> | null {
    return row.previousFigureId === null ? null : loadById(em, Figure, row.previousFigureId);
  }
}
