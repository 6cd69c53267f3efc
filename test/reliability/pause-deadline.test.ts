import { describe, expect, it } from '@jest/globals';
import { PauseOutlastsDeadline, RateBudget } from '../../src/instantly/rate-budget.js';
import { FakeClock } from '../instantly/helpers.js';

/**
 * A Retry-After is a pause for the whole workspace. When it ends after the run's deadline, the
 * requests queued behind it fail at once with the reason, instead of sleeping into a timeout
 * (found by the fault matrix: one 429 with Retry-After: 600 turned every other suite into
 * "timed out").
 */
describe('a Retry-After pause and the run deadline', () => {
  it('fails a queued request at once when the pause ends after the deadline', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ rate: 100, maxConcurrency: 4, clock });
    budget.onRateLimited(await budget.acquire(), 60_000);
    const deadlineAt = clock.now() + 5_000;
    const start = clock.now();
    await expect(budget.acquire(undefined, deadlineAt)).rejects.toBeInstanceOf(
      PauseOutlastsDeadline,
    );
    expect(clock.now() - start).toBe(0);
  });

  it('still waits for a pause that ends before the deadline', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ rate: 100, maxConcurrency: 4, clock });
    budget.onRateLimited(await budget.acquire(), 3_000);
    const start = clock.now();
    await budget.acquire(undefined, clock.now() + 5_000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3_000);
  });
});
