import { afterEach, describe, expect, it } from '@jest/globals';
import { CHECK_IDS } from '../../src/checks/catalog.js';
import { checkSpec, isCheckId } from '../../src/model/checks.js';
import { runChecks } from '../../src/checks/engine.js';
import { createInstantlyClient, type InstantlyClient } from '../../src/instantly/client.js';
import { Report, type Finding, type SuiteName } from '../../src/model/report.js';
import {
  startSimulator,
  type InjectedProblem,
  type RunningSimulator,
  type ScenarioSpec,
} from '../../src/simulator/index.js';
import { settings } from './run-fixtures.js';

/** The auth and webhooks suites against the simulator, through the real client. */

const NOW = new Date('2026-11-30T06:00:00.000Z');
const MY_SUITES: SuiteName[] = ['auth', 'webhooks'];

const running: { sim: RunningSimulator; client: InstantlyClient }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.client.close();
    await r.sim.stop();
  }
});

async function check(
  scenario: string | ScenarioSpec,
  opts: { key?: (sim: RunningSimulator) => string; config?: unknown; checks?: SuiteName[] } = {},
): Promise<{ report: Report; sim: RunningSimulator }> {
  const sim = await startSimulator({ scenario, now: NOW });
  const apiKey = opts.key ? opts.key(sim) : sim.keys.readOnly;
  const client = createInstantlyClient({
    apiKey,
    baseUrl: sim.url,
    rateLimit: 1000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  running.push({ sim, client });
  const report = await runChecks({
    api: client,
    settings: settings(
      { apiKey, baseUrl: sim.url, checks: opts.checks ?? MY_SUITES },
      opts.config ?? {},
    ),
    now: () => NOW,
  });
  return { report, sim };
}

const SMALL: ScenarioSpec = {
  campaigns: 6,
  activeShare: 0.5,
  accounts: 12,
  sendingDomains: 3,
  webhooks: 0,
  leadsPerCampaign: 200,
};

/** Which finding each injected problem must produce: check, severity, fingerprint suffix. */
const EXPECTED: Partial<
  Record<InjectedProblem['problem'], { check: string; severity: string; discriminator?: string }>
> = {
  'webhook.disabled': { check: 'webhook.status', severity: 'error' },
  'webhook.disabled_endpoint_up': { check: 'webhook.status', severity: 'error' },
  'webhook.not_https': { check: 'webhook.https', severity: 'warning' },
  'webhook.high_failure_rate': { check: 'webhook.failure-rate', severity: 'error' },
  'workspace.scheduled_for_removal': { check: 'workspace.removal', severity: 'error' },
  'workspace.plan_near_lead_limit': {
    check: 'workspace.lead-usage',
    severity: 'warning',
    discriminator: 'outreach',
  },
  'workspace.plan_over_lead_limit': {
    check: 'workspace.lead-usage',
    severity: 'error',
    discriminator: 'outreach',
  },
  'workspace.subscription_cancelling': {
    check: 'workspace.subscription',
    severity: 'warning',
    discriminator: 'outreach',
  },
};

function expectedFindings(injected: readonly InjectedProblem[]) {
  return injected.flatMap((p) => {
    const e = EXPECTED[p.problem];
    if (!e) return [];
    const fp = `${e.check}:${p.resource.type}:${p.resource.id}${e.discriminator ? `:${e.discriminator}` : ''}`;
    return [
      {
        check: e.check,
        severity: e.severity,
        type: p.resource.type,
        id: p.resource.id,
        fingerprint: fp,
      },
    ];
  });
}

const summarize = (findings: readonly Finding[]) =>
  findings.map((f) => ({
    check: f.check,
    severity: f.severity,
    type: f.resource.type,
    id: f.resource.id,
    fingerprint: f.fingerprint,
  }));

const byFingerprint = (a: { fingerprint: string }, b: { fingerprint: string }) =>
  a.fingerprint.localeCompare(b.fingerprint);

describe('auth and webhooks against the simulator', () => {
  it('finds nothing at all in the healthy scenario', async () => {
    const { report } = await check('healthy');
    expect(report.findings).toEqual([]);
    expect(report.status).toBe('healthy');
    expect(report.workspace?.name).toBeTruthy();
  });

  it.each([
    ['broken', 5],
    ['large', 2],
  ] as const)(
    'finds exactly the injected auth and webhook problems of the %s scenario',
    async (name, count) => {
      const { report, sim } = await check(name);
      const expected = expectedFindings(sim.data.injected);
      expect(expected.length).toBe(count);
      expect(summarize(report.findings).sort(byFingerprint)).toEqual(expected.sort(byFingerprint));
      expect(report.workspace?.id).toBe(sim.data.workspace.workspace.id);
      const rank = { unknown: 0, warning: 1, error: 2 } as const;
      for (const f of report.findings) {
        expect(CHECK_IDS).toContain(f.check);
        // No finding is more severe than its check's catalogue severity.
        const spec = isCheckId(f.check) ? checkSpec(f.check) : undefined;
        expect(rank[f.severity]).toBeLessThanOrEqual(rank[spec?.severity ?? 'unknown']);
      }
    },
  );

  it.each([
    ['workspace.plan_over_lead_limit'],
    ['workspace.subscription_cancelling'],
    ['webhook.high_failure_rate'],
    ['webhook.not_https'],
  ] as const)('finds %s on its own', async (problem) => {
    const { report, sim } = await check({
      name: problem,
      campaigns: 4,
      activeShare: 0.5,
      accounts: 6,
      sendingDomains: 2,
      webhooks: 3,
      leadsPerCampaign: 100,
      problems: { [problem]: 1 },
    });
    expect(summarize(report.findings)).toEqual(expectedFindings(sim.data.injected));
  });

  it('sends opt-in test deliveries and reports the one that fails', async () => {
    const { report, sim } = await check('broken', { config: { webhooks: { send_test: true } } });
    const failing = sim.data.injected.find((p) => p.problem === 'webhook.high_failure_rate');
    const tests = report.findings.filter((f) => f.check === 'webhook.test');
    expect(tests.map((f) => [f.severity, f.resource.id])).toEqual([
      ['error', failing?.resource.id],
    ]);
    const posted = sim.log.filter((r) => r.method === 'POST').length;
    // Six webhooks, one disabled: five test deliveries, no more.
    expect(posted).toBe(5);
  });

  it('reports required events that no webhook covers', async () => {
    const { report } = await check('healthy', {
      config: { webhooks: { require_events: ['lead_meeting_booked', 'link_clicked'] } },
    });
    expect(report.findings.map((f) => f.fingerprint).sort()).toContain(
      'webhook.required-events:suite:webhooks:lead_meeting_booked',
    );
  });
});

describe('the auth gate against the simulator', () => {
  it('stops after one request with a revoked key', async () => {
    const { report, sim } = await check('healthy', {
      key: (s) => s.keys.revoked,
      checks: ['auth', 'webhooks'],
    });
    expect(sim.log).toHaveLength(1);
    expect(report).toMatchObject({ status: 'failed', failure: { cause: 'auth' } });
  });

  it('stops after one request without a paid plan', async () => {
    const { report, sim } = await check('healthy', { key: (s) => s.keys.noPlan });
    expect(sim.log).toHaveLength(1);
    expect(report).toMatchObject({ status: 'failed', failure: { cause: 'plan' } });
  });

  it('names the scope a key lacks for the webhooks suite, and still checks the rest', async () => {
    const { report } = await check('broken', {
      key: (s) => s.keys.withScopes(['workspaces:read', 'workspace_billing:read']),
    });
    const blocked = report.findings.find((f) => f.suite === 'webhooks');
    expect(blocked).toMatchObject({ check: 'suite.scope', severity: 'unknown' });
    expect(blocked?.remediation).toContain('`webhooks:read`');
    expect(report.findings.some((f) => f.check === 'workspace.removal')).toBe(true);
  });

  it('checks the key with the campaigns probe when the workspaces scope is missing', async () => {
    const { report, sim } = await check('healthy', {
      key: (s) => s.keys.withScopes(['campaigns:read', 'webhooks:read', 'webhook_events:read']),
    });
    expect(report.status).toBe('healthy');
    expect(sim.log.map((r) => `${r.method} ${r.path}`).slice(0, 2)).toEqual([
      'GET /api/v2/workspaces/current',
      'GET /api/v2/campaigns',
    ]);
  });
});

describe('sender verdicts in the report', () => {
  it('weigh findings as they count: an ignored finding leaves its sender green', async () => {
    const spec = { ...SMALL, problems: { 'account.connection_error': 1 } };
    const plain = await check(spec, { checks: ['auth', 'campaigns', 'accounts'] });
    const email = plain.sim.data.injected[0]?.resource.id ?? '';
    expect(plain.report.senders?.burning.map((b) => b.email)).toEqual([email]);
    const ignored = await check(spec, {
      checks: ['auth', 'campaigns', 'accounts'],
      config: { ignore: [{ check: 'account.connection', resource: email, until: '2027-01-31' }] },
    });
    expect(ignored.report.senders).toMatchObject({ burning: [], watch: [] });
    expect(ignored.report.senders?.green).toBe(ignored.report.senders?.total);
  });

  it('are absent when the accounts suite does not run', async () => {
    const { report } = await check(SMALL, { checks: ['auth', 'campaigns'] });
    expect(report.senders).toBeUndefined();
  });
});

describe('requests spent by auth and webhooks', () => {
  // docs/instantly-api.md, "Request plan", rows 1, 2, 11, 12, 13: workspaces + plan-details + P(W) + summary + one
  // failed-events page = 5 for both (W = 6 and 50). In `large` the failing webhook is one of 50,
  // so its share of the failures alone cannot prove an error: one more page of its own
  // deliveries settles it (the only request beyond the minimum).
  it.each([
    ['broken', 5, 1],
    ['large', 6, 2],
  ] as const)('%s: %d requests', async (name, requests, eventPages) => {
    const { report, sim } = await check(name);
    expect(report.stats.requests).toBe(requests);
    expect(report.stats.byEndpoint['GET /webhook-events']).toBe(eventPages);
    expect(sim.log).toHaveLength(requests);
  });
});

describe('the whole engine on the broken scenario', () => {
  it('runs every suite concurrently on one client and cache, at the request plan minimum', async () => {
    const { report, sim } = await check('broken', {
      checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
    });
    expect(() => Report.parse(report)).not.toThrow();
    expect(report.suites.map((s) => s.name)).toEqual(['auth', 'campaigns', 'accounts', 'webhooks']);
    // R = 2 + P(C) + 2 + K + P(A) + ceil(A/100) + ceil(D/100) + ceil(A/200) + P(W) + 1 + 1,
    // with C = 40, A = 80, D = 12, W = 6 and K the Active campaigns that get a sending-status
    // request; ceil(A/200) is the daily sending analytics of the early warnings (issue 11), and
    // campaign analytics is asked twice: over the bounce window (rates) and without a range
    // (lifetime lead counts). K1, the campaigns in status 1, get one daily-analytics request
    // each (stalled campaigns). The plan is in docs/instantly-api.md, "Request plan".
    const active = report.stats.byEndpoint['GET /campaigns/{id}/sending-status'] ?? 0;
    const sending = sim.data.workspace.campaigns.filter((c) => c.status === 1).length;
    expect(report.stats.byEndpoint['GET /campaigns/analytics/daily']).toBe(sending);
    expect(report.stats.requests).toBe(2 + 1 + 2 + active + sending + 1 + 1 + 1 + 1 + 1 + 1 + 1);
    expect(report.stats.byEndpoint['GET /campaigns/analytics']).toBe(2);
    expect(report.stats.byEndpoint['GET /accounts/analytics/daily']).toBe(1);
    expect(report.stats.byEndpoint['GET /accounts']).toBe(1);
    expect(report.stats.byEndpoint['GET /campaigns']).toBe(1);
    // Every sender the accounts suite checked has a verdict; a broken connection burns.
    const accounts = report.suites.find((s) => s.name === 'accounts');
    expect(report.senders?.total).toBe(accounts?.checked);
    const broken = sim.data.injected.find((p) => p.problem === 'account.connection_error');
    expect(report.senders?.burning.find((b) => b.email === broken?.resource.id)?.reasons).toContain(
      'connection',
    );
    // Auth and webhook findings are the same as when those suites run alone.
    const mine = report.findings.filter((f) => f.suite === 'auth' || f.suite === 'webhooks');
    expect(summarize(mine).sort(byFingerprint)).toEqual(
      expectedFindings(sim.data.injected).sort(byFingerprint),
    );
  });
});
