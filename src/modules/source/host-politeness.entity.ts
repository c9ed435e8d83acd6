import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * When the last request to a host ended, shared by every worker: with a per-host advisory lock it keeps one
 * request at a time per host, spaced by the source's delay, whichever worker holds the job.
 */
@Entity({ tableName: 'host_politeness' })
export class HostPoliteness {
  @PrimaryKey({ type: 'string', length: 300 })
  host!: string;

  /** No request to the host starts before this instant (end of the last request + delay, or a Retry-After). */
  @Property({ type: 'timestamptz' })
  nextStartAt!: Date;
}
