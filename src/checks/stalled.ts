import type { CampaignsConfig } from '../config/schema.js';
import {
  CAMPAIGN_STATUS,
  type Campaign,
  type CampaignDailyRow,
} from '../instantly/schemas/campaigns.js';
import type { CheckId } from '../model/checks.js';
import type { Finding, Severity } from '../model/report.js';
import { campaignHints } from './campaign-hints.js';
import { dateIn } from './campaign-checks.js';
import { finding } from './finding.js';

/**
 * Stalled campaigns: an Active campaign that sent nothing on days its schedule covered, or far
 * less than usual, read from `GET /campaigns/analytics/daily` (docs/instantly-api.md, "Campaign
 * analytics"). Pure: the suite fetches the rows and folds the verdict into its findings, so a
 * cause the other checks already name (sending status, no senders, …) is explained by the
 * verdict rather than reported twice.
 */

export const STALLED_CHECK = 'campaign.stalled' satisfies CheckId;

export type StalledConfig = CampaignsConfig['stalled'];

export interface StalledVerdict {
  kind: 'stalled' | 'dropped';
  /** Scheduled days judged, oldest first. */
  judged: string[];
  /** Stalled: the first of the trailing scheduled days with nothing sent. */
  since?: string;
  /** Stalled: how many scheduled days in a row sent nothing. */
  days?: number;
  /** The last day anything was sent inside the window, with its count. */
  lastSent?: { date: string; sent: number };
  /** Dropped: the last scheduled day and the usual (median) volume of the days before it. */
  latest?: { date: string; sent: number };
  usual?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The query window: `window_days` whole days before today plus today, so the range holds
 * `window_days + 1` days (both ends included, at most 31: docs/instantly-api.md).
 */
export function dailyWindow(now: Date, windowDays: number): { start: string; end: string } {
  const end = now.toISOString().slice(0, 10);
  const start = new Date(Date.parse(`${end}T00:00:00.000Z`) - windowDays * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { start, end };
}

/**
 * Schedule `days` keys are weekdays with "0" = Sunday, as JavaScript's getUTCDay: the document
 * does not say, but a live campaign with "1".."6" on sent on a Saturday and nothing on the Sunday
 * (test/fixtures/real/leonidsvb__campaign_1_daily_analytics.json; docs/instantly-api.md).
 */
export function weekdayKey(date: string): string {
  return String(new Date(`${date}T00:00:00.000Z`).getUTCDay());
}

function covered(campaign: Campaign, date: string): boolean {
  return campaign.campaign_schedule.schedules.some((s) => s.days[weekdayKey(date)] === true);
}

/**
 * The scheduled days that are over, oldest first: inside the window, before today both where the
 * campaign sends and in UTC (which of the two dates the rows use is not documented), not before
 * the campaign's start date (or its creation, when the start date is empty) and not after its
 * end date.
 */
export function judgedDays(campaign: Campaign, now: Date, windowDays: number): string[] {
  const schedule = campaign.campaign_schedule;
  const tz = schedule.schedules[0]?.timezone;
  const todayHere = dateIn(now, tz);
  const todayUtc = now.toISOString().slice(0, 10);
  const today = todayHere < todayUtc ? todayHere : todayUtc;
  const created = dateIn(new Date(Date.parse(campaign.timestamp_created)), tz);
  const startDate = schedule.start_date ? schedule.start_date.slice(0, 10) : '';
  const start = startDate > created ? startDate : created;
  const end = schedule.end_date ? schedule.end_date.slice(0, 10) : undefined;
  const days: string[] = [];
  const todayMs = Date.parse(`${today}T00:00:00.000Z`);
  for (let back = windowDays; back >= 1; back--) {
    const date = new Date(todayMs - back * DAY_MS).toISOString().slice(0, 10);
    // A campaign started on day D may first send the day after: D itself is not judged.
    if (date <= start) continue;
    if (end !== undefined && date > end) continue;
    if (covered(campaign, date)) days.push(date);
  }
  return days;
}

/**
 * The verdict on one Active campaign, or undefined when it sends as usual or cannot be judged:
 * no scheduled day is over yet, no lead is left (`leadsLeft` 0; a finished list is not a stall),
 * or the daily limit is 0 (already its own warning).
 */
export function judgeDailySending(
  input: { campaign: Campaign; rows: readonly CampaignDailyRow[]; leadsLeft?: number },
  config: StalledConfig,
  now: Date,
): StalledVerdict | undefined {
  const { campaign } = input;
  if (campaign.status !== CAMPAIGN_STATUS.active) return undefined;
  if (input.leadsLeft === 0 || campaign.daily_limit === 0) return undefined;
  const judged = judgedDays(campaign, now, config.window_days);
  if (judged.length === 0) return undefined;
  // Days without a row sent nothing (the live API leaves gaps, as the fixture shows).
  const sent = new Map<string, number>();
  for (const row of input.rows) {
    const date = row.date.slice(0, 10);
    sent.set(date, (sent.get(date) ?? 0) + (row.sent ?? 0));
  }
  const sentOn = (date: string): number => sent.get(date) ?? 0;
  const lastSentDate = [...sent.entries()]
    .filter(([, n]) => n > 0)
    .map(([d]) => d)
    .sort()
    .pop();
  const lastSent =
    lastSentDate === undefined ? undefined : { date: lastSentDate, sent: sentOn(lastSentDate) };

  let run = 0;
  for (let i = judged.length - 1; i >= 0 && sentOn(judged[i] ?? '') === 0; i--) run++;
  if (run > 0) {
    return {
      kind: 'stalled',
      judged,
      since: judged[judged.length - run],
      days: run,
      ...(lastSent && { lastSent }),
    };
  }

  const latestDate = judged[judged.length - 1] ?? '';
  const baseline = judged
    .slice(0, -1)
    .map(sentOn)
    .filter((n) => n > 0);
  if (baseline.length < 3) return undefined;
  const usual = median(baseline);
  const latest = sentOn(latestDate);
  if (usual < config.min_usual_sent || latest >= usual * config.drop_fraction) return undefined;
  return { kind: 'dropped', judged, latest: { date: latestDate, sent: latest }, usual };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** One sentence stating what the daily analytics show. */
export function describeVerdict(v: StalledVerdict): string {
  if (v.kind === 'dropped') {
    return `On ${v.latest?.date} it sent ${v.latest?.sent} emails, against a usual ${Math.round(v.usual ?? 0)} a scheduled day.`;
  }
  const days = v.days === 1 ? '1 scheduled day' : `${v.days} scheduled days in a row`;
  const last = v.lastSent
    ? ` (last sent ${v.lastSent.date}: ${v.lastSent.sent} emails)`
    : v.since === v.judged[0]
      ? ` (nothing sent in the ${v.judged.length} scheduled days checked)`
      : '';
  return `It has sent nothing since ${v.since} (${days})${last}.`;
}

function evidenceOf(v: StalledVerdict): Record<string, unknown> {
  return v.kind === 'dropped'
    ? { daily: { kind: 'dropped', latest: v.latest, usual: v.usual } }
    : {
        daily: {
          kind: 'stalled',
          not_sent_since: v.since,
          scheduled_days_without_sending: v.days,
          ...(v.lastSent && { last_sent: v.lastSent }),
        },
      };
}

/**
 * Checks whose finding already names why a campaign does not send: with one of them, the daily
 * figures add no second finding for the same cause.
 */
const CAUSES: readonly string[] = [
  'campaign.not-sending',
  'campaign.senders',
  'campaign.daily-limit',
  'campaign.schedule',
  'campaign.leads',
  'campaign.status',
];

/**
 * Folds the verdict into the campaign's findings. Instantly's own diagnosis (a sending-status
 * warning or error) is confirmed: the figures are added to that finding. Another finding that
 * already names the cause is left as it is (it reads the same whether or not the sending status
 * could be fetched). Otherwise `campaign.stalled` stands alone: an error for a stall, a warning
 * for a drop; `sendingStatus` is quoted when it contradicts the figures (e.g. `healthy`).
 */
export function foldVerdict(
  findings: Finding[],
  campaign: Campaign,
  verdict: StalledVerdict | undefined,
  sendingStatus: string | null | undefined,
): Finding[] {
  if (!verdict) return findings;
  const named = (check: string) => (f: Finding) =>
    f.check === check && (f.severity === 'error' || f.severity === 'warning');
  const diagnosis = findings.findIndex(named('campaign.sending-status'));
  if (diagnosis >= 0) {
    const out = [...findings];
    const original = out[diagnosis];
    if (original) {
      out[diagnosis] = {
        ...original,
        message: `${original.message} Daily analytics: ${describeVerdict(verdict)}`,
        evidence: { ...original.evidence, ...evidenceOf(verdict) },
      };
    }
    return out;
  }
  if (CAUSES.some((check) => findings.some(named(check)))) return findings;
  const severity: Severity = verdict.kind === 'stalled' ? 'error' : 'warning';
  const said =
    typeof sendingStatus === 'string' ? ` Instantly's sending status says ${sendingStatus}.` : '';
  const message =
    verdict.kind === 'stalled'
      ? `Campaign is active but sent nothing on its scheduled days. ${describeVerdict(verdict)}${said}`
      : `Campaign sent far fewer emails than usual. ${describeVerdict(verdict)}${said}`;
  return [
    ...findings,
    finding({
      check: STALLED_CHECK,
      suite: 'campaigns',
      severity,
      resource: { type: 'campaign', id: campaign.id, name: campaign.name },
      message,
      remediation: verdict.kind === 'stalled' ? campaignHints.stalled : campaignHints.volumeDrop,
      evidence: {
        ...evidenceOf(verdict),
        ...(typeof sendingStatus === 'string' && { sending_status: sendingStatus }),
      },
      discriminator: verdict.kind,
    }),
  ];
}
