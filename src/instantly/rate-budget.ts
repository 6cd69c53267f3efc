import type { Clock } from './clock.js';

/**
 * One budget for every request the client sends, because Instantly's limit is per workspace,
 * shared with the customer's own tools: a token bucket (`rate` per second, burst no larger than
 * the rate), a cap on requests in flight, and AIMD on 429 (halve the rate, floor 1/s; add 1/s
 * back after a run of successes), so that a 429 storm slows every caller instead of feeding itself.
 */
export interface RateBudgetOptions {
  /** Requests per second at most, and the burst size. */
  rate: number;
  maxConcurrency: number;
  clock: Clock;
  /** The rate never drops below this on 429s. */
  floorRate?: number;
  /** Successes in a row before the rate steps back up by `recoverStep`. */
  recoverAfter?: number;
  recoverStep?: number;
}

export interface Permit {
  /** Time this caller spent queued for a slot and a token. */
  readonly waitedMs: number;
  /** Rate generation the request was sent under; 429s from an older one do not halve again. */
  readonly epoch: number;
  release(): void;
}

/**
 * The server asked the whole workspace to pause (Retry-After) past the caller's deadline: waiting
 * would only turn every pending request into a timeout, so they fail now and say why.
 */
export class PauseOutlastsDeadline extends Error {
  constructor(readonly pauseMs: number) {
    super(
      `Instantly asked to pause requests for ${Math.ceil(pauseMs / 1000)} s (Retry-After), past the run's deadline`,
    );
    this.name = 'PauseOutlastsDeadline';
  }
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
}

/** A FIFO semaphore whose waiters leave the queue when their signal aborts. */
class Slots {
  private active = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly size: number) {}

  async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      const onAbort = () => {
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        const reason: unknown = signal?.reason;
        reject(reason instanceof Error ? reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  give(): void {
    const next = this.queue.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next.resolve();
    else this.active--;
  }
}

export class RateBudget {
  readonly maxRate: number;
  private currentRate: number;
  private tokens: number;
  private lastRefill: number;
  private blockedUntil = 0;
  private successes = 0;
  private generation = 0;
  private readonly slots: Slots;
  /** One token taker at a time keeps the bucket's arithmetic exact and the order FIFO. */
  private readonly tokenTurn = new Slots(1);
  private readonly clock: Clock;
  private readonly floorRate: number;
  private readonly recoverAfter: number;
  private readonly recoverStep: number;

  constructor(options: RateBudgetOptions) {
    if (!(options.rate > 0) || !Number.isFinite(options.rate)) {
      throw new RangeError(
        `rate limit must be a positive number of requests per second, got ${String(options.rate)}`,
      );
    }
    if (!Number.isInteger(options.maxConcurrency) || options.maxConcurrency < 1) {
      throw new RangeError(
        `max concurrency must be a whole number of at least 1, got ${String(options.maxConcurrency)}`,
      );
    }
    this.clock = options.clock;
    this.maxRate = options.rate;
    this.currentRate = options.rate;
    this.floorRate = Math.min(options.floorRate ?? 1, options.rate);
    this.recoverAfter = options.recoverAfter ?? 20;
    this.recoverStep = options.recoverStep ?? 1;
    this.slots = new Slots(options.maxConcurrency);
    this.tokens = this.capacity();
    this.lastRefill = this.clock.now();
  }

  /** Requests per second currently allowed. */
  get rate(): number {
    return this.currentRate;
  }

  /**
   * Waits for a slot and a token. With `deadlineAt` (in clock time), a Retry-After pause that
   * ends after it rejects with `PauseOutlastsDeadline` instead of sleeping into the deadline.
   */
  async acquire(signal?: AbortSignal, deadlineAt?: number): Promise<Permit> {
    const start = this.clock.now();
    await this.slots.take(signal);
    try {
      await this.tokenTurn.take(signal);
      try {
        await this.takeToken(signal, deadlineAt);
      } finally {
        this.tokenTurn.give();
      }
    } catch (error) {
      this.slots.give();
      throw error;
    }
    let released = false;
    return {
      waitedMs: this.clock.now() - start,
      epoch: this.generation,
      release: () => {
        if (released) return;
        released = true;
        this.slots.give();
      },
    };
  }

  /** A response that was not a 429: count toward stepping the rate back up. */
  onSuccess(): void {
    if (this.currentRate >= this.maxRate) return;
    this.successes++;
    if (this.successes >= this.recoverAfter) {
      this.refill();
      this.currentRate = Math.min(this.maxRate, this.currentRate + this.recoverStep);
      this.successes = 0;
    }
  }

  /**
   * A 429: halve the rate and empty the bucket, once per generation. The other requests already
   * in flight were sent at the old rate; their 429s are the same signal, not a new one.
   */
  onRateLimited(permit: Pick<Permit, 'epoch'>, retryAfterMs?: number): void {
    this.successes = 0;
    if (retryAfterMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + retryAfterMs);
    }
    if (permit.epoch !== this.generation) return;
    this.refill();
    this.generation++;
    this.currentRate = Math.max(this.floorRate, this.currentRate / 2);
    this.tokens = 0;
  }

  private capacity(): number {
    return Math.max(1, Math.floor(this.currentRate));
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.capacity(), this.tokens + (elapsed * this.currentRate) / 1000);
    this.lastRefill = now;
  }

  private async takeToken(signal?: AbortSignal, deadlineAt?: number): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const blocked = this.blockedUntil - this.clock.now();
      if (blocked > 0) {
        if (deadlineAt !== undefined && this.blockedUntil > deadlineAt) {
          throw new PauseOutlastsDeadline(blocked);
        }
        await this.clock.sleep(blocked, signal);
        continue;
      }
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const missing = 1 - this.tokens;
      await this.clock.sleep(Math.ceil((missing * 1000) / this.currentRate), signal);
    }
  }
}
