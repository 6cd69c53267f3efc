import {
  Campaign,
  CAMPAIGN_STATUS,
  type CampaignAnalytics,
  CampaignDailyAnalytics,
  type CampaignDailyRow,
  SendingStatus,
} from '../instantly/schemas/campaigns.js';
import { Subsequence } from '../instantly/schemas/subsequences.js';
import type { Finding, Resource } from '../model/report.js';
import {
  CAMPAIGN_CHECK,
  campaignNotFound,
  evaluateCampaign,
  type AnalyticsInput,
} from './campaign-checks.js';
import { isActive } from './campaign-selection.js';
import { finding } from './finding.js';
import { asLaunchBlockers, launchGateIds } from './launch-gate.js';
import { mapLimit } from './map-limit.js';
import { errorFacts } from './scopes.js';
import { dailyWindow, foldVerdict, judgeDailySending, STALLED_CHECK } from './stalled.js';
import { indexAccounts, type AccountIndex } from './senders.js';
import { evaluateSubsequences, type SubsequenceStatus } from './subsequences.js';
import type { Suite, SuiteContext, SuiteOutcome } from './types.js';
import type { CheckId } from '../model/checks.js';
import { unknownFromError } from './unknown.js';

/**
 * The campaigns suite: fetch through the shared cache (campaign list, account list, analytics
 * over the bounce window for rates and without a range for lead counts: one request each, or one
 * per 100 items) plus, per checked active campaign, its sending status (docs/instantly-api.md,
 * "Request plan"), then evaluate each campaign with the pure rules of campaign-checks.ts.
 */

const SUITE = 'campaigns' as const;
const SUITE_RESOURCE: Resource = { type: 'suite', id: SUITE, name: 'Campaigns' };
/** Per-campaign requests in flight at most (the client's rate budget limits them too). */
export const CAMPAIGN_CONCURRENCY = 4;

export const campaignsSuite: Suite = { name: SUITE, run: runCampaigns };

async function runCampaigns(ctx: SuiteContext): Promise<SuiteOutcome> {
  const config = ctx.settings.config.campaigns;
  const selected = await ctx.resources.checkedCampaigns();
  const findings: Finding[] = [];

  const found = new Set(selected.map((c) => c.id));
  for (const id of new Set(ctx.settings.campaignIds)) {
    if (!found.has(id)) findings.push(campaignNotFound(id));
  }
  if (selected.length === 0) {
    return { findings, checked: 0, details: ['no campaign matched the selection'] };
  }

  // The per-campaign requests need only the selection, so they go out now, beside the account
  // list and the analytics that only the evaluation needs: at L the account list alone is 250
  // sequential pages, which would otherwise leave the rate budget idle. Their findings are kept
  // apart so the report's order does not depend on which request answered first.
  const needDetails = selected.filter((c) => c.sequences === undefined);
  const askStatus = config.sending_status ? selected.filter(isActive) : [];
  // Daily sending of Active campaigns (status 1); running subsequences (4) are not judged.
  const askDaily = config.stalled.enabled
    ? selected.filter((c) => c.status === CAMPAIGN_STATUS.active)
    : [];
  const askSubsequences = askStatus.filter((c) => c.status === CAMPAIGN_STATUS.runningSubsequences);
  const total = needDetails.length + askStatus.length + askDaily.length + askSubsequences.length;
  let done = 0;
  const tick = () => {
    ctx.progress(++done, total);
  };
  ctx.progress(0, total);
  const requestFindings: Finding[] = [];
  const perCampaign = (async () => {
    const detailed = await fetchDetails(ctx, needDetails, tick, requestFindings);
    const statuses = await fetchSendingStatuses(ctx, askStatus, tick, requestFindings);
    return { detailed, statuses };
  })();
  const dailyFindings: Finding[] = [];
  const dailyRequests = fetchDaily(ctx, askDaily, tick, dailyFindings);
  const subsequenceRequests = fetchSubsequences(ctx, askSubsequences, tick, dailyFindings);

  // settle() never rejects, so an abort that rejects perCampaign leaves no promise unobserved.
  const [accounts, analytics, lifetime, { detailed, statuses }, daily, subsequences] =
    await Promise.all([
      settle(ctx.resources.accounts()),
      settle(ctx.resources.campaignAnalytics()),
      settle(leadCounts(ctx, selected)),
      perCampaign,
      dailyRequests,
      subsequenceRequests,
    ]);
  let index: AccountIndex | undefined;
  if (accounts.ok) index = indexAccounts(accounts.value);
  else {
    rethrowIfAborted(ctx, accounts.error);
    findings.push(
      unknownFromError(accounts.error, {
        check: CAMPAIGN_CHECK.senders,
        suite: SUITE,
        resource: SUITE_RESOURCE,
        what: 'Campaign senders (the workspace account list)',
      }),
    );
  }
  let lifetimeById: Map<string, CampaignAnalytics> | undefined;
  if (lifetime.ok) lifetimeById = new Map(lifetime.value.map((a) => [a.campaign_id, a]));
  else {
    rethrowIfAborted(ctx, lifetime.error);
    findings.push(
      unknownFromError(lifetime.error, {
        check: CAMPAIGN_CHECK.leads,
        suite: SUITE,
        resource: SUITE_RESOURCE,
        what: 'Campaign leads',
      }),
    );
  }
  let analyticsById: Map<string, CampaignAnalytics> | undefined;
  if (analytics.ok) analyticsById = new Map(analytics.value.map((a) => [a.campaign_id, a]));
  else {
    rethrowIfAborted(ctx, analytics.error);
    // Lead counts come from the lifetime call (reported below); this one is for rates only.
    findings.push(
      unknownFromError(analytics.error, {
        check: CAMPAIGN_CHECK.bounceRate,
        suite: SUITE,
        resource: SUITE_RESOURCE,
        what: 'Campaign bounce rates',
      }),
    );
  }

  const noAnalyticsYet = lifetimeById
    ? selected.filter((c) => c.status === CAMPAIGN_STATUS.draft && !lifetimeById.has(c.id)).length
    : 0;

  findings.push(...requestFindings, ...dailyFindings);
  const gateIds = new Set(launchGateIds(ctx.settings));

  for (const listed of selected) {
    const campaign = detailed.get(listed.id) ?? listed;
    if (
      campaign.sequences === undefined &&
      campaign.status === CAMPAIGN_STATUS.draft &&
      detailed.has(listed.id)
    ) {
      // Real drafts come without `sequences` until a step is written (docs/instantly-api.md,
      // "Campaigns"): for a draft the absent field is an empty sequence, not a gap in the answer.
      findings.push(...evaluate({ ...campaign, sequences: [] }));
      continue;
    }
    if (campaign.sequences === undefined) {
      // No sequence to judge: its detail request failed (already reported), or Instantly left
      // the field out of the detail too. An absent field is not an empty sequence: `unknown`.
      if (detailed.has(listed.id)) findings.push(sequenceNotReturned(campaign));
      findings.push(...withoutCheck(evaluate(campaign), CAMPAIGN_CHECK.sequence));
      continue;
    }
    findings.push(...evaluate(campaign));
  }

  function evaluate(campaign: Campaign): Finding[] {
    const row: AnalyticsInput = analyticsById
      ? (analyticsById.get(campaign.id) ?? 'missing')
      : undefined;
    const leads: AnalyticsInput = lifetimeById
      ? (lifetimeById.get(campaign.id) ?? 'missing')
      : undefined;
    const findings = [
      ...withDailySending(campaign, judge(campaign, row, leads), leads),
      ...evaluateSubsequences(campaign, subsequences.get(campaign.id) ?? [], ctx.now),
    ];
    // A campaign about to launch must be ready to send: its blockers are errors.
    return gateIds.has(campaign.id) ? asLaunchBlockers(findings, [campaign]) : findings;
  }

  function judge(campaign: Campaign, row: AnalyticsInput, leads: AnalyticsInput): Finding[] {
    return evaluateCampaign(
      {
        campaign,
        ...(row !== undefined && { analytics: row }),
        leads,
        ...(statuses.has(campaign.id) && { sendingStatus: statuses.get(campaign.id) }),
        ...(index && { accounts: index }),
      },
      config,
      ctx.now,
    );
  }

  /** Daily analytics confirm or explain the other findings, or add a stall of their own. */
  function withDailySending(campaign: Campaign, own: Finding[], leads: AnalyticsInput): Finding[] {
    const rows = daily.get(campaign.id);
    if (!rows) return own;
    const leadsLeft =
      leads === undefined ||
      leads === 'missing' ||
      (leads.leads_count === 0 && leads.contacted_count > 0)
        ? undefined
        : Math.max(0, leads.leads_count - leads.contacted_count);
    const verdict = judgeDailySending(
      { campaign, rows, ...(leadsLeft !== undefined && { leadsLeft }) },
      config.stalled,
      ctx.now,
    );
    return foldVerdict(own, campaign, verdict, statuses.get(campaign.id)?.diagnostics?.status);
  }

  const details = describe(selected, askStatus.length);
  if (askDaily.length > 0) details.push(`daily sending of ${askDaily.length} active campaigns`);
  if (noAnalyticsYet > 0)
    details.push(
      `${noAnalyticsYet} ${noAnalyticsYet === 1 ? 'draft has' : 'drafts have'} no analytics yet (leads not counted)`,
    );
  return { findings, checked: selected.length, details };
}

/**
 * Lifetime analytics rows of the workspace (no date range), and, once, by id, of the checked
 * campaigns that answer left out (Instantly leaves drafts out of the unscoped answer).
 */
async function leadCounts(
  ctx: SuiteContext,
  selected: readonly Campaign[],
): Promise<readonly CampaignAnalytics[]> {
  const rows = await ctx.resources.campaignLifetime();
  const have = new Set(rows.map((r) => r.campaign_id));
  const absent = selected
    .filter(
      (c) =>
        c.status !== CAMPAIGN_STATUS.completed &&
        c.status !== CAMPAIGN_STATUS.runningSubsequences &&
        !have.has(c.id),
    )
    .map((c) => c.id);
  if (absent.length === 0) return rows;
  return [...rows, ...(await ctx.resources.campaignLifetimeByIds(absent))];
}

function sequenceNotReturned(campaign: Campaign): Finding {
  return finding({
    check: CAMPAIGN_CHECK.sequence,
    suite: SUITE,
    severity: 'unknown',
    resource: { type: 'campaign', id: campaign.id, name: campaign.name },
    message:
      'Campaign sequence could not be checked: Instantly returned the campaign without its `sequences` field.',
    remediation:
      'Re-run the check; if it persists, open the campaign in Instantly to confirm its sequence has steps.',
    evidence: { sequences: 'missing' },
  });
}

/** List items normally carry `sequences`; when one does not, GET /campaigns/{id} has it. */
async function fetchDetails(
  ctx: SuiteContext,
  campaigns: readonly Campaign[],
  tick: () => void,
  findings: Finding[],
): Promise<Map<string, Campaign>> {
  const out = new Map<string, Campaign>();
  await perCampaign(
    ctx,
    campaigns,
    CAMPAIGN_CHECK.sequence,
    'Campaign sequence',
    findings,
    async (c) => {
      const full = await ctx.api.get('/campaigns/{id}', {
        params: { id: c.id },
        schema: Campaign,
        signal: ctx.signal,
      });
      out.set(c.id, full);
      tick();
    },
  );
  return out;
}

async function fetchSendingStatuses(
  ctx: SuiteContext,
  campaigns: readonly Campaign[],
  tick: () => void,
  findings: Finding[],
): Promise<Map<string, SendingStatus>> {
  const out = new Map<string, SendingStatus>();
  await perCampaign(
    ctx,
    campaigns,
    CAMPAIGN_CHECK.sendingStatus,
    'Campaign sending status',
    findings,
    async (c) => {
      const status = await ctx.api.get('/campaigns/{id}/sending-status', {
        params: { id: c.id },
        schema: SendingStatus,
        signal: ctx.signal,
      });
      out.set(c.id, status);
      tick();
    },
  );
  return out;
}

/**
 * Status 4 campaigns: their subsequences (`GET /subsequences?parent_campaign=`) and the sending
 * status of each (`GET /subsequences/{id}/sending-status`, `subsequences:read`).
 */
async function fetchSubsequences(
  ctx: SuiteContext,
  campaigns: readonly Campaign[],
  tick: () => void,
  findings: Finding[],
): Promise<Map<string, SubsequenceStatus[]>> {
  const out = new Map<string, SubsequenceStatus[]>();
  if (campaigns.length === 0) return out;
  await perCampaign(
    ctx,
    campaigns,
    CAMPAIGN_CHECK.sendingStatus,
    'Subsequence sending status',
    findings,
    async (c) => {
      const entries: SubsequenceStatus[] = [];
      for await (const subsequence of ctx.api.paginate('/subsequences', {
        query: { parent_campaign: c.id, limit: 100 },
        item: Subsequence,
        signal: ctx.signal,
      })) {
        const status = await ctx.api.get('/subsequences/{id}/sending-status', {
          params: { id: subsequence.id },
          schema: SendingStatus,
          signal: ctx.signal,
        });
        entries.push({ subsequence, status });
      }
      out.set(c.id, entries);
      tick();
    },
  );
  return out;
}

/** `GET /campaigns/analytics/daily` per campaign: its rows carry no campaign id. */
async function fetchDaily(
  ctx: SuiteContext,
  campaigns: readonly Campaign[],
  tick: () => void,
  findings: Finding[],
): Promise<Map<string, readonly CampaignDailyRow[]>> {
  const out = new Map<string, readonly CampaignDailyRow[]>();
  if (campaigns.length === 0) return out;
  const window = dailyWindow(ctx.now, ctx.settings.config.campaigns.stalled.window_days);
  await perCampaign(
    ctx,
    campaigns,
    STALLED_CHECK,
    'Campaign daily sending',
    findings,
    async (c) => {
      const rows = await ctx.api.get('/campaigns/analytics/daily', {
        query: { campaign_id: c.id, start_date: window.start, end_date: window.end },
        schema: CampaignDailyAnalytics,
        signal: ctx.signal,
      });
      out.set(c.id, rows);
      tick();
    },
  );
  return out;
}

/**
 * Runs one request per campaign, at most CAMPAIGN_CONCURRENCY at once. A failure that is about
 * one campaign (404, a 5xx after retries, an odd body) becomes an `unknown` finding on that
 * campaign; a failure that would repeat for every campaign (missing scope, bad key, exhausted
 * rate limit) stops the remaining requests and becomes one finding on the suite.
 */
async function perCampaign(
  ctx: SuiteContext,
  campaigns: readonly Campaign[],
  check: CheckId,
  what: string,
  findings: Finding[],
  request: (c: Campaign) => Promise<void>,
): Promise<void> {
  // Read through a function: other workers set it while this one awaits.
  let stopped = false;
  const isStopped = (): boolean => stopped;
  await mapLimit(campaigns, CAMPAIGN_CONCURRENCY, async (c) => {
    if (isStopped()) return;
    try {
      await request(c);
    } catch (err) {
      rethrowIfAborted(ctx, err);
      if (isStopped()) return;
      if (WORKSPACE_WIDE.has(errorFacts(err).kind)) {
        stopped = true;
        findings.push(
          unknownFromError(err, { check, suite: SUITE, resource: SUITE_RESOURCE, what }),
        );
        return;
      }
      findings.push(
        unknownFromError(err, {
          check,
          suite: SUITE,
          resource: { type: 'campaign', id: c.id, name: c.name },
          what,
        }),
      );
    }
  });
}

const WORKSPACE_WIDE = new Set([
  'scope',
  'cdn-blocked',
  'auth',
  'plan',
  'rate-limited',
  'timeout',
  'network',
]);

/** At the deadline the engine reports the suite as timed out; per-item findings would only add noise. */
function rethrowIfAborted(ctx: SuiteContext, err: unknown): void {
  if (ctx.signal.aborted) throw err;
}

function withoutCheck(findings: Finding[], check: string): Finding[] {
  return findings.filter((f) => f.check !== check);
}

function describe(selected: readonly Campaign[], asked: number): string[] {
  const active = selected.filter(isActive).length;
  const negative = selected.filter((c) => c.status < 0).length;
  const other = selected.length - active - negative;
  const parts = [`${active} active`];
  if (negative > 0) parts.push(`${negative} in a negative status`);
  if (other > 0) parts.push(`${other} other`);
  const lines = [`${selected.length} campaigns checked (${parts.join(', ')})`];
  if (asked > 0) lines.push(`sending status of ${asked} active campaigns`);
  return lines;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
