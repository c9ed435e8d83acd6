/** Result types of `timeSeries`, `compare` and `figureStats`. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdminUnit, UnitLevel } from '../unit/admin-unit.entity';
import type { AdminUnitView } from '../unit/unit-view';
import { unitListCost } from '../unit/unit-set';
import { FigureKind, ReviewStatus } from './figure.entity';
import { StatsKey } from './analytics.repository';

registerEnumType(StatsKey, { name: 'StatsGroupBy', description: 'Keys to group figure statistics by' });

/** Length of the periods of a series or ranking. */
export enum PeriodGrain {
  YEAR = 'year',
  HALF = 'half',
  QUARTER = 'quarter',
  MONTH = 'month',
}
registerEnumType(PeriodGrain, { name: 'PeriodGrain', description: 'A series or ranking by year, half-year, quarter or month' });

@ObjectType({ description: 'The chosen figure of a unit in one year, or in one month, quarter or half of it' })
export class SeriesPoint {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'First month of the point\'s period (null for a whole-year figure)' })
  fromMonth!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last month of the point\'s period (null for a whole-year figure)' })
  toMonth!: number | null;

  @Field(() => Float, { description: 'The chosen figure\'s value (its correction when CORRECTED)' })
  value!: number;

  @Field({ description: 'The period as the text put it, e.g. "năm 2019" or "9 tháng đầu năm 2019"' })
  periodLabel!: string;

  @Field({ description: 'true when the chosen figure covers only part of the year' })
  partialYear!: boolean;

  @Field(() => ReviewStatus)
  reviewStatus!: ReviewStatus;

  @Field(() => ID)
  figureId!: string;

  @Field(() => Int, { description: 'How many other figures for this unit and year the selection rule set aside' })
  alternatives!: number;
}

@ObjectType({ description: 'One unit\'s values over the years: at most one point per year (see the selection rule on `timeSeries`)' })
export class Series {
  @Field(() => AdminUnit)
  unit!: AdminUnitView;

  @Field(() => [SeriesPoint], { description: 'By year; empty when the unit has no figure in the range' })
  points!: SeriesPoint[];
}

@ObjectType({ description: 'A ranked unit' })
export class ComparisonRow {
  @Field(() => Int, { description: 'Standard competition rank: equal values share a rank, the next rank skips (1, 2, 2, 4)' })
  rank!: number;

  @Field(() => Int, { nullable: true, description: 'Rank in the baseline year among the units of the set that had a figure then; null without one' })
  previousRank!: number | null;

  @Field(() => AdminUnit)
  unit!: AdminUnitView;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { nullable: true, description: 'The value in the baseline year; null when the unit has none' })
  previousValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'value − previousValue, in the metric\'s unit (percentage points for percents)' })
  change!: number | null;

  @Field({ description: 'The metric\'s definition changed after the baseline year: value and previousValue measure different things' })
  definitionChanged!: boolean;

  @Field({ description: 'The period of the chosen figure, e.g. "năm 2019"' })
  periodLabel!: string;

  @Field()
  partialYear!: boolean;

  @Field(() => ReviewStatus, { description: 'The chosen figure\'s review status (as of `asOf` when given)' })
  reviewStatus!: ReviewStatus;

  @Field(() => Int, { description: 'Other figures for this unit and year that the selection rule set aside' })
  alternatives!: number;

  /** Ids of the chosen figures, resolved by `figure` / `previousFigure`. */
  figureId!: number;
  previousFigureId!: number | null;
}

@ObjectType({ description: 'A ranking of units by one metric in one year, with the baseline year and the units without data' })
export class Comparison {
  /** Resolved by `metric`. */
  metricCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'The year `previousValue` and `change` refer to (default: the year before)' })
  baselineYear!: number;

  @Field(() => PeriodGrain, { description: 'YEAR, or the sub-year period ranked (the same period of baselineYear is the baseline)' })
  grain!: PeriodGrain;

  @Field(() => Int, { nullable: true, description: 'First month of the period ranked (null for a year)' })
  fromMonth!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last month of the period ranked (null for a year)' })
  toMonth!: number | null;

  @Field(() => FigureKind)
  kind!: FigureKind;

  @Field({ description: 'true when rank 1 is the largest value (the metric is higher-is-better, or neutral)' })
  descending!: boolean;

  @Field({ description: 'The metric\'s definition changed in (baselineYear, year]: changes compare different definitions' })
  definitionChanged!: boolean;

  @Field(() => [ComparisonRow], { complexity: unitListCost('rows'), description: 'Units with a figure in `year`, best first' })
  rows!: ComparisonRow[];

  @Field(() => [AdminUnit], { complexity: unitListCost('missing'), description: 'Units of the set without a figure in `year`: no data, never zero' })
  missing!: AdminUnitView[];
}

@ObjectType({ description: 'Statistics over the chosen figures of one group (the keys not grouped by are null)' })
export class StatsGroup {
  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => UnitLevel, { nullable: true })
  level!: UnitLevel | null;

  @Field(() => Int, { description: 'Number of (unit, year) values in the group' })
  count!: number;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;

  @Field(() => Float)
  avg!: number;

  @Field(() => Float, { description: 'Median (continuous percentile 0.5)' })
  median!: number;

  @Field(() => AdminUnit, { nullable: true, description: 'The unit (when grouped by UNIT)' })
  unit!: AdminUnitView | null;

  @Field(() => AdminUnit, { nullable: true, description: 'The province (when grouped by PROVINCE; null for units outside any province)' })
  province!: AdminUnitView | null;
}
