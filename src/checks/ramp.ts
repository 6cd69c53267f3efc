import type { AccountsConfig } from '../config/schema.js';
import type { Account } from '../instantly/schemas/accounts.js';
import type { CheckId } from '../model/checks.js';
import type { Finding } from '../model/report.js';
import { finding } from './finding.js';

/**
 * Sender ramp-up: a mailbox whose warmup started recently should not yet be at a full daily
 * campaign limit, and should ramp slowly. Pure; the accounts suite calls it per sender in scope.
 *
 * Defaults (README, "Config file", `accounts.ramp`): Instantly's help centre ("Account and
 * Campaign Limits") recommends a daily campaign limit of 30 per account and says its Campaign
 * Slow Ramp adds 2 campaign emails a day until the limit; the usual advice, Instantly's included,
 * is about two weeks of warmup before full volume. So during the first `new_days` (14) days the
 * allowed limit is `start + per_day × days since warmup started`, at most `max_daily_limit`.
 */

export const RAMP_CHECK = 'account.ramp' satisfies CheckId;

export type RampConfig = AccountsConfig['ramp'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The daily campaign limit the ramp allows `days` whole days after warmup started. */
export function allowedLimit(config: RampConfig, days: number): number {
  return Math.min(config.max_daily_limit, config.start + config.per_day * Math.max(0, days));
}

export function evaluateRamp(account: Account, config: RampConfig, now: Date): Finding[] {
  if (!config.enabled || !account.timestamp_warmup_start) return [];
  const started = Date.parse(account.timestamp_warmup_start);
  if (Number.isNaN(started)) return [];
  const days = Math.floor((now.getTime() - started) / DAY_MS);
  if (days >= config.new_days) return [];
  const resource = { type: 'account' as const, id: account.email };
  const since = account.timestamp_warmup_start.slice(0, 10);
  const age = days === 1 ? '1 day' : `${Math.max(0, days)} days`;
  const out: Finding[] = [];
  const limit = account.daily_limit;
  const allowed = allowedLimit(config, days);
  if (typeof limit === 'number' && limit > allowed) {
    out.push(
      finding({
        check: RAMP_CHECK,
        suite: 'accounts',
        severity: 'warning',
        resource,
        message: `Mailbox warmup started ${age} ago (${since}) but its daily campaign limit is ${limit}; the ramp allows ${allowed} a day at this age.`,
        remediation: `Lower the account's daily campaign limit to ${allowed} (Instantly → Email Accounts → the account → Settings → Daily campaign limit) and raise it as the mailbox ages, or turn on Campaign Slow Ramp. Tune the ramp in \`accounts.ramp\`.`,
        evidence: {
          daily_limit: limit,
          allowed,
          warmup_started: account.timestamp_warmup_start,
          days_since_warmup_start: days,
        },
        discriminator: 'limit',
      }),
    );
  }
  if (config.require_slow_ramp && account.enable_slow_ramp === false) {
    out.push(
      finding({
        check: RAMP_CHECK,
        suite: 'accounts',
        severity: 'warning',
        resource,
        message: `Campaign Slow Ramp is off on a mailbox whose warmup started ${age} ago (${since}).`,
        remediation:
          "Turn on Campaign Slow Ramp for the account (Instantly → Email Accounts → the account → Settings): it raises the account's campaign sending by 2 emails a day until its daily limit.",
        evidence: {
          enable_slow_ramp: false,
          warmup_started: account.timestamp_warmup_start,
          days_since_warmup_start: days,
        },
        discriminator: 'slow-ramp',
      }),
    );
  }
  return out;
}
