/** Leads: POST /leads/list, generated on request from each campaign's counts. */
import { leadBucket, makeLead, parseLeadId, type LeadStatusBucket } from '../series.js';
import { badRequest, isReply, ok, pageBody, parseLimit, type Route } from './common.js';

// ---- Leads ----------------------------------------------------------------------------------------

const LEAD_FILTERS: Record<string, (bucket: LeadStatusBucket) => boolean> = {
  FILTER_VAL_CONTACTED: (b) => b !== 'not_contacted',
  FILTER_VAL_NOT_CONTACTED: (b) => b === 'not_contacted',
  FILTER_VAL_COMPLETED: (b) => b === 'completed',
  FILTER_VAL_UNSUBSCRIBED: (b) => b === 'unsubscribed',
  FILTER_VAL_ACTIVE: (b) => b === 'contacted' || b === 'not_contacted',
  FILTER_VAL_BOUNCED: (b) => b === 'bounced',
};

export const listLeads: Route['handle'] = (ctx) => {
  const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<
    string,
    unknown
  >;
  const rawLimit = body.limit;
  const limit = parseLimit(
    rawLimit === undefined
      ? undefined
      : typeof rawLimit === 'number' || typeof rawLimit === 'string'
        ? String(rawLimit)
        : '',
    'body',
  );
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
  outer: for (const order of orders) {
    if (order < cursor.campaign) continue;
    const total = ctx.data.leadCounts[order]?.leads ?? 0;
    const from = order === cursor.campaign ? cursor.index + 1 : 0;
    for (let i = from; i < total; i++) {
      if (!keep(leadBucket(ctx.data, order, i))) continue;
      if (items.length === limit) break outer;
      items.push(makeLead(ctx.data, order, i, ctx.nowMs));
    }
  }
  return ok(pageBody(items, (lead) => String(lead.id)));
};
