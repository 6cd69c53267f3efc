import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import type { Webhook } from '../../src/instantly/schemas/webhooks.js';

export const NOW = new Date('2026-11-30T06:00:00.000Z');

export function settings(overrides: Partial<RunSettings> = {}, config: unknown = {}): RunSettings {
  return {
    apiKey: 'test-key',
    baseUrl: 'http://127.0.0.1:1',
    checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
    rateLimit: 10,
    timeoutSeconds: 300,
    failOn: 'error',
    campaignIds: [],
    config: ConfigFile.parse(config),
    ...overrides,
  };
}

export const WORKSPACE = {
  id: 'ws-1',
  name: 'Acme Outbound',
  owner: 'owner-1',
  timestamp_created: '2025-01-01T00:00:00.000Z',
  timestamp_updated: '2026-01-01T00:00:00.000Z',
  scheduled_for_removal_at: null,
  plan_id: 'pid_hg_v1',
};

export const PLAN = {
  organization_id: 'ws-1',
  organization_name: 'Acme Outbound',
  subscriptions: {
    outreach: {
      plan_name: 'Hypergrowth',
      total_lead_limit: 25000,
      current_lead_count: 1000,
      cancel_at_time: null,
      product_id: 'pid_hg_v1',
    },
  },
};

export function webhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: 'wh-1',
    organization: 'ws-1',
    campaign: null,
    name: 'CRM replies',
    target_hook_url: 'https://hooks.example.com/catch/123/secret',
    event_type: 'reply_received',
    headers: null,
    timestamp_created: '2026-01-01T00:00:00.000Z',
    status: 1,
    timestamp_error: null,
    ...overrides,
  };
}
