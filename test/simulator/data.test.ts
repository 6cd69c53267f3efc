import { describe, expect, it } from '@jest/globals';
import { buildScenarioData, PROBLEM_NAMES, startSimulator } from '../../src/simulator/index.js';
import { generateWorkspace } from '../../src/simulator/generate.js';
import { scenarioSpecSchema } from '../../src/simulator/scenarios.js';
import { warmupDays } from '../../src/simulator/series.js';
import type { WorkspaceData } from '../../src/simulator/types.js';
import { call, FIXED_NOW } from './helpers.js';

const NOW_MS = FIXED_NOW.getTime();

function snapshot(data: WorkspaceData): string {
  return JSON.stringify({
    ...data,
    campaignIndex: [],
    accountIndex: [],
    accountTags: [...data.accountTags],
    profiles: [...data.profiles],
    campaignTags: [...data.campaignTags],
    endpointsDown: [...data.endpointsDown],
  });
}

/** Inbox rate of the answered week's last 3 days against its 4 before (as the trend check reads it). */
function inboxDrop(data: WorkspaceData, email: string): number {
  const account = data.accounts[data.accountIndex.get(email) ?? -1];
  const profile = data.profiles.get(email);
  if (!account || !profile) throw new Error(`no account ${email}`);
  const days = warmupDays(data, account, profile, NOW_MS).map(([, d]) => d);
  const rate = (slice: typeof days): number =>
    slice.reduce((s, d) => s + (d.landed_inbox ?? 0), 0) / slice.reduce((s, d) => s + d.sent, 0);
  expect(days).toHaveLength(7);
  return rate(days.slice(0, 4)) - rate(days.slice(-3));
}

describe('scenario data', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const a = buildScenarioData({ scenario: 'broken', seed: 42, now: FIXED_NOW });
    const b = buildScenarioData({ scenario: 'broken', seed: 42, now: FIXED_NOW });
    const c = buildScenarioData({ scenario: 'broken', seed: 43, now: FIXED_NOW });
    expect(snapshot(a.workspace)).toBe(snapshot(b.workspace));
    expect(snapshot(a.workspace)).not.toBe(snapshot(c.workspace));
    expect(a.injected).toEqual(b.injected);
  });

  it('healthy has no problem at all', () => {
    const { workspace: data, injected } = buildScenarioData({
      scenario: 'healthy',
      now: FIXED_NOW,
    });
    expect(injected).toEqual([]);
    const emails = new Set(data.accounts.map((a) => a.email));
    const tagged = new Set([...data.accountTags.values()].flat().map((t) => t.id));
    data.campaigns.forEach((campaign, i) => {
      expect([0, 1, 3]).toContain(campaign.status);
      if (campaign.status !== 1) return;
      expect(campaign.email_list.length + campaign.email_tag_list.length).toBeGreaterThan(0);
      for (const email of campaign.email_list) expect(emails.has(email)).toBe(true);
      for (const tag of campaign.email_tag_list) expect(tagged.has(tag)).toBe(true);
      const steps = campaign.sequences[0]?.steps ?? [];
      expect(steps.length).toBeGreaterThan(0);
      expect(steps[0]?.variants.every((v) => v.subject !== '' && v.body !== '')).toBe(true);
      expect(Object.values(campaign.campaign_schedule.schedules[0]?.days ?? {})).toContain(true);
      const counts = data.leadCounts[i];
      expect(counts && counts.leads > counts.contacted).toBe(true);
      expect(counts && counts.bounced / Math.max(1, counts.contacted)).toBeLessThan(0.03);
      expect(data.sendingDiagnostic[i]).toBe('healthy');
    });
    for (const account of data.accounts) {
      expect(account).toMatchObject({ status: 1, warmup_status: 1, setup_pending: false });
      expect(account.stat_warmup_score).toBeGreaterThanOrEqual(90);
      // A one-day dip is noise: no sender slides by 15 points week over week.
      expect(inboxDrop(data, account.email)).toBeLessThan(0.15);
    }
    expect(data.domains.every((d) => d.mx && d.spf && d.dkim && d.dmarc)).toBe(true);
    expect(
      data.webhooks.every((w) => w.status === 1 && w.target_hook_url.startsWith('https://')),
    ).toBe(true);
    expect(data.webhookEvents.every((e) => e.success)).toBe(true);
    const outreach = data.planDetails.subscriptions.outreach;
    expect(outreach.current_lead_count / outreach.total_lead_limit).toBeLessThan(0.9);
    expect(data.workspace.scheduled_for_removal_at).toBeNull();
  });

  it('can inject every named problem, each into a resource that exists', () => {
    const spec = scenarioSpecSchema.parse({
      campaigns: 90,
      activeShare: 0.7,
      accounts: 60,
      sendingDomains: 10,
      webhooks: 5,
      leadsPerCampaign: 300,
      problems: Object.fromEntries(PROBLEM_NAMES.map((name) => [name, 1])),
    });
    const data = generateWorkspace(spec, 9, FIXED_NOW);
    expect(new Set(data.injected.map((p) => p.problem))).toEqual(new Set(PROBLEM_NAMES));
    for (const { problem, resource } of data.injected) {
      const exists = {
        campaign: () => data.campaignIndex.has(resource.id),
        account: () => data.accountIndex.has(resource.id),
        domain: () => data.domains.some((d) => d.domain === resource.id),
        suite: () => resource.id === 'deliverability',
        webhook: () => data.webhooks.some((w) => w.id === resource.id),
        workspace: () => data.workspace.id === resource.id,
      }[resource.type]();
      expect({ problem, exists }).toEqual({ problem, exists: true });
    }
    const byProblem = (name: string): string =>
      data.injected.find((p) => p.problem === name)?.resource.id ?? '';
    const account = (name: string) => data.accounts[data.accountIndex.get(byProblem(name)) ?? -1];
    expect(account('account.connection_error')).toMatchObject({
      status: -1,
      status_message: { code: 'EAUTH', e_message: "error: can't create new access token for user" },
    });
    expect(account('account.autofix_failed')).toMatchObject({ autofix_failed: true });
    expect(account('account.warmup_banned')?.warmup_status).toBe(-1);
    expect(data.domains.find((d) => d.domain === byProblem('dns.spf_failing'))?.spf).toBe(false);
    expect(data.webhooks.find((w) => w.id === byProblem('webhook.disabled'))).toMatchObject({
      status: -1,
      timestamp_error: expect.any(String) as unknown,
    });
    expect(
      data.campaigns[data.campaignIndex.get(byProblem('campaign.bounce_protect')) ?? -1]?.status,
    ).toBe(-2);
    const sliding = byProblem('account.warmup_sliding');
    expect(inboxDrop(data, sliding)).toBeGreaterThanOrEqual(0.15);
  });

  it('serves data that agrees with itself through the API', async () => {
    const sim = await startSimulator({ scenario: 'broken', now: FIXED_NOW });
    try {
      const analytics = (await call(sim, '/campaigns/analytics')).body as {
        campaign_id: string;
        campaign_status: number;
      }[];
      // Asked without ids, drafts are left out, as the live API does.
      expect(analytics.map((a) => a.campaign_id)).toEqual(
        sim.data.workspace.campaigns.filter((c) => c.status !== 0).map((c) => c.id),
      );
      const bounce =
        sim.data.injected.find((p) => p.problem === 'campaign.bounce_protect')?.resource.id ?? '';
      expect(analytics.find((a) => a.campaign_id === bounce)?.campaign_status).toBe(-2);
      const status = (await call(sim, `/campaigns/${bounce}/sending-status`)).body as {
        diagnostics: { status: string };
      };
      expect(status.diagnostics.status).toBe('campaign_bounce_protect');
      const domain =
        sim.data.injected.find((p) => p.problem === 'dns.dkim_failing')?.resource.id ?? '';
      const vitals = (
        await call(sim, '/accounts/test/vitals', { body: { accounts: [`x@${domain}`] } })
      ).body as { failure_list: { domain: string; dkim: boolean }[] };
      expect(vitals.failure_list).toEqual([
        expect.objectContaining({ domain, dkim: false, allPass: false }),
      ]);
      const hook =
        sim.data.injected.find((p) => p.problem === 'webhook.high_failure_rate')?.resource.id ?? '';
      const test = (await call(sim, `/webhooks/${hook}/test`, { method: 'POST' })).body as {
        success: boolean;
      };
      expect(test.success).toBe(false);
      const plan = (await call(sim, '/workspace-billing/plan-details')).body as {
        subscriptions: { outreach: { current_lead_count: number; total_lead_limit: number } };
      };
      const { current_lead_count, total_lead_limit } = plan.subscriptions.outreach;
      expect(current_lead_count / total_lead_limit).toBeGreaterThanOrEqual(0.9);
      expect(current_lead_count).toBe(
        sim.data.workspace.leadCounts.reduce((s, c) => s + c.leads, 0),
      );
    } finally {
      await sim.stop();
    }
  });

  it('rejects an unknown scenario or a bad spec with a message that says what is wrong', () => {
    expect(() => buildScenarioData({ scenario: 'nope' })).toThrow(
      /Unknown scenario "nope"\. Known scenarios: healthy/,
    );
    expect(() =>
      buildScenarioData({
        scenario: {
          campaigns: -1,
          activeShare: 0.5,
          accounts: 1,
          sendingDomains: 1,
          webhooks: 0,
          leadsPerCampaign: 0,
        },
      }),
    ).toThrow(/campaigns/);
  });
});
