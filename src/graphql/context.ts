/** The per-request GraphQL context: a forked EntityManager (own identity map), the caller's rights, and ports. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';

/**
 * How the API starts an ingestion run without importing `ingest/` (the composition root provides it).
 * Returns the id of the run that was started.
 */
export interface IngestTrigger {
  trigger(sourceId: string): Promise<{ runId: number | null; started: boolean; reason?: string }>;
}

export interface GraphQLContext {
  em: EntityManager;
  config: Readonly<Config>;
  logger: Logger;
  /** true when the request carried `Authorization: Bearer <ADMIN_TOKEN>`. */
  isAdmin: boolean;
  /** The bearer token was present but wrong (→ FORBIDDEN rather than UNAUTHENTICATED). */
  authFailed: boolean;
  ingestTrigger: IngestTrigger | null;
  /** The raw `X-Reviewer` header, when sent (copied by `reviewerHeaderPlugin`; validated where it is used). */
  reviewerHeader?: string;
}
