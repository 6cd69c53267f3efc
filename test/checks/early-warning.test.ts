import { describe, expect, it } from '@jest/globals';
import { senderVerdicts } from '../../src/checks/sender-verdict.js';
import type { ProblemName } from '../../src/simulator/index.js';
import { runSettings, runSuites, type SuitesRun } from './simulated.js';

/**
 * Issue 11 against the simulator: the `early-warning` workspace shows each early warning on the
 * sender it was injected into, the one-day dip is noise, and the healthy workspace shows none.
 */

const EARLY = [
  'account.warmup-trend',
  'account.warmup-spam',
  'account.bounce-rate',
  'account.volume-cap',
];

function senderOf(run: SuitesRun, problem: ProblemName): string {
  const email = run.sim.data.injected.find((p) => p.problem === problem)?.resource.id;
  if (!email) throw new Error(`the simulator did not inject ${problem}`);
  return email;
}

function on(run: SuitesRun, email: string): string[] {
  return run.findings
    .filter((f) => f.resource.type === 'account' && f.resource.id === email)
    .map((f) => `${f.severity} ${f.check}`)
    .sort();
}

describe('early warnings on the early-warning scenario', () => {
  let run: SuitesRun | undefined;
  const load = async (): Promise<SuitesRun> => (run ??= await runSuites('early-warning'));

  it('warns about the sliding sender and names the numbers', async () => {
    const r = await load();
    const email = senderOf(r, 'account.warmup_sliding');
    expect(on(r, email)).toContain('warning account.warmup-trend');
    const trend = r.findings.find(
      (f) => f.check === 'account.warmup-trend' && f.resource.id === email,
    );
    expect(trend?.message).toMatch(/inbox 9\d % → [67]\d % \(the last 3 days against the 4 before/);
  });

  it('flags the spam-heavy sender as an error', async () => {
    const r = await load();
    expect(on(r, senderOf(r, 'account.warmup_spam_heavy'))).toContain('error account.warmup-spam');
  });

  it('flags the bouncing sender from its own daily analytics', async () => {
    const r = await load();
    const email = senderOf(r, 'account.high_bounce_rate');
    expect(on(r, email)).toEqual(['error account.bounce-rate']);
  });

  it('warns about the sender at its cap', async () => {
    const r = await load();
    expect(on(r, senderOf(r, 'account.at_volume_cap'))).toEqual(['warning account.volume-cap']);
  });

  it('leaves the sender with a one-day dip alone: noise, green', async () => {
    const r = await load();
    const email = senderOf(r, 'account.warmup_one_day_dip');
    expect(on(r, email)).toEqual([]);
    const verdicts = senderVerdicts(r.accounts.senders ?? [], r.findings);
    const named = [...verdicts.watch, ...verdicts.burning].map((s) => s.email);
    expect(named).not.toContain(email);
  });

  it('raises early warnings only on the senders they were injected into', async () => {
    const r = await load();
    const injected = new Set(r.sim.data.injected.map((p) => p.resource.id));
    const strays = r.findings.filter(
      (f) => EARLY.includes(f.check) && !injected.has(f.resource.id),
    );
    expect(strays.map((f) => f.fingerprint)).toEqual([]);
  });

  it('sorts the senders into green, watch and burning', async () => {
    const r = await load();
    const verdicts = senderVerdicts(r.accounts.senders ?? [], r.findings);
    expect(verdicts.total).toBe(r.accounts.checked);
    expect(verdicts.burning.map((s) => s.email)).toEqual(
      expect.arrayContaining([
        senderOf(r, 'account.warmup_spam_heavy'),
        senderOf(r, 'account.high_bounce_rate'),
      ]),
    );
    expect(verdicts.watch.map((s) => s.email)).toContain(senderOf(r, 'account.at_volume_cap'));
    expect(verdicts.green).toBe(verdicts.total - verdicts.watch.length - verdicts.burning.length);
    expect(verdicts.green).toBeGreaterThan(0);
  });
});

describe('no early warning on a healthy workspace', () => {
  it.each([
    ['default scope', runSettings()],
    ['scope all', runSettings({ accounts: { scope: 'all' } })],
  ])('%s, one-day dip included', async (_name, settings) => {
    const r = await runSuites('healthy', settings);
    expect(r.findings.map((f) => f.fingerprint)).toEqual([]);
    const verdicts = senderVerdicts(r.accounts.senders ?? [], r.findings);
    expect(verdicts).toEqual({
      total: r.accounts.checked,
      green: r.accounts.checked,
      watch: [],
      burning: [],
    });
  });
});
