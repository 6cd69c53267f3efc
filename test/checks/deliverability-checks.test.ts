import { describe, expect, it } from '@jest/globals';
import {
  DELIVERABILITY_CHECK,
  evaluateFeedItem,
  evaluatePlacement,
  evaluateReports,
  groupOf,
  latestPerGroup,
} from '../../src/checks/deliverability-checks.js';
import { DeliverabilityConfig } from '../../src/config/schema.js';
import type {
  FeedItem,
  PlacementReport,
  PlacementTest,
} from '../../src/instantly/schemas/deliverability.js';
import type { Report } from '../../src/model/report.js';
import { healthyReport } from '../report/fixtures.js';
import { renderSummary } from '../../src/report/summary.js';
import { bodyCells, renderGfm, textOf } from '../report/gfm.js';

/** The pure rules of the deliverability suite (issue 20). */
const config = DeliverabilityConfig.parse({});
const test = (overrides: Partial<PlacementTest> = {}): PlacementTest => ({
  id: 't1',
  name: 'Placement: Q4',
  campaign_id: 'c1',
  timestamp_created: '2026-11-28T00:00:00.000Z',
  ...overrides,
});
const stats = (count: number, spam: number) => ({ test_id: 't1', count, spam_count: spam });
const resource = { type: 'campaign' as const, id: 'c1' };

describe('latest test per campaign or sender group', () => {
  it('groups by campaign, else by sender tags, else by test, and keeps the newest', () => {
    expect(groupOf(test())).toBe('campaign:c1');
    expect(groupOf(test({ campaign_id: null, tags: ['b', 'a'] }))).toBe('tags:a,b');
    expect(groupOf(test({ campaign_id: null }))).toBe('test:t1');
    const older = test({ id: 'old', timestamp_created: '2026-10-01T00:00:00.000Z' });
    expect(latestPerGroup([older, test()]).map((t) => t.id)).toEqual(['t1']);
  });
});

describe('evaluatePlacement', () => {
  it('flags the provider where mail lands in spam while the others look fine', () => {
    const [f] = evaluatePlacement(
      {
        test: test(),
        resource,
        overall: stats(100, 12),
        byProvider: { google: stats(40, 1), microsoft: stats(40, 11) },
      },
      config,
    );
    expect(f).toMatchObject({ check: DELIVERABILITY_CHECK.placement, severity: 'error' });
    expect(f?.message).toContain('overall 12 % (12 of 100), at Microsoft 27.5 % (11 of 40)');
    expect(f?.message).not.toMatch(/Google|other providers/);
  });

  it('derives "others" from what Google and Microsoft leave of the total', () => {
    const [f] = evaluatePlacement(
      {
        test: test(),
        resource,
        overall: stats(100, 8),
        byProvider: { google: stats(40, 1), microsoft: stats(40, 1) },
      },
      config,
    );
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('at other providers 30 % (6 of 20)');
  });

  it('is silent under the thresholds and without results', () => {
    expect(
      evaluatePlacement({ test: test(), resource, overall: stats(100, 2), byProvider: {} }, config),
    ).toEqual([]);
    expect(evaluatePlacement({ test: test(), resource, byProvider: {} }, config)).toEqual([]);
  });
});

describe('evaluateReports', () => {
  const report = (overrides: Partial<PlacementReport>): PlacementReport => ({
    id: 'r1',
    test_id: 't1',
    timestamp_created: '2026-11-28T01:00:00.000Z',
    domain: 'acme.io',
    domain_ip: '203.0.113.1',
    spam_assassin_score: 1,
    ...overrides,
  });

  it('names each list the domain is on, as an error on the domain', () => {
    const out = evaluateReports(
      test(),
      resource,
      [
        report({
          blacklist_report: {
            details: [
              { blacklist: 'Spamhaus DBL', is_listed: true },
              { blacklist: 'SORBS', is_listed: false },
            ],
          },
        }),
      ],
      config,
    );
    expect(out.map((f) => [f.check, f.severity, f.resource.id])).toEqual([
      [DELIVERABILITY_CHECK.blocklist, 'error', 'acme.io'],
    ]);
    expect(out[0]?.message).toContain('on a blocklist: Spamhaus DBL.');
  });

  it('reads only the latest report of a domain, and SpamAssassin from its score or is_spam', () => {
    const old = report({
      id: 'r0',
      timestamp_created: '2026-11-01T00:00:00.000Z',
      domain_blacklist_count: 3,
    });
    expect(evaluateReports(test(), resource, [old, report({})], config)).toEqual([]);
    const spam = evaluateReports(test(), resource, [report({ spam_assassin_score: 6.1 })], config);
    expect(spam.map((f) => f.check)).toEqual([DELIVERABILITY_CHECK.spamAssassin]);
    const flagged = evaluateReports(
      test(),
      resource,
      [report({ spam_assassin_report: { is_spam: true, spam_score: 3 } })],
      config,
    );
    expect(flagged).toHaveLength(1);
  });
});

describe('evaluateFeedItem', () => {
  const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
    id: 'f1',
    feed_code: 'reduce_volume',
    kind: 'recommendation',
    status: 'todo',
    severity: 'warning',
    payload: { title: 'Lower volume to <b>Outlook</b> | *now*' },
    timestamp_created: '2026-11-29T00:00:00.000Z',
    ...overrides,
  });

  it('turns an open item into a warning in Instantly words; done and success items are not findings', () => {
    expect(evaluateFeedItem(item())).toMatchObject({
      check: DELIVERABILITY_CHECK.recommendation,
      severity: 'warning',
    });
    expect(evaluateFeedItem(item({ status: 'done' }))).toBeUndefined();
    expect(evaluateFeedItem(item({ severity: 'success' }))).toBeUndefined();
  });

  it('is escaped in the job summary like all API text: no tag, no table break', () => {
    const f = evaluateFeedItem(item());
    if (!f) throw new Error('no finding');
    const report: Report = { ...healthyReport, status: 'degraded', findings: [f] };
    const html = renderGfm(renderSummary(report));
    // Shown as typed: the tag is text, the pipe does not split the row, the stars stay stars.
    expect(textOf(html)).toContain('Lower volume to <b>Outlook</b> | *now*');
    const rows = bodyCells(html);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(4);
  });
});
