import type { CampaignsConfig } from '../config/schema.js';
import { ACCOUNT_STATUS_LABELS } from '../instantly/schemas/accounts.js';
import {
  CAMPAIGN_STATUS,
  CAMPAIGN_STATUS_LABELS,
  NOT_SENDING_STATUS_DESCRIPTIONS,
  type Campaign,
  type CampaignAnalytics,
  type SendingStatus,
} from '../instantly/schemas/campaigns.js';
import type { Finding, Resource, Severity } from '../model/report.js';
import { percent } from '../report/format.js';
import { campaignHints, sendingStatusHints, unknownSendingStatusHint } from './campaign-hints.js';
import { isActive } from './campaign-selection.js';
import { finding, type FindingInput } from './finding.js';
import { sendersOf, type AccountIndex } from './senders.js';
import type { CheckId } from '../model/checks.js';

/**
 * Pure evaluation of one campaign: data in, findings out, no I/O. The suite (campaigns.ts) fetches
 * and calls this, so each rule is unit-tested against fixtures.
 */

export const CAMPAIGN_CHECK = {
  status: 'campaign.status',
  paused: 'campaign.paused',
  notFound: 'campaign.not-found',
  sequence: 'campaign.sequence',
  schedule: 'campaign.schedule',
  senders: 'campaign.senders',
  dailyLimit: 'campaign.daily-limit',
  leads: 'campaign.leads',
  bounceRate: 'campaign.bounce-rate',
  sendingStatus: 'campaign.sending-status',
  notSending: 'campaign.not-sending',
} as const satisfies Record<string, CheckId>;

/** What the analytics said about this campaign: its row, or `missing` when it had none. */
export type AnalyticsInput = CampaignAnalytics | 'missing' | undefined;

export interface CampaignEvaluationInput {
  campaign: Campaign;
  /**
   * The row over the bounce-rate window, for rates. Undefined when analytics could not be fetched
   * (the suite reports that once).
   */
  analytics?: AnalyticsInput;
  /**
   * The lifetime row (no date range), for lead counts; when the key is absent the `analytics`
   * row is read instead (callers that fetch only one). Present but undefined: not fetched.
   */
  leads?: AnalyticsInput;
  /** Undefined when not asked (not active, or `sending_status: false`) or not fetched. */
  sendingStatus?: SendingStatus;
  /** Undefined when the account list could not be fetched. */
  accounts?: AccountIndex;
}

export function evaluateCampaign(
  input: CampaignEvaluationInput,
  config: CampaignsConfig,
  now: Date,
): Finding[] {
  const { campaign } = input;
  const make = emitter(campaign);
  const leads = checkLeads(
    campaign,
    'leads' in input ? input.leads : input.analytics,
    config,
    make,
  );
  // Every lead contacted: the campaign finished its list, which the leads warning says once.
  const listFinished = leads.some((f) => f.evidence.remaining === 0);
  return [
    ...checkStatus(campaign, make),
    ...checkSequence(campaign, make),
    ...checkSchedule(campaign, now, make),
    ...checkSenders(campaign, input.accounts, make),
    ...checkDailyLimit(campaign, make),
    ...leads,
    ...checkBounceRate(input.analytics, config, make),
    ...checkSendingStatus(campaign, input.sendingStatus, now, make, listFinished),
    ...checkNotSending(campaign, make),
  ];
}

/** A launch-gate id that is not a campaign of the workspace: the gate must not pass. */
export function campaignNotFound(id: string): Finding {
  return finding({
    check: CAMPAIGN_CHECK.notFound,
    suite: 'campaigns',
    severity: 'error',
    resource: { type: 'campaign', id },
    message: `Campaign ${id} is not in this workspace.`,
    remediation: campaignHints.notFound,
    evidence: { id },
  });
}

/** A finding on the campaign: named fields, so a message and a fix cannot be swapped. */
export type Emit = (input: Omit<FindingInput, 'suite' | 'resource'>) => Finding;

export function emitter(campaign: Campaign): Emit {
  const resource: Resource = { type: 'campaign', id: campaign.id, name: campaign.name };
  return (input) => finding({ ...input, suite: 'campaigns', resource });
}

const NEGATIVE_STATUS: Readonly<Record<number, { message: string; hint: string }>> = {
  [CAMPAIGN_STATUS.accountsUnhealthy]: {
    message: 'Instantly stopped it because its sending accounts are unhealthy',
    hint: campaignHints.accountsUnhealthy,
  },
  [CAMPAIGN_STATUS.bounceProtect]: {
    message: 'Instantly paused it for a high bounce rate',
    hint: campaignHints.bounceProtect,
  },
  [CAMPAIGN_STATUS.accountSuspended]: {
    message: 'sending is suspended',
    hint: campaignHints.accountSuspended,
  },
};

function checkStatus(campaign: Campaign, make: Emit): Finding[] {
  const { status } = campaign;
  const negative = NEGATIVE_STATUS[status];
  const label = CAMPAIGN_STATUS_LABELS[status];
  if (negative && label) {
    return [
      make({
        check: CAMPAIGN_CHECK.status,
        severity: 'error',
        message: `Campaign is in ${label} (status ${status}): ${negative.message}.`,
        remediation: negative.hint,
        evidence: { status, label },
      }),
    ];
  }
  if (status === CAMPAIGN_STATUS.paused) {
    return [
      make({
        check: CAMPAIGN_CHECK.paused,
        severity: 'warning',
        message: 'Campaign is paused (status 2).',
        remediation: campaignHints.paused,
        evidence: {
          status,
          label: 'Paused',
        },
      }),
    ];
  }
  if (label === undefined) {
    return [
      make({
        check: CAMPAIGN_CHECK.status,
        severity: 'warning',
        message: `Campaign has a status Instantly does not document (${status}).`,
        remediation: campaignHints.unknownStatus,
        evidence: { status },
      }),
    ];
  }
  return [];
}

function checkSequence(campaign: Campaign, make: Emit): Finding[] {
  const steps = campaign.sequences?.[0]?.steps ?? [];
  if (steps.length === 0) {
    return [
      make({
        check: CAMPAIGN_CHECK.sequence,
        severity: 'error',
        message: 'Campaign sequence has no email steps.',
        remediation: campaignHints.noSteps,
        evidence: { steps: 0 },
        discriminator: 'no-steps',
      }),
    ];
  }
  const findings: Finding[] = [];
  steps.forEach((step, index) => {
    const stepNo = index + 1;
    const enabled = step.variants
      .map((variant, v) => ({ variant, letter: variantLetter(v) }))
      .filter(({ variant }) => variant.v_disabled !== true);
    if (enabled.length === 0) {
      findings.push(
        make({
          check: CAMPAIGN_CHECK.sequence,
          severity: 'error',
          message:
            step.variants.length === 0
              ? `Step ${stepNo} of the sequence has no variant.`
              : `Every variant of step ${stepNo} is disabled.`,
          remediation: campaignHints.allVariantsDisabled,
          evidence: { step: stepNo, variants: step.variants.length },
          discriminator: `step-${stepNo}`,
        }),
      );
      return;
    }
    const problems: string[] = [];
    for (const { variant, letter } of enabled) {
      // Later steps without a subject are sent as replies in the thread: that is intended.
      if (stepNo === 1 && variant.subject.trim() === '')
        problems.push(`variant ${letter} has no subject`);
      if (isBlankHtml(variant.body)) problems.push(`variant ${letter} has no body`);
    }
    if (problems.length > 0) {
      findings.push(
        make({
          check: CAMPAIGN_CHECK.sequence,
          severity: 'error',
          message: `Step ${stepNo}: ${problems.join(', ')}.`,
          remediation: campaignHints.emptyContent,
          evidence: { step: stepNo, problems },
          discriminator: `step-${stepNo}`,
        }),
      );
    }
  });
  return findings;
}

function variantLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/** A body of only tags, `&nbsp;` and whitespace (what an emptied editor leaves) sends nothing. */
function isBlankHtml(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/gi, '')
      .trim() === ''
  );
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function checkSchedule(campaign: Campaign, now: Date, make: Emit): Finding[] {
  const schedule = campaign.campaign_schedule;
  const entries = schedule.schedules;
  if (entries.length === 0) {
    return [
      make({
        check: CAMPAIGN_CHECK.schedule,
        severity: 'error',
        message: 'Campaign has no sending schedule.',
        remediation: campaignHints.noSchedule,
        evidence: {},
        discriminator: 'none',
      }),
    ];
  }
  const findings: Finding[] = [];
  if (!entries.some((s) => Object.values(s.days).some((on) => on))) {
    findings.push(
      make({
        check: CAMPAIGN_CHECK.schedule,
        severity: 'error',
        message: 'No sending day is enabled in the campaign schedule.',
        remediation: campaignHints.noDays,
        evidence: { schedules: entries.map((s) => ({ name: s.name, days: s.days })) },
        discriminator: 'no-days',
      }),
    );
  }
  entries.forEach((entry, index) => {
    const { from, to } = entry.timing;
    if (!TIME.test(from) || !TIME.test(to) || from >= to) {
      findings.push(
        make({
          check: CAMPAIGN_CHECK.schedule,
          severity: 'warning',
          message: `Schedule "${entry.name}" sends in an empty window (${from} to ${to}).`,
          remediation: campaignHints.badWindow,
          evidence: { schedule: entry.name, from, to, timezone: entry.timezone },
          discriminator: `window-${index + 1}`,
        }),
      );
    }
  });
  const end = schedule.end_date;
  if (isActive(campaign) && end) {
    const today = dateIn(now, entries[0]?.timezone);
    if (end < today) {
      findings.push(
        make({
          check: CAMPAIGN_CHECK.schedule,
          severity: 'warning',
          message: `Campaign schedule ended on ${end} but the campaign is still active.`,
          remediation: campaignHints.ended,
          evidence: { end_date: end, today },
          discriminator: 'ended',
        }),
      );
    }
  }
  return findings;
}

/**
 * Today's date (YYYY-MM-DD) where the campaign sends. An unknown timezone falls back to the
 * westernmost one (UTC-12), where every date ends last, so "ended" is never claimed too early.
 */
export function dateIn(now: Date, timeZone: string | undefined): string {
  try {
    if (timeZone) return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  } catch {
    // fall through
  }
  return new Date(now.getTime() - 12 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Account statuses that cannot send: paused and the three error states. */
const UNUSABLE_ACCOUNT = new Set([2, -1, -2, -3]);

function checkSenders(
  campaign: Campaign,
  accounts: AccountIndex | undefined,
  make: Emit,
): Finding[] {
  const emails = campaign.email_list ?? [];
  const tags = campaign.email_tag_list ?? [];
  if (emails.length === 0 && tags.length === 0) {
    return [
      make({
        check: CAMPAIGN_CHECK.senders,
        severity: 'error',
        message: 'Campaign has no sending accounts (empty email list and no account tag).',
        remediation: campaignHints.noSenders,
        evidence: { email_list: [], email_tag_list: [] },
        discriminator: 'none',
      }),
    ];
  }
  if (!accounts) return [];
  const senders = sendersOf(campaign, accounts);
  const findings: Finding[] = [];
  for (const email of senders.missingEmails) {
    findings.push(
      make({
        check: CAMPAIGN_CHECK.senders,
        severity: 'error',
        message: `Sending account ${email} is not in the workspace.`,
        remediation: campaignHints.missingSender,
        evidence: { email },
        discriminator: `missing:${email.toLowerCase()}`,
      }),
    );
  }
  for (const tag of senders.emptyTags) {
    findings.push(
      make({
        check: CAMPAIGN_CHECK.senders,
        severity: 'warning',
        message: `No account carries the sending tag ${tag}.`,
        remediation: campaignHints.emptyTag,
        evidence: { tag },
        discriminator: `tag:${tag}`,
      }),
    );
  }
  const unusable = senders.accounts.filter(
    (a) => a.status !== undefined && UNUSABLE_ACCOUNT.has(a.status),
  );
  if (senders.accounts.length === 0 || unusable.length === senders.accounts.length) {
    findings.push(
      make({
        check: CAMPAIGN_CHECK.senders,
        severity: 'error',
        message:
          senders.accounts.length === 0
            ? "None of the campaign's sending accounts exists in the workspace."
            : `None of the campaign's ${senders.accounts.length} sending accounts can send.`,
        remediation: campaignHints.noUsableSender,
        evidence: {
          senders: unusable.map((a) => ({
            email: a.email,
            status: a.status,
            label: a.status === undefined ? undefined : ACCOUNT_STATUS_LABELS[a.status],
          })),
        },
        discriminator: 'unusable',
      }),
    );
  }
  return findings;
}

function checkDailyLimit(campaign: Campaign, make: Emit): Finding[] {
  if (campaign.daily_limit !== 0) return [];
  return [
    make({
      check: CAMPAIGN_CHECK.dailyLimit,
      severity: 'warning',
      message: 'Campaign daily limit is 0: it sends nothing.',
      remediation: campaignHints.dailyLimitZero,
      evidence: { daily_limit: 0 },
    }),
  ];
}

function checkLeads(
  campaign: Campaign,
  analytics: AnalyticsInput,
  config: CampaignsConfig,
  make: Emit,
): Finding[] {
  // Completed campaigns are done with their leads; subsequences run after the main sequence.
  if (
    campaign.status === CAMPAIGN_STATUS.completed ||
    campaign.status === CAMPAIGN_STATUS.runningSubsequences ||
    analytics === undefined
  )
    return [];
  if (analytics === 'missing') {
    // Instantly leaves drafts out of its analytics until they have any: "no analytics yet" is
    // not a fault, and alone it does not block a launch (the suite names it in its details).
    if (campaign.status === CAMPAIGN_STATUS.draft) return [];
    return [
      make({
        check: CAMPAIGN_CHECK.leads,
        severity: 'unknown',
        message:
          'Instantly returned no analytics for this campaign, so its leads and bounce rate were not checked.',
        remediation: campaignHints.noAnalytics,
      }),
    ];
  }
  const { leads_count: leads, contacted_count: contacted } = analytics;
  // Real answers show leads_count 0 beside contacted leads on stopped and finished campaigns
  // (docs/instantly-api.md, "Campaign analytics"): the count is not "no leads" then, and what is
  // left cannot be told from it.
  if (leads === 0 && contacted > 0) return [];
  if (leads === 0) {
    return [
      make({
        check: CAMPAIGN_CHECK.leads,
        severity: 'error',
        message: 'Campaign has no leads.',
        remediation: campaignHints.noLeads,
        evidence: {
          leads_count: 0,
        },
      }),
    ];
  }
  const remaining = Math.max(0, leads - contacted);
  if (remaining < config.min_remaining_leads) {
    return [
      make({
        check: CAMPAIGN_CHECK.leads,
        severity: 'warning',
        message:
          remaining === 0
            ? `All ${leads} leads have been contacted: none is left to start the sequence.`
            : `Only ${remaining} of ${leads} leads are left to contact (minimum ${config.min_remaining_leads}).`,
        remediation: campaignHints.leadsExhausted,
        evidence: {
          leads_count: leads,
          contacted_count: contacted,
          remaining,
          min_remaining_leads: config.min_remaining_leads,
        },
        discriminator: 'exhausted',
      }),
    ];
  }
  return [];
}

function checkBounceRate(
  analytics: AnalyticsInput,
  config: CampaignsConfig,
  make: Emit,
): Finding[] {
  if (analytics === undefined || analytics === 'missing') return [];
  const { bounced_count: bounced, contacted_count: contacted } = analytics;
  const { warning, error, min_sent, window_days } = config.bounce_rate;
  if (contacted <= 0 || contacted < min_sent) return [];
  const rate = bounced / contacted;
  const severity: Severity | undefined =
    rate >= error ? 'error' : rate >= warning ? 'warning' : undefined;
  if (!severity) return [];
  return [
    make({
      check: CAMPAIGN_CHECK.bounceRate,
      severity,
      message: `Bounce rate is ${percent(rate)} over the last ${window_days} days (${bounced} of ${contacted} contacted leads; ${severity} at ${percent(severity === 'error' ? error : warning)}).`,
      remediation: campaignHints.bounceRate,
      evidence: {
        bounced_count: bounced,
        contacted_count: contacted,
        rate,
        threshold: severity === 'error' ? error : warning,
        window_days,
      },
    }),
  ];
}

type Outcome = Severity | 'ok';
const SENDING_STATUS_SEVERITY: Readonly<Record<string, Outcome>> = {
  healthy: 'ok',
  campaign_completed: 'ok',
  campaign_running_subsequences: 'ok',
  out_of_schedule: 'ok',
  daily_limit_met: 'ok',
  new_lead_limit_met: 'ok',
  domain_limit_reached: 'ok',
  follow_up_delay_not_met: 'ok',
  campaign_paused: 'warning',
  campaign_draft: 'warning',
  waiting_for_leads: 'warning',
  account_daily_limit_met: 'warning',
  waiting_for_esp_match: 'warning',
  campaign_bounce_protect: 'error',
  campaign_accounts_unhealthy: 'error',
  campaign_account_suspended: 'error',
  all_accounts_unhealthy: 'error',
  no_accounts_available: 'error',
};

/** A warning-level sending issue that has lasted this long is an error (docs/instantly-api.md, "Campaigns"). */
export const SENDING_ISSUE_ESCALATION_MS = 24 * 60 * 60 * 1000;

export function checkSendingStatus(
  campaign: Campaign,
  sending: SendingStatus | undefined,
  now: Date,
  make: Emit,
  listFinished = false,
): Finding[] {
  if (!sending) return [];
  // A campaign that contacted its whole list waits for leads by definition: that is a finished
  // list (the leads warning), not a sending fault, and never an error however long it waits.
  if (listFinished && sending.diagnostics?.status === 'waiting_for_leads') return [];
  const diagnostics = sending.diagnostics ?? null;
  const message = sending.summary?.status_message ?? undefined;
  const status = diagnostics?.status ?? null;
  if (status === null) {
    if (!isActive(campaign) || sending.summary?.status) return [];
    return [
      make({
        check: CAMPAIGN_CHECK.sendingStatus,
        severity: 'warning',
        message: 'Instantly has no sending data for this active campaign yet.',
        remediation: campaignHints.noSendingData,
        evidence: { diagnostics: null },
      }),
    ];
  }
  const known = SENDING_STATUS_SEVERITY[status];
  if (known === 'ok') return [];
  // `issue_first_seen_at` dates `current_status_code`, which can differ from the diagnosed status
  // (a completed campaign showed waiting_for_leads): it says how long *this* issue lasts only
  // when the two agree (docs/instantly-api.md, "Campaigns").
  const tracking = diagnostics?.issue_tracking;
  const firstSeen =
    tracking?.current_status_code === status
      ? (tracking.issue_first_seen_at ?? undefined)
      : undefined;
  const lastingMs = firstSeen ? now.getTime() - Date.parse(firstSeen) : Number.NaN;
  const escalated = known === 'warning' && lastingMs >= SENDING_ISSUE_ESCALATION_MS;
  const severity: Severity = known === undefined ? 'warning' : escalated ? 'error' : known;
  const what = message ? `${status}: ${message}` : status;
  const since = escalated && firstSeen ? ` (since ${firstSeen})` : '';
  return [
    make({
      check: CAMPAIGN_CHECK.sendingStatus,
      severity,
      message:
        known === undefined
          ? `Instantly reports an unknown sending state (${what}).`
          : `Instantly reports the campaign is not sending normally (${what})${since}.`,
      remediation: sendingStatusHints[status] ?? unknownSendingStatusHint,
      evidence: {
        status,
        ...(message !== undefined && { status_message: message }),
        ...(firstSeen !== undefined && { issue_first_seen_at: firstSeen }),
        ...(diagnostics?.issue_tracking?.consecutive_loops_with_issue !== undefined && {
          consecutive_loops_with_issue: diagnostics.issue_tracking.consecutive_loops_with_issue,
        }),
      },
    }),
  ];
}

function checkNotSending(campaign: Campaign, make: Emit): Finding[] {
  const value = campaign.not_sending_status;
  if (value === null || value === undefined) return [];
  if (value === 99) {
    return [
      make({
        check: CAMPAIGN_CHECK.notSending,
        severity: 'error',
        message: `Campaign is not sending because of an error (not_sending_status 99): ${NOT_SENDING_STATUS_DESCRIPTIONS[99] ?? ''}`,
        remediation: campaignHints.notSending99,
        evidence: { not_sending_status: 99 },
      }),
    ];
  }
  if (NOT_SENDING_STATUS_DESCRIPTIONS[value] !== undefined) return [];
  return [
    make({
      check: CAMPAIGN_CHECK.notSending,
      severity: 'warning',
      message: `Campaign has a not-sending reason Instantly does not document (${value}).`,
      remediation: campaignHints.unknownNotSending,
      evidence: { not_sending_status: value },
    }),
  ];
}
