import { describe, expect, it } from '@jest/globals';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import { runHealthCheck } from '../../src/run-health.js';
import { startSimulator, type Fault } from '../../src/simulator/index.js';

/**
 * Issue 15, "rate-limit windows": another integration has spent the workspace's per-minute
 * window, so the very first request (the auth call) gets six 429s in a row. That is neither a
 * failed auth nor a reason to give up: the run waits the window out and ends as the data say.
 */

const NOW = new Date('2026-11-30T12:00:00.000Z');

async function run(scenario: 'healthy' | 'broken', faults: Fault[]) {
  const sim = await startSimulator({ scenario, seed: 7, now: NOW, faults });
  try {
    const settings = mergeSettings(
      { apiKey: sim.keys.readOnly, baseUrl: sim.url, timeoutSeconds: 60, rateLimit: 1000 },
      ConfigFile.parse({}),
    );
    const report = await runHealthCheck(settings, {
      now: () => NOW,
      // Production waits scaled down a hundredfold; the count is the production one (5).
      client: { retry: { baseDelayMs: 20, maxDelayMs: 600 }, random: () => 0.5 },
    });
    const first = sim.log.filter((e) => e.path === '/api/v2/workspaces/current');
    return { report, first };
  } finally {
    await sim.stop();
  }
}

const sixOnAuth: Fault[] = [{ kind: 'rate-limited', path: '/workspaces/current', times: 6 }];

describe('six 429s in a row on the first request', () => {
  it.each(['healthy', 'broken'] as const)(
    'end the %s workspace as its data say, not as failed auth',
    async (scenario) => {
      const clean = await run(scenario, []);
      const limited = await run(scenario, sixOnAuth);
      expect(limited.first.slice(0, 6).map((e) => e.status)).toEqual([
        429, 429, 429, 429, 429, 429,
      ]);
      expect(limited.first[6]?.status).toBe(200);
      expect(limited.report.status).toBe(clean.report.status);
      expect(limited.report.status).toBe(scenario === 'healthy' ? 'healthy' : 'unhealthy');
      expect(limited.report.failure).toBeUndefined();
      const checks = (r: typeof clean.report) => r.findings.map((f) => f.fingerprint).sort();
      expect(checks(limited.report)).toEqual(checks(clean.report));
    },
  );
});
