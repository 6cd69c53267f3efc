import { AccountsConfig, CampaignsConfig } from '../../src/config/schema.js';
import { Account } from '../../src/instantly/schemas/accounts.js';
import { Campaign, CampaignAnalytics } from '../../src/instantly/schemas/campaigns.js';

/** Fixtures go through the real schemas, so a fixture the API could not send fails loudly. */

export const NOW = new Date('2026-11-30T12:00:00.000Z');

export function campaign(overrides: Record<string, unknown> = {}): Campaign {
  return Campaign.parse({
    id: 'c-1',
    name: 'Q4 founders',
    status: 1,
    timestamp_created: '2026-10-01T00:00:00.000Z',
    timestamp_updated: '2026-10-02T00:00:00.000Z',
    campaign_schedule: {
      start_date: '2026-10-05',
      end_date: null,
      schedules: [
        {
          name: 'Weekdays',
          timing: { from: '09:00', to: '17:00' },
          days: { '0': true, '1': true, '2': true, '3': true, '4': true, '5': false, '6': false },
          timezone: 'America/Chicago',
        },
      ],
    },
    sequences: [
      {
        steps: [
          {
            type: 'email',
            delay: 2,
            variants: [{ subject: 'Hello {{firstName}}', body: 'Hi {{firstName}},<br/>…' }],
          },
          { type: 'email', delay: 3, variants: [{ subject: '', body: 'Following up.' }] },
        ],
      },
    ],
    email_list: ['ann@alpha.com'],
    email_tag_list: [],
    daily_limit: 100,
    not_sending_status: null,
    ...overrides,
  });
}

export function account(overrides: Record<string, unknown> = {}): Account {
  return Account.parse({
    email: 'ann@alpha.com',
    timestamp_created: '2026-01-01T00:00:00.000Z',
    timestamp_updated: '2026-01-02T00:00:00.000Z',
    first_name: 'Ann',
    last_name: 'Lee',
    organization: 'org-1',
    warmup_status: 1,
    provider_code: 2,
    setup_pending: false,
    is_managed_account: false,
    status: 1,
    autofix_failed: false,
    stat_warmup_score: 95,
    tracking_domain_name: null,
    tracking_domain_status: null,
    tags: [],
    ...overrides,
  });
}

export function analytics(overrides: Record<string, unknown> = {}): CampaignAnalytics {
  return CampaignAnalytics.parse({
    campaign_name: 'Q4 founders',
    campaign_id: 'c-1',
    campaign_status: 1,
    campaign_is_evergreen: false,
    leads_count: 500,
    contacted_count: 200,
    emails_sent_count: 400,
    new_leads_contacted_count: 50,
    open_count: 80,
    reply_count: 10,
    link_click_count: 5,
    bounced_count: 2,
    unsubscribed_count: 1,
    completed_count: 20,
    total_opportunities: 1,
    total_opportunity_value: 0,
    ...overrides,
  });
}

export function campaignsConfig(overrides: Record<string, unknown> = {}): CampaignsConfig {
  return CampaignsConfig.parse(overrides);
}

export function accountsConfig(overrides: Record<string, unknown> = {}): AccountsConfig {
  return AccountsConfig.parse(overrides);
}

/** `GET /campaigns/analytics/daily` of a campaign that sends `sent` emails every day up to NOW. */
export function steadyDaily(sent = 100): { date: string; sent: number }[] {
  return Array.from({ length: 11 }, (_, i) => ({ date: `2026-11-${20 + i}`, sent }));
}
