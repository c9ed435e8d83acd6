/**
 * Time source for the fetcher, injectable so politeness and backoff tests run instantly.
 * Public surface: {@link Clock}, {@link systemClock}.
 */

/** Wall clock and sleep. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
