import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { evaluateSending, evaluateWarmupSeries } from '../../src/checks/account-signals.js';
import { accountsSuite } from '../../src/checks/accounts.js';
import { campaignsSuite } from '../../src/checks/campaigns.js';
import { createSharedResources } from '../../src/checks/resources.js';
import { errorFacts } from '../../src/checks/scopes.js';
import type { SuiteContext } from '../../src/checks/types.js';
import { unknownFromError } from '../../src/checks/unknown.js';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import type { InstantlyApi } from '../../src/instantly/api.js';
import { classifyResponse } from '../../src/instantly/classify.js';
import { InstantlyError } from '../../src/instantly/errors.js';
import {
  Account,
  AccountDailyAnalytics,
  WarmupAnalytics,
  type AccountDailyRow,
  type WarmupDay,
} from '../../src/instantly/schemas/accounts.js';
import { Campaign, CampaignAnalyticsList } from '../../src/instantly/schemas/campaigns.js';
import type { Finding } from '../../src/model/report.js';
import { account } from './fixtures.js';
import { stubApi, type StubCall } from './stub-api.js';

/**
 * Every response captured from the real API (test/fixtures/real/, see its README) through the
 * client's schemas and the checks, asserting what a person reading them would conclude.
 */

/** A capture as JSON; each caller names the shape the file's README describes. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed JSON read
const fixture = <T = unknown>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url), 'utf8')) as T;

interface Capture<T = unknown> {
  endpoint: string;
  timestamp: string;
  status_code: number;
  response: T;
}
type Page = { items: unknown[]; next_starting_after?: string };

const campaignsList = fixture<Capture<Page>>('leonidsvb__campaigns_list.json');
const accountsList = fixture<Capture<Page>>('leonidsvb__email_accounts.json');
const campaignAnalytics = fixture<Capture<unknown[]>>('leonidsvb__campaigns_analytics.json');
const campaignDaily = fixture<Capture<unknown[]>>('leonidsvb__campaign_1_daily_analytics.json');
const NOW = new Date(`${campaignsList.timestamp.slice(0, 19)}Z`);

const ids = {
  bounceProtect: 'bfa00ac1-2fe7-4da7-936f-0b93afeedc80',
  active: '8ad64aaf-8294-4538-8400-4a99dcf016e8',
  accountsUnhealthy: '864e8605-a24e-4881-9e96-8544b912d7e7',
  draft: '608002a6',
  completed: '23189011-78cc-49db-8e32-da035d1b1135',
};

function settings(config: Record<string, unknown>, campaignIds: string[] = []): RunSettings {
  return {
    apiKey: 'k',
    baseUrl: 'http://127.0.0.1:1',
    checks: ['campaigns', 'accounts'],
    rateLimit: 10,
    timeoutSeconds: 300,
    failOn: 'error',
    campaignIds,
    config: ConfigFile.parse(config),
  };
}

function context(api: InstantlyApi, s: RunSettings): SuiteContext {
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

/**
 * The captured accounts were listed without `include_tags`, which the client always sends, so
 * they carry no `tags` while the campaigns send by tag. The one addition to the captures: each
 * account gets the tags of the campaigns on its domain, as `include_tags=true` would show them.
 */
const TAGS_BY_DOMAIN: Record<string, string[]> = {
  'domain6.example': ['5bf588e3-6423-410e-8b27-84ec07ca7033'],
  'domain7.example': ['7e4dc321-d803-4aaf-82f2-a6a405de48b1'],
  'domain8.example': ['b528347a-338e-4f6e-8e1c-abf36b0f5bcb'],
  'domain9.example': ['15560548-4727-428d-b597-e7b5b94b789e'],
};
const taggedAccounts = () =>
  (accountsList.response.items as { email: string }[]).map((a) => ({
    ...a,
    tags: (TAGS_BY_DOMAIN[a.email.split('@')[1] ?? ''] ?? []).map((id) => ({ id, label: id })),
  }));

/** The workspace of the captures, served as the real API served it. */
function realApi() {
  return stubApi({
    'PAGINATE /campaigns': () => campaignsList.response.items,
    'PAGINATE /accounts': taggedAccounts,
    // The unscoped answer leaves the draft out; asked by id, there is nothing for it either.
    'GET /campaigns/analytics': (c: StubCall) =>
      c.query?.ids === undefined ? campaignAnalytics.response : [],
    'GET /campaigns/{id}/sending-status': () => ({}),
    // The one daily capture is of the active campaign, which has no lead left: not a stall.
    'GET /campaigns/analytics/daily': (c: StubCall) =>
      c.query?.campaign_id === '8ad64aaf-8294-4538-8400-4a99dcf016e8' ? campaignDaily.response : [],
    // The detail of a campaign is its list item (the draft's has no sequences either).
    'GET /campaigns/{id}': (c: StubCall) =>
      (campaignsList.response.items as { id: string }[]).find((i) => i.id === c.params?.id),
    // No warmup capture of these senders: the day-shaped one of another sender is below.
    'POST /accounts/warmup-analytics': () => ({ email_date_data: {}, aggregate_data: {} }),
    'GET /accounts/analytics/daily': () => [],
    'POST /accounts/test/vitals': () => ({ success_list: [], failure_list: [] }),
  });
}

const brief = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.severity} ${f.check} ${f.resource.id.slice(0, 8)}`);

describe('real captures through the client’s schemas', () => {
  it('parses every list item, analytics row and account answer', () => {
    for (const item of campaignsList.response.items)
      expect(() => Campaign.parse(item)).not.toThrow();
    for (const item of accountsList.response.items) expect(() => Account.parse(item)).not.toThrow();
    expect(() => CampaignAnalyticsList.parse(campaignAnalytics.response)).not.toThrow();
    const warmup = fixture<Capture>('margentic__warmup_analytics_excerpt.json');
    expect(() => WarmupAnalytics.parse(warmup.response)).not.toThrow();
    const daily = fixture<Capture>('margentic__accounts_analytics_daily_row.json');
    expect(() => AccountDailyAnalytics.parse(daily.response)).not.toThrow();
    const trimmed = fixture<{ response_item: unknown; last_page: Page }>(
      'margentic__accounts_item_trimmed_and_last_page.json',
    );
    // Its author trimmed the item (no timestamp_created): the fields left parse as they are.
    expect(Account.partial().parse(trimmed.response_item)).toMatchObject({
      email: 'sender25@domain10.example',
      status: 1,
      warmup_status: 1,
      stat_warmup_score: 100,
    });
    expect(trimmed.last_page).toEqual({ items: [] });
    // The accounts cursor is a bare timestamp; the campaigns list has one on its last page.
    expect(accountsList.response.next_starting_after).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(campaignsList.response.next_starting_after).toBe(ids.completed);
  });
});

describe('real error answers through the classifier', () => {
  const classify = (status: number, body: unknown) =>
    classifyResponse(
      { status, headers: { 'content-type': 'application/json' }, text: JSON.stringify(body) },
      z.unknown(),
      { nowMs: 0, redact: (s) => s },
    );

  it('a 401 "Invalid scope." is a missing scope naming what is required and what the key has', () => {
    const scope = fixture<{ examples: { status_code: number; body?: unknown; quoted?: string }[] }>(
      'scope_errors__401_invalid_scope.json',
    );
    for (const example of scope.examples) {
      const body = example.body ?? {
        statusCode: 401,
        error: 'Unauthorized',
        message: example.quoted,
      };
      const attempt = classify(example.status_code, body);
      expect(attempt).toMatchObject({ ok: false, failure: { kind: 'scope', status: 401 } });
      if (attempt.ok) continue;
      const facts = errorFacts(
        new InstantlyError({
          kind: attempt.failure.kind,
          endpoint: 'GET /accounts',
          detail: attempt.failure.detail,
          status: 401,
          ...(attempt.failure.apiError ? { apiError: attempt.failure.apiError } : {}),
        }),
      );
      expect(facts.requiredScope).toMatch(/^[a-z_]+:[a-z]+$/);
    }
    const [first] = scope.examples;
    const f = unknownFromError(
      new InstantlyError({
        kind: 'scope',
        endpoint: 'GET /accounts',
        detail: 'HTTP 401',
        status: 401,
        apiError: first?.body as { statusCode: number; error: string; message: string },
      }),
      {
        check: 'suite.scope',
        suite: 'accounts',
        resource: { type: 'suite', id: 'accounts' },
        what: 'The accounts checks',
      },
    );
    expect(f.message).toContain('`accounts:read`');
    expect(f.message).toContain('`campaigns:all`, `leads:all`');
  });

  it('reads the 400, 404 and 413 bodies as what they are', () => {
    const validation = fixture<Capture>('leonidsvb__emails_limit_1000.json');
    expect(classify(400, validation.response)).toMatchObject({
      failure: { kind: 'bad-request', apiError: { message: 'querystring/limit must be <= 100' } },
    });
    const route = fixture<Capture>('leonidsvb__leads_get_might_be_404.json');
    expect(classify(404, route.response)).toMatchObject({ failure: { kind: 'not-found' } });
    const errors =
      fixture<Record<string, { status_code: number; quoted?: string }>>('margentic__errors.json');
    const over31 = errors.accounts_analytics_daily_range_over_31_days;
    expect(classify(over31?.status_code ?? 0, { message: over31?.quoted })).toMatchObject({
      failure: { kind: 'bad-request' },
    });
    const tooLarge = errors.accounts_analytics_daily_without_emails;
    expect(classify(tooLarge?.status_code ?? 0, { message: tooLarge?.quoted })).toMatchObject({
      failure: { kind: 'too-large' },
    });
  });
});

describe('the real workspace through the checks', () => {
  it('campaigns: Bounce Protect and Accounts Unhealthy are errors; no false "no leads"; nothing unknown', async () => {
    const { findings } = await campaignsSuite.run(
      context(realApi(), settings({ campaigns: { sending_status: false } })),
    );
    // What a person reading the captures concludes: Bounce Protect and Accounts Unhealthy are
    // errors (with their bounce rates), the active campaign has contacted every lead. Not "no
    // leads" for the stopped ones (leads_count 0 beside contacted leads), nothing unknown.
    expect(brief(findings)).toEqual([
      'error campaign.status bfa00ac1',
      'error campaign.bounce-rate bfa00ac1',
      'warning campaign.leads 8ad64aaf',
      'error campaign.status 864e8605',
      'warning campaign.bounce-rate 864e8605',
    ]);
  });

  it('a launch gate on the draft the analytics left out: asked for by id once, not blocked by it', async () => {
    const draft = (campaignsList.response.items as { id: string }[]).find((c) =>
      c.id.startsWith(ids.draft),
    );
    const api = realApi();
    const outcome = await campaignsSuite.run(
      context(api, settings({ campaigns: { sending_status: false } }, [draft?.id ?? ''])),
    );
    expect(outcome.details).toContain('1 draft has no analytics yet (leads not counted)');
    expect(outcome.findings.filter((f) => f.check === 'campaign.leads')).toEqual([]);
    // Both analytics calls named the gated draft: it is not asked for a third time.
    const asked = api.calls.filter((c) => c.path === '/campaigns/analytics');
    expect(asked.map((c) => c.query?.ids)).toEqual([[draft?.id], [draft?.id]]);
    // What blocks it is real, not the missing analytics: no sequence written, no sender chosen.
    expect(brief(outcome.findings)).toEqual([
      'error campaign.sequence 608002a6',
      'error campaign.senders 608002a6',
    ]);
    expect(
      outcome.findings.some((f) => f.severity === 'unknown' && f.check !== 'campaign.sequence'),
    ).toBe(false);
  });

  it('accounts: no false warning on the healthy real accounts (CTD_ACTIVE tracking domains)', async () => {
    const api = realApi();
    const { findings } = await accountsSuite.run(
      // No warmup or DNS capture of these senders: those calls are left out, not faked.
      context(api, settings({ accounts: { scope: 'all', warmup_analytics: false, dns: false } })),
    );
    expect(brief(findings)).toEqual([]);
    expect(api.calls.some((c) => c.path === '/accounts/ctd/status')).toBe(false);
  });

  it('warmup: the real 7-day answer of a healthy sender, zero fields left out, raises nothing', () => {
    const warmup = fixture<Capture<{ email_date_data: Record<string, Record<string, WarmupDay>> }>>(
      'margentic__warmup_analytics_excerpt.json',
    );
    const [email, days] = Object.entries(warmup.response.email_date_data)[0] ?? ['', {}];
    const findings = evaluateWarmupSeries(
      email,
      days,
      ConfigFile.parse({}).accounts,
      new Date('2026-08-27T18:00:00.000Z'),
    );
    expect(findings).toEqual([]);
    const [row] = fixture<Capture<AccountDailyRow[]>>(
      'margentic__accounts_analytics_daily_row.json',
    ).response;
    expect(
      row && evaluateSending(account({ email }), [row], ConfigFile.parse({}).accounts, NOW),
    ).toEqual([]);
  });
});
