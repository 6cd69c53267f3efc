import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { RateBudget } from '../../src/instantly/rate-budget.js';
import { FakeClock, ORIGIN, anything, mockInstantly, testClient } from './helpers.js';

function budget(rate: number, maxConcurrency = 100, clock = new FakeClock()) {
  return { budget: new RateBudget({ rate, maxConcurrency, clock }), clock };
}

async function sequential(b: RateBudget, n: number) {
  for (let i = 0; i < n; i++) (await b.acquire()).release();
}

/**
 * Virtual time with a timer queue: every sleeper wakes at its own time, in order, so many
 * concurrent callers can be simulated (FakeClock advances one shared time per sleep).
 */
class VirtualClock {
  time = 0;
  private timers: { at: number; seq: number; wake: () => void }[] = [];
  private seq = 0;

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, wake: resolve });
    });
  }

  /** Runs until `done` settles: lets every callback run, then jumps to the next timer. */
  async run(done: Promise<unknown>): Promise<void> {
    const state = { finished: false };
    void done.finally(() => {
      state.finished = true;
    });
    for (;;) {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      if (state.finished) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('stuck: nothing scheduled and the callers have not finished');
      this.time = Math.max(this.time, next.at);
      next.wake();
    }
  }
}

/** The largest number of grants inside any half-open window [t, t + windowMs). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo++;
    most = Math.max(most, hi - lo + 1);
  }
  return most;
}

describe('paced schedule', () => {
  it('lets a short burst through, then spaces requests at 1/rate', async () => {
    const { budget: b, clock } = budget(5);
    const start = clock.now();
    await sequential(b, 3);
    expect(clock.now() - start).toBe(0);
    await sequential(b, 2);
    expect(clock.sleeps).toEqual([200, 200]);
    // The sixth would make six in one second: it waits for the first to leave the window.
    await sequential(b, 1);
    expect(clock.now() - start).toBe(1000);
  });

  it('never sends more than `rate` in one second, even after a long idle spell', async () => {
    const { budget: b, clock } = budget(2);
    clock.time += 60_000; // idle time banks no more than the small burst
    const start = clock.now();
    await sequential(b, 3);
    expect(clock.now() - start).toBe(1000);
  });

  it('keeps the rate over a long run (the window costs no throughput)', async () => {
    const { budget: b, clock } = budget(50);
    const start = clock.now();
    await sequential(b, 1000);
    // 1,000 requests at 50/s: 20 s, less the burst.
    expect(clock.now() - start).toBeGreaterThanOrEqual(19_000);
    expect(clock.now() - start).toBeLessThanOrEqual(20_000);
  });

  it('reports how long each caller waited', async () => {
    const { budget: b } = budget(1);
    expect((await b.acquire()).waitedMs).toBe(0);
    expect((await b.acquire()).waitedMs).toBe(1000);
  });

  it('holds every sliding one-second window to the rate, for any rate and request pattern', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 1, max: 100, noNaN: true })),
        fc.integer({ min: 1, max: 8 }),
        fc.array(
          fc.record({
            startMs: fc.integer({ min: 0, max: 4_000 }),
            holdMs: fc.integer({ min: 0, max: 400 }),
          }),
          { minLength: 1, maxLength: 250 },
        ),
        async (rate, maxConcurrency, pattern) => {
          const clock = new VirtualClock();
          const b = new RateBudget({ rate, maxConcurrency, clock });
          const granted: number[] = [];
          const callers = pattern.map(async ({ startMs, holdMs }) => {
            await clock.sleep(startMs);
            const permit = await b.acquire();
            granted.push(clock.now());
            await clock.sleep(holdMs);
            permit.release();
          });
          await clock.run(Promise.all(callers));
          expect(granted).toHaveLength(pattern.length);
          expect(busiestWindow(granted, 1000)).toBeLessThanOrEqual(Math.floor(rate));
          // A minute holds at most 60 seconds' worth (each second is held to the rate).
          expect(busiestWindow(granted, 60_000)).toBeLessThanOrEqual(60 * Math.floor(rate));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('concurrency cap', () => {
  it('holds a caller until a slot is released', async () => {
    const { budget: b } = budget(1000, 2);
    const first = await b.acquire();
    await b.acquire();
    let third = false;
    const pending = b.acquire().then((p) => {
      third = true;
      return p;
    });
    await new Promise((r) => setImmediate(r));
    expect(third).toBe(false);
    first.release();
    await pending;
    expect(third).toBe(true);
  });

  it('lets a queued caller leave when its signal aborts, without losing the slot', async () => {
    const { budget: b } = budget(1000, 1);
    const held = await b.acquire();
    const controller = new AbortController();
    const queued = b.acquire(controller.signal);
    controller.abort(new Error('deadline'));
    await expect(queued).rejects.toThrow('deadline');
    held.release();
    await expect(b.acquire()).resolves.toBeDefined();
  });
});

describe('AIMD on 429', () => {
  it('halves the rate on a 429, down to a floor of 1 per second', async () => {
    const { budget: b } = budget(8);
    for (const expected of [4, 2, 1, 1]) {
      b.onRateLimited(await b.acquire());
      expect(b.rate).toBe(expected);
    }
  });

  it('halves once for 429s of requests sent at the same rate', async () => {
    const { budget: b } = budget(8);
    const inFlight = await Promise.all([b.acquire(), b.acquire(), b.acquire()]);
    for (const permit of inFlight) b.onRateLimited(permit);
    expect(b.rate).toBe(4);
  });

  it('empties the bucket, so the next caller waits', async () => {
    const { budget: b, clock } = budget(10);
    b.onRateLimited(await b.acquire());
    await sequential(b, 1);
    expect(clock.sleeps).toEqual([200]);
  });

  it('steps back up by 1/s after 20 successes in a row, up to the configured rate', async () => {
    const { budget: b } = budget(8);
    b.onRateLimited(await b.acquire());
    for (let i = 0; i < 19; i++) b.onSuccess();
    expect(b.rate).toBe(4);
    b.onSuccess();
    expect(b.rate).toBe(5);
    for (let i = 0; i < 200; i++) b.onSuccess();
    expect(b.rate).toBe(8);
  });

  it('holds every caller until a Retry-After has passed', async () => {
    const { budget: b, clock } = budget(100);
    b.onRateLimited(await b.acquire(), 3000);
    const start = clock.now();
    await b.acquire();
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000);
  });
});

describe('one budget for the whole client', () => {
  it('spaces every caller further apart after a 429, so the storm does not feed itself', async () => {
    const clock = new FakeClock();
    const arrivals: number[] = [];
    const { agent } = mockInstantly((_request, index) => {
      arrivals.push(clock.now());
      return index === 0
        ? {
            status: 429,
            json: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' },
          }
        : { status: 200, json: {} };
    });
    const { client } = testClient(agent, { clock, rateLimit: 10, maxConcurrency: 4 });
    await client.get('/first', { schema: anything });
    expect(client.currentRate()).toBe(5);
    await Promise.all(
      Array.from({ length: 19 }, (_, i) => client.get(`/r${i}`, { schema: anything })),
    );
    // 20 requests after the 429: a burst of 5, then one per 200 ms (at 10/s: 10, then one per 100 ms).
    const after = arrivals.slice(1);
    expect(after).toHaveLength(20);
    expect((after.at(-1) ?? 0) - (after[0] ?? 0)).toBeGreaterThanOrEqual(3000);
    expect(client.statistics().rateLimited).toBe(1);
  });

  it('never has more than maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get(ORIGIN)
      .intercept({ path: () => true })
      .reply(async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return {
          statusCode: 200,
          data: '{}',
          responseOptions: { headers: { 'content-type': 'application/json' } },
        };
      })
      .persist();
    const { client } = testClient(agent, { maxConcurrency: 2, rateLimit: 1000 });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => client.get(`/r${i}`, { schema: anything })),
    );
    expect(peak).toBe(2);
  });
});
