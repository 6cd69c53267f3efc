import { describe, expect, it } from '@jest/globals';
import { analyticsWindow, createSharedResources } from '../../src/checks/resources.js';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import { account, analytics, campaign, NOW } from './fixtures.js';
import { apiError } from './fake-api.js';
import { stubApi } from './stub-api.js';

function settings(config: Record<string, unknown> = {}, campaignIds: string[] = []): RunSettings {
  return {
    apiKey: 'k',
    baseUrl: 'http://127.0.0.1:1',
    checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
    rateLimit: 10,
    timeoutSeconds: 300,
    failOn: 'error',
    campaignIds,
    config: ConfigFile.parse(config),
  };
}

const campaigns = [
  campaign({ id: 'a', status: 1 }),
  campaign({ id: 'd', status: 0 }),
  campaign({ id: 'b', status: -2 }),
];

function api() {
  return stubApi({
    'PAGINATE /campaigns': (call) => (call.query?.tag_ids ? [campaigns[1]] : campaigns),
    'PAGINATE /accounts': () => [account()],
    'GET /campaigns/analytics': () => [analytics({ campaign_id: 'a' })],
  });
}

describe('createSharedResources', () => {
  it('fetches each list once however many suites ask, with the parameters of the request plan', async () => {
    const stub = api();
    const r = createSharedResources(stub, settings(), new AbortController().signal, NOW);
    await Promise.all([
      r.accounts(),
      r.accounts(),
      r.campaigns(),
      r.checkedCampaigns(),
      r.campaignAnalytics(),
    ]);
    await Promise.all([r.accounts(), r.checkedCampaigns(), r.campaignAnalytics()]);
    expect(stub.calls).toHaveLength(3);
    expect(stub.calls).toEqual(
      expect.arrayContaining([
        { method: 'PAGINATE', path: '/accounts', query: { limit: 100, include_tags: true } },
        { method: 'PAGINATE', path: '/campaigns', query: { limit: 100 } },
        {
          method: 'GET',
          path: '/campaigns/analytics',
          query: { start_date: '2026-11-23', end_date: '2026-11-30' },
        },
      ]),
    );
  });

  it('selects active and negative-status campaigns by default', async () => {
    const r = createSharedResources(api(), settings(), new AbortController().signal, NOW);
    expect((await r.checkedCampaigns()).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('checks exactly the launch-gate campaigns, drafts included', async () => {
    const r = createSharedResources(api(), settings({}, ['d']), new AbortController().signal, NOW);
    expect((await r.checkedCampaigns()).map((c) => c.id)).toEqual(['d']);
  });

  it('asks analytics for the launch-gate campaigns only, in the same one request', async () => {
    const stub = api();
    const r = createSharedResources(
      stub,
      settings({}, ['d', 'a', 'd']),
      new AbortController().signal,
      NOW,
    );
    await r.campaignAnalytics();
    expect(stub.calls).toEqual([
      {
        method: 'GET',
        path: '/campaigns/analytics',
        query: { start_date: '2026-11-23', end_date: '2026-11-30', ids: ['d', 'a'] },
      },
    ]);
  });

  it('looks tagged campaigns up with one filtered list only when include.tags is set', async () => {
    const stub = api();
    const r = createSharedResources(
      stub,
      settings({ campaigns: { include: { status: ['all'], tags: ['t1', 't2'] } } }),
      new AbortController().signal,
      NOW,
    );
    expect((await r.checkedCampaigns()).map((c) => c.id)).toEqual(['d', 'b']);
    expect(stub.calls).toContainEqual({
      method: 'PAGINATE',
      path: '/campaigns',
      query: { limit: 100, tag_ids: 't1,t2' },
    });
  });

  it('keeps only the fields the checks read of each listed account, unknown statuses included', async () => {
    const listed = {
      email: 'Ann@alpha.com',
      timestamp_created: '2026-01-01T00:00:00.000Z',
      timestamp_updated: '2026-01-02T00:00:00.000Z',
      first_name: 'Ann',
      last_name: 'Lee',
      organization: 'org-1',
      warmup_status: -7,
      provider_code: 2,
      setup_pending: false,
      is_managed_account: false,
      status: 42,
      daily_limit: 40,
      warmup: { limit: 30, increment: '1', reply_rate: 30 },
      signature: '<p>'.repeat(1000),
      tags: [{ id: 't1', label: 'EU' }],
    };
    const r = createSharedResources(
      stubApi({ 'PAGINATE /accounts': () => [listed] }),
      settings(),
      new AbortController().signal,
      NOW,
    );
    expect(await r.accounts()).toEqual([
      {
        email: 'Ann@alpha.com',
        timestamp_created: '2026-01-01T00:00:00.000Z',
        warmup_status: -7,
        setup_pending: false,
        status: 42,
        daily_limit: 40,
        tags: [{ id: 't1', label: 'EU' }],
      },
    ]);
  });

  it('keeps the sequences of the campaigns that may be checked only', async () => {
    const r = createSharedResources(api(), settings(), new AbortController().signal, NOW);
    const listed = await r.campaigns();
    expect(listed.map((c) => [c.id, c.sequences !== undefined])).toEqual([
      ['a', true],
      ['d', false],
      ['b', true],
    ]);
    expect(listed[1]).toMatchObject({
      id: 'd',
      name: 'Q4 founders',
      email_list: ['ann@alpha.com'],
    });
    const checked = await r.checkedCampaigns();
    expect(checked.every((c) => c.sequences !== undefined)).toBe(true);
  });

  it('keeps the sequence of a campaign the tag lookup may select', async () => {
    const r = createSharedResources(
      api(),
      settings({ campaigns: { include: { status: ['all'], tags: ['t1'] } } }),
      new AbortController().signal,
      NOW,
    );
    expect((await r.checkedCampaigns()).map((c) => [c.id, c.sequences !== undefined])).toEqual([
      ['d', true],
      ['b', true],
    ]);
  });

  it('hands every caller the same failure without asking again', async () => {
    const stub = stubApi({
      'PAGINATE /accounts': () => {
        throw apiError('scope', 403, 'GET /accounts', 0, 'forbidden');
      },
    });
    const r = createSharedResources(stub, settings(), new AbortController().signal, NOW);
    await expect(r.accounts()).rejects.toThrow('forbidden');
    await expect(r.accounts()).rejects.toThrow('forbidden');
    expect(stub.calls).toHaveLength(1);
  });
});

describe('analyticsWindow', () => {
  it('covers the last whole UTC days as date-only values', () => {
    expect(analyticsWindow(new Date('2026-03-01T23:59:00Z'), 7)).toEqual({
      start: '2026-02-22',
      end: '2026-03-01',
    });
  });
});
