import { describe, expect, it } from '@jest/globals';
import { evaluatePlan, evaluateWorkspace } from '../../src/checks/auth.js';
import { PlanDetails, Workspace } from '../../src/instantly/schemas/workspace.js';
import { PLAN, WORKSPACE } from './run-fixtures.js';

const ws = { id: 'ws-1', name: 'Acme Outbound' };
const plan = (outreach: Record<string, unknown>) =>
  PlanDetails.parse({
    ...PLAN,
    subscriptions: { outreach: { ...PLAN.subscriptions.outreach, ...outreach } },
  });

describe('workspace removal', () => {
  it('is an error naming the date when the workspace is scheduled for removal', () => {
    const [f, ...rest] = evaluateWorkspace(
      Workspace.parse({ ...WORKSPACE, scheduled_for_removal_at: '2026-12-15T00:00:00.000Z' }),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      check: 'workspace.removal',
      severity: 'error',
      resource: { type: 'workspace', id: 'ws-1', name: 'Acme Outbound' },
      fingerprint: 'workspace.removal:workspace:ws-1',
    });
    expect(f?.message).toContain('2026-12-15');
  });

  it('says nothing for a workspace that is not being removed, and accepts fields it does not know', () => {
    expect(evaluateWorkspace(Workspace.parse({ ...WORKSPACE, brand_new_field: 1 }))).toEqual([]);
  });
});

describe('plan usage', () => {
  it('warns at 90 % of the lead limit and is an error at 100 %', () => {
    expect(evaluatePlan(plan({ current_lead_count: 22_499 }), ws)).toEqual([]);
    const warn = evaluatePlan(plan({ current_lead_count: 22_500 }), ws);
    expect(warn.map((f) => [f.check, f.severity, f.fingerprint])).toEqual([
      ['workspace.lead-usage', 'warning', 'workspace.lead-usage:workspace:ws-1:outreach'],
    ]);
    expect(evaluatePlan(plan({ current_lead_count: 25_000 }), ws)[0]?.severity).toBe('error');
  });

  it('warns that a subscription set to cancel ends on a given date', () => {
    const [f] = evaluatePlan(plan({ cancel_at_time: 1_767_225_600 }), ws);
    expect(f).toMatchObject({
      check: 'workspace.subscription',
      severity: 'warning',
      fingerprint: 'workspace.subscription:workspace:ws-1:outreach',
      evidence: { cancel_at_time: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('ignores a plan without a lead limit rather than dividing by zero', () => {
    expect(evaluatePlan(plan({ total_lead_limit: 0, current_lead_count: 5 }), ws)).toEqual([]);
    expect(evaluatePlan(PlanDetails.parse({}), ws)).toEqual([]);
  });
});
