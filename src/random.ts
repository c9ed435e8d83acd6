/**
 * A small deterministic pseudo-random number generator (mulberry32): the same seed gives the same sequence on every
 * run and machine. For reproducible benchmarks, test data and resampling — never for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
