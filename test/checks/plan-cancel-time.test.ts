import { describe, expect, it } from '@jest/globals';
import { evaluatePlan } from '../../src/checks/auth.js';
import { PlanDetails } from '../../src/instantly/schemas/workspace.js';
import { PLAN } from './run-fixtures.js';

/** Issue 15: a plan `cancel_at_time` of 1e15 used to end the run as "Invalid time value". */
describe('a cancel time out of any date range', () => {
  it('is still a warning that names the value, not an internal error', () => {
    const plan = PlanDetails.parse({
      ...PLAN,
      subscriptions: { outreach: { ...PLAN.subscriptions.outreach, cancel_at_time: 1e15 } },
    });
    const [f] = evaluatePlan(plan, { id: 'ws-1', name: 'Acme' });
    expect(f).toMatchObject({
      check: 'workspace.subscription',
      severity: 'warning',
      evidence: { cancel_at_time: '1000000000000000 (not a valid Unix time)' },
    });
    expect(f?.message).toContain('1000000000000000 (not a valid Unix time)');
  });
});
