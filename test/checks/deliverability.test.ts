import { afterEach, describe, expect, it } from '@jest/globals';
import { DELIVERABILITY_CHECK } from '../../src/checks/deliverability-checks.js';
import { runChecks } from '../../src/checks/engine.js';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import { createInstantlyClient, type InstantlyClient } from '../../src/instantly/client.js';
import { Report, type SuiteName } from '../../src/model/report.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { settings } from './run-fixtures.js';

/** The opt-in deliverability suite (issue 20) through the whole engine against the simulator. */

const NOW = new Date('2026-11-30T06:00:00.000Z');
const running: { sim: RunningSimulator; client: InstantlyClient }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.client.close();
    await r.sim.stop();
  }
});

async function check(
  scenario: string,
  opts: { key?: (sim: RunningSimulator) => string; checks?: SuiteName[]; config?: unknown } = {},
) {
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
      { apiKey, baseUrl: sim.url, checks: opts.checks ?? ['auth', 'deliverability'] },
      opts.config ?? {},
    ),
    now: () => NOW,
  });
  expect(() => Report.parse(report)).not.toThrow();
  return { report, sim };
}

describe('the deliverability suite against the simulator', () => {
  it('names Microsoft spam, each blocklist, the SpamAssassin rules and the open recommendation', async () => {
    const { report, sim } = await check('deliverability');
    const injected = (problem: string) => sim.data.injected.find((p) => p.problem === problem);
    const of = (check: string) => report.findings.filter((f) => f.check === check);

    const spam = of(DELIVERABILITY_CHECK.placement);
    expect(spam).toHaveLength(1);
    expect(spam[0]).toMatchObject({
      severity: 'error',
      resource: { type: 'campaign', id: injected('placement.microsoft_spam')?.resource.id },
    });
    expect(spam[0]?.message).toContain('overall 21 % (21 of 100), at Microsoft 50 % (20 of 40)');
    expect(spam[0]?.message).not.toContain('Google');

    const listed = of(DELIVERABILITY_CHECK.blocklist);
    expect(listed.map((f) => [f.severity, f.resource.id])).toEqual([
      ['error', injected('placement.blocklisted')?.resource.id],
    ]);
    expect(listed[0]?.message).toContain('Spamhaus DBL, Barracuda');
    expect(listed[0]?.message).not.toContain('SORBS');

    const sa = of(DELIVERABILITY_CHECK.spamAssassin);
    expect(sa.map((f) => [f.severity, f.resource.id])).toEqual([
      ['error', injected('placement.spamassassin')?.resource.id],
    ]);
    expect(sa[0]?.message).toContain('URIBL_BLOCKED (3.5)');

    const advice = of(DELIVERABILITY_CHECK.recommendation);
    expect(advice.map((f) => f.severity)).toEqual(['warning']);
    expect(advice[0]?.message).toContain('Lower volume to *Outlook* recipients');

    const suite = report.suites.find((s) => s.name === 'deliverability');
    expect(suite?.details).toContain(
      '1 campaign or sender group without a placement test in the last 14 days (info)',
    );
  });

  it('raises nothing on the healthy scenario, and the stale test is a note, not a finding', async () => {
    const { report } = await check('healthy');
    expect(report.findings).toEqual([]);
    expect(report.status).toBe('healthy');
    const suite = report.suites.find((s) => s.name === 'deliverability');
    expect(suite?.details.join('\n')).toContain(
      'without a placement test in the last 14 days (info)',
    );
  });

  it('a key without the inbox placement scopes gets findings naming them; the other suites are unaffected', async () => {
    const all = ['auth', 'campaigns', 'accounts', 'webhooks', 'deliverability'] as SuiteName[];
    const scoped = await check('deliverability', {
      checks: all,
      key: (s) =>
        s.keys.withScopes([
          'workspaces:read',
          'workspace_billing:read',
          'campaigns:read',
          'accounts:read',
          'webhooks:read',
          'webhook_events:read',
        ]),
    });
    const full = await check('deliverability', { checks: all });
    const suite = (r: Report, name: string) => r.findings.filter((f) => f.suite === name);
    const missing = suite(scoped.report, 'deliverability');
    expect(missing.every((f) => f.severity === 'unknown')).toBe(true);
    const text = missing.map((f) => `${f.message} ${f.remediation}`).join('\n');
    expect(text).toContain('inbox_placement_tests:read');
    expect(text).toContain('ai_agents:read');
    for (const name of ['campaigns', 'accounts', 'webhooks'])
      expect(suite(scoped.report, name)).toEqual(suite(full.report, name));
  });

  it('is off by default: the default suites leave it out, and a run without it asks nothing of it', async () => {
    const merged = mergeSettings({ apiKey: 'k' }, ConfigFile.parse({}));
    expect(merged.checks).toEqual(['auth', 'campaigns', 'accounts', 'webhooks']);
    const { report } = await check('deliverability', { checks: merged.checks });
    expect(report.suites.map((s) => s.name)).not.toContain('deliverability');
    expect(report.stats.byEndpoint['GET /inbox-placement-tests']).toBeUndefined();
  });
});
