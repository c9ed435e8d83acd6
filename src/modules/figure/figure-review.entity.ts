import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Figure } from './figure.entity';

/** Audit row: one review of one figure (who, when, the figure before and after, why). */
@ObjectType({ description: 'One review of a figure', simpleResolvers: true })
@Entity({ tableName: 'figure_review' })
export class FigureReview {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Figure, { ref: true, index: true, deleteRule: 'cascade' })
  figure!: Ref<Figure>;

  @Field()
  @Property({ type: 'string', length: 200 })
  reviewer!: string;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  reviewedAt: Date = new Date();

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  before!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  after!: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
