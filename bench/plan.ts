/**
 * The fewest-requests plan of docs/instantly-api.md ("Request plan") and the time floor it implies, as pure
 * functions of a workspace's sizes, so the benchmark can hold each run against them.
 */

export interface WorkspaceSizes {
  /** Campaigns. */
  campaigns: number;
  /** Campaigns that are Active (status 1, or 4: running subsequences) and so get a sending status. */
  active: number;
  /** Campaigns in status 1 (Active): one daily-analytics request each for the stalled check. */
  sending: number;
  /** Accounts. */
  accounts: number;
  /** Distinct sending domains of the accounts. */
  domains: number;
  /** Webhooks. */
  webhooks: number;
  /** Failed webhook deliveries inside the checked window (row 11 runs only when > 0). */
  failedEvents: number;
}

/** docs/instantly-api.md, "Request plan": limit=100 on every list; B, the vitals batch, is undocumented (100 suggested). */
export const PAGE_SIZE = 100;
export const VITALS_BATCH = 100;
/** `GET /accounts/analytics/daily` takes at most 200 emails a call (docs/instantly-api.md, "Rate limits"). */
export const DAILY_BATCH = 200;

/**
 * Pages for a list of `x` items at limit=100: ⌊x/100⌋ + 1. The live API returns a cursor on the
 * last page too (docs/instantly-api.md, "Pagination"): the client stops on a page shorter than
 * 100, and after a full last page it spends one request on the `{"items": []}` that follows.
 */
export function pages(x: number): number {
  return Math.floor(x / PAGE_SIZE) + 1;
}

export type PlanRow =
  | 'workspace'
  | 'billing'
  | 'campaigns'
  | 'campaignAnalytics'
  | 'sendingStatus'
  | 'campaignDaily'
  | 'accounts'
  | 'warmupAnalytics'
  | 'vitals'
  | 'accountDaily'
  | 'webhooks'
  | 'webhookSummary'
  | 'failedEvents';

/** The endpoint each plan row calls, as the client's statistics name it (`METHOD /template`). */
export const PLAN_ENDPOINTS: Record<PlanRow, string> = {
  workspace: 'GET /workspaces/current',
  billing: 'GET /workspace-billing/plan-details',
  campaigns: 'GET /campaigns',
  campaignAnalytics: 'GET /campaigns/analytics',
  sendingStatus: 'GET /campaigns/{id}/sending-status',
  campaignDaily: 'GET /campaigns/analytics/daily',
  accounts: 'GET /accounts',
  warmupAnalytics: 'POST /accounts/warmup-analytics',
  vitals: 'POST /accounts/test/vitals',
  accountDaily: 'GET /accounts/analytics/daily',
  webhooks: 'GET /webhooks',
  webhookSummary: 'GET /webhook-events/summary',
  failedEvents: 'GET /webhook-events',
};

export interface Plan {
  rows: Record<PlanRow, number>;
  /**
   * R = 2 + P(C) + 2 + K + K1 + P(A) + ⌈A/100⌉ + ⌈D/B⌉ + ⌈A/200⌉ + P(W) + [W>0] + [failed>0]: the plan's
   * minimum plus the per-sender daily analytics of the early warnings (its optional add-on
   * ⌈A/200⌉ × ⌈days/31⌉, one window of at most 31 days). Campaign analytics is 2: over the
   * bounce window for rates, and without a range for lifetime lead counts. K1 is the daily
   * analytics of the K1 campaigns in status 1 (stalled campaigns).
   */
  total: number;
  /**
   * The longest chain of requests that must wait for one another (the "Needs" column): list
   * pages follow their cursor one by one, and a dependent row adds one more step after them.
   */
  chain: number;
}

export function plan(s: WorkspaceSizes, vitalsBatch = VITALS_BATCH): Plan {
  const rows: Record<PlanRow, number> = {
    workspace: 1,
    billing: 1,
    campaigns: pages(s.campaigns),
    campaignAnalytics: 2,
    sendingStatus: s.active,
    campaignDaily: s.sending,
    accounts: pages(s.accounts),
    warmupAnalytics: Math.ceil(s.accounts / PAGE_SIZE),
    vitals: Math.ceil(s.domains / vitalsBatch),
    accountDaily: Math.ceil(s.accounts / DAILY_BATCH),
    webhooks: pages(s.webhooks),
    webhookSummary: s.webhooks > 0 ? 1 : 0,
    failedEvents: s.webhooks > 0 && s.failedEvents > 0 ? 1 : 0,
  };
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const chain = Math.max(
    1, // rows 1, 2 and 4 need nothing
    rows.campaigns + (rows.sendingStatus + rows.campaignDaily > 0 ? 1 : 0),
    rows.accounts + (rows.warmupAnalytics + rows.vitals + rows.accountDaily > 0 ? 1 : 0),
    rows.webhooks + rows.webhookSummary + rows.failedEvents,
  );
  return { rows, total, chain };
}

/**
 * The wall-time floor: the larger of the requests the rate budget lets through per second and
 * the longest dependent chain at the mean latency. Neither can be beaten by more concurrency.
 */
export function floorMs(input: {
  requests: number;
  ratePerSecond: number;
  chain: number;
  meanLatencyMs: number;
}): number {
  return Math.max((input.requests / input.ratePerSecond) * 1000, input.chain * input.meanLatencyMs);
}

/**
 * Issue 8's unit of work: one request per 100 listed resources plus one per checked campaign.
 * A health check whose cost is linear in this is as cheap as the API allows.
 */
export function workUnits(s: WorkspaceSizes): number {
  return (s.campaigns + s.accounts + s.webhooks) / PAGE_SIZE + s.active;
}
