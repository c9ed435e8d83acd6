/** `compare`: rank a set of units by one metric in one year, with the baseline year's value and the units without data. */
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { toKeyView, toUnitViewRow, UNIT_DETAIL_FIELDS, type AdminUnitView } from '../unit/unit-view';
import { selectsPath } from '../../graphql/selection';
import { assertUnitSetSize, compareUnitNames, toUnitSet, assertUnitSetKnown, unitSetCost } from '../unit/unit-set';
import { Metric } from '../metric/metric.entity';
import { requireMetric } from '../metric/metric.repository';
import { Figure, ReviewStatus } from './figure.entity';
import { AnalyticsRepository, type RankedComparisonRow } from './analytics.repository';
import { CompareArgs } from './analytics.args';
import { Comparison, ComparisonRow, PeriodGrain } from './analytics.type';
import { GRAIN_MONTHS, toNumber } from './figure-sql';
import { loadFigure, type FigureRow } from './figure-row';
import { loadMetric } from '../metric/metric-row';
import { BadInputError, NotFoundError } from '../../errors';
import type { GraphQLContext } from '../../graphql/context';
import { SELECTION_RULE, byUnitName } from './time-series.resolver';
import type { MaybePromise } from '../../graphql/rows';

/** The sub-year period asked for (month, quarter or half), or null for the year; two at once is bad input. */
function subPeriodOf(args: CompareArgs): { grain: PeriodGrain; fromMonth: number } | null {
  const given = [args.month != null, args.quarter != null, args.half != null].filter(Boolean).length;
  if (given > 1) throw new BadInputError('give at most one of month, quarter and half');
  if (args.month != null) return { grain: PeriodGrain.MONTH, fromMonth: args.month };
  if (args.quarter != null) return { grain: PeriodGrain.QUARTER, fromMonth: (args.quarter - 1) * 3 + 1 };
  if (args.half != null) return { grain: PeriodGrain.HALF, fromMonth: (args.half - 1) * 6 + 1 };
  return null;
}

/** Rows of a set named by ids in the order given (an unknown id is NOT_FOUND); other sets as they came (by rank, id). */
function inSetOrder(rows: RankedComparisonRow[], explicit: number[] | undefined): RankedComparisonRow[] {
  if (!explicit) return rows;
  const byId = new Map(rows.map((r) => [Number(r.row.u_id), r]));
  const unknown = explicit.find((id) => !byId.has(id));
  if (unknown !== undefined) throw new NotFoundError('unit', unknown);
  return explicit.map((id) => byId.get(id)!);
}

/**
 * Rows in rank order (as `rankComparison` returns them) → equal ranks in name order, then by id: the order a sort by
 * (rank, name, id) gives, with the collation (~15 ms for a 3,321-unit sort by name) only inside groups of ties.
 */
function sortTiesByName(ranked: ComparisonRow[]): void {
  for (let start = 0; start < ranked.length;) {
    let end = start + 1;
    while (end < ranked.length && ranked[end].rank === ranked[start].rank) end++;
    if (end - start > 1) {
      const group = ranked.slice(start, end).sort((a, b) => byUnitName(a.unit, b.unit));
      for (let i = 0; i < group.length; i++) ranked[start + i] = group[i];
    }
    start = end;
  }
}

/** Fields of a ranking row read from the chosen figure's detail columns (`ComparisonSpec.figureKeysOnly`). */
const ROW_DETAIL_FIELDS = ['periodLabel', 'partialYear', 'reviewStatus', 'alternatives'] as const;

/** Decimal places kept in `change`: values have at most six, and float subtraction must not add noise. */
const CHANGE_DECIMALS = 6;

@Resolver(() => Comparison)
export class CompareResolver {
  @Query(() => Comparison, {
    complexity: unitSetCost,
    description: 'Rank units by a metric in a year: standard competition ranking (equal values share a rank: 1, 2, 2, 4), '
      + 'rank 1 = best (highest unless the metric is lower-is-better); units without a figure are listed in `missing`. '
      + SELECTION_RULE,
  })
  async compare(@Args() args: CompareArgs, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<Comparison> {
    const units = toUnitSet(args);
    await assertUnitSetKnown(em, units);
    const baselineYear = args.baselineYear ?? args.year - 1;
    const sub = subPeriodOf(args);
    const metric = await requireMetric(em, args.metric);
    const descending = metric.higherIsBetter !== false;
    // A national ranking that shows only the units' names reads only their ids, names and parents.
    const keysOnly = !UNIT_DETAIL_FIELDS.some((f) => selectsPath(info, ['rows', 'unit', f]) || selectsPath(info, ['missing', f]));
    const rows = await new AnalyticsRepository(em).compare({
      metric: metric.code, kind: args.kind, units, year: args.year, baselineYear, descending, asOf: args.asOf,
      subPeriod: sub ? { fromMonth: sub.fromMonth, grainMonths: GRAIN_MONTHS[sub.grain] } : undefined,
      includeUnreviewed: args.includeUnreviewed,
      unitKeysOnly: keysOnly,
      figureKeysOnly: !ROW_DETAIL_FIELDS.some((f) => selectsPath(info, ['rows', f])),
    });
    const view = keysOnly ? toKeyView : toUnitViewRow;
    assertUnitSetSize(rows.length);
    const changedIn = metric.definitionChangedIn;
    const [lo, hi] = baselineYear < args.year ? [baselineYear, args.year] : [args.year, baselineYear];
    const definitionChanged = changedIn != null && changedIn > lo && changedIn <= hi;
    const ranked: ComparisonRow[] = [];
    const missing: AdminUnitView[] = [];
    for (const { row: r, rank, previousRank } of inSetOrder(rows, units.unitIds)) {
      const unit = view(r, 'u_');
      if (r.figure_id === null) {
        missing.push(unit);
        continue;
      }
      const value = toNumber(r.value)!;
      const previousValue = toNumber(r.previous_value);
      ranked.push({
        rank: rank!, previousRank, unit, value, previousValue,
        change: previousValue === null ? null : Number((value - previousValue).toFixed(CHANGE_DECIMALS)),
        definitionChanged, periodLabel: r.period_label!, partialYear: !!r.partial_year, alternatives: r.alternatives ?? 0,
        reviewStatus: r.review_status as ReviewStatus,
        figureId: r.figure_id, previousFigureId: r.previous_figure_id,
      });
    }
    if (units.unitIds) ranked.sort((a, b) => a.rank - b.rank || compareUnitNames(a.unit.name, b.unit.name));
    else {
      sortTiesByName(ranked);
      missing.sort(byUnitName);
    }
    return {
      metricCode: metric.code, year: args.year, baselineYear, kind: args.kind, descending, definitionChanged, rows: ranked, missing,
      grain: sub?.grain ?? PeriodGrain.YEAR, fromMonth: sub?.fromMonth ?? null,
      toMonth: sub ? sub.fromMonth + GRAIN_MONTHS[sub.grain] - 1 : null,
    };
  }

  @FieldResolver(() => Metric)
  metric(@Root() c: Comparison, @Ctx() { em }: GraphQLContext): MaybePromise<Metric> {
    return loadMetric(em, c.metricCode);
  }
}

@Resolver(() => ComparisonRow)
export class ComparisonRowResolver {
  @FieldResolver(() => Figure, { description: 'The chosen figure for `year`, with its provenance' })
  figure(@Root() row: ComparisonRow, @Ctx() { em }: GraphQLContext): Promise<FigureRow> {
    return loadFigure(em, row.figureId);
  }

  @FieldResolver(() => Figure, { nullable: true, description: 'The chosen figure for the baseline year' })
  previousFigure(@Root() row: ComparisonRow, @Ctx() { em }: GraphQLContext): Promise<FigureRow> | null {
    return row.previousFigureId === null ? null : loadFigure(em, row.previousFigureId);
  }
}
