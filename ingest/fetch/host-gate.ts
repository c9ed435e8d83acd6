/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and at least `delayMillis` between
 * the end of one request and the start of the next (and between starts, when concurrency > 1). A host can also be
 * deferred (Retry-After on a 429/503 applies to every request to that host, not just the one that got it).
 * Public surface: {@link HostGate}.
 */
import type { Clock } from './clock';

interface HostState {
  active: number;
  waiters: Array<() => void>;
  nextStartAt: number;
}

/** Serialises and spaces requests per host. */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly clock: Clock,
    private readonly concurrency: number,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) this.hosts.set(host, (s = { active: 0, waiters: [], nextStartAt: 0 }));
    return s;
  }

  /** Nobody starts a request to `host` before `untilMillis`. */
  defer(host: string, untilMillis: number): void {
    const s = this.state(host);
    s.nextStartAt = Math.max(s.nextStartAt, untilMillis);
  }

  /** Run `task` when `host` has a free slot and its delay has passed. */
  async run<T>(host: string, delayMillis: number, task: () => Promise<T>): Promise<T> {
    const s = this.state(host);
    if (s.active >= this.concurrency) await new Promise<void>((resolve) => s.waiters.push(resolve));
    else s.active++;
    try {
      // Re-check after every sleep: a deferral may have arrived meanwhile.
      for (let wait = s.nextStartAt - this.clock.now(); wait > 0; wait = s.nextStartAt - this.clock.now()) {
        await this.clock.sleep(wait);
      }
      s.nextStartAt = Math.max(s.nextStartAt, this.clock.now() + (this.concurrency > 1 ? delayMillis : 0));
      return await task();
    } finally {
      s.nextStartAt = Math.max(s.nextStartAt, this.clock.now() + delayMillis);
      const next = s.waiters.shift();
      if (next) next(); // hand the slot over without releasing it
      else s.active--;
    }
  }
}
