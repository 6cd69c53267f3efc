import { describe, expect, it } from '@jest/globals';
import { isActive } from '../../src/checks/campaign-selection.js';
import { domainOf } from '../../src/checks/senders.js';
import { runSettings, runSuites, type SuitesRun } from './simulated.js';

/**
 * The request plan (docs/instantly-api.md, "Request plan"), rows 3-8: the campaigns and
 * accounts suites' share of the minimal plan, with campaign analytics asked twice (over the
 * bounce window for rates, and without a range for lifetime lead counts),
 * plus the early warnings' daily sending analytics, ⌈A/200⌉ × ⌈days/31⌉ (one window of at most
 * 31 days, so ⌈A/200⌉). P(x) = ⌊x/100⌋ + 1 pages: the simulator, like the live API, returns a
 * cursor on the last page, and the client stops on a page shorter than its limit or on the empty
 * page after a full last one; K active campaigns; A accounts in scope on D sending domains.
 */
const P = (x: number) => Math.floor(x / 100) + 1;
const batches = (x: number) => Math.ceil(x / 100);

function plan(run: SuitesRun, scopedAccounts: number, scopedDomains: number) {
  const { campaigns, accounts } = run.sim.data.workspace;
  return {
    'GET /campaigns': P(campaigns.length),
    'GET /campaigns/analytics': 2,
    'GET /campaigns/{id}/sending-status': campaigns.filter(isActive).length,
    // Stalled campaigns: one daily-analytics request per checked campaign in status 1.
    'GET /campaigns/analytics/daily': campaigns.filter((c) => c.status === 1).length,
    'GET /accounts': P(accounts.length),
    'POST /accounts/warmup-analytics': batches(scopedAccounts),
    'POST /accounts/test/vitals': batches(scopedDomains),
    'GET /accounts/analytics/daily': Math.ceil(scopedAccounts / 200),
  };
}

function expectWithinPlan(run: SuitesRun, planned: Record<string, number>): void {
  expect(run.requests).toEqual(planned);
  expect(run.total).toBe(Object.values(planned).reduce((a, b) => a + b, 0));
}

function domainsOfWorkspace(run: SuitesRun): number {
  return new Set(run.sim.data.workspace.accounts.map((a) => domainOf(a.email))).size;
}

function domainsInScope(run: SuitesRun): number {
  return Number(/on (\d+) domains/.exec(run.accounts.details[0] ?? '')?.[1]);
}

describe('request counts against the plan', () => {
  it('broken: the plan, with warmup and vitals for the senders in scope', async () => {
    const run = await runSuites('broken');
    expectWithinPlan(run, plan(run, run.accounts.checked, domainsInScope(run)));
  });

  it('large, scope all: the plan with A and D the whole workspace', async () => {
    const run = await runSuites('large', runSettings({ accounts: { scope: 'all' } }));
    expect(run.accounts.checked).toBe(run.sim.data.workspace.accounts.length);
    // 5,000 senders and none injected with an early-warning problem: not one false alarm.
    const early = ['account.warmup-trend', 'account.warmup-spam', 'account.bounce-rate'];
    expect(run.findings.filter((f) => [...early, 'account.volume-cap'].includes(f.check))).toEqual(
      [],
    );
    expectWithinPlan(
      run,
      plan(run, run.sim.data.workspace.accounts.length, domainsOfWorkspace(run)),
    );
  }, 120_000);

  it('large, default scope: the plan for the senders of the checked campaigns', async () => {
    const run = await runSuites('large');
    expectWithinPlan(run, plan(run, run.accounts.checked, domainsInScope(run)));
  }, 120_000);
});
