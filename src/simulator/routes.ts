/**
 * The endpoints, as pure functions of (workspace data, request) → reply. Shapes follow
 * Instantly's OpenAPI document; the conformance test validates every one against it.
 * Validation errors use the Fastify-style messages Instantly's envelope carries.
 */
import type { RouteScope } from './auth.js';
import { envelope, MESSAGES, type Reply } from './errors.js';
import { DAY_MS, dateAt } from './generate.js';
import {
  accountDailyRow,
  leadBucket,
  makeLead,
  parseLeadId,
  sendingStatus,
  warmupAggregate,
  warmupDays,
  type LeadStatusBucket,
} from './series.js';
import type { Account, CampaignAnalytics, DomainHealth, WorkspaceData } from './types.js';

type VitalsResult = DomainHealth & { allPass: boolean };

export interface RouteContext {
  data: WorkspaceData;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  nowMs: number;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Template relative to /api/v2, as in the OpenAPI document. */
  path: string;
  scope: RouteScope;
  handle(ctx: RouteContext): Reply;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const badRequest = (message: string): Reply => envelope(400, message);

/**
 * Instantly documents no default `limit` for the core lists ("always send limit=100"); we use 10,
 * so a client that forgets `limit` pays for it in requests, as it may with the real API.
 */
const DEFAULT_LIMIT = 10;

function parseLimit(raw: string | null | undefined, where: 'querystring' | 'body'): number | Reply {
  if (raw === null || raw === undefined) return DEFAULT_LIMIT;
  const value = Number(raw);
  if (raw === '' || !Number.isInteger(value)) return badRequest(`${where}/limit must be integer`);
  if (value < 1) return badRequest(`${where}/limit must be >= 1`);
  if (value > 100) return badRequest(`${where}/limit must be <= 100`);
  return value;
}

function parseBoolean(query: URLSearchParams, name: string): boolean | undefined | Reply {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return badRequest(`querystring/${name} must be boolean`);
}

function parseEnum(
  query: URLSearchParams,
  name: string,
  allowed: readonly number[],
): number | undefined | Reply {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (raw === '' || !allowed.includes(value))
    return badRequest(`querystring/${name} must be equal to one of the allowed values`);
  return value;
}

const isReply = (value: unknown): value is Reply =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/** A page of `items` after the cursor position, with `next_starting_after` only when more remain. */
function page<T>(
  items: readonly T[],
  start: number,
  limit: number,
  cursorOf: (item: T) => string,
): Reply {
  const slice = items.slice(start, start + limit);
  const last = slice[slice.length - 1];
  const more = start + limit < items.length;
  return ok(
    more && last !== undefined
      ? { items: slice, next_starting_after: cursorOf(last) }
      : { items: slice },
  );
}

// ---- Dates --------------------------------------------------------------------------------------

/** "a date-only value (YYYY-MM-DD) or a full ISO 8601 timestamp. Date-only values are UTC midnight". */
function parseDate(raw: string | null): number | undefined | 'invalid' {
  if (raw === null || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(raw)) return 'invalid';
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00.000Z` : raw);
  return Number.isNaN(ms) ? 'invalid' : ms;
}

function dateRange(
  query: URLSearchParams,
  from = 'start_date',
  to = 'end_date',
): { start?: number; end?: number } | Reply {
  const start = parseDate(query.get(from));
  const end = parseDate(query.get(to));
  if (start === 'invalid')
    return {
      status: 400,
      body: { message: `${from} must be a date (YYYY-MM-DD) or an ISO 8601 timestamp` },
    };
  if (end === 'invalid')
    return {
      status: 400,
      body: { message: `${to} must be a date (YYYY-MM-DD) or an ISO 8601 timestamp` },
    };
  if (start !== undefined && end !== undefined && start > end)
    return { status: 400, body: { message: MESSAGES.startAfterEnd } };
  return { start, end };
}

// ---- Campaigns ----------------------------------------------------------------------------------

const CAMPAIGN_STATUSES = [-99, -1, -2, 0, 1, 2, 3, 4] as const;

function selectCampaignOrders(ctx: RouteContext): number[] | Reply {
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

const listCampaigns: Route['handle'] = (ctx) => {
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
  const matches = data.campaigns.filter((c, i) => {
    if (i <= startOrder) return false;
    if (status !== undefined && c.status !== status) return false;
    if (excluded !== undefined && c.status === excluded) return false;
    if (search && !c.name.toLowerCase().includes(search)) return false;
    if (tagIds && tagIds.length > 0) {
      const own = data.campaignTags.get(c.id) ?? [];
      if (!tagIds.some((t) => own.includes(t))) return false;
    }
    return true;
  });
  return page(matches, 0, limit, (c) => c.id);
};

function findCampaign(ctx: RouteContext): number | Reply {
  const index = ctx.data.campaignIndex.get(ctx.params.id ?? '');
  return index === undefined ? envelope(404, 'Campaign not found') : index;
}

const getCampaign: Route['handle'] = (ctx) => {
  const index = findCampaign(ctx);
  return isReply(index) ? index : ok(ctx.data.campaigns[index]);
};

const getSendingStatus: Route['handle'] = (ctx) => {
  const index = findCampaign(ctx);
  if (isReply(index)) return index;
  const withAi = parseBoolean(ctx.query, 'with_ai_summary');
  if (isReply(withAi)) return withAi;
  const status = sendingStatus(ctx.data, index, ctx.nowMs);
  if (withAi && status.summary)
    status.summary.ai_summary = `The campaign status is ${String(status.summary.status)}.`;
  return ok(status);
};

const campaignAnalytics: Route['handle'] = (ctx) => {
  const range = dateRange(ctx.query);
  if (isReply(range)) return range;
  const exclude = parseBoolean(ctx.query, 'exclude_total_leads_count');
  if (isReply(exclude)) return exclude;
  const orders = selectCampaignOrders(ctx);
  if (isReply(orders)) return orders;
  // Counts are lifetime totals whatever the range: the simulator keeps no per-day campaign history.
  const rows = orders
    .map((i) => ctx.data.analytics[i])
    .filter((r): r is CampaignAnalytics => r !== undefined);
  if (!exclude) return ok(rows);
  return ok(rows.map(({ leads_count: _dropped, ...rest }) => rest));
};

const OVERVIEW_SUMS = [
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

const campaignAnalyticsOverview: Route['handle'] = (ctx) => {
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

// ---- Accounts -----------------------------------------------------------------------------------

const ACCOUNT_FILTERS: Record<string, (a: Account) => boolean> = {
  ACC_FILTER_PAUSED: (a) => a.status === 2,
  ACC_FILTER_ERROR: (a) => a.status !== undefined && a.status < 0,
  ACC_FILTER_NO_CTD: (a) => a.tracking_domain_name === null,
  ACC_FILTER_PW_ACCOUNTS: () => false,
  ACC_FILTER_DFY: (a) => a.is_managed_account,
  ACC_FILTER_DFY_SETUP_PENDING: (a) => a.is_managed_account && a.setup_pending,
  ACC_FILTER_W_ACTIVE: (a) => a.warmup_status === 1,
  ACC_FILTER_W_PAUSED: (a) => a.warmup_status === 0,
  ACC_FILTER_W_ERROR: (a) => a.warmup_status < 0,
};

const accountCursor = (a: Account): string => `${a.timestamp_created}&${a.email}`;

function accountWithTags(
  data: WorkspaceData,
  account: Account,
): Account & { tags: { id: string; label: string }[] } {
  const tags = (data.accountTags.get(account.email) ?? []).map((t) => ({
    id: t.id,
    label: t.label,
  }));
  return { ...account, tags };
}

const listAccounts: Route['handle'] = (ctx) => {
  const { data, query } = ctx;
  const limit = parseLimit(query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const status = parseEnum(query, 'status', [1, 2, 3, -1, -2, -3]);
  if (isReply(status)) return status;
  const provider = parseEnum(query, 'provider_code', [1, 2, 3, 4, 8, 11]);
  if (isReply(provider)) return provider;
  const includeTags = parseBoolean(query, 'include_tags');
  if (isReply(includeTags)) return includeTags;
  const filterName = query.get('filter');
  const filter = filterName === null ? undefined : ACCOUNT_FILTERS[filterName];
  if (filterName !== null && !filter)
    return badRequest('querystring/filter must be equal to one of the allowed values');
  const search = query.get('search')?.toLowerCase();
  const anyTags = query
    .get('tag_ids')
    ?.split(',')
    .filter((t) => t !== '');
  const allTags = query
    .get('tag_ids_all')
    ?.split(',')
    .filter((t) => t !== '');
  const tagIds = (a: Account): string[] => (data.accountTags.get(a.email) ?? []).map((t) => t.id);

  // The cursor is `timestamp_created&email`; a legacy bare ISO timestamp is accepted too.
  const after = query.get('starting_after');
  let afterKey: [string, string] | undefined;
  if (after !== null && after !== '') {
    const [ts, email] = after.split('&');
    if (ts === undefined || Number.isNaN(Date.parse(ts)))
      return badRequest('querystring/starting_after must be a cursor from next_starting_after');
    afterKey = [ts, email ?? '\uffff'];
  }
  const matches = data.accounts.filter((a) => {
    if (
      afterKey &&
      (a.timestamp_created < afterKey[0] ||
        (a.timestamp_created === afterKey[0] && a.email <= afterKey[1]))
    )
      return false;
    if (status !== undefined && a.status !== status) return false;
    if (provider !== undefined && a.provider_code !== provider) return false;
    if (filter && !filter(a)) return false;
    if (search && !a.email.toLowerCase().includes(search)) return false;
    if (anyTags && anyTags.length > 0 && !anyTags.some((t) => tagIds(a).includes(t))) return false;
    if (allTags && allTags.length > 0 && !allTags.every((t) => tagIds(a).includes(t))) return false;
    return true;
  });
  const reply = page(matches, 0, limit, accountCursor);
  if (!includeTags) return reply;
  const body = reply.body as { items: Account[]; next_starting_after?: string };
  return ok({ ...body, items: body.items.map((a) => accountWithTags(data, a)) });
};

function findAccount(ctx: RouteContext): Account | Reply {
  const index = ctx.data.accountIndex.get(ctx.params.email ?? '');
  const account = index === undefined ? undefined : ctx.data.accounts[index];
  return account ?? envelope(404, 'Account not found');
}

const getAccount: Route['handle'] = (ctx) => {
  const account = findAccount(ctx);
  return isReply(account) ? account : ok(account);
};

const testVitals: Route['handle'] = (ctx) => {
  const body = ctx.body as { accounts?: unknown } | undefined;
  const entries = Array.isArray(body?.accounts)
    ? body.accounts.filter((a): a is string => typeof a === 'string' && a !== '')
    : [];
  if (entries.length === 0) return { status: 400, body: { error: MESSAGES.noEmails } };
  const wanted = new Set(
    entries.map((e) => (e.includes('@') ? (e.split('@')[1] ?? '') : e).toLowerCase()),
  );
  const success_list: VitalsResult[] = [];
  const failure_list: VitalsResult[] = [];
  for (const domain of ctx.data.domains) {
    if (!wanted.has(domain.domain)) continue;
    const allPass = domain.mx && domain.spf && domain.dkim && domain.dmarc;
    const result = {
      domain: domain.domain,
      allPass,
      mx: domain.mx,
      spf: domain.spf,
      dkim: domain.dkim,
      dmarc: domain.dmarc,
    };

    (allPass ? success_list : failure_list).push(result);
  }
  // A domain the workspace does not send from gets no result (API.md: "missing from both lists").
  return ok({ status: 'success', success_list, failure_list });
};

const warmupAnalytics: Route['handle'] = (ctx) => {
  const body = ctx.body as { emails?: unknown } | undefined;
  if (!Array.isArray(body?.emails)) return badRequest("body must have required property 'emails'");
  if (body.emails.length < 1) return badRequest('body/emails must NOT have fewer than 1 items');
  if (body.emails.length > 100) return badRequest('body/emails must NOT have more than 100 items');
  if (!body.emails.every((e) => typeof e === 'string'))
    return badRequest('body/emails/0 must be string');
  const email_date_data: Record<string, unknown> = {};
  const aggregate_data: Record<string, unknown> = {};
  for (const email of body.emails as string[]) {
    const index = ctx.data.accountIndex.get(email);
    const account = index === undefined ? undefined : ctx.data.accounts[index];
    const profile = ctx.data.profiles.get(email);
    if (!account || !profile || profile.noWarmupData) continue;
    const days = warmupDays(ctx.data, account, profile, ctx.nowMs);
    if (days.length === 0) continue;
    email_date_data[email] = Object.fromEntries(days);
    aggregate_data[email] = warmupAggregate(days);
  }
  return ok({ email_date_data, aggregate_data });
};

const accountDailyAnalytics: Route['handle'] = (ctx) => {
  const emails = ctx.query
    .getAll('emails')
    .flatMap((v) => v.split(','))
    .filter((e) => e !== '');
  const range = dateRange(ctx.query);
  if (isReply(range)) return range;
  const end = range.end ?? Date.parse(`${dateAt(ctx.nowMs)}T00:00:00.000Z`);
  const start = range.start ?? end - 30 * DAY_MS;
  // Unscoped, too many emails, or more than 31 days: Instantly answers 413 (API.md section 6).
  if (emails.length === 0 || emails.length > 200 || end - start > 31 * DAY_MS)
    return envelope(413, MESSAGES.tooLarge);
  const today = Date.parse(`${dateAt(ctx.nowMs)}T00:00:00.000Z`);
  const rows = [];
  for (const email of emails) {
    const index = ctx.data.accountIndex.get(email);
    const account = index === undefined ? undefined : ctx.data.accounts[index];
    const profile = ctx.data.profiles.get(email);
    if (!account || !profile) continue;
    const first = Date.parse(`${dateAt(start)}T00:00:00.000Z`);
    for (let day = first; day <= end && day <= today; day += DAY_MS)
      rows.push(accountDailyRow(ctx.data, account, profile, day));
  }
  return ok(rows);
};

const accountCampaignMappings: Route['handle'] = (ctx) => {
  const account = findAccount(ctx);
  if (isReply(account)) return account;
  const rawLimit = ctx.query.get('limit');
  // `limit` is a bare number here, with no documented bounds.
  const limit = rawLimit === null || !(Number(rawLimit) > 0) ? 100 : Math.floor(Number(rawLimit));
  const tagIds = (ctx.data.accountTags.get(account.email) ?? []).map((t) => t.id);
  const after = ctx.query.get('starting_after');
  const items = ctx.data.campaigns
    .filter(
      (c) =>
        c.email_list.includes(account.email) || c.email_tag_list.some((t) => tagIds.includes(t)),
    )
    .filter((c) => after === null || c.timestamp_created > after)
    .map((c) => ({
      campaign_id: c.id,
      campaign_name: c.name,
      timestamp_created: c.timestamp_created,
      status: c.status,
    }));
  return page(items, 0, limit, (m) => m.timestamp_created);
};

// ---- Leads ----------------------------------------------------------------------------------------

const LEAD_FILTERS: Record<string, (bucket: LeadStatusBucket) => boolean> = {
  FILTER_VAL_CONTACTED: (b) => b !== 'not_contacted',
  FILTER_VAL_NOT_CONTACTED: (b) => b === 'not_contacted',
  FILTER_VAL_COMPLETED: (b) => b === 'completed',
  FILTER_VAL_UNSUBSCRIBED: (b) => b === 'unsubscribed',
  FILTER_VAL_ACTIVE: (b) => b === 'contacted' || b === 'not_contacted',
  FILTER_VAL_BOUNCED: (b) => b === 'bounced',
};

const listLeads: Route['handle'] = (ctx) => {
  const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<
    string,
    unknown
  >;
  const rawLimit = body.limit;
  const limit = parseLimit(rawLimit === undefined ? undefined : String(rawLimit), 'body');
  if (isReply(limit)) return limit;
  const filterName = typeof body.filter === 'string' ? body.filter : undefined;
  const filter = filterName === undefined ? () => true : LEAD_FILTERS[filterName];
  // Unmodelled filters (interest, verification...) match no lead rather than every lead.
  const keep = filter ?? (() => false);
  let orders = ctx.data.campaigns.map((_, i) => i);
  if (typeof body.campaign === 'string') {
    const index = ctx.data.campaignIndex.get(body.campaign);
    orders = index === undefined ? [] : [index];
  }
  let cursor = { campaign: -1, index: Infinity };
  if (typeof body.starting_after === 'string') {
    const parsed = parseLeadId(body.starting_after);
    if (!parsed)
      return badRequest('body/starting_after must be the id of a lead from next_starting_after');
    cursor = parsed;
  }
  const items: Record<string, unknown>[] = [];
  let more = false;
  outer: for (const order of orders) {
    if (order < cursor.campaign) continue;
    const total = ctx.data.leadCounts[order]?.leads ?? 0;
    const from = order === cursor.campaign ? cursor.index + 1 : 0;
    for (let i = from; i < total; i++) {
      if (!keep(leadBucket(ctx.data, order, i))) continue;
      if (items.length === limit) {
        more = true;
        break outer;
      }
      items.push(makeLead(ctx.data, order, i, ctx.nowMs));
    }
  }
  const last = items[items.length - 1];
  return ok(more && last ? { items, next_starting_after: last.id } : { items });
};

// ---- Webhooks -------------------------------------------------------------------------------------

const listWebhooks: Route['handle'] = (ctx) => {
  const limit = parseLimit(ctx.query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const campaign = ctx.query.get('campaign');
  const eventType = ctx.query.get('event_type');
  const after = ctx.query.get('starting_after');
  let start = 0;
  if (after !== null) {
    const index = ctx.data.webhooks.findIndex((w) => w.id === after);
    if (index < 0) return badRequest('querystring/starting_after must be the id of a webhook');
    start = index + 1;
  }
  const matches = ctx.data.webhooks
    .slice(start)
    .filter(
      (w) =>
        (campaign === null || w.campaign === campaign) &&
        (eventType === null || w.event_type === eventType),
    );
  return page(matches, 0, limit, (w) => w.id);
};

function findWebhook(ctx: RouteContext): number | Reply {
  const index = ctx.data.webhooks.findIndex((w) => w.id === ctx.params.id);
  return index < 0 ? envelope(404, 'Webhook not found') : index;
}

const getWebhook: Route['handle'] = (ctx) => {
  const index = findWebhook(ctx);
  return isReply(index) ? index : ok(ctx.data.webhooks[index]);
};

const testWebhook: Route['handle'] = (ctx) => {
  const index = findWebhook(ctx);
  if (isReply(index)) return index;
  const webhook = ctx.data.webhooks[index];
  if (webhook && ctx.data.endpointsDown.has(webhook.id)) {
    return ok({
      success: false,
      message: 'Webhook test failed',
      error: 'Connection timeout',
      response_time_ms: 30_000,
    });
  }
  return ok({
    success: true,
    message: 'Webhook test successful',
    response_time_ms: 250,
    status_code: 200,
  });
};

const resumeWebhook: Route['handle'] = (ctx) => {
  const index = findWebhook(ctx);
  if (isReply(index)) return index;
  const webhook = ctx.data.webhooks[index];
  if (webhook) {
    webhook.status = 1;
    webhook.timestamp_error = null;
  }
  return ok(webhook);
};

function webhookEventRange(query: URLSearchParams): { from?: string; to?: string } | Reply {
  const from = query.get('from');
  const to = query.get('to');
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) {
      return badRequest(`querystring/${name} must match format "date"`);
    }
  }
  if (from !== null && to !== null && from > to)
    return badRequest('querystring/from must not be after querystring/to');
  return { from: from ?? undefined, to: to ?? undefined };
}

const listWebhookEvents: Route['handle'] = (ctx) => {
  const limit = parseLimit(ctx.query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const success = parseBoolean(ctx.query, 'success');
  if (isReply(success)) return success;
  const range = webhookEventRange(ctx.query);
  if (isReply(range)) return range;
  const search = ctx.query.get('search');
  const after = ctx.query.get('starting_after');
  let start = 0;
  if (after !== null) {
    const index = ctx.data.webhookEvents.findIndex((e) => e.id === after);
    if (index < 0)
      return badRequest('querystring/starting_after must be the id of a webhook event');
    start = index + 1;
  }
  const matches = ctx.data.webhookEvents
    .slice(start)
    .filter(
      (e) =>
        (success === undefined || e.success === success) &&
        (range.from === undefined || e.timestamp_created_date >= range.from) &&
        (range.to === undefined || e.timestamp_created_date <= range.to) &&
        (search === null || e.webhook_url === search || e.lead_email === search),
    );
  return page(matches, 0, limit, (e) => e.id);
};

const webhookEventsSummary: Route['handle'] = (ctx) => {
  const range = webhookEventRange(ctx.query);
  if (isReply(range)) return range;
  let total = 0;
  let successful = 0;
  for (const e of ctx.data.webhookEvents) {
    if (range.from !== undefined && e.timestamp_created_date < range.from) continue;
    if (range.to !== undefined && e.timestamp_created_date > range.to) continue;
    total++;
    if (e.success) successful++;
  }
  const failed = total - successful;
  const pct = (n: number): number => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 100);
  return ok({
    total_events: total,
    successful_events: successful,
    failed_events: failed,
    success_rate: pct(successful),
    failure_rate: pct(failed),
  });
};

// ---- The table ----------------------------------------------------------------------------------------

const read = (resource: string): RouteScope => ({ resource, action: 'read' });

/**
 * Where the OpenAPI document lists no scope (analytics, GET /webhooks, the events summary,
 * the webhook test), we accept `all:read`/`all:all` and the closest resource scope.
 */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/workspaces/current',
    scope: read('workspaces'),
    handle: (ctx) => ok(ctx.data.workspace),
  },
  {
    method: 'GET',
    path: '/workspace-billing/plan-details',
    scope: read('workspace_billing'),
    handle: (ctx) => ok(ctx.data.planDetails),
  },
  {
    method: 'GET',
    path: '/campaigns/analytics',
    scope: read('campaigns'),
    handle: campaignAnalytics,
  },
  {
    method: 'GET',
    path: '/campaigns/analytics/overview',
    scope: read('campaigns'),
    handle: campaignAnalyticsOverview,
  },
  { method: 'GET', path: '/campaigns', scope: read('campaigns'), handle: listCampaigns },
  { method: 'GET', path: '/campaigns/{id}', scope: read('campaigns'), handle: getCampaign },
  {
    method: 'GET',
    path: '/campaigns/{id}/sending-status',
    scope: read('campaigns'),
    handle: getSendingStatus,
  },
  {
    method: 'GET',
    path: '/accounts/analytics/daily',
    scope: read('accounts'),
    handle: accountDailyAnalytics,
  },
  { method: 'GET', path: '/accounts', scope: read('accounts'), handle: listAccounts },
  { method: 'GET', path: '/accounts/{email}', scope: read('accounts'), handle: getAccount },
  { method: 'POST', path: '/accounts/test/vitals', scope: read('accounts'), handle: testVitals },
  {
    method: 'POST',
    path: '/accounts/warmup-analytics',
    scope: read('accounts'),
    handle: warmupAnalytics,
  },
  {
    method: 'GET',
    path: '/account-campaign-mappings/{email}',
    scope: read('account_campaign_mappings'),
    handle: accountCampaignMappings,
  },
  { method: 'POST', path: '/leads/list', scope: read('leads'), handle: listLeads },
  { method: 'GET', path: '/webhooks', scope: read('webhooks'), handle: listWebhooks },
  { method: 'GET', path: '/webhooks/{id}', scope: read('webhooks'), handle: getWebhook },
  { method: 'POST', path: '/webhooks/{id}/test', scope: read('webhooks'), handle: testWebhook },
  {
    method: 'POST',
    path: '/webhooks/{id}/resume',
    scope: { resource: 'webhooks', action: 'update' },
    handle: resumeWebhook,
  },
  {
    method: 'GET',
    path: '/webhook-events/summary',
    scope: read('webhook_events'),
    handle: webhookEventsSummary,
  },
  {
    method: 'GET',
    path: '/webhook-events',
    scope: read('webhook_events'),
    handle: listWebhookEvents,
  },
];

/** Finds the route for a path relative to /api/v2; literal segments win over parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter((s) => s !== '');
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const template = route.path.split('/').filter((s) => s !== '');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let matched = true;
    for (let i = 0; i < template.length; i++) {
      const t = template[i] ?? '';
      const s = segments[i] ?? '';
      if (t.startsWith('{')) {
        try {
          params[t.slice(1, -1)] = decodeURIComponent(s);
        } catch {
          matched = false;
          break;
        }
      } else if (t === s) literals++;
      else {
        matched = false;
        break;
      }
    }
    if (matched && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}
