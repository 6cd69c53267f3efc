/**
 * Data generated on request rather than stored: leads, daily warmup and sending series, and
 * sending-status diagnostics. Each is a pure function of the workspace data and its arguments,
 * hashed from the seed, so it is deterministic and costs no memory until asked for.
 */
import { CAMPAIGN_STATUS } from '../instantly/schemas/campaigns.js';
import { DAY_MS, dateAt, isoAt } from './time.js';
import type { SendingStatusDiagnostic } from './problems.js';
import { hashUnit } from './random.js';
import type { Account, AccountProfile, Campaign, SendingStatus, WorkspaceData } from './types.js';

// ---- Leads ----------------------------------------------------------------------------------

/** Lead ids sort by (campaign, index): the order `POST /leads/list` pages in. */
export function leadId(campaignOrder: number, index: number): string {
  const c = campaignOrder.toString(16).padStart(8, '0');
  const i = index.toString(16).padStart(12, '0');
  return `${c}-1ead-7000-8000-${i}`;
}

export function parseLeadId(id: string): { campaign: number; index: number } | undefined {
  const match = /^([0-9a-f]{8})-1ead-7000-8000-([0-9a-f]{12})$/.exec(id);
  if (!match?.[1] || !match[2]) return undefined;
  return { campaign: parseInt(match[1], 16), index: parseInt(match[2], 16) };
}

export type LeadStatusBucket =
  'bounced' | 'unsubscribed' | 'completed' | 'contacted' | 'not_contacted';

/** Leads are laid out in blocks whose sizes are the campaign's counts, so lists agree with analytics. */
export function leadBucket(data: WorkspaceData, campaign: number, index: number): LeadStatusBucket {
  const counts = data.leadCounts[campaign];
  if (!counts) return 'not_contacted';
  if (index < counts.bounced) return 'bounced';
  if (index < counts.bounced + counts.unsubscribed) return 'unsubscribed';
  if (index < counts.bounced + counts.unsubscribed + counts.completed) return 'completed';
  if (index < counts.contacted) return 'contacted';
  return 'not_contacted';
}

const LEAD_STATUS: Record<LeadStatusBucket, number> = {
  bounced: -1,
  unsubscribed: -2,
  completed: 3,
  contacted: 1,
  not_contacted: 1,
};

export function makeLead(
  data: WorkspaceData,
  campaignOrder: number,
  index: number,
  nowMs: number,
): Record<string, unknown> {
  const campaign = data.campaigns[campaignOrder];
  const bucket = leadBucket(data, campaignOrder, index);
  const company = `prospect-${Math.floor(hashUnit(data.seed, campaignOrder, index, 'co') * 5000) + 1}.com`;
  const created = Date.parse(campaign?.timestamp_created ?? isoAt(nowMs)) + index * 1000;
  const contacted = bucket !== 'not_contacted';
  const lastContact = contacted ? isoAt(Math.min(nowMs - DAY_MS, created + 3 * DAY_MS)) : null;
  return {
    id: leadId(campaignOrder, index),
    timestamp_created: isoAt(created),
    timestamp_updated: isoAt(Math.min(nowMs, created + 5 * DAY_MS)),
    organization: data.workspace.id,
    campaign: campaign?.id ?? null,
    status: LEAD_STATUS[bucket],
    email: `lead${index + 1}.c${campaignOrder + 1}@${company}`,
    first_name: 'Lead',
    last_name: String(index + 1),
    company_name: company.replace(/\.com$/, ''),
    email_open_count: contacted && hashUnit(data.seed, campaignOrder, index, 'o') < 0.45 ? 1 : 0,
    email_reply_count: contacted && hashUnit(data.seed, campaignOrder, index, 'r') < 0.04 ? 1 : 0,
    email_click_count: 0,
    company_domain: company,
    status_summary: contacted
      ? { lastStep: { stepID: 'step-1', timestamp_executed: lastContact } }
      : {},
    verification_status: bucket === 'bounced' ? -1 : 1,
    timestamp_last_contact: lastContact,
    upload_method: 'api',
  };
}

// ---- Warmup (POST /accounts/warmup-analytics) -------------------------------------------------

/**
 * Instantly's warmup analytics answers a fixed trailing 7 days whatever is asked
 * (test/fixtures/real/margentic__warmup_analytics_excerpt.json), today included.
 */
export const WARMUP_DAYS = 7;
export const RECENT_DAYS = 7;
/** A sliding sender starts sliding this many days ago, inside the answered week. */
const SLIDE_DAYS = 4;

export interface WarmupDay {
  sent: number;
  landed_inbox?: number;
  landed_spam?: number;
  received: number;
}

/** Per-day warmup for the last WARMUP_DAYS days (today included), oldest first. */
export function warmupDays(
  data: WorkspaceData,
  account: Account,
  profile: AccountProfile,
  nowMs: number,
): [string, WarmupDay][] {
  const days: [string, WarmupDay][] = [];
  const warmupStart = account.timestamp_warmup_start
    ? Date.parse(account.timestamp_warmup_start)
    : nowMs;
  for (let back = WARMUP_DAYS - 1; back >= 0; back--) {
    const dayMs = nowMs - back * DAY_MS;
    if (dayMs < warmupStart - DAY_MS) continue;
    const noise = hashUnit(data.seed, account.email, back, 'w');
    const sent = Math.max(1, Math.round(profile.warmupPerDay * (0.85 + noise * 0.3)));
    let inboxRate = profile.inboxRate + (noise - 0.5) * 0.01;
    let spamRate: number | undefined;
    if (back < RECENT_DAYS) {
      if (profile.recentInboxRate !== undefined) {
        // Slide linearly from the usual rate to the recent one over the last SLIDE_DAYS days, so
        // the drop reads as a trend inside the one week the API answers.
        const t = Math.max(0, (SLIDE_DAYS - back) / SLIDE_DAYS);
        inboxRate =
          profile.inboxRate + (profile.recentInboxRate - profile.inboxRate) * Math.min(1, t * 1.4);
      }
      if (profile.recentSpamRate !== undefined) spamRate = profile.recentSpamRate;
    }
    if (profile.dipDaysAgo === back) inboxRate = Math.max(0, profile.inboxRate - 0.3);
    inboxRate = Math.min(1, Math.max(0, inboxRate));
    // Whole emails whose mean is the rate: rounding to the nearest would turn 19 × 4 % into one
    // spam email every day (5.3 %), a bias no real mailbox has.
    const share = spamRate ?? 1 - inboxRate;
    const spam = Math.min(
      sent,
      Math.floor(sent * share + hashUnit(data.seed, account.email, back, 's')),
    );
    const inbox = sent - spam;
    const day: WarmupDay = { sent, received: sent };
    // Instantly leaves out a zero landed_inbox or landed_spam (the real capture above).
    if (inbox > 0) day.landed_inbox = inbox;
    if (spam > 0) day.landed_spam = spam;
    days.push([dateAt(dayMs), day]);
  }
  return days;
}

export function warmupAggregate(days: [string, WarmupDay][]): Record<string, number | string> {
  let sent = 0;
  let inbox = 0;
  let spam = 0;
  let received = 0;
  for (const [, day] of days) {
    sent += day.sent;
    inbox += day.landed_inbox ?? 0;
    spam += day.landed_spam ?? 0;
    received += day.received;
  }
  const score = sent === 0 ? 0 : Math.round((inbox / sent) * 100);
  const aggregate: Record<string, number | string> = {
    sent,
    received,
    health_score_label: `${score}%`,
    health_score: score,
  };
  if (inbox > 0) aggregate.landed_inbox = inbox;
  if (spam > 0) aggregate.landed_spam = spam;
  return aggregate;
}

// ---- Account daily analytics (GET /accounts/analytics/daily) -----------------------------------

export function accountDailyRow(
  data: WorkspaceData,
  account: Account,
  profile: AccountProfile,
  dayMs: number,
): Record<string, string | number> {
  const date = dateAt(dayMs);
  const noise = hashUnit(data.seed, account.email, date, 'd');
  const cap = account.daily_limit ?? 30;
  const sent =
    profile.sendShare >= 1 ? cap : Math.round(cap * profile.sendShare * (0.85 + noise * 0.3));
  // Whole bounces spread evenly over the days (the running total of `bounceRate` × the usual
  // volume, floored): any 7 days hold within one bounce of the rate, so the healthy baseline
  // (0.5 %) never reads as a bouncing sender by chance, and a bouncing one (8 %) always does.
  const perDay = profile.bounceRate * cap * Math.min(1, profile.sendShare);
  const phase = hashUnit(data.seed, account.email, 'bounce-phase');
  const dayNo = Math.floor(dayMs / DAY_MS);
  const bounced = Math.min(
    sent,
    Math.floor(perDay * (dayNo + 1) + phase) - Math.floor(perDay * dayNo + phase),
  );
  const contacted = Math.round(sent * 0.6);
  const opened = Math.round(contacted * 0.4);
  const replies = Math.round(contacted * 0.04);
  return {
    date,
    email_account: account.email,
    sent,
    bounced,
    contacted,
    new_leads_contacted: Math.round(contacted * 0.8),
    opened,
    unique_opened: opened,
    replies,
    unique_replies: replies,
    replies_automatic: 0,
    unique_replies_automatic: 0,
    clicks: 0,
    unique_clicks: 0,
  };
}

// ---- Campaign daily analytics (GET /campaigns/analytics/daily) -----------------------------------

/**
 * What one campaign sent on one UTC day. Active campaigns (1, and 4 for their subsequences) send
 * 70–90 % of their daily limit on the weekdays their schedule covers ("0" = Sunday), from the day
 * after their start; nothing otherwise. A campaign whose sending status is a problem has sent
 * nothing since the issue began (30 hours ago); `dailyPattern` stalls or cuts the last days.
 */
export function campaignDailySent(
  data: WorkspaceData,
  order: number,
  dayMs: number,
  nowMs: number,
): number {
  const campaign = data.campaigns[order];
  if (
    !campaign ||
    (campaign.status !== CAMPAIGN_STATUS.active &&
      campaign.status !== CAMPAIGN_STATUS.runningSubsequences)
  )
    return 0;
  const date = dateAt(dayMs);
  const start = campaign.campaign_schedule.start_date || campaign.timestamp_created.slice(0, 10);
  if (date <= start) return 0;
  const weekday = String(new Date(dayMs).getUTCDay());
  if (!campaign.campaign_schedule.schedules.some((s) => s.days[weekday] === true)) return 0;
  const diagnostic = data.sendingDiagnostic[order];
  if (diagnostic && PROBLEM_DIAGNOSTICS.has(diagnostic) && date >= dateAt(nowMs - 30 * 3_600_000))
    return 0;
  const pattern = data.dailyPattern.get(campaign.id);
  if (pattern === 'stalled' && date >= dateAt(nowMs - 3 * DAY_MS)) return 0;
  const usual = Math.round(
    (campaign.daily_limit ?? 100) * (0.7 + 0.2 * hashUnit(data.seed, campaign.id, date, 'c')),
  );
  if (pattern === 'dropped' && date >= dateAt(nowMs - 2 * DAY_MS)) return Math.round(usual * 0.1);
  // Today is under way: about half of a day's volume so far.
  return date === dateAt(nowMs) ? Math.round(usual / 2) : usual;
}

export function campaignDailyRow(sent: number, date: string): Record<string, string | number> {
  const contacted = Math.round(sent * 0.9);
  const opened = Math.round(contacted * 0.4);
  const replies = Math.round(contacted * 0.03);
  return {
    date,
    sent,
    contacted,
    new_leads_contacted: Math.round(contacted * 0.5),
    opened,
    unique_opened: opened,
    replies,
    unique_replies: replies,
    replies_automatic: 0,
    unique_replies_automatic: 0,
    clicks: 0,
    unique_clicks: 0,
    opportunities: 0,
    unique_opportunities: 0,
  };
}

// ---- Sending status (GET /campaigns/{id}/sending-status) -------------------------------------------

const SUMMARY_MESSAGES: Record<SendingStatusDiagnostic, string> = {
  healthy: 'Campaign is sending normally',
  campaign_paused: 'Campaign is paused',
  campaign_draft: 'Campaign has not been launched yet',
  campaign_completed: 'Campaign has completed',
  campaign_running_subsequences: 'Campaign is running subsequences',
  campaign_bounce_protect: 'Campaign was paused by bounce protection',
  campaign_accounts_unhealthy: 'Campaign has unhealthy sending accounts',
  campaign_account_suspended: 'Campaign account is suspended',
  out_of_schedule: 'Campaign is outside its sending schedule',
  waiting_for_leads: 'No leads are ready to be contacted',
  daily_limit_met: 'Campaign reached its daily sending limit',
  account_daily_limit_met: 'All sending accounts reached their daily limit',
  new_lead_limit_met: 'Campaign reached its daily new-lead limit',
  all_accounts_unhealthy: 'All sending accounts are unhealthy',
  waiting_for_esp_match: 'Waiting for a sender matching the ESP routing rules',
  domain_limit_reached: 'Per-domain sending limit reached',
  follow_up_delay_not_met: 'Follow-ups are waiting for their step delay',
  no_accounts_available: 'No sending accounts are available',
};

const PROBLEM_DIAGNOSTICS = new Set<SendingStatusDiagnostic>([
  'campaign_paused',
  'campaign_draft',
  'campaign_bounce_protect',
  'campaign_accounts_unhealthy',
  'campaign_account_suspended',
  'waiting_for_leads',
  'account_daily_limit_met',
  'all_accounts_unhealthy',
  'waiting_for_esp_match',
  'no_accounts_available',
]);

export function sendingStatus(data: WorkspaceData, order: number, nowMs: number): SendingStatus {
  const campaign: Campaign | undefined = data.campaigns[order];
  const status = data.sendingDiagnostic[order];
  const counts = data.leadCounts[order];
  if (!campaign || status === null || status === undefined || !counts)
    return { diagnostics: null, summary: null };
  const isIssue = PROBLEM_DIAGNOSTICS.has(status);
  const issueSince = isIssue ? isoAt(nowMs - 30 * 3_600_000) : null;
  const lastHealthy = isoAt(nowMs - (isIssue ? 31 : 0.05) * 3_600_000);
  const senders = campaign.email_list.length + campaign.email_tag_list.length * 3;
  const disconnected = status === 'all_accounts_unhealthy' ? senders : 0;
  const available =
    status === 'no_accounts_available' ||
    status === 'all_accounts_unhealthy' ||
    status === 'account_daily_limit_met'
      ? 0
      : senders;
  const dailyLimit = campaign.daily_limit ?? 100;
  const newLeadLimit = campaign.daily_max_leads;
  const diagnostics = {
    campaign_id: campaign.id,
    last_updated: isoAt(nowMs - 120_000),
    status,
    issue_tracking: {
      current_status_code: status,
      issue_first_seen_at: issueSince,
      consecutive_loops_with_issue: isIssue ? 180 : 0,
      last_healthy_send_at: lastHealthy,
    },
    accounts_summary: {
      total_connected: senders - disconnected,
      available,
      unavailable: {
        daily_limit_hit: status === 'account_daily_limit_met' ? senders : 0,
        slow_ramp_limit_hit: 0,
        disconnected,
        global_gap_not_met: 0,
      },
    },
    campaign_daily_limit: {
      limit: dailyLimit,
      sent: status === 'daily_limit_met' ? dailyLimit : Math.round(dailyLimit / 2),
      limit_hit: status === 'daily_limit_met',
    },
    new_lead_limit: {
      enabled: newLeadLimit !== null,
      limit: newLeadLimit,
      contacted:
        status === 'new_lead_limit_met' ? (newLeadLimit ?? 0) : Math.round((newLeadLimit ?? 0) / 2),
      limit_hit: status === 'new_lead_limit_met',
    },
    schedule_status: { in_schedule: status !== 'out_of_schedule' },
    send_one_by_one: { enabled: false, single_account_per_wait_gap: false },
    follow_ups_waiting: {
      count: status === 'follow_up_delay_not_met' ? 25 : 4,
      earliest_wait_time_seconds: 3600,
    },
    esp_routing_status: {
      enabled: status === 'waiting_for_esp_match',
      waiting_for_match: status === 'waiting_for_esp_match',
      connected_esps: [1, 2],
    },
    domain_limiter: {
      active: status === 'domain_limit_reached',
      domains_at_limit: status === 'domain_limit_reached' ? 3 : 0,
    },
    leads_status: {
      no_leads_ready: status === 'waiting_for_leads',
      account_unavailable_skips: 0,
      delay_not_met_skips: 0,
    },
  };
  return {
    diagnostics,
    summary: {
      status,
      status_message: SUMMARY_MESSAGES[status],
      issue_started_at: issueSince,
      last_healthy_send_at: lastHealthy,
      ai_summary: null,
    },
  };
}
