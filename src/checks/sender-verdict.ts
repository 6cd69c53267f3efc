import {
  compareSeverity,
  type Finding,
  type SenderNote,
  type SendersSummary,
  type Severity,
} from '../model/report.js';
import { ACCOUNT_CHECK } from './account-checks.js';
import { domainOf, emailKey } from './senders.js';

/**
 * One verdict per sender, from the findings that remain after the config's severity overrides and
 * ignores: `burning` when any finding on the sender or on its sending domain is an error, `watch`
 * when any is a warning or `unknown`, `green` otherwise. Pure: findings in, summary out.
 */

export type SenderVerdict = 'green' | 'watch' | 'burning';

/** A few words per check, for the one-line summary ("bounce rate", "SPF"). */
const REASONS: Readonly<Record<string, string>> = {
  [ACCOUNT_CHECK.connection]: 'connection',
  [ACCOUNT_CHECK.paused]: 'paused',
  [ACCOUNT_CHECK.setupPending]: 'setup pending',
  [ACCOUNT_CHECK.autofixFailed]: 'reconnection failed',
  [ACCOUNT_CHECK.warmupStatus]: 'warmup status',
  [ACCOUNT_CHECK.warmupScore]: 'warmup score',
  [ACCOUNT_CHECK.warmupHealth]: 'warmup health',
  [ACCOUNT_CHECK.warmupTrend]: 'inbox rate falling',
  [ACCOUNT_CHECK.warmupSpam]: 'warmup spam',
  [ACCOUNT_CHECK.bounceRate]: 'bounce rate',
  [ACCOUNT_CHECK.volumeCap]: 'at daily limit',
  [ACCOUNT_CHECK.spf]: 'SPF',
  [ACCOUNT_CHECK.dkim]: 'DKIM',
  [ACCOUNT_CHECK.mx]: 'MX',
  [ACCOUNT_CHECK.dmarc]: 'DMARC',
  [ACCOUNT_CHECK.vitals]: 'DNS',
};

export function reasonOf(check: string): string {
  return REASONS[check] ?? check;
}

export function verdictOf(severities: readonly Severity[]): SenderVerdict {
  if (severities.includes('error')) return 'burning';
  return severities.length > 0 ? 'watch' : 'green';
}

/**
 * `senders` are the addresses the accounts suite checked, in its order. A finding counts for a
 * sender when its resource is that account, or that sender's sending domain.
 */
export function senderVerdicts(
  senders: readonly string[],
  findings: readonly Finding[],
): SendersSummary {
  const byAccount = new Map<string, Finding[]>();
  const byDomain = new Map<string, Finding[]>();
  for (const f of findings) {
    const key =
      f.resource.type === 'account'
        ? emailKey(f.resource.id)
        : f.resource.type === 'domain'
          ? f.resource.id.toLowerCase()
          : undefined;
    if (key === undefined) continue;
    const map = f.resource.type === 'account' ? byAccount : byDomain;
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }

  const summary: SendersSummary = { total: 0, green: 0, watch: [], burning: [] };
  const seen = new Set<string>();
  for (const email of senders) {
    const key = emailKey(email);
    if (seen.has(key)) continue;
    seen.add(key);
    summary.total += 1;
    const domain = domainOf(email);
    const own = [
      ...(byAccount.get(key) ?? []),
      ...(domain === undefined ? [] : (byDomain.get(domain) ?? [])),
    ];
    const verdict = verdictOf(own.map((f) => f.severity));
    if (verdict === 'green') {
      summary.green += 1;
      continue;
    }
    summary[verdict].push(note(email, own));
  }
  return summary;
}

function note(email: string, findings: readonly Finding[]): SenderNote {
  const sorted = [...findings].sort((a, b) => compareSeverity(a.severity, b.severity));
  return { email, reasons: [...new Set(sorted.map((f) => reasonOf(f.check)))] };
}
