import { describe, expect, it } from '@jest/globals';
import type { OursRun } from '../../bench/measure.js';
import { naiveRequests } from '../../bench/naive.js';
import { plan, type WorkspaceSizes } from '../../bench/plan.js';
import {
  evaluateTargets,
  renderResults,
  type BenchInput,
  type SizeResult,
} from '../../bench/results.js';

const sizes: WorkspaceSizes = {
  campaigns: 1000,
  active: 250,
  sending: 0,
  accounts: 5000,
  domains: 200,
  webhooks: 50,
  failedEvents: 10,
};

function run(overrides: Partial<OursRun> = {}): OursRun {
  return {
    wallMs: 40_000,
    maxRssKb: 140 * 1024,
    status: 'unhealthy',
    requests: 370,
    retries: 0,
    rateLimited: 0,
    waitMs: 0,
    byEndpoint: { 'GET /campaigns/{id}/sending-status': 250 },
    bySeverity: { error: 3, warning: 1, unknown: 0 },
    resources: [],
    suites: [],
    addedAccounts: false,
    served: 370,
    served429: 0,
    ...overrides,
  };
}

function size(name: 'S' | 'M' | 'L', ours: OursRun[]): SizeResult {
  const p = plan(sizes);
  return {
    size: name,
    sizes,
    plan: p,
    floorMs: (p.total / 10) * 1000,
    ours,
    naive: [],
    injected: 4,
    found: ours.map(() => 4),
    missed: [],
  };
}

function input(sizeResults: SizeResult[]): BenchInput {
  return {
    machine: {
      cpu: 'test',
      cores: 2,
      memoryGb: 8,
      loadAverage: [1, 1, 1],
      node: 'v24',
      date: 'today',
    },
    sizes: sizeResults,
    cold: [],
    rate: 10,
    meanLatencyMs: 90,
    notes: [],
  };
}

const verdict = (targets: ReturnType<typeof evaluateTargets>, prefix: string) =>
  targets.find((t) => t.name.startsWith(prefix));

describe('targets', () => {
  it('misses the request target on the worst run and names the endpoint over its plan row', () => {
    const over = run({
      served: 500,
      byEndpoint: { 'GET /campaigns/{id}/sending-status': 380 },
    });
    const targets = evaluateTargets(input([size('M', [run(), over, over])]));
    const t = verdict(targets, 'requests ≤ 1.1 × plan at M');
    expect(t?.pass).toBe(false);
    expect(t?.detail).toContain('GET /campaigns/{id}/sending-status 380 vs 250');
  });

  it('judges the wall time at M against the floor of the run’s own requests', () => {
    // 370 requests at 10/s: floor 37 s; 50 s is 1.35× of it.
    const slow = evaluateTargets(input([size('M', [run({ wallMs: 50_000 })])]));
    expect(verdict(slow, 'wall time ≤ 1.25')?.pass).toBe(false);
    const fast = evaluateTargets(input([size('M', [run({ wallMs: 42_000 })])]));
    expect(verdict(fast, 'wall time ≤ 1.25')?.pass).toBe(true);
  });

  it('reports a target it could not judge as not applicable, not as a pass', () => {
    const targets = evaluateTargets(input([size('S', [run()])]));
    expect(verdict(targets, 'peak RSS')?.pass).toBeUndefined();
    expect(verdict(targets, 'cold start')?.pass).toBeUndefined();
  });

  it('fails the 429 target on any 429 in any run', () => {
    const targets = evaluateTargets(input([size('S', [run(), run({ served429: 1 })])]));
    expect(verdict(targets, 'no 429')?.pass).toBe(false);
  });

  it('renders MISS lines into RESULTS.md', () => {
    const data = input([size('L', [run({ maxRssKb: 300 * 1024 })])]);
    const md = renderResults(data, evaluateTargets(data));
    expect(md).toContain('MISS  peak RSS ≤ 150 MB at L: 300 MB');
  });
});

describe('linear growth', () => {
  const scaled = (name: 'S' | 'M' | 'L', factor: number, extraMs = 0): SizeResult => {
    const z = {
      campaigns: 50 * factor,
      active: 12 * factor,
      sending: 12 * factor,
      accounts: 200 * factor,
      domains: 8 * factor,
      webhooks: 5 * factor,
      failedEvents: 1,
    };
    const units = (z.campaigns + z.accounts + z.webhooks) / 100 + z.active;
    return {
      ...size(name, [run({ served: Math.round(10 + units), wallMs: 300 + 100 * units + extraMs })]),
      sizes: z,
      plan: plan(z),
    };
  };
  const linear = (targets: ReturnType<typeof evaluateTargets>, what: string) =>
    targets.find((t) => t.name.startsWith(`${what} linear`))?.pass;

  it('passes a constant cost per unit, whatever the fixed start-up cost', () => {
    const t = evaluateTargets(input([scaled('S', 1), scaled('M', 20), scaled('L', 100)]));
    expect(linear(t, 'requests')).toBe(true);
    expect(linear(t, 'wall time')).toBe(true);
  });

  it('misses when the largest size costs more per unit than the middle one', () => {
    const t = evaluateTargets(input([scaled('S', 1), scaled('M', 20), scaled('L', 100, 60_000)]));
    expect(linear(t, 'wall time')).toBe(false);
  });

  it('cannot judge from two sizes', () => {
    const t = evaluateTargets(input([scaled('S', 1), scaled('M', 20)]));
    expect(linear(t, 'requests')).toBeUndefined();
  });
});

describe('the naive baseline’s request count', () => {
  it('is the auth probe, the campaign pages, two per campaign, accounts, vitals and the webhook pair', () => {
    expect(naiveRequests(50, 200)).toBe(1 + 1 + 100 + 1 + 1 + 2);
    expect(naiveRequests(5000, 25_000)).toBe(1 + 51 + 10_000 + 4);
  });
});
