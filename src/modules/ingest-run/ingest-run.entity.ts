import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Source } from '../source/source.entity';

export enum RunTrigger {
  CRON = 'cron',
  MANUAL = 'manual',
  CLI = 'cli',
}
registerEnumType(RunTrigger, { name: 'RunTrigger' });

export enum RunStatus {
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  /** Finished, but some items failed. */
  PARTIAL = 'partial',
  FAILED = 'failed',
  /** The process died while running (found by a later run). */
  ABANDONED = 'abandoned',
}
registerEnumType(RunStatus, { name: 'RunStatus' });

/** One item that failed in a run, and what the pipeline did about it. */
export interface RunFailure {
  url: string;
  reason: string;
  action: 'retry' | 'skip' | 'abort';
}

/** One ingestion run of one source, with counters and per-item failure reasons. */
@ObjectType({ description: 'One ingestion run of one source' })
@Entity({ tableName: 'ingest_run' })
@Index({ properties: ['source', 'startedAt'] })
export class IngestRun {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Source, { ref: true })
  source!: Ref<Source>;

  @Field(() => RunTrigger)
  @Enum({ items: () => RunTrigger, nativeEnumName: 'run_trigger' })
  trigger!: RunTrigger;

  @Field()
  @Property({ type: 'timestamptz' })
  startedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  @Field(() => RunStatus)
  @Enum({ items: () => RunStatus, nativeEnumName: 'run_status' })
  status: RunStatus = RunStatus.RUNNING;

  @Field({ description: 'hostname:pid of the instance that ran it' })
  @Property({ type: 'string', length: 200 })
  instance!: string;

  @Field(() => Int) @Property({ type: 'integer', default: 0 }) listed: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) fetched: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) unchanged: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) parsed: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) figuresAdded: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) figuresUpdated: number = 0;
  @Field(() => Int) @Property({ type: 'integer', default: 0 }) failed: number = 0;

  @Field(() => GraphQLJSON, { description: 'Per-item failures: [{url, reason, action}]' })
  @Property({ type: 'json' })
  failures: RunFailure[] = [];

  @Field(() => String, { nullable: true, description: 'Why the run as a whole failed' })
  @Property({ type: 'text', nullable: true })
  error?: string | null;
}
