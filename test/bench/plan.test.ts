import { describe, expect, it } from '@jest/globals';
import { floorMs, pages, plan, workUnits, type WorkspaceSizes } from '../../bench/plan.js';
import { linearFit, spread } from '../../bench/stats.js';

const example: WorkspaceSizes = {
  campaigns: 40,
  active: 12,
  sending: 10,
  accounts: 250,
  domains: 60,
  webhooks: 3,
  failedEvents: 5,
};

describe('the fewest-requests plan (docs/instantly-api.md, "Request plan")', () => {
  it('reproduces the worked example: 26 requests, plus ⌈250/200⌉ for the daily analytics, the lifetime analytics call and one daily-analytics call per campaign in status 1', () => {
    expect(plan(example).total).toBe(26 + 2 + 1 + 10);
    expect(plan(example).rows.campaignDaily).toBe(10);
    expect(plan(example).rows.campaignAnalytics).toBe(2);
    expect(plan(example).rows.accountDaily).toBe(2);
  });

  it('asks daily sending analytics for at most 200 senders a call', () => {
    expect(plan({ ...example, accounts: 200 }).rows.accountDaily).toBe(1);
    expect(plan({ ...example, accounts: 201 }).rows.accountDaily).toBe(2);
    expect(plan({ ...example, accounts: 0 }).rows.accountDaily).toBe(0);
  });

  it('counts a trailing page when a list is an exact multiple of 100', () => {
    expect(pages(0)).toBe(1);
    expect(pages(99)).toBe(1);
    expect(pages(100)).toBe(2);
    expect(pages(25_000)).toBe(251);
  });

  it('asks the failed-events page only when there are failures, and the summary only with webhooks', () => {
    expect(plan({ ...example, failedEvents: 0 }).rows.failedEvents).toBe(0);
    const none = plan({ ...example, webhooks: 0, failedEvents: 5 });
    expect(none.rows.webhookSummary).toBe(0);
    expect(none.rows.failedEvents).toBe(0);
    expect(none.rows.webhooks).toBe(1);
  });

  it('batches warmup analytics by 100 accounts and vitals by the batch size per domain', () => {
    const p = plan({ ...example, accounts: 25_000, domains: 1000 });
    expect(p.rows.warmupAnalytics).toBe(250);
    expect(p.rows.vitals).toBe(10);
    expect(plan({ ...example, domains: 1000 }, 50).rows.vitals).toBe(20);
  });

  it('grows by one request per active campaign', () => {
    expect(plan({ ...example, active: 13 }).total - plan(example).total).toBe(1);
  });

  it('grows by one daily-analytics request per campaign in status 1, not with leads', () => {
    expect(plan({ ...example, sending: 11 }).total - plan(example).total).toBe(1);
  });

  it('takes the longest dependent chain: account pages then their batches', () => {
    // 251 account pages, then warmup/vitals: 252; campaigns 51 pages + sending status: 52.
    expect(
      plan({ ...example, campaigns: 5000, accounts: 25_000, domains: 1000, webhooks: 200 }).chain,
    ).toBe(252);
    // A tiny workspace: the webhook list, its summary and the failed page are the chain.
    expect(plan({ ...example, campaigns: 0, active: 0, sending: 0, accounts: 0 }).chain).toBe(3);
  });
});

describe('the time floor', () => {
  it('is the rate budget when requests dominate', () => {
    expect(floorMs({ requests: 420, ratePerSecond: 10, chain: 51, meanLatencyMs: 90 })).toBe(
      42_000,
    );
  });
  it('is the dependent chain when latency dominates', () => {
    expect(floorMs({ requests: 20, ratePerSecond: 10, chain: 30, meanLatencyMs: 90 })).toBe(2700);
  });
});

describe('work units and summaries', () => {
  it('counts one unit per 100 listed resources plus one per checked campaign', () => {
    expect(workUnits(example)).toBeCloseTo(2.93 + 12);
  });

  it('gives the median and the spread', () => {
    expect(spread([5, 1, 3, 2, 4])).toEqual({ median: 3, min: 1, max: 5, n: 5 });
    expect(spread([4, 1, 3, 2]).median).toBe(2.5);
    expect(spread([]).n).toBe(0);
  });

  it('fits a line and reports how far the worst point is from it', () => {
    const fit = linearFit([
      { x: 1, y: 12 },
      { x: 10, y: 30 },
      { x: 100, y: 210 },
    ]);
    expect(fit?.slope).toBeCloseTo(2, 5);
    expect(fit?.intercept).toBeCloseTo(10, 5);
    expect(fit?.maxRelativeResidual).toBeCloseTo(0, 5);
    const bent = linearFit([
      { x: 1, y: 10 },
      { x: 10, y: 100 },
      { x: 100, y: 10_000 },
    ]);
    expect(bent?.maxRelativeResidual).toBeGreaterThan(0.5);
    expect(linearFit([{ x: 1, y: 1 }])).toBeUndefined();
  });
});
