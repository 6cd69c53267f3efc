import type { AccountsConfig } from '../config/schema.js';
import type { Account, AccountDailyRow, WarmupDay } from '../instantly/schemas/accounts.js';
import type { Finding, Severity } from '../model/report.js';
import { accountHints } from './account-hints.js';
import { ACCOUNT_CHECK, accountFindingMaker } from './account-checks.js';
import { percent, plural } from '../report/format.js';

/**
 * Early warnings: pure evaluation of a sender's daily series (warmup per day from
 * `email_date_data`, sending per day from `GET /accounts/analytics/daily`). These catch a sender
 * sliding before any status field turns red. Each rule needs a minimum sample, so a one-day dip
 * or a handful of emails is noise, not a warning.
 */

/** Warmup emails a window needs before its inbox or spam rate means anything. */
export const MIN_WARMUP_SENT = 20;
/**
 * A window of this many days or more is judged without its worst day: one bad day (a provider
 * hiccup) moves a week's average, but it is not a trend, so it alone never makes a warning.
 */
export const TRIM_FROM_DAYS = 3;
/**
 * The warmup-trend split. Instantly's warmup analytics answers a fixed trailing 7 days whatever
 * is asked (docs/instantly-api.md, "Accounts"), so there is no "week before" to compare with: the
 * answer's newest TREND_RECENT_DAYS days are compared with the TREND_BEFORE_DAYS days before them.
 */
export const TREND_RECENT_DAYS = 3;
export const TREND_BEFORE_DAYS = 4;

/** Days at the cap before it is a pattern rather than one busy day. */
export const MIN_CAP_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole UTC days from `date` (YYYY-MM-DD) back to `now`'s day: 0 is today. */
function daysAgo(date: string, now: Date): number | undefined {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) return undefined;
  return Math.floor(now.getTime() / DAY_MS) - Math.floor(ms / DAY_MS);
}

interface WarmupTotals {
  sent: number;
  inbox: number;
  spam: number;
}

interface WarmupWindow extends WarmupTotals {
  /** The days that sent anything. */
  days: WarmupTotals[];
}

function warmupWindow(
  series: Readonly<Record<string, WarmupDay>>,
  now: Date,
  from: number,
  to: number,
): WarmupWindow {
  const window: WarmupWindow = { sent: 0, inbox: 0, spam: 0, days: [] };
  for (const [date, day] of Object.entries(series)) {
    const back = daysAgo(date, now);
    if (back === undefined || back < from || back > to) continue;
    const sent = day.sent ?? 0;
    if (sent <= 0) continue;
    const totals = { sent, inbox: day.landed_inbox ?? 0, spam: day.landed_spam ?? 0 };
    window.sent += totals.sent;
    window.inbox += totals.inbox;
    window.spam += totals.spam;
    window.days.push(totals);
  }
  return window;
}

/** The window's rate of `part`, without its worst day (the one where `part` is worst) once it is long enough. */
function robustRate(
  window: WarmupWindow,
  part: (t: WarmupTotals) => number,
  worse: (a: number, b: number) => boolean,
): number {
  let sent = window.sent;
  let count = part(window);
  if (window.days.length >= TRIM_FROM_DAYS) {
    let worst: WarmupTotals | undefined;
    for (const day of window.days) {
      if (!worst || worse(part(day) / day.sent, part(worst) / worst.sent)) worst = day;
    }
    if (worst) {
      sent -= worst.sent;
      count -= part(worst);
    }
  }
  return sent > 0 ? count / sent : 0;
}

const inboxOf = (t: WarmupTotals) => t.inbox;
const spamOf = (t: WarmupTotals) => t.spam;
const lower = (a: number, b: number) => a < b;
const higher = (a: number, b: number) => a > b;

/** The newest date (YYYY-MM-DD) of the answer, as days back from `now`; undefined when none reads. */
function newestDay(series: Readonly<Record<string, WarmupDay>>, now: Date): number | undefined {
  let newest: number | undefined;
  for (const date of Object.keys(series)) {
    const back = daysAgo(date, now);
    if (back !== undefined && back >= 0 && (newest === undefined || back < newest)) newest = back;
  }
  return newest;
}

/**
 * Warmup deliverability of one sender from its per-day warmup data (`email_date_data`, the
 * fixed trailing 7 days Instantly answers, zero counts left out):
 *
 * - `account.warmup-trend`: the inbox rate of the answer's newest TREND_RECENT_DAYS days against
 *   the TREND_BEFORE_DAYS days before them; a drop of `inbox_drop` or more (in points) is a
 *   warning. Each side needs MIN_WARMUP_SENT emails, and the drop must hold without the recent
 *   side's worst day, so a one-day dip is not a trend.
 * - `account.warmup-spam`: the share of the last `trend.window_days` days' warmup mail that
 *   landed in spam, against `spam_rate`, also without the worst day (TRIM_FROM_DAYS).
 */
export function evaluateWarmupSeries(
  email: string,
  series: Readonly<Record<string, WarmupDay>>,
  config: Pick<AccountsConfig, 'trend' | 'spam_rate'>,
  now: Date,
): Finding[] {
  const make = accountFindingMaker(email);
  const w = config.trend.window_days;
  const recent = warmupWindow(series, now, 0, w - 1);
  const findings: Finding[] = [];

  const newest = newestDay(series, now);
  if (newest !== undefined) {
    const last = warmupWindow(series, now, newest, newest + TREND_RECENT_DAYS - 1);
    const before = warmupWindow(
      series,
      now,
      newest + TREND_RECENT_DAYS,
      newest + TREND_RECENT_DAYS + TREND_BEFORE_DAYS - 1,
    );
    if (last.sent >= MIN_WARMUP_SENT && before.sent >= MIN_WARMUP_SENT) {
      const was = before.inbox / before.sent;
      const is = last.inbox / last.sent;
      const drop = was - is;
      if (was - robustRate(last, inboxOf, lower) >= config.trend.inbox_drop) {
        findings.push(
          make({
            check: ACCOUNT_CHECK.warmupTrend,
            severity: 'warning',
            message: `Warmup inbox rate is falling: inbox ${whole(was)} → ${whole(is)} (the last ${TREND_RECENT_DAYS} days against the ${TREND_BEFORE_DAYS} before; down ${points(drop)}; warning at ${points(config.trend.inbox_drop)}).`,
            remediation: accountHints.warmupTrend,
            evidence: {
              recent_days: TREND_RECENT_DAYS,
              before_days: TREND_BEFORE_DAYS,
              inbox_rate_before: round(was),
              inbox_rate: round(is),
              drop: round(drop),
              threshold: config.trend.inbox_drop,
              sent_before: before.sent,
              sent: last.sent,
            },
          }),
        );
      }
    }
  }

  if (recent.sent >= MIN_WARMUP_SENT) {
    const rate = recent.spam / recent.sent;
    const judged = robustRate(recent, spamOf, higher);
    const { warning, error } = config.spam_rate;
    const severity: Severity | undefined =
      judged >= error ? 'error' : judged >= warning ? 'warning' : undefined;
    const threshold = severity === 'error' ? error : warning;
    if (severity) {
      findings.push(
        make({
          check: ACCOUNT_CHECK.warmupSpam,
          severity,
          message: `${percent(round(rate))} of warmup mail landed in spam over the last ${plural(w, 'day')} (${recent.spam} of ${recent.sent}; ${severity} at ${percent(threshold)}).`,
          remediation: accountHints.warmupSpam,
          evidence: {
            window_days: w,
            spam_rate: round(rate),
            landed_spam: recent.spam,
            sent: recent.sent,
            threshold,
          },
        }),
      );
    }
  }
  return findings;
}

/**
 * Sending of one sender over the bounce window from `GET /accounts/analytics/daily` (rows dated
 * within the last `bounce_rate.window_days` whole days; today, still under way, is left out):
 *
 * - `account.bounce-rate`: bounced ÷ sent against `bounce_rate`, once `min_sent` emails went out.
 * - `account.volume-cap`: a warning when on MIN_CAP_DAYS days or more (every day of a shorter
 *   window) the sender sent `volume_near_cap` of its `daily_limit` or more: it has no headroom,
 *   and a mailbox run at its cap is the one providers throttle first.
 */
export function evaluateSending(
  account: Pick<Account, 'email' | 'daily_limit'>,
  rows: readonly AccountDailyRow[],
  config: Pick<AccountsConfig, 'bounce_rate' | 'volume_near_cap'>,
  now: Date,
): Finding[] {
  const make = accountFindingMaker(account.email);
  const w = config.bounce_rate.window_days;
  const days = rows.filter((r) => {
    const back = daysAgo(r.date, now);
    return back !== undefined && back >= 1 && back <= w;
  });
  const findings: Finding[] = [];

  const sent = days.reduce((s, r) => s + Math.max(0, r.sent), 0);
  const bounced = days.reduce((s, r) => s + Math.max(0, r.bounced), 0);
  const { warning, error, min_sent } = config.bounce_rate;
  if (sent > 0 && sent >= min_sent) {
    const rate = bounced / sent;
    const severity: Severity | undefined =
      rate >= error ? 'error' : rate >= warning ? 'warning' : undefined;
    if (severity) {
      const threshold = severity === 'error' ? error : warning;
      findings.push(
        make({
          check: ACCOUNT_CHECK.bounceRate,
          severity,
          message: `Bounce rate is ${percent(round(rate))} over the last ${plural(w, 'day')} (${bounced} of ${sent} sent; ${severity} at ${percent(threshold)}).`,
          remediation: accountHints.bounceRate,
          evidence: { window_days: w, bounced, sent, rate: round(rate), threshold },
        }),
      );
    }
  }

  const limit = account.daily_limit;
  if (typeof limit === 'number' && limit > 0) {
    const near = config.volume_near_cap * limit;
    const atCap = days.filter((r) => r.sent >= near);
    const needDays = Math.min(MIN_CAP_DAYS, w);
    if (atCap.length >= needDays) {
      findings.push(
        make({
          check: ACCOUNT_CHECK.volumeCap,
          severity: 'warning',
          message: `Sent ${percent(config.volume_near_cap)} or more of its daily limit (${limit}) on ${atCap.length} of the last ${plural(w, 'day')}.`,
          remediation: accountHints.volumeCap,
          evidence: {
            window_days: w,
            daily_limit: limit,
            threshold: config.volume_near_cap,
            days_at_cap: atCap.length,
            sent_per_day: days
              .slice()
              .sort((a, b) => (a.date < b.date ? -1 : 1))
              .map((r) => r.sent),
          },
        }),
      );
    }
  }
  return findings;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A rate as whole percent, "96 %". */
function whole(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

function points(fraction: number): string {
  return plural(Math.round(fraction * 100), 'point');
}
