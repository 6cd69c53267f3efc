import type { AccountsConfig } from '../config/schema.js';
import {
  ACCOUNT_STATUS_LABELS,
  WARMUP_STATUS_LABELS,
  type Account,
  type CtdStatus,
  type DomainVitals,
  type VitalsResponse,
  type WarmupAggregate,
} from '../instantly/schemas/accounts.js';
import type { Campaign } from '../instantly/schemas/campaigns.js';
import type { Finding, Resource, Severity } from '../model/report.js';
import { accountHints } from './account-hints.js';
import { finding, type FindingInput } from './finding.js';
import type { CheckId } from '../model/checks.js';
import { unknownFromError } from './unknown.js';

/** Pure evaluation of accounts and their domains: data in, findings out, no I/O. */

export const ACCOUNT_CHECK = {
  connection: 'account.connection',
  paused: 'account.paused',
  setupPending: 'account.setup-pending',
  autofixFailed: 'account.autofix-failed',
  warmupStatus: 'account.warmup-status',
  warmupScore: 'account.warmup-score',
  warmupHealth: 'account.warmup-health',
  warmupTrend: 'account.warmup-trend',
  warmupSpam: 'account.warmup-spam',
  bounceRate: 'account.bounce-rate',
  volumeCap: 'account.volume-cap',
  spf: 'domain.spf',
  dkim: 'domain.dkim',
  mx: 'domain.mx',
  dmarc: 'domain.dmarc',
  vitals: 'domain.vitals',
  tracking: 'domain.tracking',
} as const satisfies Record<string, CheckId>;

const SUITE = 'accounts' as const;

export interface AccountEvaluationInput {
  account: Account;
  /** Active campaigns (status 1 or 4) that send from this account. */
  activeCampaigns: readonly Pick<Campaign, 'id' | 'name'>[];
  /** Campaigns of the launch gate that would send from this account (launch-gate.ts). */
  launching?: readonly Pick<Campaign, 'id' | 'name'>[];
  /**
   * The account's warmup-analytics aggregate; `missing` when the answer had none for it;
   * undefined when warmup analytics were not asked or could not be fetched.
   */
  warmup?: WarmupAggregate | 'missing';
}

export function evaluateAccount(input: AccountEvaluationInput, config: AccountsConfig): Finding[] {
  const { account } = input;
  const make = accountFindingMaker(account.email);
  return [
    ...checkConnection(input, make),
    ...(account.setup_pending
      ? [
          make({
            check: ACCOUNT_CHECK.setupPending,
            severity: 'warning',
            message: 'Account setup is pending.',
            remediation: accountHints.setupPending,
            evidence: { setup_pending: true },
          }),
        ]
      : []),
    ...(account.autofix_failed === true
      ? [
          make({
            check: ACCOUNT_CHECK.autofixFailed,
            severity: 'error',
            message: 'Instantly could not reconnect the account automatically.',
            remediation: accountHints.autofixFailed,
            evidence: { autofix_failed: true, ...smtpEvidence(account) },
          }),
        ]
      : []),
    ...checkWarmupStatus(account, make),
    ...checkScore(
      ACCOUNT_CHECK.warmupScore,
      'Warmup score',
      account.stat_warmup_score ?? null,
      config,
      make,
      { stat_warmup_score: account.stat_warmup_score },
    ),
    ...checkWarmupHealth(input, config, make),
  ];
}

/** A finding of the maker's resource: named fields, so a message and a fix cannot be swapped. */
export type Make = (input: Omit<FindingInput, 'suite' | 'resource'>) => Finding;

/** Builds the findings of one account, so every account check names it the same way. */
export function accountFindingMaker(email: string): Make {
  const resource: Resource = { type: 'account', id: email };
  return (input) => finding({ ...input, suite: SUITE, resource });
}

const CONNECTION_ERRORS: Readonly<Record<number, string>> = {
  [-1]: accountHints.connectionError,
  [-2]: accountHints.softBounce,
  [-3]: accountHints.sendingError,
};

function checkConnection(input: AccountEvaluationInput, make: Make): Finding[] {
  const { account, activeCampaigns } = input;
  const { status } = account;
  if (status === undefined) {
    return [
      make({
        check: ACCOUNT_CHECK.connection,
        severity: 'unknown',
        message: "Instantly did not report the account's connection status.",
        remediation: accountHints.noStatus,
        evidence: {},
      }),
    ];
  }
  const hint = CONNECTION_ERRORS[status];
  const label = ACCOUNT_STATUS_LABELS[status];
  if (hint && label) {
    const smtp = smtpText(account);
    return [
      make({
        check: ACCOUNT_CHECK.connection,
        severity: 'error',
        message: `Account has a ${label} (status ${status})${smtp ? `: ${smtp}` : ''}.`,
        remediation: hint,
        evidence: { status, label, ...smtpEvidence(account) },
      }),
    ];
  }
  if (status === 2) {
    const launching = input.launching ?? [];
    if (activeCampaigns.length === 0 && launching.length > 0) {
      return [
        make({
          check: ACCOUNT_CHECK.paused,
          severity: 'warning',
          message: 'Account is paused: a campaign launched now would send nothing from it.',
          remediation: accountHints.paused,
          evidence: { status, campaigns: launching.map((c) => ({ id: c.id, name: c.name })) },
        }),
      ];
    }
    if (activeCampaigns.length === 0) return [];
    const names = activeCampaigns.map((c) => c.name);
    return [
      make({
        check: ACCOUNT_CHECK.paused,
        severity: 'warning',
        message: `Account is paused but active campaigns send from it: ${listed(names)}.`,
        remediation: accountHints.paused,
        evidence: { status, campaigns: activeCampaigns.map((c) => ({ id: c.id, name: c.name })) },
      }),
    ];
  }
  if (label === undefined) {
    return [
      make({
        check: ACCOUNT_CHECK.connection,
        severity: 'warning',
        message: `Account has a status Instantly does not document (${status}).`,
        remediation: accountHints.unknownStatus,
        evidence: { status },
      }),
    ];
  }
  return [];
}

/** The SMTP reply people recognise ("550-5.4.5 Daily user sending limit exceeded"). */
function smtpText(account: Account): string | undefined {
  const m = account.status_message;
  return m?.response ?? m?.e_message ?? m?.code;
}

function smtpEvidence(account: Account): Record<string, unknown> {
  return account.status_message ? { status_message: account.status_message } : {};
}

function listed(names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

const WARMUP: Readonly<Record<number, { severity: Severity; hint: string }>> = {
  [-1]: { severity: 'error', hint: accountHints.warmupBanned },
  [-3]: { severity: 'error', hint: accountHints.warmupSuspended },
  [-2]: { severity: 'warning', hint: accountHints.warmupSpamUnknown },
  0: { severity: 'warning', hint: accountHints.warmupPaused },
};

function checkWarmupStatus(account: Account, make: Make): Finding[] {
  const status = account.warmup_status;
  if (status === 1) return [];
  const rule = WARMUP[status];
  const label = WARMUP_STATUS_LABELS[status];
  if (!rule || !label) {
    return [
      make({
        check: ACCOUNT_CHECK.warmupStatus,
        severity: 'warning',
        message: `Account has a warmup status Instantly does not document (${status}).`,
        remediation: accountHints.warmupUnknown,
        evidence: { warmup_status: status },
      }),
    ];
  }
  return [
    make({
      check: ACCOUNT_CHECK.warmupStatus,
      severity: rule.severity,
      message: `Warmup is ${label} (warmup_status ${status}).`,
      remediation: rule.hint,
      evidence: {
        warmup_status: status,
        label,
      },
    }),
  ];
}

/** Scores are 0-100 and worse when lower: below `error` is an error, below `warning` a warning. */
function checkScore(
  check: CheckId,
  what: string,
  score: number | null,
  config: AccountsConfig,
  make: Make,
  evidence: Record<string, unknown>,
): Finding[] {
  if (score === null) return [];
  const { warning, error } = config.warmup_score;
  const severity: Severity | undefined =
    score < error ? 'error' : score < warning ? 'warning' : undefined;
  if (!severity) return [];
  const threshold = severity === 'error' ? error : warning;
  return [
    make({
      check,
      severity,
      message: `${what} is ${score}, below ${threshold}.`,
      remediation: accountHints.lowScore,
      evidence: {
        ...evidence,
        threshold,
      },
    }),
  ];
}

function checkWarmupHealth(
  input: AccountEvaluationInput,
  config: AccountsConfig,
  make: Make,
): Finding[] {
  const { warmup, account } = input;
  if (warmup === undefined) return [];
  const score = warmup === 'missing' ? undefined : warmup.health_score;
  if (score === undefined) {
    // Without active warmup there is no data to expect, and warmup-status already says why.
    if (account.warmup_status !== 1) return [];
    return [
      make({
        check: ACCOUNT_CHECK.warmupHealth,
        severity: 'unknown',
        message: 'Instantly returned no warmup health score for this account.',
        remediation: accountHints.noWarmupData,
        evidence: {},
      }),
    ];
  }
  if (warmup === 'missing') return [];
  return checkScore(ACCOUNT_CHECK.warmupHealth, 'Warmup health score', score, config, make, {
    health_score: score,
    ...(warmup.health_score_label !== undefined && {
      health_score_label: warmup.health_score_label,
    }),
    sent: warmup.sent ?? 0,
    landed_inbox: warmup.landed_inbox ?? 0,
    landed_spam: warmup.landed_spam ?? 0,
  });
}

const RECORDS = [
  { key: 'spf', check: ACCOUNT_CHECK.spf, severity: 'error', label: 'SPF', hint: accountHints.spf },
  {
    key: 'dkim',
    check: ACCOUNT_CHECK.dkim,
    severity: 'error',
    label: 'DKIM',
    hint: accountHints.dkim,
  },
  { key: 'mx', check: ACCOUNT_CHECK.mx, severity: 'error', label: 'MX', hint: accountHints.mx },
  {
    key: 'dmarc',
    check: ACCOUNT_CHECK.dmarc,
    severity: 'warning',
    label: 'DMARC',
    hint: accountHints.dmarc,
  },
] as const satisfies readonly {
  key: keyof DomainVitals;
  severity: Severity;
  [k: string]: unknown;
}[];

/**
 * DNS results per sending domain. `requested` maps each domain asked about to the in-scope senders
 * on it (evidence for the reader). A domain in `failure_list` is failing even if it is also in
 * `success_list` (the document's own example has both); one in neither list has no result.
 */
export function evaluateDomains(
  vitals: VitalsResponse,
  requested: ReadonlyMap<string, readonly string[]>,
): Finding[] {
  const failing = byDomain(vitals.failure_list);
  const passing = byDomain(vitals.success_list);
  const findings: Finding[] = [];
  for (const [domain, senders] of requested) {
    const key = domain.toLowerCase();
    const failed = failing.get(key);
    const entry = failed ?? passing.get(key);
    const resource: Resource = { type: 'domain', id: key };
    const evidence = { senders: senders.slice(0, 5), sender_count: senders.length };
    if (!entry) {
      findings.push(
        finding({
          check: ACCOUNT_CHECK.vitals,
          suite: SUITE,
          severity: 'unknown',
          resource,
          message: `Instantly returned no DNS result for ${key}.`,
          remediation: accountHints.noVitals,
          evidence,
        }),
      );
      continue;
    }
    const broken = RECORDS.filter((r) => entry[r.key] === false);
    for (const r of broken) {
      findings.push(
        finding({
          check: r.check,
          suite: SUITE,
          severity: r.severity,
          resource,
          message: `${r.label} check fails for ${key}.`,
          remediation: r.hint.replaceAll('<domain>', key),
          evidence: { ...evidence, [r.key]: false, allPass: entry.allPass ?? null },
        }),
      );
    }
    if (failed && broken.length === 0) {
      findings.push(
        finding({
          check: ACCOUNT_CHECK.vitals,
          suite: SUITE,
          severity: 'warning',
          resource,
          message: `Instantly lists ${key} as failing its DNS checks without naming the record.`,
          remediation: accountHints.failingUnnamed,
          evidence: { ...evidence, result: failed },
        }),
      );
    }
  }
  return findings;
}

function byDomain(list: readonly DomainVitals[] | undefined): Map<string, DomainVitals> {
  const map = new Map<string, DomainVitals>();
  for (const entry of list ?? []) {
    if (entry.domain) map.set(entry.domain.toLowerCase(), entry);
  }
  return map;
}

/**
 * `tracking_domain_status` of a healthy custom tracking domain: the live API says `CTD_ACTIVE`
 * (every real capture); the document's example says `active`.
 */
const HEALTHY_TRACKING = new Set(['CTD_ACTIVE', 'active']);

export interface TrackingSuspect {
  statuses: string[];
  accounts: string[];
}

/**
 * Custom tracking domains some in-scope account reports as not healthy, each once however many
 * accounts use it. The status field alone is not trusted: the suite confirms each one with
 * `GET /accounts/ctd/status` before warning.
 */
export function suspectTrackingDomains(accounts: readonly Account[]): Map<string, TrackingSuspect> {
  const domains = new Map<string, { statuses: Set<string>; accounts: string[]; bad: boolean }>();
  for (const a of accounts) {
    const name = a.tracking_domain_name?.trim().toLowerCase();
    if (!name) continue;
    const status = a.tracking_domain_status ?? '(none)';
    const entry = domains.get(name) ?? { statuses: new Set<string>(), accounts: [], bad: false };
    entry.accounts.push(a.email);
    if (!HEALTHY_TRACKING.has(status)) {
      entry.statuses.add(status);
      entry.bad = true;
    }
    domains.set(name, entry);
  }
  const out = new Map<string, TrackingSuspect>();
  for (const [domain, e] of domains) {
    if (e.bad) out.set(domain, { statuses: [...e.statuses], accounts: e.accounts });
  }
  return out;
}

/** What `GET /accounts/ctd/status` said about one domain: its answer, a 400's message, or a failure. */
export type CtdCheck =
  | { type: 'answer'; status: CtdStatus }
  | { type: 'rejected'; message: string }
  | { type: 'failed'; error: unknown };

/** The parts of a status answer that failed, e.g. ["CNAME not pointing to Instantly", "no SSL"]. */
function ctdProblems(status: CtdStatus): string[] {
  const problems: string[] = [];
  if (status.cname === false) problems.push('the CNAME record does not point to Instantly');
  if (status.ssl === false) problems.push('no SSL certificate');
  if (problems.length === 0 && status.success === false) problems.push('the check did not pass');
  return problems;
}

/**
 * One finding per suspect domain, from what the status endpoint found: a confirmed problem is a
 * warning that says what failed; a domain the endpoint finds healthy is no finding (the account
 * field lags); a check that could not run is `unknown`, never a warning on the field alone.
 */
export function evaluateTrackingDomains(
  suspects: ReadonlyMap<string, TrackingSuspect>,
  checked: ReadonlyMap<string, CtdCheck>,
): Finding[] {
  const findings: Finding[] = [];
  for (const [domain, suspect] of suspects) {
    const result = checked.get(domain);
    const resource = { type: 'domain' as const, id: domain };
    const evidence = {
      status: suspect.statuses,
      accounts: suspect.accounts.slice(0, 5),
      account_count: suspect.accounts.length,
    };
    const reported = `reports status ${suspect.statuses.join(', ')}`;
    if (!result || result.type === 'failed') {
      findings.push(
        unknownFromError(result?.error ?? new Error('not checked'), {
          check: ACCOUNT_CHECK.tracking,
          suite: SUITE,
          resource,
          what: `Tracking domain ${domain} ${reported}; its live status`,
        }),
      );
      continue;
    }
    const problems =
      result.type === 'rejected'
        ? [`Instantly's status check answered "${result.message}"`]
        : ctdProblems(result.status);
    if (problems.length === 0) continue;
    findings.push(
      finding({
        check: ACCOUNT_CHECK.tracking,
        suite: SUITE,
        severity: 'warning',
        resource,
        message: `Tracking domain ${domain} is not working: ${problems.join('; ')} (the accounts report status ${suspect.statuses.join(', ')}).`,
        remediation: accountHints.trackingDomain,
        evidence: {
          ...evidence,
          ...(result.type === 'answer'
            ? { ctd_status: { ...result.status } }
            : { ctd_error: result.message }),
        },
      }),
    );
  }
  return findings;
}
