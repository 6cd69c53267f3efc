import type { Severity, SuiteName } from './report.js';

/**
 * The check catalogue: every check id instantly-health can emit, once. Ids are public contract
 * (`severity` and `ignore` in the config file, finding fingerprints, the tracking issue), so
 * this table is the only place one is written down; `CheckId`, the config's allowed ids, the
 * README's list of checks (scripts/readme-tables.ts) and `suiteOfCheck` all come from it.
 *
 * To add a check: add a row here (in the suite's block, in report order), use its id through
 * `CheckId` in the suite, and run `npm run readme`.
 */
export interface CheckSpec {
  /** Stable id, `<resource>.<name>`, e.g. `campaign.status`. */
  readonly id: string;
  /**
   * The suite that emits it; `any` for the engine's and the policy's own findings, which are
   * filed under the suite they concern.
   */
  readonly suite: SuiteName | 'any';
  /** A few words for people, e.g. "Campaign status". */
  readonly title: string;
  /**
   * The most severe verdict the check gives when no `severity` override applies (a check with
   * warning and error thresholds says `error`). `unknown`: it only reports what it could not decide.
   */
  readonly severity: Severity;
  /** What it finds, for the README's list (a phrase); the title is used when absent. */
  readonly finds?: string;
}

// One row per check, kept on one line each so the table reads as a table.
// prettier-ignore
export const CHECK_CATALOGUE = [
  // auth
  { id: 'workspace.api-key', suite: 'auth', title: 'API key valid', severity: 'error', finds: 'the key is valid' },
  { id: 'workspace.plan', suite: 'auth', title: 'Paid plan active', severity: 'error', finds: 'a paid plan is active' },
  { id: 'workspace.api-reachable', suite: 'auth', title: 'Instantly API reachable', severity: 'unknown', finds: 'the API answers' },
  { id: 'workspace.removal', suite: 'auth', title: 'Workspace scheduled for removal', severity: 'error', finds: 'the workspace is scheduled for removal' },
  { id: 'workspace.lead-usage', suite: 'auth', title: 'Leads near the plan limit', severity: 'error', finds: 'leads near the plan limit' },
  { id: 'workspace.subscription', suite: 'auth', title: 'Subscription set to cancel', severity: 'warning', finds: 'the subscription is set to cancel' },
  // campaigns
  { id: 'campaign.status', suite: 'campaigns', title: 'Campaign status', severity: 'error', finds: 'Bounce Protect, accounts unhealthy or suspended (negative statuses)' },
  { id: 'campaign.paused', suite: 'campaigns', title: 'Campaign paused', severity: 'warning' },
  { id: 'campaign.sequence', suite: 'campaigns', title: 'Campaign sequence', severity: 'error', finds: 'empty sequence, variant without subject or body' },
  { id: 'campaign.schedule', suite: 'campaigns', title: 'Campaign schedule', severity: 'error', finds: 'no sending day' },
  { id: 'campaign.senders', suite: 'campaigns', title: 'Campaign senders', severity: 'error', finds: 'no sending account, or one missing from the workspace' },
  { id: 'campaign.daily-limit', suite: 'campaigns', title: 'Campaign daily limit', severity: 'warning', finds: 'a limit of 0' },
  { id: 'campaign.leads', suite: 'campaigns', title: 'Campaign leads', severity: 'error', finds: 'no leads at all, or none left to contact' },
  { id: 'campaign.bounce-rate', suite: 'campaigns', title: 'Campaign bounce rate', severity: 'error' },
  { id: 'campaign.sending-status', suite: 'campaigns', title: 'Campaign sending status', severity: 'error', finds: "Instantly's own sending diagnostics" },
  { id: 'campaign.not-sending', suite: 'campaigns', title: 'Campaign not sending', severity: 'error' },
  { id: 'campaign.not-found', suite: 'campaigns', title: 'Campaign named for the launch gate exists', severity: 'error', finds: 'a campaign named for the launch gate is not in the workspace' },
  { id: 'campaign.stalled', suite: 'campaigns', title: 'Campaign stopped sending inside its schedule', severity: 'error', finds: "an Active campaign that sent nothing on its last scheduled days (error, since when) or far below its usual volume (warning), from daily analytics; added to Instantly's sending-status finding when that one fires, nothing when another finding names the cause" },
  // accounts: the senders of the checked campaigns and their domains
  { id: 'account.connection', suite: 'accounts', title: 'Account connection', severity: 'error', finds: 'SMTP/IMAP connection, soft-bounce or sending errors' },
  { id: 'account.paused', suite: 'accounts', title: 'Account paused while a campaign uses it', severity: 'warning' },
  { id: 'account.setup-pending', suite: 'accounts', title: 'Account setup pending', severity: 'warning' },
  { id: 'account.autofix-failed', suite: 'accounts', title: 'Account automatic reconnection failed', severity: 'error' },
  { id: 'account.warmup-status', suite: 'accounts', title: 'Account warmup status', severity: 'error', finds: 'warmup banned, suspended or paused' },
  { id: 'account.warmup-score', suite: 'accounts', title: 'Account warmup score', severity: 'error' },
  { id: 'account.warmup-health', suite: 'accounts', title: 'Account warmup health score', severity: 'error' },
  { id: 'domain.spf', suite: 'accounts', title: 'Sending domain SPF', severity: 'error' },
  { id: 'domain.dkim', suite: 'accounts', title: 'Sending domain DKIM', severity: 'error' },
  { id: 'domain.mx', suite: 'accounts', title: 'Sending domain MX', severity: 'error' },
  { id: 'domain.dmarc', suite: 'accounts', title: 'Sending domain DMARC', severity: 'warning' },
  { id: 'domain.vitals', suite: 'accounts', title: 'Sending domain DNS result', severity: 'warning', finds: 'Instantly lists the domain as failing its DNS checks without naming the record' },
  { id: 'domain.tracking', suite: 'accounts', title: 'Custom tracking domain active', severity: 'warning', finds: "custom tracking domain not working (confirmed with Instantly's status check; `CTD_ACTIVE` is healthy)" },
  { id: 'account.warmup-trend', suite: 'accounts', title: 'Account warmup inbox rate falling', severity: 'warning', finds: 'early warning: warmup inbox rate sliding' },
  { id: 'account.warmup-spam', suite: 'accounts', title: 'Account warmup mail landing in spam', severity: 'error', finds: 'early warning: warmup mail landing in spam' },
  { id: 'account.bounce-rate', suite: 'accounts', title: 'Account bounce rate', severity: 'error', finds: "early warning: the sender's own bounce rate" },
  { id: 'account.volume-cap', suite: 'accounts', title: 'Account sending at its daily limit', severity: 'warning', finds: 'early warning: a sender pushed against its daily limit' },
  { id: 'account.ramp', suite: 'accounts', title: 'New mailbox ramping up too fast', severity: 'warning', finds: 'a mailbox warmed up less than `accounts.ramp.new_days` days with a daily campaign limit above the ramp, or with Campaign Slow Ramp off' },
  // webhooks
  { id: 'webhook.status', suite: 'webhooks', title: 'Webhook disabled after delivery failures (status -1)', severity: 'error', finds: 'disabled after delivery failures' },
  { id: 'webhook.https', suite: 'webhooks', title: 'Webhook target is not https', severity: 'warning', finds: 'target is not https' },
  { id: 'webhook.failure-rate', suite: 'webhooks', title: 'Webhook delivery failure rate', severity: 'error' },
  { id: 'webhook.required-events', suite: 'webhooks', title: 'Required webhook event has no webhook', severity: 'error', finds: 'an event you need has no webhook' },
  { id: 'webhook.test', suite: 'webhooks', title: 'Webhook test delivery', severity: 'error', finds: 'test delivery (opt-in)' },
  // deliverability (opt-in)
  { id: 'deliverability.placement', suite: 'deliverability', title: 'Inbox placement: share landing in spam', severity: 'error', finds: 'opt-in suite, latest inbox placement test per campaign or sender group: share landing in spam overall and at Google, Microsoft and other providers' },
  { id: 'deliverability.blocklist', suite: 'deliverability', title: 'Sending domain or IP on a blocklist', severity: 'error', finds: 'sending domain or IP listed (names each list)' },
  { id: 'deliverability.spamassassin', suite: 'deliverability', title: 'SpamAssassin judges the test email spam', severity: 'error', finds: 'SpamAssassin calls the test email spam (names the top rules)' },
  { id: 'deliverability.recommendation', suite: 'deliverability', title: "Instantly's deliverability agent recommends an action", severity: 'warning', finds: "an open item of Instantly's deliverability agent, in Instantly's words" },
  // the engine: a suite that could not finish leaves one of these instead of silence
  { id: 'suite.scope', suite: 'any', title: 'Suite blocked by a missing API key scope', severity: 'unknown', finds: 'the key lacks a scope' },
  { id: 'suite.timeout', suite: 'any', title: 'Suite did not finish before the timeout', severity: 'unknown', finds: 'the `timeout` ran out' },
  { id: 'suite.error', suite: 'any', title: 'Suite failed on an API error', severity: 'unknown', finds: 'the API failed' },
  // the policy (src/checks/policy.ts)
  { id: 'config.ignore-expired', suite: 'any', title: 'Ignore entry expired', severity: 'warning', finds: 'an `ignore` entry is past its `until` date, so what it silenced counts again' },
] as const satisfies readonly CheckSpec[];

/** A check id; a misspelt one does not compile. */
export type CheckId = (typeof CHECK_CATALOGUE)[number]['id'];

export const CHECK_IDS: readonly CheckId[] = CHECK_CATALOGUE.map((c) => c.id);

const BY_ID: ReadonlyMap<string, CheckSpec> = new Map(CHECK_CATALOGUE.map((c) => [c.id, c]));

/** Narrows text read at the edge (config file, flags) to a known id. */
export function isCheckId(value: string): value is CheckId {
  return BY_ID.has(value);
}

export function checkSpec(id: CheckId): CheckSpec {
  // The map is built from the same table the type is, so every CheckId is in it.
  return BY_ID.get(id) as CheckSpec;
}

/** The checks of one suite, in report order (`any` checks are listed apart). */
export function checksOfSuite(suite: SuiteName | 'any'): readonly CheckSpec[] {
  return CHECK_CATALOGUE.filter((c) => c.suite === suite);
}

/**
 * The suite a check belongs to. The engine's and the policy's own checks (`any`) go with
 * `auth`, the suite about the workspace as a whole.
 */
export function suiteOfCheck(id: CheckId): SuiteName {
  const { suite } = checkSpec(id);
  return suite === 'any' ? 'auth' : suite;
}
