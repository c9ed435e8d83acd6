import { Entity, ManyToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { IngestRun } from './ingest-run.entity';

/**
 * One item (a listing page or an article URL) of an ingestion run executed as jobs. A run is finished when no
 * article item is still open; its counters and failures are aggregated from these rows, so a job that is retried
 * (after a crash or an expiry) updates its item at most once and never counts twice. Not exposed in GraphQL:
 * `IngestRun` carries the aggregates.
 */
@Entity({ tableName: 'ingest_run_item' })
export class IngestRunItem {
  [PrimaryKeyProp]?: ['run', 'url'];

  @ManyToOne(() => IngestRun, { ref: true, primary: true, deleteRule: 'cascade' })
  run!: Ref<IngestRun>;

  @Property({ type: 'text', primary: true })
  url!: string;

  /** 'listing' or 'article'. */
  @Property({ type: 'string', length: 20 })
  kind!: string;

  /** null while open; 'stored', 'unchanged' or 'failed' once done. */
  @Property({ type: 'string', length: 20, nullable: true })
  outcome?: string | null;

  @Property({ type: 'boolean', default: false })
  fetched: boolean = false;

  @Property({ type: 'boolean', default: false })
  parsed: boolean = false;

  @Property({ type: 'integer', default: 0 })
  figuresAdded: number = 0;

  @Property({ type: 'integer', default: 0 })
  figuresUpdated: number = 0;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** What the pipeline did about a failure: 'retry' (dead-lettered, tried again next run) or 'skip'. */
  @Property({ type: 'string', length: 10, nullable: true })
  action?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
