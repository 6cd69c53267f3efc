import {
  AccountDailyAnalytics,
  CtdStatus,
  VitalsResponse,
  WarmupAnalytics,
  type Account,
  type AccountDailyRow,
  type WarmupAggregate,
} from '../instantly/schemas/accounts.js';
import type { Campaign } from '../instantly/schemas/campaigns.js';
import type { Finding, Resource } from '../model/report.js';
import {
  ACCOUNT_CHECK,
  evaluateAccount,
  evaluateDomains,
  evaluateTrackingDomains,
  suspectTrackingDomains,
  type CtdCheck,
} from './account-checks.js';
import { evaluateSending, evaluateWarmupSeries } from './account-signals.js';
import { isActive } from './campaign-selection.js';
import { fetchOrUnknown } from './fetch-or-unknown.js';
import { asLaunchBlockers, launchGateIds, type GateCampaign } from './launch-gate.js';
import { chunk, mapLimit } from './map-limit.js';
import { InstantlyError } from '../instantly/errors.js';
import { dailyAnalyticsWindow } from './resources.js';
import { domainOf, emailKey, indexAccounts, sendersOf, type AccountIndex } from './senders.js';
import { evaluateRamp } from './ramp.js';
import type { Suite, SuiteContext, SuiteOutcome } from './types.js';
import { unknownFromError } from './unknown.js';

/**
 * The accounts suite: the account list and campaign list come from the shared cache; warmup
 * analytics (≤100 emails a call), DNS vitals (one email per sending domain, ≤100 a call) and
 * daily sending analytics (≤200 emails and ≤31 days a call) are the only requests of its own
 * (docs/instantly-api.md, "Request plan", rows 6-10). Evaluation is in account-checks.ts and,
 * for the daily series (the early warnings), account-signals.ts.
 */

const SUITE = 'accounts' as const;
const SUITE_RESOURCE: Resource = { type: 'suite', id: SUITE, name: 'Accounts' };
/** Instantly's documented maximum for warmup analytics; also our choice for vitals (undocumented). */
export const BATCH_SIZE = 100;
/** `GET /accounts/analytics/daily` takes at most 200 emails (more, or none, answers 413). */
export const DAILY_BATCH_SIZE = 200;
const CONCURRENCY = 4;

export const accountsSuite: Suite = { name: SUITE, run: runAccounts };

async function runAccounts(ctx: SuiteContext): Promise<SuiteOutcome> {
  const config = ctx.settings.config.accounts;
  const findings: Finding[] = [];
  const [all, campaigns] = await Promise.all([
    ctx.resources.accounts(),
    ctx.resources.campaigns().then(
      (list) => ({ ok: true as const, list }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  ]);
  const index = indexAccounts(all);
  // Without the campaign list the default scope cannot be known: the engine reports the suite.
  // With `scope: all` only the paused-while-used rule needs it.
  if (!campaigns.ok) {
    if (config.scope !== 'all' || ctx.signal.aborted) throw campaigns.error;
    findings.push(
      unknownFromError(campaigns.error, {
        check: ACCOUNT_CHECK.paused,
        suite: SUITE,
        resource: SUITE_RESOURCE,
        what: 'Paused accounts used by active campaigns (the campaign list)',
      }),
    );
  }

  const inScope =
    config.scope === 'all'
      ? [...all]
      : sendersOfCampaigns(await ctx.resources.checkedCampaigns(), index);
  const listed = campaigns.ok ? campaigns.list : [];
  const usedBy = campaignsBySender(listed.filter(isActive), index);
  // Launch gate: the senders of the campaigns about to launch must be ready, not merely watched.
  const gateIds = new Set(launchGateIds(ctx.settings));
  const launching = campaignsBySender(
    listed.filter((c) => gateIds.has(c.id)),
    index,
  );

  const warmupBatches = config.warmup_analytics
    ? chunk(
        inScope.map((a) => a.email),
        BATCH_SIZE,
      )
    : [];
  const domains = sendingDomains(inScope);
  const vitalsBatches = config.dns
    ? chunk(
        [...domains.values()].map((d) => d.probe),
        BATCH_SIZE,
      )
    : [];
  const dailyBatches = chunk(
    inScope.map((a) => a.email),
    DAILY_BATCH_SIZE,
  );
  const trackingSuspects = suspectTrackingDomains(inScope);
  const total =
    warmupBatches.length + vitalsBatches.length + dailyBatches.length + trackingSuspects.size;
  let done = 0;
  const tick = () => {
    ctx.progress(++done, total);
  };
  ctx.progress(0, total);

  const [warmup, vitals, daily, tracking] = await Promise.all([
    fetchWarmup(ctx, warmupBatches, index, tick, findings),
    fetchVitals(ctx, vitalsBatches, tick, findings),
    fetchDaily(ctx, dailyBatches, index, tick, findings),
    checkTrackingDomains(ctx, [...trackingSuspects.keys()], tick),
  ]);

  for (const account of inScope) {
    const key = emailKey(account.email);
    const aggregate = warmup?.aggregates.get(key);
    const rows = daily?.get(key);
    const gate: GateCampaign[] = launching.get(key) ?? [];
    const own = [
      ...evaluateAccount(
        {
          account,
          activeCampaigns: usedBy.get(key) ?? [],
          ...(gate.length > 0 && { launching: gate }),
          ...(warmup && { warmup: aggregate ?? 'missing' }),
        },
        config,
      ),
      ...(warmup?.findings.get(key) ?? []),
      ...(rows ?? []),
      ...evaluateRamp(account, config.ramp, ctx.now),
    ];
    findings.push(...asLaunchBlockers(own, gate));
  }
  if (vitals) {
    const requested = new Map([...domains].map(([domain, d]) => [domain, d.senders]));
    // A domain blocks every launch that one of its senders is part of.
    const launchingOnDomain = (domain: string): GateCampaign[] => {
      const byId = new Map<string, GateCampaign>();
      for (const email of domains.get(domain)?.senders ?? []) {
        for (const c of launching.get(emailKey(email)) ?? []) byId.set(c.id, c);
      }
      return [...byId.values()];
    };
    for (const f of evaluateDomains(vitals, requested)) {
      findings.push(...asLaunchBlockers([f], launchingOnDomain(f.resource.id)));
    }
  }
  findings.push(...evaluateTrackingDomains(trackingSuspects, tracking));

  const scopeLine =
    config.scope === 'all'
      ? `all ${inScope.length} accounts`
      : `${inScope.length} senders of the checked campaigns`;
  return {
    findings,
    checked: inScope.length,
    details: [`${scopeLine} on ${domains.size} domains`],
    senders: inScope.map((a) => a.email),
  };
}

/** Every account any of `campaigns` sends from, each once, in workspace order. */
function sendersOfCampaigns(campaigns: readonly Campaign[], index: AccountIndex): Account[] {
  const keys = new Set<string>();
  for (const c of campaigns) {
    for (const a of sendersOf(c, index).accounts) keys.add(emailKey(a.email));
  }
  return [...index.byEmail.values()].filter((a) => keys.has(emailKey(a.email)));
}

/** Sender (lower-cased email) → the campaigns of `campaigns` that send from it. */
function campaignsBySender(
  campaigns: readonly Campaign[],
  index: AccountIndex,
): Map<string, Campaign[]> {
  const map = new Map<string, Campaign[]>();
  for (const c of campaigns) {
    for (const a of sendersOf(c, index).accounts) {
      const key = emailKey(a.email);
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    }
  }
  return map;
}

/** Domain → the in-scope senders on it, and the one address sent to vitals for it. */
function sendingDomains(
  accounts: readonly Account[],
): Map<string, { probe: string; senders: string[] }> {
  const map = new Map<string, { probe: string; senders: string[] }>();
  for (const a of accounts) {
    const domain = domainOf(a.email);
    if (!domain) continue;
    const entry = map.get(domain);
    if (entry) entry.senders.push(a.email);
    else map.set(domain, { probe: a.email, senders: [a.email] });
  }
  return map;
}

/**
 * Instantly's live check of each custom tracking domain the accounts report as not active, once
 * per domain (the `+ T` row of the request plan, docs/instantly-api.md). Healthy domains
 * (`CTD_ACTIVE`) cost nothing.
 */
async function checkTrackingDomains(
  ctx: SuiteContext,
  hosts: readonly string[],
  tick: () => void,
): Promise<Map<string, CtdCheck>> {
  const results = await mapLimit(hosts, CONCURRENCY, async (host): Promise<CtdCheck> => {
    try {
      const status = await ctx.api.get('/accounts/ctd/status', {
        query: { host },
        schema: CtdStatus,
        signal: ctx.signal,
      });
      return { type: 'answer', status };
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      // A 400 is the endpoint's own verdict on the domain ({status: "error", message, host}).
      if (error instanceof InstantlyError && error.status === 400 && error.apiError) {
        return { type: 'rejected', message: error.apiError.message };
      }
      return { type: 'failed', error };
    } finally {
      tick();
    }
  });
  return new Map(hosts.map((h, i) => [h, results[i] as CtdCheck]));
}

interface WarmupData {
  aggregates: Map<string, WarmupAggregate>;
  /**
   * The early-warning findings of each sender's per-day warmup (`email_date_data`), evaluated as
   * each batch answers: at L the raw series of 25,000 senders would otherwise all be held at once.
   */
  findings: Map<string, Finding[]>;
}

/**
 * Aggregates and the per-day series' findings by lower-cased email; undefined when not asked or
 * when a batch failed (reported).
 */
async function fetchWarmup(
  ctx: SuiteContext,
  batches: readonly string[][],
  index: AccountIndex,
  tick: () => void,
  findings: Finding[],
): Promise<WarmupData | undefined> {
  if (batches.length === 0) return undefined;
  const config = ctx.settings.config.accounts;
  const merged: WarmupData = { aggregates: new Map(), findings: new Map() };
  const answered = await fetchOrUnknown(
    () =>
      mapLimit(batches, CONCURRENCY, async (emails) => {
        const answer = await ctx.api.post('/accounts/warmup-analytics', {
          body: { emails },
          schema: WarmupAnalytics,
          idempotent: true,
          signal: ctx.signal,
        });
        for (const [email, aggregate] of Object.entries(answer.aggregate_data ?? {})) {
          merged.aggregates.set(emailKey(email), aggregate);
        }
        for (const [email, days] of Object.entries(answer.email_date_data ?? {})) {
          const key = emailKey(email);
          // Findings name the account as the workspace spells it, whatever case the answer used.
          const own = evaluateWarmupSeries(
            index.byEmail.get(key)?.email ?? email,
            days,
            config,
            ctx.now,
          );
          if (own.length > 0) merged.findings.set(key, own);
        }
        tick();
      }),
    findings,
    {
      check: ACCOUNT_CHECK.warmupHealth,
      suite: SUITE,
      resource: SUITE_RESOURCE,
      what: 'Warmup health scores',
    },
    ctx.signal,
  );
  return answered === undefined ? undefined : merged;
}

/** Every batch's lists concatenated; undefined when not asked or when a batch failed (reported). */
async function fetchVitals(
  ctx: SuiteContext,
  batches: readonly string[][],
  tick: () => void,
  findings: Finding[],
): Promise<VitalsResponse | undefined> {
  if (batches.length === 0) return undefined;
  const answers = await fetchOrUnknown(
    () =>
      mapLimit(batches, CONCURRENCY, async (accounts) => {
        const answer = await ctx.api.post('/accounts/test/vitals', {
          body: { accounts },
          schema: VitalsResponse,
          idempotent: true,
          signal: ctx.signal,
        });
        tick();
        return answer;
      }),
    findings,
    {
      check: ACCOUNT_CHECK.vitals,
      suite: SUITE,
      resource: SUITE_RESOURCE,
      what: 'Sending domain DNS (SPF, DKIM, MX, DMARC)',
    },
    ctx.signal,
  );
  if (answers === undefined) return undefined;
  return {
    success_list: answers.flatMap((a) => a.success_list ?? []),
    failure_list: answers.flatMap((a) => a.failure_list ?? []),
  };
}

/**
 * The sending early warnings (bounce rate, volume at the cap) of each sender, by lower-cased
 * email, from the daily rows over the bounce window (whole days, today included so the range is
 * the same for every run of a day), evaluated as each batch answers so no batch's rows outlive
 * it; undefined when a batch failed (reported). Always scoped: unscoped, with more than 200 emails
 * or more than 31 days, Instantly refuses.
 */
async function fetchDaily(
  ctx: SuiteContext,
  batches: readonly string[][],
  index: AccountIndex,
  tick: () => void,
  findings: Finding[],
): Promise<Map<string, Finding[]> | undefined> {
  if (batches.length === 0) return undefined;
  const config = ctx.settings.config.accounts;
  const window = dailyAnalyticsWindow(ctx.now, config.bounce_rate.window_days);
  const out = new Map<string, Finding[]>();
  const answered = await fetchOrUnknown(
    () =>
      mapLimit(batches, CONCURRENCY, async (emails) => {
        const answer = await ctx.api.get('/accounts/analytics/daily', {
          query: { emails, start_date: window.start, end_date: window.end },
          schema: AccountDailyAnalytics,
          signal: ctx.signal,
        });
        const byEmail = new Map<string, AccountDailyRow[]>();
        for (const row of answer) {
          const key = emailKey(row.email_account);
          const list = byEmail.get(key);
          if (list) list.push(row);
          else byEmail.set(key, [row]);
        }
        for (const [key, rows] of byEmail) {
          const account = index.byEmail.get(key);
          if (!account) continue;
          const own = evaluateSending(account, rows, config, ctx.now);
          if (own.length > 0) out.set(key, own);
        }
        tick();
      }),
    findings,
    [
      {
        check: ACCOUNT_CHECK.bounceRate,
        suite: SUITE,
        resource: SUITE_RESOURCE,
        what: 'Sender bounce rates',
      },
      {
        check: ACCOUNT_CHECK.volumeCap,
        suite: SUITE,
        resource: SUITE_RESOURCE,
        what: 'Sender daily volume',
      },
    ],
    ctx.signal,
  );
  return answered === undefined ? undefined : out;
}
