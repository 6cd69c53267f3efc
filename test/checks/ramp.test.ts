import { describe, expect, it } from '@jest/globals';
import { allowedLimit, evaluateRamp, RAMP_CHECK } from '../../src/checks/ramp.js';
import { account, accountsConfig, NOW } from './fixtures.js';
import { runSuites } from './simulated.js';

/** Sender ramp-up (issue 20). NOW is 2026-11-30T12:00Z. */
const ramp = accountsConfig().ramp;
const newMailbox = (overrides: Record<string, unknown>) =>
  account({ timestamp_warmup_start: '2026-11-25T12:00:00.000Z', ...overrides });

describe('evaluateRamp', () => {
  it('allows start + per_day a day of age, up to max_daily_limit (10, +2 a day, 30)', () => {
    expect(allowedLimit(ramp, 0)).toBe(10);
    expect(allowedLimit(ramp, 5)).toBe(20);
    expect(allowedLimit(ramp, 13)).toBe(30);
  });

  it('warns on a 5-day-old mailbox at 50 a day and on its slow ramp being off', () => {
    const out = evaluateRamp(newMailbox({ daily_limit: 50, enable_slow_ramp: false }), ramp, NOW);
    expect(out.map((f) => [f.check, f.severity, f.fingerprint.split(':').at(-1)])).toEqual([
      [RAMP_CHECK, 'warning', 'limit'],
      [RAMP_CHECK, 'warning', 'slow-ramp'],
    ]);
    expect(out[0]?.message).toContain('daily campaign limit is 50; the ramp allows 20');
  });

  it('is silent within the ramp with slow ramp on, after new_days, and without a warmup start', () => {
    expect(
      evaluateRamp(newMailbox({ daily_limit: 20, enable_slow_ramp: true }), ramp, NOW),
    ).toEqual([]);
    const old = account({ timestamp_warmup_start: '2026-11-01T00:00:00.000Z', daily_limit: 50 });
    expect(evaluateRamp({ ...old, enable_slow_ramp: false }, ramp, NOW)).toEqual([]);
    expect(
      evaluateRamp(account({ timestamp_warmup_start: null, daily_limit: 50 }), ramp, NOW),
    ).toEqual([]);
  });

  it('follows accounts.ramp: disabled, or a custom ramp and no slow-ramp requirement', () => {
    const mailbox = newMailbox({ daily_limit: 50, enable_slow_ramp: false });
    expect(evaluateRamp(mailbox, { ...ramp, enabled: false }, NOW)).toEqual([]);
    const lenient = { ...ramp, start: 40, require_slow_ramp: false, max_daily_limit: 60 };
    expect(evaluateRamp(mailbox, lenient, NOW)).toEqual([]);
  });
});

describe('sender ramp-up against the simulator', () => {
  it('warns on the mailbox ramping too fast, not on the one ramping as it should', async () => {
    const run = await runSuites('stalled');
    const injected = (problem: string) =>
      run.sim.data.workspace.injected.find((p) => p.problem === problem)?.resource.id;
    const ramping = run.findings.filter((f) => f.check === RAMP_CHECK);
    expect(ramping.map((f) => f.resource.id)).toEqual([
      injected('account.ramp_too_fast'),
      injected('account.ramp_too_fast'),
    ]);
    expect(injected('account.new_and_ramping')).toBeDefined();
  });

  it('raises nothing on the healthy scenario', async () => {
    const run = await runSuites('healthy');
    expect(run.findings.filter((f) => f.check === RAMP_CHECK)).toEqual([]);
  });
});
