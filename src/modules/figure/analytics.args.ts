/** Arguments of `timeSeries`, `compare` and `figureStats`, with their bounds. */
import { ArgsType, Field, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { UnitSetArgs } from '../unit/unit-set';
import { FigureKind } from './figure.entity';
import { FigureFilter, MAX_YEAR, METRIC_CODE, MIN_YEAR } from './figure-filter.input';
import { StatsKey } from './analytics.repository';

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

  @Field(() => FigureKind, { defaultValue: FigureKind.ACTUAL })
  kind: FigureKind = FigureKind.ACTUAL;

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
