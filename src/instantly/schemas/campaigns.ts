import { z } from 'zod';

/**
 * Campaign shapes from Instantly's OpenAPI document (components.schemas.Campaign and the
 * campaign analytics and sending-status operations). Lenient where the API may grow: objects keep
 * unknown fields (`z.looseObject`), enums are plain numbers or strings so that a value Instantly
 * adds later reaches the checks (which report it) instead of failing the whole list.
 * Required, optional and nullable follow the document.
 */

/**
 * `Campaign.status`, once: each value with the document's label (`x-enumDescriptions`). The
 * checks and the simulator name statuses through `CAMPAIGN_STATUS`, never by number.
 */
const CAMPAIGN_STATUS_TABLE = {
  draft: { value: 0, label: 'Draft' },
  active: { value: 1, label: 'Active' },
  paused: { value: 2, label: 'Paused' },
  completed: { value: 3, label: 'Completed' },
  runningSubsequences: { value: 4, label: 'Running Subsequences' },
  accountsUnhealthy: { value: -1, label: 'Accounts Unhealthy' },
  bounceProtect: { value: -2, label: 'Bounce Protect' },
  accountSuspended: { value: -99, label: 'Account Suspended' },
} as const;
type CampaignStatusName = keyof typeof CAMPAIGN_STATUS_TABLE;
const STATUS_ROWS = Object.entries(CAMPAIGN_STATUS_TABLE) as [
  CampaignStatusName,
  (typeof CAMPAIGN_STATUS_TABLE)[CampaignStatusName],
][];

/** `CAMPAIGN_STATUS.bounceProtect` is -2, and so on. */
export const CAMPAIGN_STATUS = Object.fromEntries(
  STATUS_ROWS.map(([name, row]) => [name, row.value]),
) as { readonly [N in CampaignStatusName]: (typeof CAMPAIGN_STATUS_TABLE)[N]['value'] };
export type CampaignStatus = (typeof CAMPAIGN_STATUS)[CampaignStatusName];

/** Every documented status; anything else is one Instantly added later. */
export const CAMPAIGN_STATUS_VALUES: readonly CampaignStatus[] = STATUS_ROWS.map(
  ([, r]) => r.value,
);

export const CAMPAIGN_STATUS_LABELS: Readonly<Record<number, string>> = Object.fromEntries(
  STATUS_ROWS.map(([, row]) => [row.value, row.label]),
);

/** `Campaign.not_sending_status` descriptions, verbatim from the document. */
export const NOT_SENDING_STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = {
  1: 'Campaign is currently not within its sending schedule.',
  2: 'Campaign is currently waiting for a lead to process.',
  3: 'Campaign has reached its daily sending limit.',
  4: 'All sending accounts for this campaign have reached their daily sending limit.',
  99: 'Campaign is currently not sending due to an error. Please contact support for assistance.',
};

export const CampaignVariant = z.looseObject({
  subject: z.string(),
  body: z.string(),
  /** "By default, all the variants are enabled". */
  v_disabled: z.boolean().optional(),
});
export type CampaignVariant = z.infer<typeof CampaignVariant>;

export const CampaignStep = z.looseObject({
  /** Only `"email"` today. */
  type: z.string(),
  delay: z.number(),
  delay_unit: z.string().optional(),
  variants: z.array(CampaignVariant),
});
export type CampaignStep = z.infer<typeof CampaignStep>;

export const CampaignSequence = z.looseObject({ steps: z.array(CampaignStep) });

export const CampaignScheduleEntry = z.looseObject({
  name: z.string(),
  /** `HH:MM`, 24-hour; a malformed value is a finding, not a parse failure. */
  timing: z.looseObject({ from: z.string(), to: z.string() }),
  /** Keys `"0"`..`"6"`; which key is which weekday is not documented. */
  days: z.record(z.string(), z.boolean()),
  /** A closed enum of 102 names in the document; kept as a string. */
  timezone: z.string(),
});
export type CampaignScheduleEntry = z.infer<typeof CampaignScheduleEntry>;

export const CampaignSchedule = z.looseObject({
  /** `YYYY-MM-DD` in the campaign's timezone. */
  start_date: z.string().nullable().optional(),
  end_date: z.string().nullable().optional(),
  schedules: z.array(CampaignScheduleEntry),
});
export type CampaignSchedule = z.infer<typeof CampaignSchedule>;

export const Campaign = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.number(),
  campaign_schedule: CampaignSchedule,
  timestamp_created: z.string(),
  timestamp_updated: z.string(),
  /** "only the first element is used". Absent on a list item → fetch the campaign itself. */
  sequences: z.array(CampaignSequence).optional(),
  /** Sender account emails. */
  email_list: z.array(z.string()).optional(),
  /** Custom-tag ids; accounts carrying one of them send too. */
  email_tag_list: z.array(z.string()).optional(),
  daily_limit: z.number().nullable().optional(),
  daily_max_leads: z.number().nullable().optional(),
  not_sending_status: z.number().nullable().optional(),
  open_tracking: z.boolean().optional(),
  link_tracking: z.boolean().nullable().optional(),
  disable_bounce_protect: z.boolean().nullable().optional(),
});
export type Campaign = z.infer<typeof Campaign>;

/** One element of the bare array that `GET /campaigns/analytics` returns. */
export const CampaignAnalytics = z.looseObject({
  campaign_name: z.string(),
  campaign_id: z.string(),
  campaign_status: z.number(),
  campaign_is_evergreen: z.boolean(),
  leads_count: z.number(),
  /** "Number of leads for whom the sequence has started". */
  contacted_count: z.number(),
  emails_sent_count: z.number(),
  new_leads_contacted_count: z.number(),
  open_count: z.number(),
  reply_count: z.number(),
  link_click_count: z.number(),
  /** "The number of bounced leads". */
  bounced_count: z.number(),
  unsubscribed_count: z.number(),
  completed_count: z.number(),
  total_opportunities: z.number(),
  total_opportunity_value: z.number(),
  open_count_unique: z.number().optional(),
  reply_count_unique: z.number().optional(),
  link_click_count_unique: z.number().optional(),
});
export type CampaignAnalytics = z.infer<typeof CampaignAnalytics>;

export const CampaignAnalyticsList = z.array(CampaignAnalytics);

/**
 * One element of the bare array `GET /campaigns/analytics/daily` returns (no campaign id: ask
 * with `campaign_id` for one campaign). Live rows carry fewer counts than the document lists
 * (test/fixtures/real/leonidsvb__campaign_1_daily_analytics.json), so only `date` is required.
 */
export const CampaignDailyRow = z.looseObject({
  /** `YYYY-MM-DD` (the document's example is a full ISO timestamp). */
  date: z.string(),
  sent: z.number().optional(),
  contacted: z.number().optional(),
  new_leads_contacted: z.number().optional(),
});
export type CampaignDailyRow = z.infer<typeof CampaignDailyRow>;
export const CampaignDailyAnalytics = z.array(CampaignDailyRow);

export const SendingDiagnostics = z.looseObject({
  campaign_id: z.string().optional(),
  last_updated: z.string().optional(),
  /** One of 18 documented values (`healthy`, `campaign_bounce_protect`, …); kept as a string. */
  status: z.string().nullable().optional(),
  issue_tracking: z
    .looseObject({
      current_status_code: z.string().nullable().optional(),
      issue_first_seen_at: z.string().nullable().optional(),
      consecutive_loops_with_issue: z.number().optional(),
      last_healthy_send_at: z.string().nullable().optional(),
    })
    .optional(),
  accounts_summary: z
    .looseObject({
      total_connected: z.number().optional(),
      available: z.number().optional(),
      unavailable: z
        .looseObject({
          daily_limit_hit: z.number().optional(),
          slow_ramp_limit_hit: z.number().optional(),
          disconnected: z.number().optional(),
          global_gap_not_met: z.number().optional(),
        })
        .optional(),
    })
    .optional(),
  leads_status: z
    .looseObject({
      no_leads_ready: z.boolean().optional(),
      account_unavailable_skips: z.number().optional(),
      delay_not_met_skips: z.number().optional(),
    })
    .optional(),
});
export type SendingDiagnostics = z.infer<typeof SendingDiagnostics>;

export const SendingSummary = z.looseObject({
  status: z.string().nullable().optional(),
  status_message: z.string().nullable().optional(),
  issue_started_at: z.string().nullable().optional(),
  last_healthy_send_at: z.string().nullable().optional(),
});

/** `GET /campaigns/{id}/sending-status`: both null when Instantly has no data yet. */
export const SendingStatus = z.looseObject({
  diagnostics: SendingDiagnostics.nullable().optional(),
  summary: SendingSummary.nullable().optional(),
});
export type SendingStatus = z.infer<typeof SendingStatus>;
