import type { Clock } from '../../src/instantly/clock.js';

/**
 * Real time, minus the waiting: `now()` is the wall clock plus every wait skipped so far, and
 * `sleep(ms)` returns at once after moving that offset to the sleeper's wake time (the latest
 * wake time among concurrent sleepers, as a scheduler would reach it). Backoff, Retry-After
 * pauses and the rate budget then cost no real time, while requests, CPU and the run's deadline
 * signal stay real; the client checks every wait against its deadline in this clock.
 */
export class SkipClock implements Clock {
  private offset = 0;
  /** Waits skipped, in ms: what the same run would have spent sleeping. */
  skippedMs = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const wake = this.now() + Math.max(0, ms);
    const before = this.offset;
    this.offset = Math.max(this.offset, wake - Date.now());
    this.skippedMs += this.offset - before;
    // A macrotask, so a retry loop still yields to I/O and to the deadline's timer.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
}
