/**
 * Precision-first serving: figures whose calibrated confidence is below this threshold are stored as NEEDS_REVIEW
 * and left out of compare, timeSeries, figureStats and the charts unless a caller asks for them. The threshold is
 * chosen with the confidence model by `npm run fit:confidence` from cross-validated (held-out) predictions on the dev
 * split of the real-text corpus; `npm run eval:real -- --split dev` prints the threshold table.
 *
 * Public surface: `REVIEW_THRESHOLD`, `needsReview`.
 */
import { CONFIDENCE_MODEL } from './confidence-model';

export const REVIEW_THRESHOLD: number = CONFIDENCE_MODEL.threshold;

/** Whether a figure of this confidence waits for a reviewer before it is served by default. */
export function needsReview(confidence: number): boolean {
  return confidence < REVIEW_THRESHOLD;
}
