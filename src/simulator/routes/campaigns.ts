/** Campaigns: list, get, sending status, analytics. */
import { CAMPAIGN_STATUS as S, CAMPAIGN_STATUS_VALUES } from '../../instantly/schemas/campaigns.js';
import { envelope, MESSAGES, type Reply } from '../errors.js';
import { campaignDailyRow, campaignDailySent, sendingStatus } from '../series.js';
import { DAY_MS, dateAt } from '../time.js';
import type { Campaign, CampaignAnalytics } from '../types.js';
import {
  badRequest,
  dateRange,
  isReply,
  ok,
  page,
  parseBoolean,
  parseEnum,
  parseLimit,
  type Route,
  type RouteContext,
} from './common.js';

// ---- Campaigns ----------------------------------------------------------------------------------

export const CAMPAIGN_STATUSES = CAMPAIGN_STATUS_VALUES;

export function selectCampaignOrders(ctx: RouteContext): number[] | Reply {
  const { data, query } = ctx;
  const id = query.get('id');
  const ids = query
    .getAll('ids')
    .flatMap((v) => v.split(','))
    .filter((v) => v !== '');
  if (id === null && ids.length === 0) return data.campaigns.map((_, i) => i);
  const wanted = new Set([...(id === null ? [] : [id]), ...ids]);
  return [...wanted]
    .map((w) => data.campaignIndex.get(w))
    .filter((i): i is number => i !== undefined)
    .sort((a, b) => a - b);
}

export const listCampaigns: Route['handle'] = (ctx) => {
  const { data, query } = ctx;
  const limit = parseLimit(query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const status = parseEnum(query, 'status', CAMPAIGN_STATUSES);
  if (isReply(status)) return status;
  const excluded = parseEnum(query, 'exclude_status', CAMPAIGN_STATUSES);
  if (isReply(excluded)) return excluded;
  const search = query.get('search')?.toLowerCase();
  const tagIds = query
    .get('tag_ids')
    ?.split(',')
    .filter((t) => t !== '');
  const after = query.get('starting_after');
  let startOrder = -1;
  if (after !== null) {
    const index = data.campaignIndex.get(after);
    if (index === undefined)
      return badRequest('querystring/starting_after must be the id of a campaign');
    startOrder = index;
  }
  const reply = page(
    data.campaigns,
    startOrder + 1,
    limit,
    (c) => c.id,
    (c) => {
      if (status !== undefined && c.status !== status) return false;
      if (excluded !== undefined && c.status === excluded) return false;
      if (search && !c.name.toLowerCase().includes(search)) return false;
      if (tagIds && tagIds.length > 0) {
        const own = data.campaignTags.get(c.id) ?? [];
        if (!tagIds.some((t) => own.includes(t))) return false;
      }
      return true;
    },
  );
  const body = reply.body as { items: Campaign[]; next_starting_after?: string };
  return ok({ ...body, items: body.items.map(asServed) });
};

/**
 * A campaign as the live API serves it: an unwritten draft comes without `sequences`,
 * `email_list`, `email_tag_list` or `daily_limit` (test/fixtures/real/leonidsvb__campaigns_list.json).
 */
export function asServed(c: Campaign): Campaign {
  const unwritten =
    c.status === S.draft &&
    c.sequences.length === 0 &&
    c.email_list.length === 0 &&
    c.email_tag_list.length === 0;
  if (!unwritten) return c;
  // (The capture's `start_date: ""` is left out: the document's format "date" forbids it.)
  const copy: Partial<Campaign> = { ...c };
  delete copy.sequences;
  delete copy.email_list;
  delete copy.email_tag_list;
  delete copy.daily_limit;
  return copy as Campaign;
}

export function findCampaign(ctx: RouteContext): number | Reply {
  const index = ctx.data.campaignIndex.get(ctx.params.id ?? '');
  return index === undefined ? envelope(404, 'Campaign not found') : index;
}

export const getCampaign: Route['handle'] = (ctx) => {
  const index = findCampaign(ctx);
  const campaign = isReply(index) ? undefined : ctx.data.campaigns[index];
  return isReply(index) ? index : ok(campaign && asServed(campaign));
};

export const getSendingStatus: Route['handle'] = (ctx) => {
  const index = findCampaign(ctx);
  if (isReply(index)) return index;
  const withAi = parseBoolean(ctx.query, 'with_ai_summary');
  if (isReply(withAi)) return withAi;
  const status = sendingStatus(ctx.data, index, ctx.nowMs);
  if (withAi && status.summary)
    status.summary.ai_summary = `The campaign status is ${String(status.summary.status)}.`;
  return ok(status);
};

export const campaignAnalytics: Route['handle'] = (ctx) => {
  const range = dateRange(ctx.query);
  if (isReply(range)) return range;
  const exclude = parseBoolean(ctx.query, 'exclude_total_leads_count');
  if (isReply(exclude)) return exclude;
  const orders = selectCampaignOrders(ctx);
  if (isReply(orders)) return orders;
  // Asked without ids, the live API leaves drafts out (leonidsvb__campaigns_analytics.json).
  const unscoped = ctx.query.get('id') === null && ctx.query.getAll('ids').length === 0;
  const rows = orders
    .flatMap((i) => {
      const row = ctx.data.analytics[i];
      const campaign = ctx.data.campaigns[i];
      if (!row || !campaign) return [];
      return [inRange(row, campaign, range, ctx.nowMs)];
    })
    .filter((r) => !unscoped || r.campaign_status !== S.draft);
  if (!exclude) return ok(rows);
  return ok(
    rows.map((row) => {
      const copy: Partial<CampaignAnalytics> = { ...row };
      delete copy.leads_count;
      return copy;
    }),
  );
};

/** Counts that accrue over time, narrowed by a date range; `leads_count` is the campaign's leads. */
const ACTIVITY_COUNTS = [
  'contacted_count',
  'emails_sent_count',
  'new_leads_contacted_count',
  'open_count',
  'open_count_unique',
  'reply_count',
  'reply_count_unique',
  'reply_count_automatic',
  'reply_count_automatic_unique',
  'link_click_count',
  'link_click_count_unique',
  'bounced_count',
  'unsubscribed_count',
  'completed_count',
  'total_opportunities',
  'total_opportunity_value',
] as const satisfies readonly (keyof CampaignAnalytics)[];

/** An active campaign's activity is taken as spread over this many last days, at most. */
const ACTIVE_SPAN_MS = 30 * DAY_MS;

/**
 * A row over `range`: the simulator keeps no per-day campaign history, so activity is taken as
 * even over the time the campaign sent (its whole life, or its last 30 days while it is active)
 * and counted for the part of that time the range covers (end day included). Without a range,
 * lifetime totals.
 */
function inRange(
  row: CampaignAnalytics,
  campaign: Campaign,
  range: { start?: number; end?: number },
  nowMs: number,
): CampaignAnalytics {
  if (range.start === undefined && range.end === undefined) return row;
  const born = Date.parse(campaign.timestamp_created);
  const active = campaign.status === S.active || campaign.status === S.runningSubsequences;
  const sentFrom = active ? Math.max(born, nowMs - ACTIVE_SPAN_MS) : born;
  const span = Math.max(DAY_MS, nowMs - sentFrom);
  const from = Math.max(range.start ?? sentFrom, sentFrom);
  const to = Math.min(range.end === undefined ? nowMs : range.end + DAY_MS, nowMs);
  const share = Math.min(1, Math.max(0, (to - from) / span));
  if (share === 1) return row;
  const narrowed = { ...row };
  for (const key of ACTIVITY_COUNTS) narrowed[key] = Math.round(row[key] * share);
  return narrowed;
}

export const OVERVIEW_SUMS = [
  'open_count',
  'open_count_unique',
  'link_click_count',
  'link_click_count_unique',
  'reply_count',
  'reply_count_unique',
  'reply_count_automatic',
  'reply_count_automatic_unique',
  'bounced_count',
  'unsubscribed_count',
  'completed_count',
  'emails_sent_count',
  'contacted_count',
  'new_leads_contacted_count',
  'total_opportunities',
  'total_opportunity_value',
] as const satisfies readonly (keyof CampaignAnalytics)[];

export const campaignAnalyticsOverview: Route['handle'] = (ctx) => {
  const range = dateRange(ctx.query);
  if (isReply(range)) return range;
  const status = parseEnum(ctx.query, 'campaign_status', CAMPAIGN_STATUSES);
  if (isReply(status)) return status;
  const expand = parseBoolean(ctx.query, 'expand_crm_events');
  if (isReply(expand)) return expand;
  const orders = selectCampaignOrders(ctx);
  if (isReply(orders)) return orders;
  const totals: Record<string, number> = Object.fromEntries(OVERVIEW_SUMS.map((k) => [k, 0]));
  for (const i of orders) {
    const row = ctx.data.analytics[i];
    if (!row || (status !== undefined && row.campaign_status !== status)) continue;
    for (const key of OVERVIEW_SUMS) totals[key] = (totals[key] ?? 0) + row[key];
  }
  const opportunities = totals.total_opportunities ?? 0;
  return ok({
    ...totals,
    total_interested: opportunities * 2,
    total_meeting_booked: opportunities,
    total_meeting_completed: Math.round(opportunities * 0.7),
    total_closed: Math.round(opportunities * (expand ? 0.4 : 0.3)),
  });
};

/**
 * `GET /campaigns/analytics/daily`: one row per day (no campaign id in it) for one campaign, or
 * summed over all; a range over 31 days (both ends included) is a 400 like the account daily
 * analytics (docs/instantly-api.md). Days after today are left out.
 */
export const campaignDailyAnalytics: Route['handle'] = (ctx) => {
  const range = dateRange(ctx.query);
  if (isReply(range)) return range;
  const today = Date.parse(`${dateAt(ctx.nowMs)}T00:00:00.000Z`);
  const end = range.end ?? today;
  const start = range.start ?? end - 30 * DAY_MS;
  if (end - start >= 31 * DAY_MS) return badRequest(MESSAGES.rangeTooLong);
  const id = ctx.query.get('campaign_id');
  const orders =
    id === null || id === ''
      ? ctx.data.campaigns.map((_, i) => i)
      : [ctx.data.campaignIndex.get(id)].filter((i): i is number => i !== undefined);
  const rows = [];
  for (
    let day = Date.parse(`${dateAt(start)}T00:00:00.000Z`);
    day <= end && day <= today;
    day += DAY_MS
  ) {
    const sent = orders.reduce((sum, o) => sum + campaignDailySent(ctx.data, o, day, ctx.nowMs), 0);
    rows.push(campaignDailyRow(sent, dateAt(day)));
  }
  return ok(rows);
};
