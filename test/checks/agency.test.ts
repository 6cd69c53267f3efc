import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import { runHealthCheck } from '../../src/run-health.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { expectValidReport } from '../report/validate.js';

/** An agency key checking its sub-workspaces through `workspace-id` (x-as-workspace). */

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy', now: new Date('2026-11-30T12:00:00Z') });
});

afterAll(async () => {
  await sim.stop();
});

const settings = (workspaceId: string): RunSettings => ({
  apiKey: sim.keys.agency,
  baseUrl: sim.url,
  workspaceId,
  checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
  rateLimit: 1000,
  timeoutSeconds: 30,
  failOn: 'error',
  campaignIds: [],
  config: ConfigFile.parse({}),
});

describe('workspace-id', () => {
  it('checks the sub-workspace it names', async () => {
    const sub = sim.data.subWorkspaces[1];
    const report = await runHealthCheck(settings(sub?.workspace.id ?? ''));
    expectValidReport(report);
    expect(report.workspace).toEqual({ id: sub?.workspace.id, name: 'Client B (needs attention)' });
    expect(report.status).toBe('unhealthy');
  });

  it('a workspace the key may not act on fails the run as bad input, not as missing scopes', async () => {
    sim.clearLog();
    const report = await runHealthCheck(settings('0199ffff-not-a-sub-workspace'));
    expectValidReport(report);
    expect(report.status).toBe('failed');
    expect(report.failure?.cause).toBe('workspace');
    expect(report.failure?.message).toContain('"0199ffff-not-a-sub-workspace"');
    expect(report.failure?.remediation).toContain('`workspace-id`');
    expect(report.findings.map((f) => f.check)).toEqual(['workspace.api-key']);
    // Two refused requests decide it; no suite runs after.
    expect(sim.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /api/v2/workspaces/current 403',
      'GET /api/v2/campaigns 403',
    ]);
  });
});
