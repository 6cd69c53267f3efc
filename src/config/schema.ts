import { z } from 'zod';
import { SUITE_NAMES } from '../report/model.js';

/**
 * The config file of contract section 3. Strict (unknown keys are errors) because we own this
 * format, and every field has the contract's default so that an empty file is valid.
 * Thresholds are fractions (0.05 = 5 %).
 */

const fraction = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** A warning/error pair where a higher value is worse (rates). */
const upperThresholds = (warning: number, error: number) =>
  z
    .strictObject({ warning: fraction.default(warning), error: fraction.default(error) })
    .default({ warning, error })
    .refine((t) => t.warning <= t.error, { error: 'warning must not be greater than error' });

const bounceRate = (minSent: number) =>
  z
    .strictObject({
      warning: fraction.default(0.03),
      error: fraction.default(0.05),
      min_sent: count.default(minSent),
      window_days: z.number().int().min(1).max(31).default(7),
    })
    .default({ warning: 0.03, error: 0.05, min_sent: minSent, window_days: 7 })
    .refine((t) => t.warning <= t.error, { error: 'warning must not be greater than error' });

const regex = z.string().superRefine((value, ctx) => {
  try {
    new RegExp(value);
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid regular expression: ${(err as Error).message}`,
    });
  }
});

export const CAMPAIGN_STATUS_NAMES = [
  'active',
  'draft',
  'paused',
  'completed',
  'subsequences',
  'all',
] as const;

const selection = z.strictObject({
  status: z.array(z.enum(CAMPAIGN_STATUS_NAMES)).default(['active']),
  tags: z.array(z.string()).default([]),
  names: z.array(regex).default([]),
  ids: z.array(z.string()).default([]),
});

const exclusion = z.strictObject({
  names: z.array(regex).default([]),
  ids: z.array(z.string()).default([]),
});

export const CampaignsConfig = z.strictObject({
  include: selection.default({ status: ['active'], tags: [], names: [], ids: [] }),
  exclude: exclusion.default({ names: [], ids: [] }),
  bounce_rate: bounceRate(50),
  min_remaining_leads: count.default(1),
  sending_status: z.boolean().default(true),
});

export const AccountsConfig = z.strictObject({
  scope: z.enum(['in_active_campaigns', 'all']).default('in_active_campaigns'),
  warmup_score: z
    .strictObject({
      warning: z.number().min(0).max(100).default(80),
      error: z.number().min(0).max(100).default(60),
    })
    .default({ warning: 80, error: 60 })
    // A score is worse when lower, so the error threshold sits below the warning one.
    .refine((t) => t.error <= t.warning, { error: 'error must not be greater than warning' }),
  dns: z.boolean().default(true),
  warmup_analytics: z.boolean().default(true),
  trend: z
    .strictObject({
      window_days: z.number().int().min(1).max(15).default(7),
      inbox_drop: fraction.default(0.15),
    })
    .default({ window_days: 7, inbox_drop: 0.15 }),
  spam_rate: upperThresholds(0.05, 0.15),
  bounce_rate: bounceRate(30),
  volume_near_cap: fraction.default(0.9),
});

export const WebhooksConfig = z.strictObject({
  failure_rate: z
    .strictObject({
      warning: fraction.default(0.05),
      error: fraction.default(0.2),
      min_events: count.default(20),
      window_days: z.number().int().min(1).max(31).default(1),
    })
    .default({ warning: 0.05, error: 0.2, min_events: 20, window_days: 1 })
    .refine((t) => t.warning <= t.error, { error: 'warning must not be greater than error' }),
  require_events: z.array(z.string()).default([]),
  send_test: z.boolean().default(false),
});

export const IgnoreEntry = z.strictObject({
  check: z.string(),
  /** Resource id or name (campaign id/name, account email, domain, webhook id/url); omitted = every resource. */
  resource: z.string().optional(),
  /** YAML turns an unquoted 2027-01-31 into a Date; both spellings are accepted. */
  until: z.union([z.date(), z.string()]).transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: `invalid date "${String(v)}": use YYYY-MM-DD` });
      return z.NEVER;
    }
    return d.toISOString();
  }),
  reason: z.string().optional(),
});
export type IgnoreEntry = z.infer<typeof IgnoreEntry>;

export const IssueConfig = z.strictObject({
  failure_threshold: z.number().int().min(1).default(1),
  success_threshold: z.number().int().min(1).default(1),
  close_on_recovery: z.boolean().default(true),
});

export const ConfigFile = z.strictObject({
  version: z.literal(1).default(1),
  checks: z.array(z.enum(SUITE_NAMES)).optional(),
  campaigns: CampaignsConfig.default(CampaignsConfig.parse({})),
  accounts: AccountsConfig.default(AccountsConfig.parse({})),
  webhooks: WebhooksConfig.default(WebhooksConfig.parse({})),
  severity: z.record(z.string(), z.enum(['error', 'warning'])).default({}),
  ignore: z.array(IgnoreEntry).default([]),
  issue: IssueConfig.default(IssueConfig.parse({})),
});
export type ConfigFile = z.infer<typeof ConfigFile>;
export type CampaignsConfig = z.infer<typeof CampaignsConfig>;
export type AccountsConfig = z.infer<typeof AccountsConfig>;
export type WebhooksConfig = z.infer<typeof WebhooksConfig>;
export type IssueConfig = z.infer<typeof IssueConfig>;

/**
 * Everything a run needs, merged from the config file, the action inputs or CLI flags, and the
 * environment, validated once at the edge.
 */
export interface RunSettings {
  apiKey: string;
  baseUrl: string;
  workspaceId?: string;
  checks: (typeof SUITE_NAMES)[number][];
  /** Requests per second. */
  rateLimit: number;
  /** Seconds for the whole run. */
  timeoutSeconds: number;
  failOn: 'error' | 'warning' | 'never';
  /** Launch gate: check only these campaigns, drafts included (CLI `--campaign`). */
  campaignIds: string[];
  config: ConfigFile;
}
