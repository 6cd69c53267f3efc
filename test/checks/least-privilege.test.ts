import { afterEach, describe, expect, it } from '@jest/globals';
import { runChecks } from '../../src/checks/engine.js';
import { createInstantlyClient, type InstantlyClient } from '../../src/instantly/client.js';
import type { Report } from '../../src/model/report.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { settings } from './run-fixtures.js';

/**
 * A new user's least-privilege key against the simulator in its default mode, which answers a
 * missing scope as the live API does: 401 "Invalid scope. Required: X. Found: …". That 401 is a
 * valid key without one scope, so the run goes on and says which scope is missing.
 */

const NOW = new Date('2026-11-30T06:00:00.000Z');
const running: { sim: RunningSimulator; client: InstantlyClient }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.client.close();
    await r.sim.stop();
  }
});

const ALL_READ = [
  'workspaces:read',
  'workspace_billing:read',
  'campaigns:read',
  'accounts:read',
  'account_campaign_mappings:read',
  'webhooks:read',
  'webhook_events:read',
];

async function runWith(scopes: string[]): Promise<Report> {
  const sim = await startSimulator({ scenario: 'healthy', seed: 7, now: NOW });
  const apiKey = sim.keys.withScopes(scopes);
  const client = createInstantlyClient({
    apiKey,
    baseUrl: sim.url,
    rateLimit: 1000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  running.push({ sim, client });
  return runChecks({
    api: client,
    settings: settings({
      apiKey,
      baseUrl: sim.url,
      checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
    }),
    now: () => NOW,
  });
}

describe('a key without one scope is not a bad key', () => {
  it('without workspaces:read the run goes on, names the workspace from the plan and the missing scope', async () => {
    const report = await runWith(ALL_READ.filter((s) => s !== 'workspaces:read'));
    expect(report.status).not.toBe('failed');
    expect(report.failure).toBeUndefined();
    expect(report.findings.filter((f) => f.check === 'workspace.api-key')).toEqual([]);
    const auth = report.suites.find((s) => s.name === 'auth');
    expect(auth?.details.join(' ')).toContain('`workspaces:read`');
    expect(report.workspace?.name).toBeTruthy();
    for (const name of ['campaigns', 'accounts', 'webhooks'] as const) {
      expect(report.suites.find((s) => s.name === name)?.checked).toBeGreaterThan(0);
    }
  });

  it('without accounts:read the accounts checks are unknown naming the scope and the key’s scopes; the others run', async () => {
    const report = await runWith(ALL_READ.filter((s) => s !== 'accounts:read'));
    expect(report.status).not.toBe('failed');
    const accounts = report.findings.filter((f) => f.suite === 'accounts');
    expect(accounts.length).toBeGreaterThan(0);
    for (const f of accounts) {
      expect(f.severity).toBe('unknown');
      expect(f.message).toContain('`accounts:read`');
      expect(f.message).toContain('`campaigns:read`');
      expect(f.remediation).toContain('`accounts:read`');
      expect(f.evidence).toMatchObject({
        cause: 'scope',
        status: 401,
        required_scope: 'accounts:read',
      });
    }
    expect(report.findings.some((f) => f.check === 'workspace.api-key')).toBe(false);
    expect(report.suites.find((s) => s.name === 'campaigns')?.checked).toBeGreaterThan(0);
    expect(report.suites.find((s) => s.name === 'webhooks')?.status).not.toBe('degraded');
  });
});
