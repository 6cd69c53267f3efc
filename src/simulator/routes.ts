/**
 * The endpoints, as pure functions of (workspace data, request) → reply, one module per resource
 * under routes/. Shapes follow Instantly's OpenAPI document; the conformance test validates every
 * one against it. Validation errors use the Fastify-style messages Instantly's envelope carries.
 */
import type { RouteScope } from './auth.js';
import {
  accountCampaignMappings,
  accountDailyAnalytics,
  getAccount,
  listAccounts,
  testVitals,
  trackingDomainStatus,
  warmupAnalytics,
} from './routes/accounts.js';
import {
  campaignAnalytics,
  campaignAnalyticsOverview,
  campaignDailyAnalytics,
  getCampaign,
  getSendingStatus,
  listCampaigns,
} from './routes/campaigns.js';
import { ok, type Route } from './routes/common.js';
import {
  getDeliverabilityAgent,
  listFeedItems,
  listPlacementReports,
  listPlacementTests,
  placementStatsByTestId,
} from './routes/deliverability.js';
import { listLeads } from './routes/leads.js';
import { getSubsequenceSendingStatus, listSubsequences } from './routes/subsequences.js';
import {
  getWebhook,
  listWebhookEvents,
  listWebhooks,
  resumeWebhook,
  testWebhook,
  webhookEventsSummary,
} from './routes/webhooks.js';

export type { Route, RouteContext } from './routes/common.js';

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
    path: '/campaigns/analytics/daily',
    scope: read('campaigns'),
    handle: campaignDailyAnalytics,
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
  {
    method: 'GET',
    path: '/accounts/ctd/status',
    scope: read('accounts'),
    handle: trackingDomainStatus,
  },
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
  { method: 'GET', path: '/subsequences', scope: read('subsequences'), handle: listSubsequences },
  {
    method: 'GET',
    path: '/subsequences/{id}/sending-status',
    scope: read('subsequences'),
    handle: getSubsequenceSendingStatus,
  },
  {
    method: 'GET',
    path: '/inbox-placement-tests',
    scope: read('inbox_placement_tests'),
    handle: listPlacementTests,
  },
  {
    method: 'POST',
    path: '/inbox-placement-analytics/stats-by-test-id',
    scope: read('inbox_placement_analytics'),
    handle: placementStatsByTestId,
  },
  {
    method: 'GET',
    path: '/inbox-placement-reports',
    scope: read('inbox_placement_reports'),
    handle: listPlacementReports,
  },
  {
    method: 'GET',
    path: '/ai-agents/deliverability',
    scope: read('ai_agents'),
    handle: getDeliverabilityAgent,
  },
  {
    method: 'GET',
    path: '/ai-agents/deliverability/{id}/feed-items',
    scope: read('ai_agents'),
    handle: listFeedItems,
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
