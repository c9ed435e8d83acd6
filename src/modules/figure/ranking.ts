/**
 * Standard competition ranking ("1, 2, 2, 4") of a comparison's rows, in the API process rather than in SQL.
 *
 * Ranking 3,321 communes with two `rank()` windows and the final `order by` cost the statement ~8 ms of ~20 (three
 * sorts of wide rows); the same in JavaScript over the values alone is well under 1 ms. Values arrive from the
 * driver as decimal strings (numeric(20, 6)); they are compared as numbers, and where two differ only beyond a
 * double's precision, as decimals, so two distinct values never share a rank and equal ones always do.
 */

/** Exact order of two decimal strings ("-12.500000", "3", "0.25"): negative, zero or positive. */
export function compareDecimalStrings(a: string, b: string): number {
  const pa = splitDecimal(a);
  const pb = splitDecimal(b);
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1;
  const magnitude = compareMagnitude(pa, pb);
  return pa.negative ? -magnitude : magnitude;
}

interface DecimalParts {
  negative: boolean;
  /** Integer digits without leading zeros ("" for zero). */
  int: string;
  /** Fraction digits without trailing zeros. */
  frac: string;
}

function splitDecimal(s: string): DecimalParts {
  let t = s.trim();
  let negative = false;
  if (t.startsWith('-')) { negative = true; t = t.slice(1); } else if (t.startsWith('+')) t = t.slice(1);
  const dot = t.indexOf('.');
  const int = (dot < 0 ? t : t.slice(0, dot)).replace(/^0+/, '');
  const frac = dot < 0 ? '' : t.slice(dot + 1).replace(/0+$/, '');
  // -0 is 0
  if (int === '' && frac === '') negative = false;
  return { negative, int, frac };
}

function compareMagnitude(a: DecimalParts, b: DecimalParts): number {
  if (a.int.length !== b.int.length) return a.int.length - b.int.length;
  if (a.int !== b.int) return a.int < b.int ? -1 : 1;
  const len = Math.max(a.frac.length, b.frac.length);
  const fa = a.frac.padEnd(len, '0');
  const fb = b.frac.padEnd(len, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/**
 * Ranks of the rows with a value (null value → null rank): rank 1 is the largest value when `descending`, the
 * smallest otherwise; equal values share a rank and the next rank counts them all.
 */
export function competitionRanks(values: ReadonlyArray<string | number | null>, descending: boolean): (number | null)[] {
  const ranks: (number | null)[] = new Array(values.length).fill(null);
  // Parse each value once: a comparator that parses strings costs ~8 ms for 3,321 rows, this ~0.5 ms.
  const numbers = new Float64Array(values.length);
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    numbers[i] = Number(v);
    order.push(i);
  }
  const sign = descending ? -1 : 1;
  // Equal as numbers but written differently: equal or apart only beyond a double's precision → exact comparison.
  const compare = (i: number, j: number): number => {
    const d = numbers[i] - numbers[j];
    if (d !== 0) return d;
    const a = values[i];
    const b = values[j];
    return typeof a === 'string' && typeof b === 'string' && a !== b ? compareDecimalStrings(a, b) : 0;
  };
  order.sort((i, j) => sign * compare(i, j));
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    ranks[i] = k > 0 && compare(order[k - 1], i) === 0 ? ranks[order[k - 1]] : k + 1;
  }
  return ranks;
}
