import { z } from 'zod';

/**
 * Account shapes from Instantly's OpenAPI document (components.schemas.Account as listed by
 * `GET /accounts?include_tags=true`, the vitals and the warmup-analytics operations). Lenient
 * where the API may grow: enums are plain numbers so that a new value is reported by a check
 * rather than failing the account list; unknown fields are kept, except on the account list
 * (`Account`), which keeps only what the checks read.
 */

/** `Account.status` labels (`x-enumDescriptions`). */
export const ACCOUNT_STATUS_LABELS: Readonly<Record<number, string>> = {
  1: 'Active',
  2: 'Paused',
  3: 'Temporarily paused for maintenance',
  [-1]: 'Connection Error',
  [-2]: 'Soft Bounce Error',
  [-3]: 'Sending Error',
};

/** `Account.warmup_status` labels. */
export const WARMUP_STATUS_LABELS: Readonly<Record<number, string>> = {
  0: 'Paused',
  1: 'Active',
  [-1]: 'Banned',
  [-2]: 'Spam Folder Unknown',
  [-3]: 'Permanent Suspension',
};

export const AccountTag = z.looseObject({
  id: z.string().optional(),
  label: z.string().optional(),
  description: z.string().nullable().optional(),
});
export type AccountTag = z.infer<typeof AccountTag>;

/** SMTP error detail, e.g. `{code: "EENVELOPE", command: "DATA", response: "550-5.4.5 …", responseCode: 550}`. */
export const AccountStatusMessage = z.looseObject({
  code: z.string().optional(),
  command: z.string().optional(),
  response: z.string().optional(),
  e_message: z.string().optional(),
  responseCode: z.number().optional(),
});
export type AccountStatusMessage = z.infer<typeof AccountStatusMessage>;

/** Every documented field of an account; unknown fields kept. */
export const AccountRecord = z.looseObject({
  email: z.string(),
  timestamp_created: z.string(),
  timestamp_updated: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  organization: z.string(),
  warmup_status: z.number(),
  provider_code: z.number(),
  setup_pending: z.boolean(),
  is_managed_account: z.boolean(),
  /** Not in the document's `required`: absent means the connection state is unknown. */
  status: z.number().optional(),
  status_message: AccountStatusMessage.optional(),
  /** null = reconnection in progress, true = failed, false = succeeded. */
  autofix_failed: z.boolean().nullable().optional(),
  stat_warmup_score: z.number().nullable().optional(),
  daily_limit: z.number().nullable().optional(),
  tracking_domain_name: z.string().nullable().optional(),
  tracking_domain_status: z.string().nullable().optional(),
  timestamp_warmup_start: z.string().nullable().optional(),
  /** Campaign Slow Ramp: +2 campaign emails a day until `daily_limit` (src/checks/ramp.ts). */
  enable_slow_ramp: z.boolean().nullable().optional(),
  /** Present with `include_tags=true`. */
  tags: z.array(AccountTag).nullable().optional(),
});
export type AccountRecord = z.infer<typeof AccountRecord>;

/**
 * An account as the checks see it: only the fields they read, everything else stripped. The
 * account list is the largest thing a run keeps (25,000 accounts at the benchmark's size L:
 * 28 MB of heap with every field the API sends, 5 MB with these), and it lives until the last
 * suite ends. A check that needs another field adds it here. Enums stay plain numbers, so an
 * undocumented status still reaches the checks.
 */
export const Account = z.object(AccountRecord.shape).pick({
  email: true,
  timestamp_created: true,
  status: true,
  status_message: true,
  warmup_status: true,
  stat_warmup_score: true,
  setup_pending: true,
  autofix_failed: true,
  daily_limit: true,
  tracking_domain_name: true,
  tracking_domain_status: true,
  timestamp_warmup_start: true,
  enable_slow_ramp: true,
  tags: true,
});
export type Account = z.infer<typeof Account>;

export const DomainVitals = z.looseObject({
  domain: z.string().optional(),
  allPass: z.boolean().optional(),
  mx: z.boolean().optional(),
  spf: z.boolean().optional(),
  dkim: z.boolean().optional(),
  dmarc: z.boolean().optional(),
});
export type DomainVitals = z.infer<typeof DomainVitals>;

/** `POST /accounts/test/vitals`: DNS results keyed by domain, not by account. */
export const VitalsResponse = z.looseObject({
  status: z.string().optional(),
  success_list: z.array(DomainVitals).optional(),
  failure_list: z.array(DomainVitals).optional(),
});
export type VitalsResponse = z.infer<typeof VitalsResponse>;

/**
 * `GET /accounts/ctd/status?host=`: Instantly's live check of a custom tracking domain. A 400
 * answers `{status: "error", message, host}` instead (read from the error's body).
 */
export const CtdStatus = z.looseObject({
  success: z.boolean().optional(),
  ssl: z.boolean().optional(),
  cname: z.boolean().optional(),
  host: z.string().optional(),
});
export type CtdStatus = z.infer<typeof CtdStatus>;

/** Counts can be missing (no `landed_spam` when it is 0): read them with `?? 0`. */
export const WarmupDay = z.looseObject({
  sent: z.number().optional(),
  landed_inbox: z.number().optional(),
  landed_spam: z.number().optional(),
  received: z.number().optional(),
});
export type WarmupDay = z.infer<typeof WarmupDay>;

export const WarmupAggregate = WarmupDay.extend({
  health_score_label: z.string().optional(),
  health_score: z.number().optional(),
});
export type WarmupAggregate = z.infer<typeof WarmupAggregate>;

/** `POST /accounts/warmup-analytics`: maps keyed by account email (then by `YYYY-MM-DD`). */
export const WarmupAnalytics = z.looseObject({
  email_date_data: z.record(z.string(), z.record(z.string(), WarmupDay)).optional(),
  aggregate_data: z.record(z.string(), WarmupAggregate).optional(),
});
export type WarmupAnalytics = z.infer<typeof WarmupAnalytics>;

/**
 * One row of `GET /accounts/analytics/daily` (a bare array): one sender on one day. The document
 * marks every count required; only the ones the checks read are kept strict.
 */
export const AccountDailyRow = z.looseObject({
  date: z.string(),
  email_account: z.string(),
  sent: z.number(),
  bounced: z.number(),
  contacted: z.number().optional(),
});
export type AccountDailyRow = z.infer<typeof AccountDailyRow>;

export const AccountDailyAnalytics = z.array(AccountDailyRow);
export type AccountDailyAnalytics = z.infer<typeof AccountDailyAnalytics>;
