/** Webhooks and their events. */
import { envelope, type Reply } from '../errors.js';
import {
  badRequest,
  isReply,
  ok,
  page,
  parseBoolean,
  parseLimit,
  type Route,
  type RouteContext,
} from './common.js';

// ---- Webhooks -------------------------------------------------------------------------------------

export const listWebhooks: Route['handle'] = (ctx) => {
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
  return page(
    ctx.data.webhooks,
    start,
    limit,
    (w) => w.id,
    (w) =>
      (campaign === null || w.campaign === campaign) &&
      (eventType === null || w.event_type === eventType),
  );
};

export function findWebhook(ctx: RouteContext): number | Reply {
  const index = ctx.data.webhooks.findIndex((w) => w.id === ctx.params.id);
  return index < 0 ? envelope(404, 'Webhook not found') : index;
}

export const getWebhook: Route['handle'] = (ctx) => {
  const index = findWebhook(ctx);
  return isReply(index) ? index : ok(ctx.data.webhooks[index]);
};

export const testWebhook: Route['handle'] = (ctx) => {
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

export const resumeWebhook: Route['handle'] = (ctx) => {
  const index = findWebhook(ctx);
  if (isReply(index)) return index;
  const webhook = ctx.data.webhooks[index];
  if (webhook) {
    webhook.status = 1;
    webhook.timestamp_error = null;
  }
  return ok(webhook);
};

export function webhookEventRange(query: URLSearchParams): { from?: string; to?: string } | Reply {
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

export const listWebhookEvents: Route['handle'] = (ctx) => {
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
  return page(
    ctx.data.webhookEvents,
    start,
    limit,
    (e) => e.id,
    (e) =>
      (success === undefined || e.success === success) &&
      (range.from === undefined || e.timestamp_created_date >= range.from) &&
      (range.to === undefined || e.timestamp_created_date <= range.to) &&
      (search === null || e.webhook_url === search || e.lead_email === search),
  );
};

export const webhookEventsSummary: Route['handle'] = (ctx) => {
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
