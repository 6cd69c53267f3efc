/**
 * Inbox placement tests, their results and reports, and the deliverability agent's feed, for the
 * routes in routes/deliverability.ts. Shapes follow Instantly's OpenAPI document (never captured).
 * By default: a recent, clean test for each of the first three Active campaigns, one test whose
 * results are older than any checked window, and an agent with nothing open.
 */
import type { InjectedProblem, ProblemName } from './problems.js';
import { CAMPAIGN_STATUS } from '../instantly/schemas/campaigns.js';
import { DAY_MS, dateAt, isoAt } from './time.js';
import type { Campaign } from './types.js';

export interface PlacementResult {
  test_id: string;
  /** YYYY-MM-DD the result was recorded. */
  date: string;
  /** 1 Google, 2 Microsoft, 0 others (the document's `recipient_esp`). */
  esp: number;
  count: number;
  spam: number;
}

export interface SimPlacementTest extends Record<string, unknown> {
  id: string;
  name: string;
  campaign_id: string | null;
}

export interface SimPlacementReport extends Record<string, unknown> {
  id: string;
  test_id: string;
  domain: string;
  timestamp_created_date: string;
}

export interface PlacementData {
  tests: SimPlacementTest[];
  results: PlacementResult[];
  reports: SimPlacementReport[];
  agent: { id: string; name: string } | null;
  feedItems: Record<string, unknown>[];
}

export const DELIVERABILITY_PROBLEMS = [
  'placement.microsoft_spam',
  'placement.blocklisted',
  'placement.spamassassin',
  'agent.recommendation',
] as const satisfies readonly ProblemName[];

export function generatePlacement(input: {
  campaigns: readonly Campaign[];
  domains: readonly string[];
  problems: readonly ProblemName[];
  nowMs: number;
  workspaceId: string;
  uuid: (n: number) => string;
}): { placement: PlacementData; injected: InjectedProblem[] } {
  const { nowMs, uuid } = input;
  const active = input.campaigns.filter((c) => c.status === CAMPAIGN_STATUS.active);
  const injected: InjectedProblem[] = [];
  const placement: PlacementData = {
    tests: [],
    results: [],
    reports: [],
    agent: { id: uuid(7000), name: 'Deliverability Agent' },
    feedItems: [],
  };
  const domain = (i: number): string =>
    input.domains[i % Math.max(1, input.domains.length)] ?? 'example.com';

  const addTest = (campaign: Campaign | undefined, n: number, daysAgo: number) => {
    const id = uuid(7100 + n);
    const created = nowMs - daysAgo * DAY_MS;
    placement.tests.push({
      id,
      organization_id: input.workspaceId,
      name: campaign ? `Placement: ${campaign.name}` : `Placement test ${n + 1}`,
      type: 1,
      sending_method: 1,
      campaign_id: campaign?.id ?? null,
      email_subject: 'Quick question',
      email_body: 'Hi {{firstName}}',
      emails: [],
      status: 3,
      timestamp_created: isoAt(created),
    });
    const date = dateAt(created + 3_600_000);
    // 40 Google, 40 Microsoft, 20 others; one spam each at Google and Microsoft (2 %).
    placement.results.push(
      { test_id: id, date, esp: 1, count: 40, spam: 1 },
      { test_id: id, date, esp: 2, count: 40, spam: 1 },
      { test_id: id, date, esp: 0, count: 20, spam: 0 },
    );
    placement.reports.push({
      id: uuid(7300 + n),
      timestamp_created: isoAt(created + 3_600_000),
      timestamp_created_date: date,
      organization_id: input.workspaceId,
      test_id: id,
      domain: domain(n),
      domain_ip: `203.0.113.${10 + n}`,
      domain_blacklist_count: 0,
      domain_ip_blacklist_count: 0,
      spam_assassin_score: 1.2,
      spam_assassin_report: {
        is_spam: false,
        spam_score: 1.2,
        report: [{ name: 'HTML_MESSAGE', score: '0.001', description: 'HTML included in message' }],
      },
      blacklist_report: {
        address: domain(n),
        blacklisted_count: 0,
        is_blacklisted: false,
        is_domain: true,
        details: [
          { blacklist: 'Spamhaus DBL', is_listed: false, test_type: 'domain' },
          { blacklist: 'Barracuda', is_listed: false, test_type: 'ip' },
        ],
      },
    });
    return id;
  };

  const recent = active.slice(0, 3);
  recent.forEach((c, i) => addTest(c, i, 2 + i));
  // One campaign's only test has results from 60 days ago: outside any window (info, no finding).
  const old = active[3];
  if (old) addTest(old, 3, 60);

  const take = (() => {
    let next = 0;
    return () => {
      const test = placement.tests[next];
      next = Math.min(next + 1, Math.max(0, recent.length - 1));
      return test;
    };
  })();
  for (const problem of input.problems) {
    if (problem === 'agent.recommendation') {
      const agentId = placement.agent?.id ?? '';
      placement.feedItems.push({
        id: uuid(7500 + placement.feedItems.length),
        organization_id: input.workspaceId,
        agent_id: agentId,
        source_activity_id: null,
        feed_code: 'reduce_volume_microsoft',
        kind: 'recommendation',
        status: 'todo',
        severity: 'warning',
        priority: 2,
        subject_type: null,
        subject_id: null,
        subject_name: null,
        // Instantly's own text, with characters a Markdown renderer must escape.
        payload: { title: 'Lower volume to *Outlook* recipients <b>now</b> | see [docs](x)' },
        dedupe_key: 'reduce_volume_microsoft',
        timestamp_created: isoAt(nowMs - DAY_MS),
        timestamp_updated: isoAt(nowMs - DAY_MS),
      });
      placement.feedItems.push({
        ...(placement.feedItems[0] as object),
        id: uuid(7600),
        status: 'done',
        feed_code: 'warmup_enabled',
        dedupe_key: 'warmup_enabled',
      });
      injected.push({
        problem,
        resource: { type: 'suite', id: 'deliverability', name: "Instantly's deliverability agent" },
      });
      continue;
    }
    const test = take();
    if (!test) throw new Error(`Scenario has no placement test left to inject ${problem} into.`);
    const { id } = test;
    const report = placement.reports.find((r) => r.test_id === id);
    if (problem === 'placement.microsoft_spam') {
      const ms = placement.results.find((r) => r.test_id === id && r.esp === 2);
      if (ms) ms.spam = 20;
    } else if (problem === 'placement.blocklisted' && report) {
      report.domain_blacklist_count = 2;
      report.blacklist_report = {
        ...(report.blacklist_report as object),
        blacklisted_count: 2,
        is_blacklisted: true,
        details: [
          { blacklist: 'Spamhaus DBL', is_listed: true, test_type: 'domain' },
          { blacklist: 'Barracuda', is_listed: true, test_type: 'ip' },
          { blacklist: 'SORBS', is_listed: false, test_type: 'ip' },
        ],
      };
    } else if (problem === 'placement.spamassassin' && report) {
      report.spam_assassin_score = 7.3;
      report.spam_assassin_report = {
        is_spam: true,
        spam_score: 7.3,
        report: [
          { name: 'URIBL_BLOCKED', score: '3.5', description: 'Contains a blocked URL' },
          {
            name: 'HTML_IMAGE_ONLY_08',
            score: '2.1',
            description: 'HTML: images with little text',
          },
          { name: 'HTML_MESSAGE', score: '0.001', description: 'HTML included in message' },
        ],
      };
    }
    const domainName = report?.domain ?? '';
    injected.push({
      problem,
      resource:
        problem === 'placement.blocklisted'
          ? { type: 'domain', id: domainName, name: domainName }
          : { type: 'campaign', id: test.campaign_id ?? '', name: test.name },
    });
  }
  return { placement, injected };
}
