/**
 * The value axis of a ranking, fitted to the data so that 98.9 % and 99.8 % look different. Pure module (no DOM).
 */

/** A "nice" step (1, 2 or 5 × 10^k) near `span / 5`. */
function niceStep(span) {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * { min, max, broken } for values (nulls ignored): zero is kept when the data reach near it (then `broken` is false);
 * otherwise the axis starts just below the smallest value and `broken` is true, so the chart must show the break.
 * Percentages end at 100 unless a value exceeds it.
 */
export function fittedAxis(values, unit) {
  const xs = values.filter((v) => v !== null && v !== undefined && Number.isFinite(Number(v))).map(Number);
  if (!xs.length) return { min: 0, max: unit === 'percent' ? 100 : 1, broken: false };
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const span = hi - lo || Math.abs(hi) * 0.02 || 1;
  const step = niceStep(span);
  let max = Math.ceil((hi + step / 2) / step) * step;
  if (unit === 'percent' && hi <= 100) max = Math.min(max, 100);
  if (lo < 0) return { min: Math.floor((lo - step / 2) / step) * step, max, broken: false };
  const min = Math.max(0, Math.floor((lo - step / 2) / step) * step);
  // Starting at zero costs little when the smallest value is already in the lower third of [0, max].
  if (min === 0 || lo <= max / 3) return { min: 0, max, broken: false };
  return { min: Number(min.toFixed(10)), max: Number(max.toFixed(10)), broken: true };
}

/** "▲", "▼" or "=" for a change, and the rank change (positive = moved up: a smaller rank number). */
export function changeMarks(row) {
  const arrow = row.change === null || row.change === undefined ? '' : row.change > 0 ? '▲' : row.change < 0 ? '▼' : '=';
  const rankMove = row.previousRank === null || row.previousRank === undefined ? null : row.previousRank - row.rank;
  return { arrow, rankMove };
}
