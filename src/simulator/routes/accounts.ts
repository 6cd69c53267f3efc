/** Accounts: list, get, DNS vitals, warmup analytics, daily analytics, campaign mappings. */
import { envelope, MESSAGES, type Reply } from '../errors.js';
import { DAY_MS, dateAt } from '../time.js';
import { accountDailyRow, warmupAggregate, warmupDays } from '../series.js';
import type { Account, DomainHealth, WorkspaceData } from '../types.js';
import {
  badRequest,
  dateRange,
  isReply,
  ok,
  page,
  pageBody,
  parseBoolean,
  parseEnum,
  parseLimit,
  type Route,
  type RouteContext,
} from './common.js';

type VitalsResult = DomainHealth & { allPass: boolean };

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

export const accountCursor = (a: Account): string => a.timestamp_created;

export function accountWithTags(
  data: WorkspaceData,
  account: Account,
): Account & { tags: { id: string; label: string }[] } {
  const tags = (data.accountTags.get(account.email) ?? []).map((t) => ({
    id: t.id,
    label: t.label,
  }));
  return { ...account, tags };
}

export const listAccounts: Route['handle'] = (ctx) => {
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

  // Newest first, and the cursor is the last item's bare `timestamp_created`, as the live API
  // answers (test/fixtures/real/leonidsvb__email_accounts.json); the documented
  // `timestamp_created&email` form is accepted too. A bare cursor skips accounts created in the
  // same millisecond as the last one served, as the live API's would.
  const after = query.get('starting_after');
  let afterKey: [string, string] | undefined;
  if (after !== null && after !== '') {
    const [ts, email] = after.split('&');
    if (ts === undefined || Number.isNaN(Date.parse(ts)))
      return badRequest('querystring/starting_after must be a cursor from next_starting_after');
    afterKey = [ts, email ?? ''];
  }
  // data.accounts is sorted oldest first: binary-search the first one at or after the cursor,
  // then serve downwards from the one before it.
  let top = data.accounts.length;
  if (afterKey) {
    const [ts, email] = afterKey;
    let lo = 0;
    let hi = data.accounts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const a = data.accounts[mid];
      const before =
        a !== undefined &&
        (a.timestamp_created < ts || (a.timestamp_created === ts && a.email < email));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    top = lo;
  }
  const keep = (a: Account): boolean => {
    if (status !== undefined && a.status !== status) return false;
    if (provider !== undefined && a.provider_code !== provider) return false;
    if (filter && !filter(a)) return false;
    if (search && !a.email.toLowerCase().includes(search)) return false;
    if (anyTags && anyTags.length > 0 && !anyTags.some((t) => tagIds(a).includes(t))) return false;
    if (allTags && allTags.length > 0 && !allTags.every((t) => tagIds(a).includes(t))) return false;
    return true;
  };
  const items: Account[] = [];
  for (let i = top - 1; i >= 0 && items.length < limit; i--) {
    const a = data.accounts[i];
    if (a !== undefined && keep(a)) items.push(a);
  }
  const reply = ok(pageBody(items, accountCursor));
  if (!includeTags) return reply;
  const body = reply.body as { items: Account[]; next_starting_after?: string };
  return ok({ ...body, items: body.items.map((a) => accountWithTags(data, a)) });
};

export function findAccount(ctx: RouteContext): Account | Reply {
  const index = ctx.data.accountIndex.get(ctx.params.email ?? '');
  const account = index === undefined ? undefined : ctx.data.accounts[index];
  return account ?? envelope(404, 'Account not found');
}

export const getAccount: Route['handle'] = (ctx) => {
  const account = findAccount(ctx);
  return isReply(account) ? account : ok(account);
};

export const testVitals: Route['handle'] = (ctx) => {
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
  // A domain the workspace does not send from gets no result (docs/instantly-api.md, "Accounts").
  return ok({ status: 'success', success_list, failure_list });
};

export const warmupAnalytics: Route['handle'] = (ctx) => {
  const body = ctx.body as { emails?: unknown } | undefined;
  if (!Array.isArray(body?.emails)) return badRequest("body must have required property 'emails'");
  if (body.emails.length < 1) return badRequest('body/emails must NOT have fewer than 1 items');
  if (body.emails.length > 100) return badRequest('body/emails must NOT have more than 100 items');
  if (!body.emails.every((e) => typeof e === 'string'))
    return badRequest('body/emails/0 must be string');
  const email_date_data: Record<string, unknown> = {};
  const aggregate_data: Record<string, unknown> = {};
  for (const email of body.emails) {
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

export const accountDailyAnalytics: Route['handle'] = (ctx) => {
  const emails = ctx.query
    .getAll('emails')
    .flatMap((v) => v.split(','))
    .filter((e) => e !== '');
  const range = dateRange(ctx.query);
  if (isReply(range)) return range;
  const end = range.end ?? Date.parse(`${dateAt(ctx.nowMs)}T00:00:00.000Z`);
  const start = range.start ?? end - 30 * DAY_MS;
  // More than 31 days (both ends included) is a 400; unscoped or too many emails a 413, even for
  // one day (test/fixtures/real/margentic__errors.json).
  if (end - start >= 31 * DAY_MS) return badRequest(MESSAGES.rangeTooLong);
  if (emails.length === 0 || emails.length > 200) return envelope(413, MESSAGES.tooLarge);
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

export const accountCampaignMappings: Route['handle'] = (ctx) => {
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

// ---- Custom tracking domain status --------------------------------------------------------------

/**
 * `GET /accounts/ctd/status?host=`: Instantly's live check of a tracking domain. A domain of the
 * workspace answers `{success, ssl, cname, host}` (all true when its accounts say CTD_ACTIVE);
 * an unknown host answers the documented 400 `{status: "error", message, host}`.
 */
export const trackingDomainStatus: Route['handle'] = ({ data, query }) => {
  const host = query.get('host')?.trim().toLowerCase() ?? '';
  if (host === '') return badRequest("querystring must have required property 'host'");
  const users = data.accounts.filter((a) => a.tracking_domain_name?.toLowerCase() === host);
  if (users.length === 0) {
    return { status: 400, body: { status: 'error', message: 'Tracking domain not found', host } };
  }
  const healthy = users.every((a) => a.tracking_domain_status === 'CTD_ACTIVE');
  return ok({ success: healthy, ssl: healthy, cname: healthy, host });
};
