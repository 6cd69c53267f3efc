/** Subsequences of campaigns in status 4 and their sending status. */
import { envelope } from '../errors.js';
import { sendingStatus } from '../series.js';
import { isReply, ok, page, parseLimit, type Route } from './common.js';

export const listSubsequences: Route['handle'] = (ctx) => {
  const limit = parseLimit(ctx.query.get('limit'), 'querystring');
  if (isReply(limit)) return limit;
  const parent = ctx.query.get('parent_campaign');
  const items = ctx.data.subsequences
    .filter((s) => parent === null || s.parent_campaign === parent)
    .map((s) => ({
      id: s.id,
      parent_campaign: s.parent_campaign,
      name: s.name,
      status: s.status,
      timestamp_created: s.timestamp_created,
      sequences: [],
    }));
  const after = ctx.query.get('starting_after');
  const start = after === null ? 0 : items.findIndex((i) => i.id === after) + 1;
  return page(items, start, limit, (i) => i.id);
};

/** The campaign's sending-status shape with the subsequence's own diagnosis and id. */
export const getSubsequenceSendingStatus: Route['handle'] = (ctx) => {
  const sub = ctx.data.subsequences.find((s) => s.id === ctx.params.id);
  const order = sub === undefined ? undefined : ctx.data.campaignIndex.get(sub.parent_campaign);
  if (!sub || order === undefined) return envelope(404, 'Subsequence not found');
  const diagnostics = [...ctx.data.sendingDiagnostic];
  diagnostics[order] = sub.diagnostic;
  const answer = sendingStatus({ ...ctx.data, sendingDiagnostic: diagnostics }, order, ctx.nowMs);
  return ok(
    answer.diagnostics
      ? { ...answer, diagnostics: { ...answer.diagnostics, subsequence_id: sub.id } }
      : answer,
  );
};
