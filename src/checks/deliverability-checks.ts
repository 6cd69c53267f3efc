import type { DeliverabilityConfig } from '../config/schema.js';
import type {
  FeedItem,
  PlacementReport,
  PlacementStats,
  PlacementTest,
} from '../instantly/schemas/deliverability.js';
import type { CheckId } from '../model/checks.js';
import type { Finding, Resource, Severity } from '../model/report.js';
import { percent } from '../report/format.js';
import { finding } from './finding.js';

/**
 * Pure rules of the deliverability suite: inbox placement (spam share overall and per provider),
 * blocklists and SpamAssassin from the placement reports, and the deliverability agent's open
 * recommendations. The suite (deliverability.ts) fetches and calls these.
 */

export const DELIVERABILITY_CHECK = {
  placement: 'deliverability.placement',
  blocklist: 'deliverability.blocklist',
  spamAssassin: 'deliverability.spamassassin',
  recommendation: 'deliverability.recommendation',
} as const satisfies Record<string, CheckId>;

const SUITE = 'deliverability' as const;

/** Providers as `recipient_esp` numbers them in the document (1 Google, 2 Microsoft). */
export const PROVIDERS = { google: 1, microsoft: 2 } as const;
export type Provider = keyof typeof PROVIDERS | 'others';
const PROVIDER_NAMES: Record<Provider, string> = {
  google: 'Google',
  microsoft: 'Microsoft',
  others: 'other providers',
};

/** What a test is about: its campaign, else its sender group (tags), else the test itself. */
export function groupOf(test: PlacementTest): string {
  if (test.campaign_id) return `campaign:${test.campaign_id}`;
  if (test.tags && test.tags.length > 0) return `tags:${[...test.tags].sort().join(',')}`;
  return `test:${test.id}`;
}

/** The latest test of each campaign or sender group, by creation time. */
export function latestPerGroup(tests: readonly PlacementTest[]): PlacementTest[] {
  const latest = new Map<string, PlacementTest>();
  for (const t of tests) {
    const key = groupOf(t);
    const seen = latest.get(key);
    if (!seen || t.timestamp_created > seen.timestamp_created) latest.set(key, t);
  }
  return [...latest.values()];
}

export function testResource(test: PlacementTest, campaignName?: string): Resource {
  if (test.campaign_id)
    return {
      type: 'campaign',
      id: test.campaign_id,
      ...(campaignName !== undefined && { name: campaignName }),
    };
  return {
    type: 'suite',
    id: `inbox-placement-test:${test.id}`,
    ...(test.name !== undefined && { name: test.name }),
  };
}

export interface PlacementInput {
  test: PlacementTest;
  resource: Resource;
  overall?: PlacementStats;
  byProvider: Partial<Record<keyof typeof PROVIDERS, PlacementStats>>;
}

/**
 * The spam share overall and per provider ("others" is what Google and Microsoft leave of the
 * total) against `spam_rate`; one finding per test naming each share over a threshold.
 */
export function evaluatePlacement(input: PlacementInput, config: DeliverabilityConfig): Finding[] {
  const { overall } = input;
  if (!overall || overall.count <= 0) return [];
  const shares: { provider: Provider | 'all'; spam: number; count: number }[] = [
    { provider: 'all', spam: overall.spam_count, count: overall.count },
  ];
  let restSpam = overall.spam_count;
  let restCount = overall.count;
  for (const provider of ['google', 'microsoft'] as const) {
    const row = input.byProvider[provider];
    if (!row || row.count <= 0) continue;
    shares.push({ provider, spam: row.spam_count, count: row.count });
    restSpam -= row.spam_count;
    restCount -= row.count;
  }
  if (restCount > 0)
    shares.push({ provider: 'others', spam: Math.max(0, restSpam), count: restCount });
  const over = shares
    .map((s) => ({ ...s, rate: s.spam / s.count }))
    .map((s) => ({
      ...s,
      severity:
        s.rate >= config.spam_rate.error
          ? 'error'
          : s.rate >= config.spam_rate.warning
            ? 'warning'
            : undefined,
    }))
    .filter((s) => s.severity !== undefined);
  if (over.length === 0) return [];
  const severity: Severity = over.some((s) => s.severity === 'error') ? 'error' : 'warning';
  const parts = over.map(
    (s) =>
      `${s.provider === 'all' ? 'overall' : `at ${PROVIDER_NAMES[s.provider]}`} ${percent(s.rate)} (${s.spam} of ${s.count})`,
  );
  return [
    finding({
      check: DELIVERABILITY_CHECK.placement,
      suite: SUITE,
      severity,
      resource: input.resource,
      message: `Inbox placement test "${input.test.name ?? input.test.id}" lands in spam ${parts.join(', ')}; ${severity} at ${percent(severity === 'error' ? config.spam_rate.error : config.spam_rate.warning)}.`,
      remediation:
        'Check the senders of this campaign at the provider where mail lands in spam: their warmup, SPF/DKIM/DMARC, links and tracking domain, and the copy (SpamAssassin results of the same test). Lower their volume until a new placement test lands in the inbox.',
      evidence: {
        test_id: input.test.id,
        shares: shares.map((s) => ({
          provider: s.provider,
          spam: s.spam,
          count: s.count,
          rate: s.spam / s.count,
        })),
        thresholds: config.spam_rate,
      },
      discriminator: input.test.id,
    }),
  ];
}

/** Blocklist listings and a SpamAssassin verdict from the latest report of each domain. */
export function evaluateReports(
  test: PlacementTest,
  resource: Resource,
  reports: readonly PlacementReport[],
  config: DeliverabilityConfig,
): Finding[] {
  const latest = new Map<string, PlacementReport>();
  for (const r of reports) {
    const seen = latest.get(r.domain);
    if (!seen || r.timestamp_created > seen.timestamp_created) latest.set(r.domain, r);
  }
  const out: Finding[] = [];
  for (const report of [...latest.values()].sort((a, b) => a.domain.localeCompare(b.domain))) {
    const lists = (report.blacklist_report?.details ?? [])
      .filter((d) => d.is_listed === true)
      .map((d) => d.blacklist ?? 'an unnamed list');
    const counted = (report.domain_blacklist_count ?? 0) + (report.domain_ip_blacklist_count ?? 0);
    if (lists.length > 0 || counted > 0 || report.blacklist_report?.is_blacklisted === true) {
      const named =
        lists.length > 0 ? lists.join(', ') : `${counted} list(s) Instantly did not name`;
      out.push(
        finding({
          check: DELIVERABILITY_CHECK.blocklist,
          suite: SUITE,
          severity: 'error',
          resource: { type: 'domain', id: report.domain },
          message: `Sending domain ${report.domain}${report.domain_ip ? ` (IP ${report.domain_ip})` : ''} is on a blocklist: ${named}.`,
          remediation:
            "Stop sending from this domain, find why it was listed (a spike in volume or bounces, spam complaints, a compromised mailbox), then request removal on each list's own delisting page. Keep new campaigns on other domains until it is clear.",
          evidence: {
            test_id: test.id,
            blocklists: lists,
            domain_blacklist_count: report.domain_blacklist_count ?? null,
            domain_ip_blacklist_count: report.domain_ip_blacklist_count ?? null,
          },
        }),
      );
    }
    const score = report.spam_assassin_report?.spam_score ?? report.spam_assassin_score;
    const isSpam = report.spam_assassin_report?.is_spam === true;
    if (isSpam || (score !== undefined && score >= config.spam_assassin_score)) {
      const rules = (report.spam_assassin_report?.report ?? [])
        .filter((r) => Number(r.score) > 0)
        .sort((a, b) => Number(b.score) - Number(a.score))
        .slice(0, 5)
        .map((r) => `${r.name} (${r.score})`);
      out.push(
        finding({
          check: DELIVERABILITY_CHECK.spamAssassin,
          suite: SUITE,
          severity: 'error',
          resource,
          message: `SpamAssassin scores the test email from ${report.domain} ${score ?? '?'} (spam at ${config.spam_assassin_score})${rules.length > 0 ? `; top rules: ${rules.join(', ')}` : ''}.`,
          remediation:
            'Rewrite what the named rules flag (spammy words, image-only or link-heavy HTML, missing plain text, URL shorteners), check SPF/DKIM/DMARC, then run a new placement test.',
          evidence: { test_id: test.id, domain: report.domain, score, is_spam: isSpam, rules },
          discriminator: report.domain,
        }),
      );
    }
  }
  return out;
}

/** An open ("todo") recommendation or insight of Instantly's deliverability agent. */
export function evaluateFeedItem(item: FeedItem): Finding | undefined {
  if (item.status !== 'todo') return undefined;
  if (item.severity === 'success') return undefined;
  const payload = item.payload ?? {};
  const text = [payload.title, payload.message, payload.description, payload.summary].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const subject = item.subject_name ?? item.subject_id ?? undefined;
  const resource: Resource =
    item.subject_type === 'campaign' && item.subject_id
      ? { type: 'campaign', id: item.subject_id, ...(subject && { name: subject }) }
      : item.subject_type === 'account' && item.subject_id
        ? { type: 'account', id: item.subject_id }
        : { type: 'suite', id: 'deliverability', name: "Instantly's deliverability agent" };
  return finding({
    check: DELIVERABILITY_CHECK.recommendation,
    suite: SUITE,
    severity: 'warning',
    resource,
    message: `Instantly's deliverability agent (${item.severity}, ${item.feed_code}): ${text ?? item.feed_code}${subject && resource.type === 'suite' ? ` (${subject})` : ''}`,
    remediation:
      "Open Instantly's deliverability agent and act on the item (or mark it done there); it stays here while it is open.",
    evidence: {
      feed_item_id: item.id,
      feed_code: item.feed_code,
      kind: item.kind,
      severity: item.severity,
    },
    discriminator: item.id,
  });
}
