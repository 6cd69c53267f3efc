import { describe, expect, it } from '@jest/globals';
import { MockAgent } from 'undici';
import { RateBudget } from '../../src/instantly/rate-budget.js';
import { FakeClock, ORIGIN, anything, mockInstantly, testClient } from './helpers.js';

function budget(rate: number, maxConcurrency = 100, clock = new FakeClock()) {
  return { budget: new RateBudget({ rate, maxConcurrency, clock }), clock };
}

async function sequential(b: RateBudget, n: number) {
  for (let i = 0; i < n; i++) (await b.acquire()).release();
}

describe('token bucket', () => {
  it('lets a burst of `rate` through, then spaces requests at 1/rate', async () => {
    const { budget: b, clock } = budget(5);
    const start = clock.now();
    await sequential(b, 5);
    expect(clock.now() - start).toBe(0);
    await sequential(b, 5);
    expect(clock.sleeps).toEqual([200, 200, 200, 200, 200]);
    expect(clock.now() - start).toBe(1000);
  });

  it('never bursts beyond the rate', async () => {
    const { budget: b, clock } = budget(2);
    clock.time += 60_000; // a long idle spell does not bank more than `rate` tokens
    await sequential(b, 3);
    expect(clock.sleeps).toEqual([500]);
  });

  it('reports how long each caller waited', async () => {
    const { budget: b } = budget(1);
    expect((await b.acquire()).waitedMs).toBe(0);
    expect((await b.acquire()).waitedMs).toBe(1000);
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
