/** Input of `upsertSource`, with bounds; URLs are checked further by `assertSafeSourceUrl`. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { SOURCE_ID } from '../figure/figure-filter.input';

/** Portal families are slugs (hcmc-sharepoint, liferay, wordpress-newspaper, generic); the pipeline knows which exist. */
const FAMILY = /^[a-z0-9][a-z0-9-]{0,39}$/;

@InputType({ description: 'A portal to crawl; an existing id is updated, a new one created' })
export class SourceInput {
  @Field(() => ID, { description: 'Stable slug, e.g. "hcm-quan-binh-thanh"' })
  @Matches(SOURCE_ID, { message: 'id must be a slug of lower-case letters, digits and dashes (at most 80)' })
  id!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field({ description: 'http(s) URL of the portal' })
  @MaxLength(500)
  baseUrl!: string;

  @Field({ description: 'Portal software family: hcmc-sharepoint, liferay, wordpress-newspaper, generic' })
  @Matches(FAMILY, { message: 'family must be a slug such as liferay' })
  family!: string;

  @Field(() => [String], { description: 'Listing pages to walk (http(s), same rules as baseUrl)' })
  @ArrayNotEmpty() @ArrayMaxSize(20) @MaxLength(500, { each: true })
  listingUrls!: string[];

  @Field({ defaultValue: '0 5 * * *', description: 'node-cron expression, evaluated in Asia/Ho_Chi_Minh' })
  @Length(9, 100)
  schedule: string = '0 5 * * *';

  @Field({ defaultValue: true })
  enabled: boolean = true;

  @Field(() => ID, { nullable: true, description: 'The unit that publishes the portal' })
  @IsOptional()
  publisherId?: string | null;

  @Field(() => Int, { defaultValue: 2000, description: 'Minimum delay between two requests to the host (500 to 600000)' })
  @Min(500) @Max(600_000)
  minDelayMillis: number = 2000;

  @Field(() => Int, { defaultValue: 5, description: 'Listing pages walked per run (1 to 100)' })
  @Min(1) @Max(100)
  maxPages: number = 5;
}
