/** Inbox placement tests, their analytics and reports, and the deliverability agent's feed. */
import { envelope } from '../errors.js';
import { badRequest, dateRange, isReply, ok, page, parseLimit, type Route } from './common.js';

const idOf = (item: Record<string, unknown>): string => String(item.id);

function startAfter(items: readonly Record<string, unknown>[], after: string | null): number {
  if (after === null) return 0;
  const index = items.findIndex((i) => i.id === after);
  return index < 0 ? items.length : index + 1;
}

export const listPlacementTests: Route['handle'] = (ctx) => {
  const limit = parseLimit(ctx.query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const tests = ctx.data.placement.tests;
  return page(tests, startAfter(tests, ctx.query.get('starting_after')), limit, idOf);
};

/** Counts per test over the results dated inside `date_from`..`date_to`, optionally per ESP. */
export const placementStatsByTestId: Route['handle'] = (ctx) => {
  const body = (ctx.body ?? {}) as {
    test_ids?: unknown;
    date_from?: string;
    date_to?: string;
    recipient_esp?: unknown;
  };
  if (!Array.isArray(body.test_ids) || body.test_ids.length === 0)
    return badRequest('body/test_ids must NOT have fewer than 1 items');
  const ids = new Set(body.test_ids.map(String));
  const esps = Array.isArray(body.recipient_esp)
    ? new Set(body.recipient_esp.map(Number))
    : undefined;
  const from = body.date_from?.slice(0, 10);
  const to = body.date_to?.slice(0, 10);
  const sums = new Map<string, { count: number; spam: number }>();
  for (const r of ctx.data.placement.results) {
    if (!ids.has(r.test_id)) continue;
    if (from !== undefined && r.date < from) continue;
    if (to !== undefined && r.date > to) continue;
    // "Others" (esp 0 here) are neither Google (1) nor Microsoft (2): no filter selects them.
    if (esps && !esps.has(r.esp)) continue;
    const sum = sums.get(r.test_id) ?? { count: 0, spam: 0 };
    sum.count += r.count;
    sum.spam += r.spam;
    sums.set(r.test_id, sum);
  }
  return ok(
    [...sums].map(([test_id, { count, spam }]) => ({
      test_id,
      count,
      spam_count: spam,
      spam_percent: count === 0 ? 0 : Math.round((spam / count) * 10000) / 100,
      inbox_count: count - spam,
      inbox_percent: count === 0 ? 0 : Math.round(((count - spam) / count) * 10000) / 100,
      category_count: 0,
      category_percent: 0,
    })),
  );
};

export const listPlacementReports: Route['handle'] = (ctx) => {
  const limit = parseLimit(ctx.query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const range = dateRange(ctx.query, 'date_from', 'date_to');
  if (isReply(range)) return range;
  const testId = ctx.query.get('test_id');
  const from =
    range.start === undefined ? undefined : new Date(range.start).toISOString().slice(0, 10);
  const to = range.end === undefined ? undefined : new Date(range.end).toISOString().slice(0, 10);
  const items = ctx.data.placement.reports.filter((r) => {
    const date = r.timestamp_created_date;
    return (
      (testId === null || r.test_id === testId) &&
      (from === undefined || date >= from) &&
      (to === undefined || date <= to)
    );
  });
  return page(items, startAfter(items, ctx.query.get('starting_after')), limit, idOf);
};

export const getDeliverabilityAgent: Route['handle'] = (ctx) =>
  ok({ agent: ctx.data.placement.agent });

export const listFeedItems: Route['handle'] = (ctx) => {
  const agent = ctx.data.placement.agent;
  if (!agent || agent.id !== ctx.params.id) return envelope(404, 'AI agent not found');
  const limit = parseLimit(ctx.query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const filter = ctx.query.get('feed_filter') ?? 'all';
  const items = ctx.data.placement.feedItems.filter((i) => filter === 'all' || i.status === filter);
  return page(items, startAfter(items, ctx.query.get('starting_after')), limit, idOf);
};
