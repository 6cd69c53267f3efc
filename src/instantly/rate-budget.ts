import type { Clock } from './clock.js';

/**
 * One budget for every request the client sends, because Instantly's limit is per workspace,
 * shared with the customer's own tools: a paced schedule (GCRA: one request per `1/rate` s with
 * a burst of at most `MAX_BURST`), a log of the last second's sends so that no sliding one-second
 * window ever holds more than `rate` requests (and so no minute more than 60 × `rate`), a cap on
 * requests in flight, and AIMD on 429 (halve the rate, floor 1/s; add 1/s back after a run of
 * successes), so that a 429 storm slows every caller instead of feeding itself.
 *
 * Why not a token bucket: a bucket whose burst equals its rate sends a full bucket at the start of
 * a window plus a second's refill, up to twice `rate` in one sliding second (issue #21).
 */
/** Requests that may leave back to back after an idle spell; never more than the rate allows. */
export const MAX_BURST = 3;
const WINDOW_MS = 1_000;
export interface RateBudgetOptions {
  /** Requests per second at most, in any sliding one-second window. */
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
  /** GCRA's theoretical arrival time: when the next request is due at the paced rate. */
  private tat: number;
  /** Grant times of the last second, oldest first (from `sentHead`). */
  private sent: number[] = [];
  private sentHead = 0;
  private blockedUntil = 0;
  private successes = 0;
  private generation = 0;
  private readonly slots: Slots;
  /** One taker at a time keeps the schedule's arithmetic exact and the order FIFO. */
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
    this.tat = this.clock.now();
  }

  /** Requests per second currently allowed. */
  get rate(): number {
    return this.currentRate;
  }

  /**
   * Waits for a slot and a turn in the schedule. With `deadlineAt` (in clock time), a Retry-After
   * pause that ends after it rejects with `PauseOutlastsDeadline` instead of sleeping into the
   * deadline.
   */
  async acquire(signal?: AbortSignal, deadlineAt?: number): Promise<Permit> {
    const start = this.clock.now();
    await this.slots.take(signal);
    try {
      await this.tokenTurn.take(signal);
      try {
        await this.takeTurn(signal, deadlineAt);
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
      this.currentRate = Math.min(this.maxRate, this.currentRate + this.recoverStep);
      this.successes = 0;
    }
  }

  /**
   * A 429: halve the rate and drop any burst, once per generation (the next request waits a full
   * interval at the new rate). The other requests already in flight were sent at the old rate;
   * their 429s are the same signal, not a new one.
   */
  onRateLimited(permit: Pick<Permit, 'epoch'>, retryAfterMs?: number): void {
    this.successes = 0;
    if (retryAfterMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + retryAfterMs);
    }
    if (permit.epoch !== this.generation) return;
    this.generation++;
    this.currentRate = Math.max(this.floorRate, this.currentRate / 2);
    this.tat = Math.max(this.tat, this.clock.now() + this.burst() * this.interval());
  }

  private interval(): number {
    return WINDOW_MS / this.currentRate;
  }

  /** Requests allowed in one sliding second now (a fractional rate rounds down, at least 1). */
  private perWindow(): number {
    return Math.max(1, Math.floor(this.currentRate + 1e-9));
  }

  private burst(): number {
    return Math.min(MAX_BURST, this.perWindow());
  }

  /** How long until both the pace and the one-second window allow a request; 0 when now. */
  private waitMs(now: number): number {
    const paced = this.tat - (this.burst() - 1) * this.interval() - now;
    while (this.sentHead < this.sent.length && (this.sent[this.sentHead] ?? 0) <= now - WINDOW_MS) {
      this.sentHead++;
    }
    if (this.sentHead > 256 && this.sentHead * 2 > this.sent.length) {
      this.sent = this.sent.slice(this.sentHead);
      this.sentHead = 0;
    }
    const inWindow = this.sent.length - this.sentHead;
    const limit = this.perWindow();
    // The request `limit` back must have left the window (it is in it while t > sent - 1000).
    const windowed =
      inWindow >= limit ? (this.sent[this.sent.length - limit] ?? now) + WINDOW_MS - now : 0;
    return Math.max(0, paced, windowed);
  }

  private async takeTurn(signal?: AbortSignal, deadlineAt?: number): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      const blocked = this.blockedUntil - now;
      if (blocked > 0) {
        if (deadlineAt !== undefined && this.blockedUntil > deadlineAt) {
          throw new PauseOutlastsDeadline(blocked);
        }
        await this.clock.sleep(blocked, signal);
        continue;
      }
      const wait = this.waitMs(now);
      if (wait <= 0) {
        this.tat = Math.max(this.tat, now) + this.interval();
        this.sent.push(now);
        return;
      }
      await this.clock.sleep(Math.ceil(wait), signal);
    }
  }
}
