/** Limits of attachment reading and the error that carries a per-item reason (documented in ./index.ts). */
import { SkipItemError } from '../errors';

export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxZipEntries: 2000,
  maxUncompressedBytes: 60 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPdfPages: 100,
  timeoutMillis: 20_000,
  workerHeapMb: 256,
  maxTables: 50,
} as const;

export type AttachmentErrorKind = 'unsupported' | 'too_large' | 'zip_bomb' | 'encrypted' | 'no_text' | 'broken' | 'timeout';

/** A report that cannot be read: skip the item with this reason. */
export class AttachmentError extends SkipItemError {
  constructor(readonly kind: AttachmentErrorKind, message: string, url = '') {
    super(`${kind}: ${message}`, url);
    this.name = 'AttachmentError';
  }
}

