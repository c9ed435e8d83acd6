/**
 * Precision-first serving: figures whose calibrated confidence is below this threshold are stored as NEEDS_REVIEW
 * and left out of compare, timeSeries, figureStats and the charts unless a caller asks for them. Chosen on the dev
 * split of the real-text corpus (`npm run eval:real -- --split dev` prints the threshold table).
 *
 * Public surface: `REVIEW_THRESHOLD`, `needsReview`.
 */
export const REVIEW_THRESHOLD = 0.55;

/** Whether a figure of this confidence waits for a reviewer before it is served by default. */
export function needsReview(confidence: number): boolean {
  return confidence < REVIEW_THRESHOLD;
}
