import { describe, expect, it } from '@jest/globals';
import { accountsSuite } from '../../src/checks/accounts.js';
import { campaignsSuite } from '../../src/checks/campaigns.js';
import { createSharedResources } from '../../src/checks/resources.js';
import type { SuiteContext } from '../../src/checks/types.js';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import type { InstantlyApi } from '../../src/instantly/api.js';
import { account, analytics, campaign, NOW, steadyDaily } from './fixtures.js';
import { apiError } from './fake-api.js';
import { stubApi, type StubCall } from './stub-api.js';

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

function context(api: InstantlyApi, s = settings()) {
  const signal = new AbortController().signal;
  const progress: [number, number][] = [];
  const ctx: SuiteContext = {
    api,
    settings: s,
    now: NOW,
    signal,
    resources: createSharedResources(api, s, signal, NOW),
    progress: (done, total) => progress.push([done, total]),
  };
  return { ctx, progress };
}

const scopeError = () => apiError('scope', 403, 'GET /accounts', 0, 'forbidden');

/** 250 accounts on 150 domains; 12 active campaigns sending from all of them through a tag. */
function bigWorkspace() {
  const accounts = Array.from({ length: 250 }, (_, i) =>
    account({ email: `s${i}@d${i % 150}.com`, tags: [{ id: 'pool' }] }),
  );
  const campaigns = Array.from({ length: 12 }, (_, i) =>
    campaign({ id: `c${i}`, name: `C${i}`, email_list: [], email_tag_list: ['pool'] }),
  );
  let inFlight = 0;
  let maxInFlight = 0;
  /** Sending-status requests in flight are counted: the suite's own bound is what is tested. */
  const counted = async <T>(value: T): Promise<T> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await slow(value);
    inFlight--;
    return value;
  };
  const slow = async <T>(value: T): Promise<T> => {
    await new Promise((r) => setImmediate(r));
    return value;
  };
  const api = stubApi({
    'PAGINATE /campaigns': () => campaigns,
    'PAGINATE /accounts': () => accounts,
    'GET /campaigns/analytics': () => campaigns.map((c) => analytics({ campaign_id: c.id })),
    'GET /campaigns/{id}/sending-status': () =>
      counted({ diagnostics: { status: 'healthy' }, summary: { status: 'healthy' } }),
    'GET /campaigns/analytics/daily': () => steadyDaily(),
    'POST /accounts/warmup-analytics': (call: StubCall) =>
      slow({
        aggregate_data: Object.fromEntries(
          (call.body as { emails: string[] }).emails.map((e) => [e, { health_score: 99 }]),
        ),
      }),
    'GET /accounts/analytics/daily': () => slow([]),
    'POST /accounts/test/vitals': (call: StubCall) =>
      slow({
        success_list: (call.body as { accounts: string[] }).accounts.map((e) => ({
          domain: e.split('@')[1],
          allPass: true,
          spf: true,
          dkim: true,
          mx: true,
          dmarc: true,
        })),
      }),
  });
  return { api, maxInFlight: () => maxInFlight };
}

const count = (calls: StubCall[]) =>
  calls.reduce<Record<string, number>>((acc, c) => {
    const key = `${c.method} ${c.path}`;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

describe('campaigns and accounts suites together', () => {
  it('follow the request plan: each list once, sending status per active campaign, batches of 100', async () => {
    const { api, maxInFlight } = bigWorkspace();
    const { ctx, progress } = context(api);
    const [campaigns, accounts] = await Promise.all([
      campaignsSuite.run(ctx),
      accountsSuite.run(ctx),
    ]);
    expect(campaigns.findings).toEqual([]);
    expect(accounts.findings).toEqual([]);
    expect(campaigns.checked).toBe(12);
    expect(accounts.checked).toBe(250);
    expect(accounts.details).toEqual(['250 senders of the checked campaigns on 150 domains']);
    expect(count(api.calls)).toEqual({
      'PAGINATE /campaigns': 1,
      'PAGINATE /accounts': 1,
      'GET /campaigns/analytics': 2,
      'GET /campaigns/{id}/sending-status': 12,
      'GET /campaigns/analytics/daily': 12, // stalled campaigns, one per Active campaign
      'POST /accounts/warmup-analytics': 3, // ⌈250/100⌉
      'POST /accounts/test/vitals': 2, // ⌈150 domains/100⌉
      'GET /accounts/analytics/daily': 2, // ⌈250/200⌉
    });
    const daily = api.calls.filter((c) => c.path === '/accounts/analytics/daily');
    expect(daily.map((c) => (c.query?.emails as string[]).length)).toEqual([200, 50]);
    expect(daily[0]?.query).toMatchObject({ start_date: '2026-11-23', end_date: '2026-11-30' });
    const vitalsBodies = api.calls
      .filter((c) => c.path === '/accounts/test/vitals')
      .map((c) => (c.body as { accounts: string[] }).accounts.length);
    expect(vitalsBodies).toEqual([100, 50]);
    expect(maxInFlight()).toBe(4);
    expect(progress.at(-1)).toBeDefined();
  });

  it('reports progress as done out of total per-item requests', async () => {
    const { api } = bigWorkspace();
    const { ctx, progress } = context(api);
    await campaignsSuite.run(ctx);
    // 12 sending statuses and 12 daily analytics (stalled campaigns).
    expect(progress[0]).toEqual([0, 24]);
    expect(progress.at(-1)).toEqual([24, 24]);
  });
});

describe('campaigns suite', () => {
  it('fetches a campaign whose list item lacks its sequence', async () => {
    const bare = campaign();
    delete bare.sequences;
    const api = stubApi({
      'PAGINATE /campaigns': () => [bare],
      'PAGINATE /accounts': () => [account()],
      'GET /campaigns/analytics': () => [analytics()],
      'GET /campaigns/{id}': () => campaign({ sequences: [] }),
      'GET /campaigns/{id}/sending-status': () => ({ diagnostics: { status: 'healthy' } }),
      'GET /campaigns/analytics/daily': () => steadyDaily(),
    });
    const { findings } = await campaignsSuite.run(context(api).ctx);
    expect(findings.map((f) => f.fingerprint)).toEqual(['campaign.sequence:campaign:c-1:no-steps']);
    expect(api.calls).toContainEqual({
      method: 'GET',
      path: '/campaigns/{id}',
      params: { id: 'c-1' },
    });
  });

  it('stops asking for sending status after a missing scope and says which scope', async () => {
    const campaigns = Array.from({ length: 6 }, (_, i) => campaign({ id: `c${i}` }));
    const api = stubApi({
      'PAGINATE /campaigns': () => campaigns,
      'PAGINATE /accounts': () => [account()],
      'GET /campaigns/analytics': () => campaigns.map((c) => analytics({ campaign_id: c.id })),
      'GET /campaigns/{id}/sending-status': () => {
        throw Object.assign(scopeError(), { endpoint: 'GET /campaigns/{id}/sending-status' });
      },
      'GET /campaigns/analytics/daily': () => steadyDaily(),
    });
    const { findings } = await campaignsSuite.run(context(api).ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'campaign.sending-status',
      severity: 'unknown',
      resource: { type: 'suite', id: 'campaigns' },
    });
    expect(findings[0]?.remediation).toContain('campaigns:read');
    expect(api.calls.filter((c) => c.path.endsWith('sending-status')).length).toBeLessThanOrEqual(
      4,
    );
  });

  it('judges what it can when analytics and accounts fail, and says what it could not check', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign({ status: -2 })],
      'PAGINATE /accounts': () => {
        throw scopeError();
      },
      'GET /campaigns/analytics': () => {
        throw apiError('server', 503, 'GET /campaigns/analytics');
      },
    });
    const { findings } = await campaignsSuite.run(context(api).ctx);
    expect(findings.map((f) => [f.check, f.severity])).toEqual([
      ['campaign.senders', 'unknown'],
      ['campaign.leads', 'unknown'],
      ['campaign.bounce-rate', 'unknown'],
      ['campaign.status', 'error'],
    ]);
  });

  it('blocks the launch gate on an id that is not in the workspace, and checks a draft', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign({ id: 'draft', status: 0 })],
      'PAGINATE /accounts': () => [account()],
      'GET /campaigns/analytics': () => [
        analytics({ campaign_id: 'draft', leads_count: 0, contacted_count: 0, bounced_count: 0 }),
      ],
    });
    const { findings, checked } = await campaignsSuite.run(
      context(api, settings({}, ['draft', 'typo'])).ctx,
    );
    expect(checked).toBe(1);
    expect(findings.map((f) => f.fingerprint)).toEqual([
      'campaign.not-found:campaign:typo',
      'campaign.leads:campaign:draft',
    ]);
    // A draft has no sending status to ask for.
    expect(api.calls.some((c) => c.path.endsWith('sending-status'))).toBe(false);
  });

  it('asks for sending status while the account list is still coming in', async () => {
    const events: string[] = [];
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign({ id: 'c1' }), campaign({ id: 'c2' })],
      'GET /campaigns/analytics': () => [analytics({ campaign_id: 'c1' })],
      'GET /campaigns/{id}/sending-status': (call) => {
        events.push(`status ${call.params?.id ?? ''}`);
        return { diagnostics: { status: 'healthy' } };
      },
    });
    const { ctx } = context(api);
    // The account list answers a macrotask later: after every request that does not wait for it.
    ctx.resources = {
      ...ctx.resources,
      accounts: () =>
        new Promise((resolve) =>
          setImmediate(() => {
            events.push('accounts');
            resolve([account()]);
          }),
        ),
    };
    const outcome = await campaignsSuite.run(ctx);
    expect(outcome.checked).toBe(2);
    expect(events).toEqual(['status c1', 'status c2', 'accounts']);
  });

  it('asks nothing more when no campaign is selected', async () => {
    const api = stubApi({ 'PAGINATE /campaigns': () => [campaign({ status: 3 })] });
    const outcome = await campaignsSuite.run(context(api).ctx);
    expect(outcome).toMatchObject({ findings: [], checked: 0 });
    expect(api.calls).toHaveLength(1);
  });
});

describe('accounts suite', () => {
  it('checks only the senders of the checked campaigns by default, and everything with scope all', async () => {
    const accounts = [
      account({ email: 'used@alpha.com', status: -1 }),
      account({ email: 'idle@beta.com', status: -3 }),
    ];
    const handlers = {
      'PAGINATE /campaigns': () => [campaign({ email_list: ['used@alpha.com'] })],
      'PAGINATE /accounts': () => accounts,
      'POST /accounts/warmup-analytics': () => ({
        aggregate_data: {
          'used@alpha.com': { health_score: 90 },
          'idle@beta.com': { health_score: 90 },
        },
      }),
      'GET /accounts/analytics/daily': () => [],
      'POST /accounts/test/vitals': (call: StubCall) => ({
        success_list: (call.body as { accounts: string[] }).accounts.map((e) => ({
          domain: e.split('@')[1],
          spf: true,
          dkim: true,
          mx: true,
          dmarc: true,
        })),
      }),
    };
    const scoped = await accountsSuite.run(context(stubApi(handlers)).ctx);
    expect(scoped.findings.map((f) => f.resource.id)).toEqual(['used@alpha.com']);
    const all = await accountsSuite.run(
      context(stubApi(handlers), settings({ accounts: { scope: 'all' } })).ctx,
    );
    expect(all.findings.map((f) => f.resource.id)).toEqual(['used@alpha.com', 'idle@beta.com']);
  });

  it('sends no warmup or vitals request when they are switched off', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign()],
      'PAGINATE /accounts': () => [account()],
      'GET /accounts/analytics/daily': () => [],
    });
    const s = settings({ accounts: { dns: false, warmup_analytics: false } });
    expect((await accountsSuite.run(context(api, s).ctx)).findings).toEqual([]);
    expect(api.calls.map((c) => c.path)).toEqual([
      '/accounts',
      '/campaigns',
      '/accounts/analytics/daily',
    ]);
  });

  it('keeps the other account checks when warmup analytics and vitals fail', async () => {
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign()],
      'PAGINATE /accounts': () => [account({ autofix_failed: true })],
      'POST /accounts/warmup-analytics': () => {
        throw scopeError();
      },
      'POST /accounts/test/vitals': () => {
        throw apiError('server', 502, 'POST /accounts/test/vitals');
      },
      'GET /accounts/analytics/daily': () => {
        throw apiError('too-large', 413, 'GET /accounts/analytics/daily');
      },
    });
    const { findings } = await accountsSuite.run(context(api).ctx);
    expect(findings.map((f) => [f.check, f.severity, f.resource.type])).toEqual([
      ['account.warmup-health', 'unknown', 'suite'],
      ['domain.vitals', 'unknown', 'suite'],
      ['account.bounce-rate', 'unknown', 'suite'],
      ['account.volume-cap', 'unknown', 'suite'],
      ['account.autofix-failed', 'error', 'account'],
    ]);
  });

  it('reads the early warnings from the warmup series and the daily rows it already fetched', async () => {
    const day = (back: number) =>
      new Date(NOW.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    const series = Object.fromEntries(
      Array.from({ length: 7 }, (_, back) => [
        day(back),
        back < 3
          ? { sent: 20, landed_inbox: 14, landed_spam: 6 }
          : { sent: 20, landed_inbox: 19, landed_spam: 1 },
      ]),
    );
    const rows = Array.from({ length: 8 }, (_, back) => ({
      date: day(back),
      email_account: 'ANN@alpha.com',
      sent: 30,
      bounced: 3,
    }));
    const api = stubApi({
      'PAGINATE /campaigns': () => [campaign()],
      'PAGINATE /accounts': () => [account({ daily_limit: 30 })],
      'POST /accounts/warmup-analytics': () => ({
        email_date_data: { 'ann@alpha.com': series },
        aggregate_data: { 'ann@alpha.com': { health_score: 85 } },
      }),
      'GET /accounts/analytics/daily': () => rows,
      'POST /accounts/test/vitals': () => ({}),
    });
    const { findings } = await accountsSuite.run(
      context(api, settings({ accounts: { dns: false } })).ctx,
    );
    expect(findings.map((f) => [f.check, f.severity])).toEqual([
      ['account.warmup-trend', 'warning'],
      ['account.warmup-spam', 'warning'],
      ['account.bounce-rate', 'error'],
      ['account.volume-cap', 'warning'],
    ]);
    expect(findings[0]?.message).toContain(
      'inbox 95 % → 70 % (the last 3 days against the 4 before',
    );
    expect(api.calls.filter((c) => c.path === '/accounts/warmup-analytics')).toHaveLength(1);
  });
});
