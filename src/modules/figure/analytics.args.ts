/** Arguments of `timeSeries`, `compare` and `figureStats`, with their bounds. */
import { ArgsType, Field, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsDate, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { UnitSetArgs } from '../unit/unit-set';
import { FigureKind } from './figure.entity';
import { FigureFilter, MAX_YEAR, METRIC_CODE, MIN_YEAR } from './figure-filter.input';
import { StatsKey } from './analytics.repository';
import { PeriodGrain } from './analytics.type';

const METRIC_MESSAGE = 'metric must be a metric code such as on_time_rate';

@ArgsType()
export class TimeSeriesArgs extends UnitSetArgs {
  @Field({ description: 'Metric code, e.g. satisfaction_rate' })
  @Matches(METRIC_CODE, { message: METRIC_MESSAGE })
  metric!: string;

  @Field(() => Int, { nullable: true, description: 'First year (default: 2010)' })
  @IsOptional() @Min(MIN_YEAR) @Max(MAX_YEAR)
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year (default: the current year)' })
  @IsOptional() @Min(MIN_YEAR) @Max(MAX_YEAR)
  yearTo?: number | null;

  @Field(() => FigureKind, { defaultValue: FigureKind.ACTUAL })
  kind: FigureKind = FigureKind.ACTUAL;

  @Field(() => Date, { nullable: true, description: 'Data version: ignore figures created and reviews made after this instant, '
    + 'so a published chart keeps showing what it showed (default: now)' })
  @IsOptional() @IsDate()
  asOf?: Date | null;
  @Field(() => PeriodGrain, {
    defaultValue: PeriodGrain.YEAR,
    description: 'YEAR: one point per year (part-year figures as a fallback); MONTH, QUARTER, HALF: one point per such '
      + 'period, from figures that cover exactly that calendar period',
  })
  grain: PeriodGrain = PeriodGrain.YEAR;
  @Field({ defaultValue: false, description: 'Also use figures waiting for review (NEEDS_REVIEW: extracted below the confidence threshold)' })
  includeUnreviewed: boolean = false;
}

@ArgsType()
export class CompareArgs extends UnitSetArgs {
  @Field({ description: 'Metric code, e.g. on_time_rate' })
  @Matches(METRIC_CODE, { message: METRIC_MESSAGE })
  metric!: string;

  @Field(() => Int)
  @Min(MIN_YEAR) @Max(MAX_YEAR)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Year of previousValue and change (default: year − 1)' })
  @IsOptional() @Min(MIN_YEAR) @Max(MAX_YEAR)
  baselineYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank one month of `year` (1-12) instead of the year; give at most one of month, quarter, half' })
  @IsOptional() @Min(1) @Max(12)
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank one quarter of `year` (1-4)' })
  @IsOptional() @Min(1) @Max(4)
  quarter?: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank one half of `year` (1 = January-June, 2 = July-December)' })
  @IsOptional() @Min(1) @Max(2)
  half?: number | null;

  @Field(() => FigureKind, { defaultValue: FigureKind.ACTUAL })
  kind: FigureKind = FigureKind.ACTUAL;

  @Field(() => Date, { nullable: true, description: 'Data version: ignore figures created and reviews made after this instant, '
    + 'so a published chart keeps showing what it showed (default: now)' })
  @IsOptional() @IsDate()
  asOf?: Date | null;
  @Field({ defaultValue: false, description: 'Also use figures waiting for review (NEEDS_REVIEW: extracted below the confidence threshold)' })
  includeUnreviewed: boolean = false;
}

@ArgsType()
export class FigureStatsArgs {
  @Field({ description: 'Metric code, e.g. on_time_rate' })
  @Matches(METRIC_CODE, { message: METRIC_MESSAGE })
  metric!: string;

  @Field(() => [StatsKey], { description: 'One to four keys, each at most once' })
  @ArrayNotEmpty() @ArrayMaxSize(4) @ArrayUnique()
  groupBy!: StatsKey[];

  @Field(() => FigureFilter, { nullable: true, description: 'Which figures (its `metrics` must stay empty; `kind` defaults to ACTUAL)' })
  @IsOptional() @ValidateNested()
  filter?: FigureFilter | null;

  @Field({ defaultValue: false, description: 'Also use figures waiting for review (NEEDS_REVIEW: extracted below the confidence threshold)' })
  includeUnreviewed: boolean = false;
}
