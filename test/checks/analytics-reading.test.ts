import { describe, expect, it } from '@jest/globals';
import { campaignsSuite } from '../../src/checks/campaigns.js';
import { evaluateCampaign } from '../../src/checks/campaign-checks.js';
import { createSharedResources, dailyAnalyticsWindow } from '../../src/checks/resources.js';
import type { SuiteContext } from '../../src/checks/types.js';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import type { InstantlyApi } from '../../src/instantly/api.js';
import { account, analytics, campaign, NOW } from './fixtures.js';
import { stubApi, type StubCall } from './stub-api.js';

/**
 * Campaign analytics read the way the real API answers them (docs/instantly-api.md, "Campaign
 * analytics"): lead counts from the lifetime call, rates from the window; drafts left out of the
 * unscoped answer; leads_count 0 beside contacted leads on stopped campaigns.
 */

function settings(campaignIds: string[] = [], config: Record<string, unknown> = {}): RunSettings {
  return {
    apiKey: 'k',
    baseUrl: 'http://127.0.0.1:1',
    checks: ['campaigns'],
    rateLimit: 10,
    timeoutSeconds: 300,
    failOn: 'error',
    campaignIds,
    config: ConfigFile.parse(config),
  };
}

function context(api: InstantlyApi, s = settings()): SuiteContext {
  const signal = new AbortController().signal;
  return {
    api,
    settings: s,
    now: NOW,
    signal,
    resources: createSharedResources(api, s, signal, NOW),
    progress: () => undefined,
  };
}

const dated = (c: StubCall) => c.query?.start_date !== undefined;
const byIds = (c: StubCall) => c.query?.ids !== undefined;

describe('campaign analytics as the real API answers them', () => {
  it('counts leads left from the lifetime answer, not from a window that narrows them', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign()],
      'PAGINATE /accounts': () => [account()],
      'GET /campaigns/{id}/sending-status': () => ({}),
      // Over 7 days only 10 leads were added and 10 contacted; over its life 500 and 200.
      'GET /campaigns/analytics': (c) => [
        dated(c) ? analytics({ leads_count: 10, contacted_count: 10 }) : analytics(),
      ],
    });
    const { findings } = await campaignsSuite.run(context(api));
    expect(findings.filter((f) => f.check === 'campaign.leads')).toEqual([]);
    const asked = api.calls.filter((c) => c.path === '/campaigns/analytics');
    expect(asked.map(dated).sort()).toEqual([false, true]);
  });

  it('does not call a stopped campaign with contacted leads and leads_count 0 "no leads"', () => {
    for (const status of [-2, -1, 3]) {
      const findings = evaluateCampaign(
        {
          campaign: campaign({ status }),
          leads: analytics({ leads_count: 0, contacted_count: 1038, campaign_status: status }),
        },
        ConfigFile.parse({}).campaigns,
        NOW,
      );
      expect(findings.filter((f) => f.check === 'campaign.leads')).toEqual([]);
    }
  });

  it('asks once by id for a campaign missing from the answer, and reads its row', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign(), campaign({ id: 'c-2', name: 'Second' })],
      'PAGINATE /accounts': () => [account()],
      'GET /campaigns/{id}/sending-status': () => ({}),
      'GET /campaigns/analytics': (c) =>
        byIds(c)
          ? [analytics({ campaign_id: 'c-2', leads_count: 0, contacted_count: 0 })]
          : [analytics()],
    });
    const { findings } = await campaignsSuite.run(context(api));
    expect(findings.filter((f) => f.check === 'campaign.leads').map((f) => f.fingerprint)).toEqual([
      'campaign.leads:campaign:c-2',
    ]);
    const asked = api.calls.filter((c) => c.path === '/campaigns/analytics' && byIds(c));
    expect(asked.map((c) => c.query?.ids)).toEqual([['c-2']]);
  });

  it('a draft still missing has "no analytics yet", which alone does not block its launch', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign({ id: 'draft', status: 0 })],
      'PAGINATE /accounts': () => [account()],
      'GET /campaigns/analytics': () => [],
    });
    const outcome = await campaignsSuite.run(context(api, settings(['draft'])));
    expect(outcome.findings).toEqual([]);
    expect(outcome.details).toContain('1 draft has no analytics yet (leads not counted)');
    // The launch gate's own call named the draft: it is not asked for again.
    const asked = api.calls.filter((c) => c.path === '/campaigns/analytics');
    expect(asked).toHaveLength(2);
  });
});

describe('daily analytics range', () => {
  it('never asks for more than 31 days, both ends included', () => {
    const { start, end } = dailyAnalyticsWindow(NOW, 31);
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
    expect(days).toBe(31);
    const short = dailyAnalyticsWindow(NOW, 7);
    expect((Date.parse(short.end) - Date.parse(short.start)) / 86_400_000).toBe(7);
  });
});
