import type { ErrorKind } from '../instantly/api.js';
import { readScopeGap } from '../instantly/classify.js';
import { InstantlyError } from '../instantly/errors.js';

/**
 * Which scope group each endpoint needs (docs/instantly-api.md, "Auth and scopes"). A group `g` is satisfied by any of
 * `g:read`, `g:all`, `all:read`, `all:all`. Endpoints whose scope the OpenAPI document does not
 * list carry `documented: false`: the group is our best reading, and the hint says so.
 */
export interface ScopeRequirement {
  group: string;
  documented: boolean;
}

const SCOPES: Record<string, ScopeRequirement> = {
  'GET /workspaces/current': { group: 'workspaces', documented: true },
  'GET /workspace-billing/plan-details': { group: 'workspace_billing', documented: true },
  'GET /workspace-billing/subscription-details': { group: 'workspace_billing', documented: true },
  'GET /campaigns': { group: 'campaigns', documented: true },
  'GET /campaigns/{id}': { group: 'campaigns', documented: true },
  'GET /campaigns/{id}/sending-status': { group: 'campaigns', documented: true },
  'GET /campaigns/analytics': { group: 'campaigns', documented: false },
  'GET /campaigns/analytics/overview': { group: 'campaigns', documented: false },
  'GET /campaigns/analytics/daily': { group: 'campaigns', documented: false },
  'GET /campaigns/analytics/steps': { group: 'campaigns', documented: false },
  'GET /accounts': { group: 'accounts', documented: true },
  'GET /accounts/{email}': { group: 'accounts', documented: true },
  'POST /accounts/test/vitals': { group: 'accounts', documented: true },
  'POST /accounts/warmup-analytics': { group: 'accounts', documented: true },
  'GET /accounts/ctd/status': { group: 'accounts', documented: true },
  'GET /accounts/analytics/daily': { group: 'accounts', documented: false },
  'GET /account-campaign-mappings/{email}': {
    group: 'account_campaign_mappings',
    documented: true,
  },
  'POST /leads/list': { group: 'leads', documented: true },
  'GET /custom-tags': { group: 'custom_tags', documented: true },
  'GET /webhooks': { group: 'webhooks', documented: false },
  'GET /webhooks/{id}': { group: 'webhooks', documented: true },
  'GET /webhooks/event-types': { group: 'webhooks', documented: false },
  'POST /webhooks/{id}/test': { group: 'webhooks', documented: false },
  'GET /webhook-events': { group: 'webhook_events', documented: true },
  'GET /webhook-events/summary': { group: 'webhook_events', documented: false },
  'GET /webhook-events/summary-by-date': { group: 'webhook_events', documented: false },
  'GET /subsequences': { group: 'subsequences', documented: true },
  'GET /subsequences/{id}/sending-status': { group: 'subsequences', documented: true },
  'GET /inbox-placement-tests': { group: 'inbox_placement_tests', documented: true },
  'POST /inbox-placement-analytics/stats-by-test-id': {
    group: 'inbox_placement_analytics',
    documented: true,
  },
  'GET /inbox-placement-reports': { group: 'inbox_placement_reports', documented: true },
  'GET /ai-agents/deliverability': { group: 'ai_agents', documented: true },
  'GET /ai-agents/deliverability/{id}/feed-items': { group: 'ai_agents', documented: true },
};

/** The scope group for `METHOD /template`; unknown endpoints fall back to their first path segment. */
export function scopeFor(endpoint: string): ScopeRequirement {
  const known = SCOPES[endpoint];
  if (known) return known;
  const segment = /^[A-Z]+ \/([^/?{]+)/.exec(endpoint)?.[1] ?? 'all';
  return { group: segment.replace(/-/g, '_'), documented: false };
}

/**
 * Remediation naming the scope to add, e.g. "Give the API key the `webhook_events:read` scope …".
 * `required` is the scope Instantly's own answer named, which wins over our table.
 */
export function scopeRemediation(endpoint: string, required?: string): string {
  const { group, documented } = scopeFor(endpoint);
  const scope = required ?? `${group}:read`;
  const base = `Give the API key the \`${scope}\` scope, or use a read-only key with \`all:read\` (Instantly → Settings → Integrations → API Keys).`;
  return documented || required !== undefined
    ? base
    : `${base} Instantly does not document the scope of ${endpoint}; \`all:read\` covers it.`;
}

/**
 * What the checks need to know about a failed request. The client throws an `InstantlyError`;
 * anything else thrown becomes kind `unexpected` (a bug, never mistaken for an API answer).
 */
export interface ErrorFacts {
  kind: ErrorKind | 'unexpected';
  /** HTTP status when Instantly answered. */
  status?: number;
  /** `METHOD /path/{template}` when known. */
  endpoint?: string;
  /** Retries spent before giving up. */
  retries?: number;
  /** For a scope answer: the scope Instantly said is required, and those the key has. */
  requiredScope?: string;
  grantedScopes?: string[];
  message: string;
}

export function errorFacts(err: unknown): ErrorFacts {
  if (!(err instanceof InstantlyError)) {
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'unexpected', message };
  }
  const facts: ErrorFacts = { kind: err.kind, message: err.message, endpoint: err.endpoint };
  if (err.status !== undefined) facts.status = err.status;
  if (err.attempts !== undefined) facts.retries = Math.max(0, err.attempts - 1);
  if (err.kind === 'scope' && err.status !== undefined) {
    const gap = readScopeGap(err.status, err.apiError?.message);
    if (gap?.required) facts.requiredScope = gap.required;
    if (gap?.granted) facts.grantedScopes = gap.granted;
  }
  return facts;
}

/** A 403 that is an HTML page from Instantly's CDN, not a JSON scope error: no scope fixes it. */
export function isCdnBlock(facts: ErrorFacts): boolean {
  return facts.kind === 'cdn-blocked';
}

/** One sentence naming why a request failed, e.g. "Instantly answered 503 after 3 retries". */
export function describeError(facts: ErrorFacts): string {
  const where = facts.endpoint ? ` (${facts.endpoint})` : '';
  const after =
    facts.retries !== undefined && facts.retries > 0
      ? ` after ${facts.retries} ${facts.retries === 1 ? 'retry' : 'retries'}`
      : '';
  switch (facts.kind) {
    case 'cdn-blocked':
      return `Instantly's CDN blocked the request (HTML 403)${where}`;
    case 'scope':
      return describeScopeGap(facts);
    case 'rate-limited':
      // No status: the client never sent it, because a Retry-After pause outlasts the run.
      return facts.status === undefined
        ? `the request was not sent: Instantly asked the workspace to pause (Retry-After) past the run's deadline${where}`
        : `Instantly answered ${facts.status}${after}${where}`;
    case 'server':
    case 'too-large':
    case 'not-found':
    case 'bad-request':
      return `Instantly answered ${facts.status ?? facts.kind}${after}${where}`;
    case 'auth':
      return `Instantly rejected the API key (401)${where}`;
    case 'plan':
      return `the workspace has no active paid plan (402)${where}`;
    case 'network':
      return `Instantly could not be reached${after}${where}: ${facts.message}`;
    case 'timeout':
      return `the request timed out${where}`;
    case 'schema':
    case 'error-in-200':
    case 'pagination':
      return `Instantly sent an unexpected answer${where}: ${facts.message}`;
    case 'unexpected':
      return `an internal error: ${facts.message}`;
  }
}

/** "the API key lacks the `accounts:read` scope (401; the key has campaigns:all, leads:all)". */
function describeScopeGap(facts: ErrorFacts): string {
  const what = facts.requiredScope
    ? `the \`${facts.requiredScope}\` scope`
    : `the scope for ${facts.endpoint ?? 'this endpoint'}`;
  const has =
    facts.grantedScopes && facts.grantedScopes.length > 0
      ? `; the key has ${facts.grantedScopes.map((s) => `\`${s}\``).join(', ')}`
      : '';
  const where = facts.requiredScope && facts.endpoint ? ` for ${facts.endpoint}` : '';
  return `the API key lacks ${what}${where} (${facts.status ?? 403}${has})`;
}
