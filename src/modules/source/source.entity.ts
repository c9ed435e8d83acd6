import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdminUnit } from '../unit/admin-unit.entity';

/** A portal to crawl: where its listings are, which software it runs, when and how politely to crawl it. */
@ObjectType({ description: 'A portal cchc-atlas crawls', simpleResolvers: true })
@Entity({ tableName: 'source' })
export class Source {
  @Field(() => ID, { description: 'Stable slug, e.g. "hcm-quan-binh-thanh"' })
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field()
  @Property({ type: 'string', length: 500 })
  baseUrl!: string;

  @Field({ description: 'Portal software family: hcmc-sharepoint, liferay, wordpress-newspaper, generic' })
  @Property({ type: 'string', length: 40 })
  family!: string;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  listingUrls!: string[];

  @Field({ description: 'node-cron expression, evaluated in Asia/Ho_Chi_Minh' })
  @Property({ type: 'string', length: 100 })
  schedule!: string;

  @Field()
  @Index()
  @Property({ type: 'boolean', default: true })
  enabled: boolean = true;

  @ManyToOne(() => AdminUnit, { ref: true, nullable: true })
  publisher?: Ref<AdminUnit> | null;

  @Field(() => Int, { description: 'Minimum delay between two requests to this host' })
  @Property({ type: 'integer', default: 2000 })
  minDelayMillis: number = 2000;

  @Field(() => Int, { description: 'Listing pages walked per run at most' })
  @Property({ type: 'integer', default: 5 })
  maxPages: number = 5;

  @Field({ description: 'true for the offline demo mirror\'s sample sources' })
  @Property({ type: 'boolean', default: false })
  demo: boolean = false;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
