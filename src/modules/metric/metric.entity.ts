import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** A catalogued metric (seeded from metric-catalogue.ts). */
@ObjectType({ description: 'What a figure measures', simpleResolvers: true })
@Entity({ tableName: 'metric' })
export class Metric {
  @Field({ description: 'Stable code, e.g. on_time_rate' })
  @PrimaryKey({ type: 'string', length: 60 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameVi!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Field({ description: 'percent, count, score, rank or day' })
  @Property({ type: 'string', length: 20 })
  unit!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Boolean, { nullable: true, description: 'true when larger is better; null when neither' })
  @Property({ type: 'boolean', nullable: true })
  higherIsBetter?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Definition changes that comparisons must not hide' })
  @Property({ type: 'text', nullable: true })
  definitionNotes?: string | null;

  @Field(() => Float, { nullable: true, description: 'Largest possible value (points of a score out of a maximum), null when open-ended' })
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  maxValue?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year from which the definition differs from earlier years' })
  @Property({ type: 'integer', nullable: true })
  definitionChangedIn?: number | null;
}
