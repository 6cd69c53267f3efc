/** What each account problem does to an account and to the profile its daily series come from. */
import type { ProblemName } from './problems.js';
import type { Random } from './random.js';
import { DAY_MS, isoAt } from './time.js';
import type { Account, AccountProfile } from './types.js';

/** SMTP errors as Instantly shows them in `status_message` (docs/instantly-api.md, "Accounts"). */
export const SMTP_ERRORS = {
  // As real accounts show it: often no `response` and no `responseCode`
  // (docs/instantly-api.md, "Accounts").
  connection: {
    code: 'EAUTH',
    command: 'AUTH XOAUTH2',
    e_message: "error: can't create new access token for user",
  },
  softBounce: {
    code: 'EENVELOPE',
    command: 'DATA',
    response:
      '550-5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852',
    e_message: 'Message failed: 550-5.4.5 Daily user sending limit exceeded.',
    responseCode: 550,
  },
  sending: {
    code: 'EMESSAGE',
    command: 'DATA',
    response: '554 5.7.1 Message rejected: Email address is not verified.',
    e_message: 'Message failed: 554 5.7.1 Message rejected: Email address is not verified.',
    responseCode: 554,
  },
} as const;

export function injectAccountProblem(
  problem: ProblemName,
  account: Account,
  profile: AccountProfile,
  rng: Random,
  nowMs: number,
): void {
  switch (problem) {
    case 'account.connection_error':
      account.status = -1;
      account.status_message = { ...SMTP_ERRORS.connection };
      break;
    case 'account.soft_bounce_error':
      account.status = -2;
      account.status_message = { ...SMTP_ERRORS.softBounce };
      break;
    case 'account.sending_error':
      account.status = -3;
      account.status_message = { ...SMTP_ERRORS.sending };
      break;
    case 'account.paused':
      account.status = 2;
      break;
    case 'account.setup_pending':
      account.setup_pending = true;
      break;
    case 'account.autofix_failed':
      account.status = -1;
      account.autofix_failed = true;
      account.status_message = { ...SMTP_ERRORS.connection };
      break;
    case 'account.warmup_banned':
      account.warmup_status = -1;
      break;
    case 'account.warmup_suspended':
      account.warmup_status = -3;
      break;
    case 'account.warmup_paused':
      account.warmup_status = 0;
      break;
    case 'account.warmup_spam_folder_unknown':
      account.warmup_status = -2;
      break;
    case 'account.low_warmup_score':
      account.stat_warmup_score = rng.int(40, 55);
      break;
    case 'account.low_warmup_health':
      profile.inboxRate = 0.55;
      break;
    case 'account.no_warmup_data':
      profile.noWarmupData = true;
      account.stat_warmup_score = null;
      break;
    case 'account.warmup_sliding':
      profile.inboxRate = 0.96;
      profile.recentInboxRate = 0.7;
      break;
    case 'account.warmup_spam_heavy':
      profile.recentSpamRate = 0.2;
      break;
    case 'account.warmup_one_day_dip':
      profile.dipDaysAgo = 2;
      break;
    case 'account.high_bounce_rate':
      profile.bounceRate = 0.08;
      profile.sendShare = Math.max(profile.sendShare, 0.6);
      break;
    case 'account.at_volume_cap':
      profile.sendShare = 1;
      break;
    case 'account.ramp_too_fast':
      // Warmup started 5 days ago, already at 50 a day, slow ramp off (src/checks/ramp.ts).
      account.timestamp_warmup_start = isoAt(nowMs - 5 * DAY_MS);
      account.daily_limit = 50;
      account.enable_slow_ramp = false;
      break;
    case 'account.new_and_ramping':
      // As new, but within the ramp and with slow ramp on: no finding.
      account.timestamp_warmup_start = isoAt(nowMs - 5 * DAY_MS);
      account.daily_limit = 15;
      account.enable_slow_ramp = true;
      break;
    default:
      break;
  }
  account.timestamp_updated = isoAt(nowMs - DAY_MS);
}
