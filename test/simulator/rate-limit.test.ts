import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { RATE_LIMITS, RateLimiter } from '../../src/simulator/rate-limit.js';
import { call, FIXED_NOW } from './helpers.js';

function burst(limiter: RateLimiter, n: number): number {
  let allowed = 0;
  for (let i = 0; i < n; i++) if (limiter.take('ws').allowed) allowed++;
  return allowed;
}

describe('the current rate limit: 100 per second and 6,000 per minute', () => {
  it('allows 100 in one second, then rejects until the second has passed', () => {
    let now = 0;
    const limiter = new RateLimiter(RATE_LIMITS.current, () => now);
    expect(burst(limiter, 150)).toBe(100);
    now = 999;
    expect(limiter.take('ws').allowed).toBe(false);
    now = 1000;
    expect(burst(limiter, 150)).toBe(100);
  });

  it('caps a minute at 6,000 even when every second stays under 100', () => {
    let now = 0;
    const limiter = new RateLimiter(RATE_LIMITS.current, () => now);
    let allowed = 0;
    for (let second = 0; second < 60; second++) {
      now = second * 1000;
      allowed += burst(limiter, 100);
    }
    expect(allowed).toBe(6000);
    now = 60_500;
    // The first second's requests have left the minute window: 100 more fit.
    expect(burst(limiter, 150)).toBe(100);
  });

  it('slides: a second that straddles two calendar seconds is held to 100 too', () => {
    let now = 0;
    const limiter = new RateLimiter(RATE_LIMITS.current, () => now);
    now = 500;
    expect(burst(limiter, 60)).toBe(60);
    now = 1_200;
    // A fixed window starting at 1 000 would allow 100 here; the sliding one holds 40.
    expect(burst(limiter, 100)).toBe(40);
    now = 1_499;
    expect(limiter.take('ws').allowed).toBe(false);
    now = 1_500;
    // The 60 sent at 500 have left the window (500, 1 500]: 60 more fit.
    expect(burst(limiter, 100)).toBe(60);
  });

  it('keeps workspaces apart', () => {
    const limiter = new RateLimiter(RATE_LIMITS.current, () => 0);
    expect(burst(limiter, 100)).toBe(100);
    expect(limiter.take('other').allowed).toBe(true);
  });
});

describe('the legacy rate limit: 100 per 10 seconds and 600 per minute', () => {
  it('allows 100 per 10 seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(RATE_LIMITS.legacy, () => now);
    expect(burst(limiter, 120)).toBe(100);
    now = 5_000;
    expect(limiter.take('ws').allowed).toBe(false);
    now = 10_000;
    expect(burst(limiter, 120)).toBe(100);
  });

  it('caps a minute at 600', () => {
    let now = 0;
    const limiter = new RateLimiter(RATE_LIMITS.legacy, () => now);
    let allowed = 0;
    for (let window = 0; window < 7; window++) {
      now = window * 10_000 + 1;
      allowed += burst(limiter, 100);
    }
    // Windows at 0..50 s fill the minute (600); the one at 60 s finds the first 100 gone.
    expect(allowed).toBe(700);
    const early = new RateLimiter(RATE_LIMITS.legacy, () => now);
    now = 0;
    let inMinute = 0;
    for (let t = 0; t < 59_000; t += 10_000) {
      now = t;
      inMinute += burst(early, 100);
    }
    expect(inMinute).toBe(600);
    now = 59_500;
    expect(early.take('ws').allowed).toBe(false);
  });

  it('applies a cooldown after repeated violations', () => {
    let now = 0;
    const limiter = new RateLimiter(RATE_LIMITS.legacy, () => now, {
      ms: 3_600_000,
      afterViolations: 3,
    });
    expect(burst(limiter, 103)).toBe(100);
    now = 20_000;
    // The window has passed, but the cooldown holds every request.
    const decision = limiter.take('ws');
    expect(decision).toMatchObject({ allowed: false, reason: 'cooldown' });
    now = 3_600_001;
    expect(limiter.take('ws').allowed).toBe(true);
  });
});

describe('the rate limit through the server', () => {
  let sim: RunningSimulator;
  let now = 0;
  beforeAll(async () => {
    sim = await startSimulator({
      scenario: 'healthy',
      rateLimit: 'legacy',
      clock: () => now,
      now: FIXED_NOW,
    });
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('is workspace-wide across keys, answers 429 with the envelope and counts both', async () => {
    sim.clearLog();
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await call(sim, '/workspaces/current')).status);
    for (let i = 0; i < 45; i++)
      statuses.push((await call(sim, '/workspaces/current', { key: sim.keys.readOnly })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    const rejected = await call(sim, '/campaigns');
    expect(rejected.status).toBe(429);
    expect(rejected.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Rate limit exceeded',
    });
    expect(sim.counts()).toEqual({ requests: 106, rateLimited: 6 });
    // Another workspace's key has its own budget.
    expect((await call(sim, '/workspaces/current', { key: sim.keys.agency })).status).toBe(200);
    now = 10_000;
    expect((await call(sim, '/campaigns')).status).toBe(200);
  });
});

describe('the cooldown through the server', () => {
  it('rejects every request during the cooldown, then serves again', async () => {
    let now = 0;
    const sim = await startSimulator({
      scenario: 'healthy',
      rateLimit: 'legacy',
      cooldownMs: 3_600_000,
      cooldownAfter: 2,
      clock: () => now,
      now: FIXED_NOW,
    });
    try {
      for (let i = 0; i < 100; i++) await call(sim, '/workspaces/current');
      expect((await call(sim, '/workspaces/current')).status).toBe(429);
      expect((await call(sim, '/workspaces/current')).status).toBe(429);
      now = 60_000;
      // The windows have emptied, but the cooldown holds.
      expect((await call(sim, '/campaigns')).status).toBe(429);
      now = 3_600_001;
      expect((await call(sim, '/campaigns')).status).toBe(200);
      expect(sim.counts().rateLimited).toBe(3);
    } finally {
      await sim.stop();
    }
  });
});
