/**
 * Instantly's workspace rate limit, both published versions (docs/instantly-api.md, "Rate limits"), as sliding
 * windows over an injected clock. Only accepted requests use the budget; an optional cooldown
 * (the earlier docs' "cooldown period of 1 hour") rejects everything after repeated violations.
 */
export interface RateWindow {
  windowMs: number;
  max: number;
}

export const RATE_LIMITS = {
  /** 100 requests per second and 6,000 per minute. */
  current: [
    { windowMs: 1_000, max: 100 },
    { windowMs: 60_000, max: 6_000 },
  ],
  /** 100 requests per 10 seconds and 600 per minute. */
  legacy: [
    { windowMs: 10_000, max: 100 },
    { windowMs: 60_000, max: 600 },
  ],
} as const satisfies Record<string, readonly RateWindow[]>;

export type RateLimitMode = keyof typeof RATE_LIMITS | 'off';

export interface RateDecision {
  allowed: boolean;
  /** When the request would next be allowed, for a client that asks (not sent as a header). */
  retryAfterMs: number;
  reason?: 'window' | 'cooldown';
}

interface Bucket {
  /** Accepted request times, oldest first; trimmed to the longest window. */
  times: number[];
  head: number;
  violations: number[];
  cooldownUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly longest: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly clock: () => number,
    private readonly cooldown?: { ms: number; afterViolations: number },
  ) {
    this.longest = Math.max(0, ...windows.map((w) => w.windowMs));
  }

  take(key: string): RateDecision {
    const now = this.clock();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { times: [], head: 0, violations: [], cooldownUntil: 0 };
      this.buckets.set(key, bucket);
    }
    if (now < bucket.cooldownUntil) {
      return { allowed: false, retryAfterMs: bucket.cooldownUntil - now, reason: 'cooldown' };
    }
    while (
      bucket.head < bucket.times.length &&
      (bucket.times[bucket.head] ?? 0) <= now - this.longest
    )
      bucket.head++;
    if (bucket.head > 1024 && bucket.head * 2 > bucket.times.length) {
      bucket.times = bucket.times.slice(bucket.head);
      bucket.head = 0;
    }
    let retryAfterMs = 0;
    for (const window of this.windows) {
      const inWindow = this.countSince(bucket, now - window.windowMs);
      if (inWindow >= window.max) {
        // The oldest request inside the window must leave it before another fits.
        const oldest = bucket.times[bucket.times.length - window.max] ?? now;
        retryAfterMs = Math.max(retryAfterMs, oldest + window.windowMs - now);
      }
    }
    if (retryAfterMs > 0) {
      this.recordViolation(bucket, now);
      return { allowed: false, retryAfterMs, reason: 'window' };
    }
    bucket.times.push(now);
    return { allowed: true, retryAfterMs: 0 };
  }

  private countSince(bucket: Bucket, since: number): number {
    // Binary search for the first time strictly after `since`.
    let lo = bucket.head;
    let hi = bucket.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((bucket.times[mid] ?? 0) > since) hi = mid;
      else lo = mid + 1;
    }
    return bucket.times.length - lo;
  }

  private recordViolation(bucket: Bucket, now: number): void {
    if (!this.cooldown) return;
    bucket.violations = bucket.violations.filter((t) => t > now - this.longest);
    bucket.violations.push(now);
    if (bucket.violations.length >= this.cooldown.afterViolations) {
      bucket.cooldownUntil = now + this.cooldown.ms;
      bucket.violations = [];
    }
  }
}
