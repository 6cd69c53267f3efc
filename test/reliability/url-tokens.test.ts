import { describe, expect, it } from '@jest/globals';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import { renderJson } from '../../src/report/json.js';
import { renderSummary } from '../../src/report/summary.js';
import { runHealthCheck } from '../../src/run-health.js';
import { startSimulator } from '../../src/simulator/index.js';
import { renderIssueBody } from '../../src/tracking/body.js';
import { plan } from '../../src/tracking/planner.js';

/**
 * Issue 15, "secrets and text": a delivery `error_message` quoting the hook it called, with a
 * token in the path and the query. The token reaches neither the JSON report, the job summary
 * nor the tracking issue; the host is still named.
 */

const NOW = new Date('2026-11-30T12:00:00.000Z');
const SECRET_PATH = 'T0PSECRETPATH9f2c';
const SECRET_QUERY = 'Q9SECRETQUERYa71d';

describe('a webhook URL with a token inside a delivery error', () => {
  it('is cut to scheme and host before anything stores or renders it', async () => {
    const sim = await startSimulator({
      scenario: {
        name: 'url-token',
        campaigns: 2,
        activeShare: 0.5,
        accounts: 2,
        sendingDomains: 1,
        webhooks: 2,
        leadsPerCampaign: 10,
        problems: { 'webhook.high_failure_rate': 1 },
      },
      seed: 5,
      now: NOW,
    });
    try {
      let planted = 0;
      for (const e of sim.data.workspace.webhookEvents) {
        if (e.error_message === null) continue;
        e.error_message = `POST https://hooks.example.com/services/${SECRET_PATH}?token=${SECRET_QUERY} answered 410 Gone`;
        planted++;
      }
      expect(planted).toBeGreaterThan(0);
      const settings = mergeSettings(
        { apiKey: sim.keys.readOnly, baseUrl: sim.url, timeoutSeconds: 20, rateLimit: 1000 },
        ConfigFile.parse({}),
      );
      const report = await runHealthCheck(settings, {
        now: () => NOW,
        client: { retry: { baseDelayMs: 1, maxDelayMs: 2 } },
      });
      const failing = report.findings.find((f) => f.check === 'webhook.failure-rate');
      expect(failing?.message).toContain('https://hooks.example.com/…');
      const planned = plan(null, report, settings.config.issue, NOW, {
        hasOpenIssue: false,
        recentlyClosed: false,
      });
      const issue = planned.nextState
        ? renderIssueBody({ report, state: planned.nextState, now: NOW })
        : '';
      expect(issue).not.toBe('');
      for (const text of [renderJson(report), renderSummary(report), issue]) {
        expect(text).not.toContain(SECRET_PATH);
        expect(text).not.toContain(SECRET_QUERY);
      }
    } finally {
      await sim.stop();
    }
  });
});
