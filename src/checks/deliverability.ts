import { plural } from '../report/format.js';
import {
  DeliverabilityAgent,
  FeedItemsPage,
  PlacementReportsPage,
  PlacementStatsList,
  PlacementTest,
  type PlacementStats,
} from '../instantly/schemas/deliverability.js';
import type { CheckId } from '../model/checks.js';
import type { Finding, Resource } from '../model/report.js';
import {
  DELIVERABILITY_CHECK,
  evaluateFeedItem,
  evaluatePlacement,
  evaluateReports,
  latestPerGroup,
  PROVIDERS,
  testResource,
} from './deliverability-checks.js';
import { mapLimit } from './map-limit.js';
import type { Suite, SuiteContext, SuiteOutcome } from './types.js';
import { fetchOrUnknown } from './fetch-or-unknown.js';
import { unknownFromError, type UnknownTarget } from './unknown.js';

/**
 * The deliverability suite (opt-in: it needs the inbox_placement_* and ai_agents read scopes):
 * the latest inbox-placement test per campaign or sender group with results in the last
 * `max_age_days`, its spam share overall and per provider, the blocklists and SpamAssassin of its
 * reports, and the deliverability agent's open items. Requests (docs/instantly-api.md, "Request
 * plan"): P(T) test pages, 3 × ⌈G/100⌉ stats calls, one report page per recent test, 2 for the
 * agent. Each part fails on its own: a missing scope is an `unknown` finding naming it.
 */

const SUITE = 'deliverability' as const;
const SUITE_RESOURCE: Resource = { type: 'suite', id: SUITE, name: 'Deliverability' };
const STATS_BATCH = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export const deliverabilitySuite: Suite = { name: SUITE, run: runDeliverability };

async function runDeliverability(ctx: SuiteContext): Promise<SuiteOutcome> {
  const config = ctx.settings.config.deliverability;
  const window = {
    date_from: new Date(ctx.now.getTime() - config.max_age_days * DAY_MS)
      .toISOString()
      .slice(0, 10),
    date_to: ctx.now.toISOString().slice(0, 10),
  };
  const [placement, agent] = await Promise.all([
    placementFindings(ctx, window),
    config.recommendations
      ? agentFindings(ctx)
      : Promise.resolve({ findings: [], details: [] as string[], checked: 0 }),
  ]);
  return {
    findings: [...placement.findings, ...agent.findings],
    checked: placement.checked + agent.checked,
    details: [...placement.details, ...agent.details],
  };
}

interface Part {
  findings: Finding[];
  details: string[];
  checked: number;
}

/** The suite-wide target of an `unknown` finding when `what` could not be read. */
function gap(check: CheckId, what: string): UnknownTarget {
  return { check, suite: SUITE, resource: SUITE_RESOURCE, what };
}

async function placementFindings(
  ctx: SuiteContext,
  window: { date_from: string; date_to: string },
): Promise<Part> {
  const config = ctx.settings.config.deliverability;
  const findings: Finding[] = [];
  const tests = await fetchOrUnknown(
    async () => {
      const all: PlacementTest[] = [];
      for await (const t of ctx.api.paginate('/inbox-placement-tests', {
        query: { limit: 100 },
        item: PlacementTest,
        signal: ctx.signal,
      }))
        all.push(t);
      return all;
    },
    findings,
    gap(DELIVERABILITY_CHECK.placement, 'Inbox placement tests'),
    ctx.signal,
  );
  if (!tests) return { findings, details: [], checked: 0 };
  const latest = latestPerGroup(tests);
  if (latest.length === 0) {
    // Not a fault, and not unknown: there is nothing to judge (the report has no `info` level).
    return { findings: [], details: ['no inbox placement test in the workspace'], checked: 0 };
  }

  // Counts per test: overall, then with recipient_esp for Google and for Microsoft.
  const overall = new Map<string, PlacementStats>();
  const byProvider = new Map<string, Partial<Record<keyof typeof PROVIDERS, PlacementStats>>>();
  const read = await fetchOrUnknown(
    async () => {
      const batches: string[][] = [];
      for (let i = 0; i < latest.length; i += STATS_BATCH)
        batches.push(latest.slice(i, i + STATS_BATCH).map((t) => t.id));
      const asks = batches.flatMap((ids) =>
        ([undefined, 'google', 'microsoft'] as const).map((provider) => ({ ids, provider })),
      );
      await mapLimit(asks, 3, async ({ ids, provider }) => {
        const rows = await ctx.api.post('/inbox-placement-analytics/stats-by-test-id', {
          body: {
            test_ids: ids,
            ...window,
            ...(provider !== undefined && { recipient_esp: [PROVIDERS[provider]] }),
          },
          schema: PlacementStatsList,
          signal: ctx.signal,
        });
        for (const row of rows) {
          if (provider === undefined) overall.set(row.test_id, row);
          else byProvider.set(row.test_id, { ...byProvider.get(row.test_id), [provider]: row });
        }
      });
      return true;
    },
    findings,
    gap(DELIVERABILITY_CHECK.placement, 'Inbox placement results'),
    ctx.signal,
  );
  if (!read) return { findings, details: [], checked: 0 };

  const recent = latest.filter((t) => (overall.get(t.id)?.count ?? 0) > 0);
  const stale = latest.length - recent.length;
  const details = [
    `${recent.length} of ${latest.length} latest inbox placement tests (per campaign or sender group) with results in the last ${config.max_age_days} days`,
  ];
  if (stale > 0)
    details.push(
      `${plural(stale, 'campaign or sender group', 'campaigns or sender groups')} without a placement test in the last ${config.max_age_days} days (info)`,
    );
  for (const test of recent) {
    findings.push(
      ...evaluatePlacement(
        {
          test,
          resource: testResource(test),
          overall: overall.get(test.id),
          byProvider: byProvider.get(test.id) ?? {},
        },
        config,
      ),
    );
  }

  // Blocklists and SpamAssassin: one report page per recent test; a failure that would repeat
  // for every test (a missing scope) is reported once and stops the rest.
  let stopped = false;
  const isStopped = (): boolean => stopped;
  const reportFindings = new Map<string, Finding[]>();
  await mapLimit(recent, 4, async (test) => {
    if (isStopped()) return;
    try {
      const page = await ctx.api.get('/inbox-placement-reports', {
        query: { test_id: test.id, ...window, limit: 100 },
        schema: PlacementReportsPage,
        signal: ctx.signal,
      });
      reportFindings.set(test.id, evaluateReports(test, testResource(test), page.items, config));
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      if (isStopped()) return;
      stopped = true;
      findings.push(
        unknownFromError(
          err,
          gap(
            DELIVERABILITY_CHECK.blocklist,
            'Blocklists and SpamAssassin (inbox placement reports)',
          ),
        ),
      );
    }
  });
  // In test order, not answer order; one finding per domain across tests.
  const seen = new Set<string>();
  for (const test of recent)
    for (const f of reportFindings.get(test.id) ?? []) {
      if (seen.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      findings.push(f);
    }
  return { findings, details, checked: recent.length };
}

async function agentFindings(ctx: SuiteContext): Promise<Part> {
  const findings: Finding[] = [];
  const items = gap(DELIVERABILITY_CHECK.recommendation, "The deliverability agent's items");
  const answer = await fetchOrUnknown(
    () =>
      ctx.api.get('/ai-agents/deliverability', { schema: DeliverabilityAgent, signal: ctx.signal }),
    findings,
    items,
    ctx.signal,
  );
  if (!answer) return { findings, details: [], checked: 0 };
  const agentId = answer.agent?.id;
  if (agentId === undefined)
    return {
      findings: [],
      details: ['no deliverability agent deployed (no recommendations)'],
      checked: 0,
    };
  const page = await fetchOrUnknown(
    () =>
      ctx.api.get('/ai-agents/deliverability/{id}/feed-items', {
        params: { id: agentId },
        query: { feed_filter: 'todo', limit: 100 },
        schema: FeedItemsPage,
        signal: ctx.signal,
      }),
    findings,
    items,
    ctx.signal,
  );
  if (!page) return { findings, details: [], checked: 0 };
  const open = page.items.map(evaluateFeedItem).filter((f): f is Finding => f !== undefined);
  return {
    findings: open,
    details: [`${plural(open.length, 'open recommendation')} of the deliverability agent`],
    checked: 1,
  };
}
