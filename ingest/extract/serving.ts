/**
 * Precision-first serving: figures whose calibrated confidence is below this threshold are stored as NEEDS_REVIEW
 * and left out of compare, timeSeries, figureStats and the charts unless a caller asks for them. The threshold is
 * chosen with the confidence model by `npm run fit:confidence` from cross-validated (held-out) predictions on the dev
 * split of the real-text corpus; `npm run eval:real -- --split dev` prints the threshold table.
 *
 * A figure about a unit the text names but the gazetteer could not resolve waits for a reviewer too, whatever its
 * confidence (`unresolvedNamedSubject`): ingestion stores it under the publisher, and it must not be served as the
 * publisher's figure. So does a figure with no year (an undated page that names none): no comparison or time series can
 * place it (stop 31). `servedByDefault` is all three rules: what ingestion stores as AUTO and the real-text scorer
 * counts as served.
 *
 * Public surface: `REVIEW_THRESHOLD`, `needsReview`, `unresolvedNamedSubject`, `heldWhateverConfidence`, `servedByDefault`.
 */
import type { FigurePeriod, FigureSubject } from '../types';
import { CONFIDENCE_MODEL } from './confidence-model';

export const REVIEW_THRESHOLD: number = CONFIDENCE_MODEL.threshold;

/** Whether a figure of this confidence waits for a reviewer before it is served by default. */
export function needsReview(confidence: number): boolean {
  return confidence < REVIEW_THRESHOLD;
}

/**
 * A subject the engine read as a named unit ("Quảng Ninh đạt 90,8%" on a Hà Nội paper, "Sở Tư pháp", "cả nước")
 * that the gazetteer did not resolve to a unit id (ids are the database's integers), or one it gave a placeholder id
 * of its own, named in the sentence or not: the department a title names ("title:…"), a lead's unit the gazetteer
 * does not know ("lead:…"). Stored under the publisher, such a figure would be served as the publisher's.
 */
export function unresolvedNamedSubject(subject: Pick<FigureSubject, 'scope' | 'explicit' | 'unitId'>): boolean {
  if (subject.scope !== 'unit' || (subject.unitId && /^\d+$/.test(subject.unitId))) return false;
  return subject.explicit || subject.unitId !== null;
}

type ServingFacts = { subject: Pick<FigureSubject, 'scope' | 'explicit' | 'unitId'>; period?: Pick<FigurePeriod, 'year'> };

/** Whether a figure waits for a reviewer whatever its confidence: an unresolved named subject, or no year. */
export function heldWhateverConfidence(f: ServingFacts): boolean {
  return unresolvedNamedSubject(f.subject) || (f.period !== undefined && f.period.year === null);
}

/** Whether ingestion stores a figure as AUTO (served by default) rather than NEEDS_REVIEW. */
export function servedByDefault(f: ServingFacts & { confidence: number }): boolean {
  return !needsReview(f.confidence) && !heldWhateverConfidence(f);
}
