/**
 * Remediation through the one health run the action and the CLI share, against the simulator: a
 * key without the write scope, and the rules that keep remediation safe.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { renderSummary } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';
import { runHealthCheck } from '../../src/run-health.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { settings } from '../checks/run-fixtures.js';

const SPEC = {
  name: 'resumable',
  campaigns: 4,
  activeShare: 0.5,
  accounts: 6,
  sendingDomains: 2,
  webhooks: 2,
  leadsPerCampaign: 50,
  problems: { 'webhook.disabled_endpoint_up': 1 } as const,
};

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function check(key: (s: RunningSimulator) => string, remediate: unknown) {
  sim = await startSimulator({ scenario: SPEC });
  const disabled = sim.data.workspace.webhooks.find((w) => w.status === -1);
  if (!disabled) throw new Error('the scenario has a disabled webhook');
  const report = await runHealthCheck(
    settings({ apiKey: key(sim), baseUrl: sim.url, rateLimit: 1000 }, { remediate }),
  );
  return { report, disabled, sim };
}

describe('remediation and scopes', () => {
  it('names webhooks:update when the key may test but not resume', async () => {
    const { report, disabled } = await check((s) => s.keys.readOnly, {
      actions: ['resume-webhooks'],
      dry_run: false,
    });
    const step = report.remediation?.steps[0];
    expect(step).toMatchObject({ resource: { id: disabled.id }, outcome: 'failed' });
    expect(step?.detail).toMatch(/webhooks:update.*all:update/);
    expect(disabled.status).toBe(-1);
    // Both renderers carry it.
    expect(renderSummary(report)).toContain('webhooks:update');
    expect(renderText(report, { color: false })).toMatch(/failed: resume-webhook/);
  });

  it('resumes with a write scope', async () => {
    const { report, disabled } = await check((s) => s.apiKey, {
      actions: ['resume-webhooks'],
      dry_run: false,
    });
    expect(report.remediation?.steps.map((s) => s.outcome)).toEqual(['done']);
    expect(disabled.status).toBe(1);
    // Its requests are in the stats: they spend the same rate limit.
    expect(report.stats.byEndpoint).toMatchObject({
      'POST /webhooks/{id}/test': 1,
      'POST /webhooks/{id}/resume': 1,
    });
  });

  it('leaves the report without remediation when none is configured, and never writes', async () => {
    const { report, sim: s } = await check((x) => x.apiKey, []);
    expect(report.remediation).toBeUndefined();
    expect(s.log.filter((r) => r.method === 'POST' && /\/(test|resume)$/.test(r.path))).toEqual([]);
  });

  it('fixes nothing when the webhooks suite could not decide', async () => {
    sim = await startSimulator({ scenario: SPEC });
    const disabled = sim.data.workspace.webhooks.find((w) => w.status === -1);
    sim.setFaults([{ kind: 'malformed-json', path: '/webhooks', times: 100 }]);
    const report = await runHealthCheck(
      settings(
        { apiKey: sim.apiKey, baseUrl: sim.url, rateLimit: 1000 },
        { remediate: { actions: ['resume-webhooks'], dry_run: false } },
      ),
    );
    expect(report.remediation).toEqual({ dryRun: false, actions: ['resume-webhooks'], steps: [] });
    expect(disabled?.status).toBe(-1);
  });
});
