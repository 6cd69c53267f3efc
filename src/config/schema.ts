import { z } from 'zod';
import type { CheckId } from '../model/checks.js';
import { SUITE_NAMES } from '../model/report.js';
import { unsafeRegexReason } from './regex-safety.js';
import { quote } from './describe.js';
import { notifyUrlProblem } from './notify-url.js';

/**
 * The config file of contract section 3. Strict (unknown keys are errors) because we own this
 * format, and every field has the contract's default so that an empty file is valid.
 * Thresholds are fractions (0.05 = 5 %).
 */

const fraction = z.number().min(0).max(1);
const count = z.number().int().min(0);

/** Rates are worse when higher, so the warning threshold must be reached before the error one. */
const warningNotAboveError = (t: { warning: number; error: number }, ctx: z.RefinementCtx) => {
  if (t.warning > t.error) {
    ctx.addIssue({
      code: 'custom',
      message: `warning (${t.warning}) is greater than error (${t.error}): the warning threshold must be the lower one, so it fires first`,
    });
  }
};

/** A warning/error pair where a higher value is worse (rates). */
const upperThresholds = (warning: number, error: number) =>
  z
    .strictObject({ warning: fraction.default(warning), error: fraction.default(error) })
    .default({ warning, error })
    .superRefine(warningNotAboveError);

const bounceRate = (minSent: number) =>
  z
    .strictObject({
      warning: fraction.default(0.03),
      error: fraction.default(0.05),
      min_sent: count.default(minSent),
      window_days: z.number().int().min(1).max(31).default(7),
    })
    .default({ warning: 0.03, error: 0.05, min_sent: minSent, window_days: 7 })
    .superRefine(warningNotAboveError);

const regex = z.string().superRefine((value, ctx) => {
  try {
    new RegExp(value);
  } catch (err) {
    // V8 says "Invalid regular expression: /(/: Unterminated group"; keep only the reason.
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
    ctx.addIssue({
      code: 'custom',
      message: `invalid regular expression ${quote(value)}: ${reason}`,
    });
    return;
  }
  const unsafe = unsafeRegexReason(value);
  if (unsafe !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `regular expression ${quote(value)} is refused because matching it could hang the run: ${unsafe}. Rewrite it with fewer, non-nested repeats (e.g. \`^Test \` or \`-EU$\`)`,
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
  /** Stalled campaigns from daily analytics (src/checks/stalled.ts). */
  stalled: z
    .strictObject({
      enabled: z.boolean().default(true),
      // The query spans window_days + 1 days; Instantly refuses more than 31.
      window_days: z.number().int().min(2).max(30).default(7),
      drop_fraction: fraction.default(0.3),
      min_usual_sent: count.default(20),
    })
    .default({ enabled: true, window_days: 7, drop_fraction: 0.3, min_usual_sent: 20 }),
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
    .superRefine((t, ctx) => {
      if (t.error > t.warning) {
        ctx.addIssue({
          code: 'custom',
          message: `error (${t.error}) is greater than warning (${t.warning}): a warmup score is worse when lower, so the error threshold must be the lower one`,
        });
      }
    }),
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
  /** New mailboxes ramping up (src/checks/ramp.ts, where the defaults' sources are). */
  ramp: z
    .strictObject({
      enabled: z.boolean().default(true),
      new_days: z.number().int().min(1).max(90).default(14),
      start: count.default(10),
      per_day: count.default(2),
      max_daily_limit: count.default(30),
      require_slow_ramp: z.boolean().default(true),
    })
    .default({
      enabled: true,
      new_days: 14,
      start: 10,
      per_day: 2,
      max_daily_limit: 30,
      require_slow_ramp: true,
    }),
});

/** The opt-in deliverability suite (src/checks/deliverability.ts). */
export const DeliverabilityConfig = z.strictObject({
  /** Only placement tests with results this recent count. */
  max_age_days: z.number().int().min(1).max(90).default(14),
  spam_rate: upperThresholds(0.1, 0.25),
  /** SpamAssassin's own default `required_score` is 5.0. */
  spam_assassin_score: z.number().min(0).default(5),
  recommendations: z.boolean().default(true),
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
    .superRefine(warningNotAboveError),
  require_events: z.array(z.string()).default([]),
  send_test: z.boolean().default(false),
});

/**
 * A check id as the config names it. Membership in the catalogue is checked by the loader
 * (src/config/check-ids.ts), which names the nearest id; the schema only types what passed, so
 * the policy works with `CheckId`s. The JSON Schema for editors lists the ids (json-schema.ts).
 */
const checkId = z.string().transform((id) => id as CheckId);

export const IgnoreEntry = z.strictObject({
  check: checkId,
  /** Resource id or name (campaign id/name, account email, domain, webhook id/url); omitted = every resource. */
  resource: z.string().optional(),
  /**
   * Last day silenced, `YYYY-MM-DD` (through the end of that day, UTC), or an ISO date-time with
   * a zone. Kept as written so reports show the user's own date; `ignoreExpiresAt` gives the
   * instant. (The loader uses YAML 1.2, where an unquoted 2027-01-31 stays a string.)
   */
  until: z.string().superRefine((value, ctx) => {
    if (parseUntil(value) === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid date ${quote(value)}: write the last day to silence as YYYY-MM-DD, e.g. 2027-01-31`,
      });
    }
  }),
  reason: z.string().optional(),
});
export type IgnoreEntry = z.infer<typeof IgnoreEntry>;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day: `new Date('2027-02-30')` quietly becomes March 2, so check the fields. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The instant an `ignore.until` stops silencing, or undefined when it is not a valid date. */
function parseUntil(until: string): Date | undefined {
  const dateOnly = DATE_ONLY.exec(until);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!isCalendarDay(year, month, day)) return undefined;
    // Inclusive: "until 2027-01-31" silences through that whole day.
    return new Date(Date.UTC(year, month - 1, day + 1));
  }
  const dateTime = DATE_TIME.exec(until);
  if (dateTime) {
    if (!isCalendarDay(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3]))) {
      return undefined;
    }
    const instant = new Date(until);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  return undefined;
}

/** When a validated ignore entry expires (the start of the day after a date-only `until`). */
export function ignoreExpiresAt(until: string): Date {
  const instant = parseUntil(until);
  if (instant === undefined) throw new Error(`ignore.until was not validated: ${until}`);
  return instant;
}

export const IssueConfig = z.strictObject({
  failure_threshold: z.number().int().min(1).default(1),
  success_threshold: z.number().int().min(1).default(1),
  close_on_recovery: z.boolean().default(true),
  /**
   * Consecutive runs that could not check (`failed`, or a suite blind) before the issue says
   * "cannot check since …" (contract section 6); 0 turns it off.
   */
  blind_threshold: z.number().int().min(0).default(3),
});

/**
 * Dead-man's switch (contract section 6): a GET to `url` after a run that could check
 * everything, to `<url>/fail` otherwise. Prefer the `heartbeat-url` input (a secret) to the file.
 */
export const HeartbeatConfig = z.strictObject({
  url: z
    .string()
    .regex(
      /^https?:\/\/[^\s/?#]+[^\s?#]*$/,
      'an http(s) URL without query, e.g. https://hc-ping.com/<uuid>',
    )
    .optional(),
});
export type HeartbeatConfig = z.infer<typeof HeartbeatConfig>;

/**
 * A sub-workspace an agency key checks through `x-as-workspace`. `name` titles its tracking issue
 * and its row in the summary; the workspace's own name from the API is used when it is omitted.
 */
export const WorkspaceEntry = z.strictObject({
  id: z
    .string()
    .regex(/^[\x21-\x7e]+$/, 'a workspace id is printable ASCII without spaces (a UUID)'),
  name: z.string().trim().min(1).max(100).optional(),
});
export type WorkspaceEntry = z.infer<typeof WorkspaceEntry>;

const uniqueWorkspaceIds = (list: WorkspaceEntry[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `workspace ${quote(entry.id)} is listed twice: each workspace is checked once`,
      });
    }
    seen.add(entry.id);
  });
};

/** The safe fixes instantly-health may make itself, after the checks (see src/remediation). */
export const REMEDIATION_ACTIONS = ['resume-webhooks'] as const;
export type RemediationActionName = (typeof REMEDIATION_ACTIONS)[number];

/**
 * `remediate: [resume-webhooks]` (a list: dry-run) or `remediate: {actions: [...], dry_run: false}`.
 * Dry-run is the default so that adding an action first shows what it would do; acting takes a
 * second, deliberate edit (`dry_run: false`) that a reviewer sees in the diff.
 */
export const RemediateConfig = z.preprocess(
  // The list shorthand is the object with its defaults: validated (and reported) as one shape.
  (value) => (Array.isArray(value) ? { actions: value as unknown[] } : value),
  z.strictObject({
    actions: z
      .array(z.enum(REMEDIATION_ACTIONS))
      .default([])
      .transform((list) => [...new Set(list)]),
    dry_run: z.boolean().default(true),
  }),
);
export type RemediateConfig = z.infer<typeof RemediateConfig>;

/** Chat and webhook formats of a notification (contract section 7); `auto` picks by host. */
export const NOTIFY_FORMATS = ['auto', 'slack', 'teams', 'discord', 'json'] as const;
export type NotifyFormat = (typeof NOTIFY_FORMATS)[number];

/** `notify: { url, format }`; the url is better given as a secret input (`notify-url`). */
export const NotifyConfig = z.strictObject({
  url: z
    .string()
    .trim()
    .default('')
    .superRefine((url, ctx) => {
      const problem = url === '' ? undefined : notifyUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  format: z.enum(NOTIFY_FORMATS).default('auto'),
});
export type NotifyConfig = z.infer<typeof NotifyConfig>;

export const ConfigFile = z.strictObject({
  version: z.literal(1).default(1),
  checks: z.array(z.enum(SUITE_NAMES)).optional(),
  campaigns: CampaignsConfig.default(CampaignsConfig.parse({})),
  accounts: AccountsConfig.default(AccountsConfig.parse({})),
  webhooks: WebhooksConfig.default(WebhooksConfig.parse({})),
  deliverability: DeliverabilityConfig.default(DeliverabilityConfig.parse({})),
  severity: z
    .record(z.string(), z.enum(['error', 'warning']))
    .default({})
    .transform((map) => map as Partial<Record<CheckId, 'error' | 'warning'>>),
  ignore: z.array(IgnoreEntry).default([]),
  issue: IssueConfig.default(IssueConfig.parse({})),
  /** Sub-workspaces checked in one run through one agency key; empty: the key's own workspace. */
  workspaces: z.array(WorkspaceEntry).max(200).default([]).superRefine(uniqueWorkspaceIds),
  remediate: RemediateConfig.default({ actions: [], dry_run: true }),
  heartbeat: HeartbeatConfig.default({}),
  notify: NotifyConfig.default({ url: '', format: 'auto' }),
});
export type ConfigFile = z.infer<typeof ConfigFile>;
export type CampaignsConfig = z.infer<typeof CampaignsConfig>;
export type AccountsConfig = z.infer<typeof AccountsConfig>;
export type WebhooksConfig = z.infer<typeof WebhooksConfig>;
export type DeliverabilityConfig = z.infer<typeof DeliverabilityConfig>;
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
  /** The config file that was read, as the user named it; absent when none was found. */
  configPath?: string;
  /** Dead-man's switch pinged after every run (contract section 6); a secret. */
  heartbeatUrl?: string;
  /** Where to notify on change (contract section 7); absent: no notification. */
  notify?: NotifySettings;
}

/** A notification target: inputs or flags over the config file's `notify`. */
export interface NotifySettings {
  url: string;
  format: NotifyFormat;
}
