import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Document } from '../document/document.entity';

/**
 * Progress of the national-index requests: one row per request (API generation, endpoint, period, scope) that was
 * tried. A request is `done` in the same transaction that stores its document and figures, so a killed backfill
 * resumes after the last stored request and never stores one twice; `failed` keeps the reason (retried next run).
 */
@Entity({ tableName: 'index_request' })
export class IndexRequestState {
  /** generation|endpoint|period|scope, e.g. "v1|service-results|2025-M10|H01". */
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'string', length: 10 })
  generation!: string;

  @Property({ type: 'string', length: 60 })
  endpoint!: string;

  @Property({ type: 'smallint' })
  periodYear!: number;

  /** null with periodToMonth null: the whole year. */
  @Property({ type: 'smallint', nullable: true })
  periodFromMonth?: number | null;

  @Property({ type: 'smallint', nullable: true })
  periodToMonth?: number | null;

  /** "national" or a province's agency e-code. */
  @Property({ type: 'string', length: 40 })
  scope!: string;

  /** done | failed */
  @Property({ type: 'string', length: 10 })
  status!: string;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @ManyToOne(() => Document, { ref: true, nullable: true, deleteRule: 'set null' })
  document?: Ref<Document> | null;

  @Property({ type: 'integer', default: 0 })
  figures: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
