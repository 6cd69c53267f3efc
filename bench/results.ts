/** Issue 8's targets over the measurements, and bench/RESULTS.md. Pure: no I/O. */
import type { NaiveResult } from './naive.js';
import {
  floorMs,
  PLAN_ENDPOINTS,
  workUnits,
  type Plan,
  type PlanRow,
  type WorkspaceSizes,
} from './plan.js';
import { linearFit, marginalCosts, spread, type Spread } from './stats.js';
import type { SizeName } from './sizes.js';
import type { OursRun } from './measure.js';

export interface SizeResult {
  size: SizeName;
  sizes: WorkspaceSizes;
  plan: Plan;
  floorMs: number;
  ours: OursRun[];
  naive: (NaiveResult & { served: number })[];
  /** When the naive baseline was not run at this size: its requests by formula, time by rate. */
  naiveEstimate?: { requests: number; wallMs: number; basis: string };
  /** Injected problems, and per run how many of them a finding names. */
  injected: number;
  found: number[];
  /** Injected problems no finding of the first run names, as `problem resource-id`. */
  missed: string[];
}

export interface ColdStartResult {
  what: string;
  bundleBytes: number;
  /** Spawn to first request (ms) per run; empty when the entry sent none. */
  firstRequestMs: number[];
  exitMs: number[];
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  loadAverage: number[];
  node: string;
  date: string;
}

export interface BenchInput {
  machine: Machine;
  sizes: SizeResult[];
  cold: ColdStartResult[];
  rate: number;
  meanLatencyMs: number;
  notes: string[];
  /** Hand-written closing note (bench/ANALYSIS.md), appended verbatim. */
  analysis?: string;
}

export interface Target {
  name: string;
  pass: boolean | undefined;
  detail: string;
}

const MB = 1024;
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtSpread = (s: Spread, f: (n: number) => string) =>
  s.n <= 1 ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const ratio = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

/** The floor of one run given its own request count (stricter than the plan's when it asks less). */
export function ownFloorMs(
  r: SizeResult,
  o: OursRun,
  input: Pick<BenchInput, 'rate' | 'meanLatencyMs'>,
): number {
  return floorMs({
    requests: o.served,
    ratePerSecond: input.rate,
    chain: r.plan.chain,
    meanLatencyMs: input.meanLatencyMs,
  });
}

export function summarize(r: SizeResult, input?: Pick<BenchInput, 'rate' | 'meanLatencyMs'>) {
  return {
    ownFloor: spread(input ? r.ours.map((o) => ownFloorMs(r, o, input)) : []),
    requests: spread(r.ours.map((o) => o.served)),
    wall: spread(r.ours.map((o) => o.wallMs)),
    rssMb: spread(r.ours.map((o) => o.maxRssKb / MB)),
    r429: spread(r.ours.map((o) => o.served429)),
    errors: spread(r.ours.map((o) => o.bySeverity.error ?? 0)),
    warnings: spread(r.ours.map((o) => o.bySeverity.warning ?? 0)),
    unknowns: spread(r.ours.map((o) => o.bySeverity.unknown ?? 0)),
    found: spread(r.found),
    naiveRequests: spread(r.naive.map((n) => n.served)),
    naiveWall: spread(r.naive.map((n) => n.wallMs)),
    naive429: spread(r.naive.map((n) => n.rateLimited)),
  };
}

/** Requests per endpoint of the median run against the plan's rows, worst overshoot first. */
export function endpointBreakdown(
  r: SizeResult,
): { endpoint: string; plan: number; ours: number }[] {
  const byEndpoint = (name: string) => spread(r.ours.map((o) => o.byEndpoint[name] ?? 0)).median;
  const rows = (Object.keys(PLAN_ENDPOINTS) as PlanRow[]).map((row) => ({
    endpoint: PLAN_ENDPOINTS[row],
    plan: r.plan.rows[row],
    ours: byEndpoint(PLAN_ENDPOINTS[row]),
  }));
  const planned = new Set(Object.values(PLAN_ENDPOINTS));
  const extra = new Set(
    r.ours.flatMap((o) => Object.keys(o.byEndpoint)).filter((e) => !planned.has(e)),
  );
  for (const endpoint of extra) rows.push({ endpoint, plan: 0, ours: byEndpoint(endpoint) });
  return rows;
}

export function evaluateTargets(input: BenchInput): Target[] {
  const targets: Target[] = [];
  for (const r of input.sizes) {
    const s = summarize(r);
    const worst = s.requests.max;
    const over = endpointBreakdown(r)
      .filter((e) => e.ours > e.plan)
      .map((e) => `${e.endpoint} ${e.ours} vs ${e.plan}`);
    targets.push({
      name: `requests ≤ 1.1 × plan at ${r.size}`,
      pass: worst <= 1.1 * r.plan.total,
      detail: `${worst} requests (worst run) vs plan ${r.plan.total} = ${ratio(worst, r.plan.total)}${over.length ? `; over plan: ${over.join(', ')}` : ''}`,
    });
  }
  const m = input.sizes.find((r) => r.size === 'M');
  if (m) {
    const s = summarize(m, input);
    const wall = s.wall.median;
    const floor = s.ownFloor.median;
    targets.push({
      name: 'wall time ≤ 1.25 × floor at M',
      pass: wall <= 1.25 * floor,
      detail: `median ${s1(wall)} vs floor ${s1(floor)} for its own ${s.requests.median} requests = ${ratio(wall, floor)} (vs ${s1(m.floorMs)} for the plan's ${m.plan.total}: ${ratio(wall, m.floorMs)})`,
    });
  } else
    targets.push({ name: 'wall time ≤ 1.25 × floor at M', pass: undefined, detail: 'M not run' });
  const l = input.sizes.find((r) => r.size === 'L');
  if (l) {
    const rss = summarize(l).rssMb.max;
    targets.push({
      name: 'peak RSS ≤ 150 MB at L',
      pass: rss <= 150,
      detail: `${rss.toFixed(0)} MB (largest run)`,
    });
  } else targets.push({ name: 'peak RSS ≤ 150 MB at L', pass: undefined, detail: 'L not run' });
  // Linear: the marginal cost per work unit (Δcost ÷ Δunits between consecutive sizes) stays
  // within 15 % from size to size. Needs three sizes: two points always make a line.
  for (const [label, pick, unit] of [
    [
      'requests',
      (r: SizeResult) => summarize(r).requests.median,
      (n: number) => `${n.toFixed(3)} requests`,
    ],
    ['wall time', (r: SizeResult) => summarize(r).wall.median, (n: number) => `${n.toFixed(0)} ms`],
  ] as const) {
    const name = `${label} linear in (resources ÷ 100 + checked campaigns)`;
    const points = input.sizes.map((r) => ({ x: workUnits(r.sizes), y: pick(r) }));
    const slopes = marginalCosts(points);
    if (slopes.length < 2) {
      targets.push({ name, pass: undefined, detail: 'needs three sizes' });
      continue;
    }
    const lo = Math.min(...slopes);
    const hi = Math.max(...slopes);
    const fit = linearFit(points);
    targets.push({
      name,
      pass: lo > 0 && hi / lo <= 1.15,
      detail: `marginal cost per unit ${slopes.map(unit).join(' then ')} (${input.sizes.map((r) => `${r.size} ${workUnits(r.sizes).toFixed(0)}`).join(', ')} units): ${((hi / lo - 1) * 100).toFixed(1)} % apart (≤ 15 % passes)${fit ? `; least-squares line ${fit.intercept.toFixed(1)} + ${fit.slope.toFixed(3)} × units` : ''}`,
    });
  }
  const total429 = input.sizes.reduce((n, r) => n + r.ours.reduce((k, o) => k + o.served429, 0), 0);
  targets.push({
    name: `no 429 under the default budget (${input.rate}/s)`,
    pass: total429 === 0,
    detail: `${total429} 429s over ${input.sizes.reduce((n, r) => n + r.ours.length, 0)} runs`,
  });
  const cold = input.cold.find((c) => c.firstRequestMs.length > 0);
  if (cold) {
    const first = spread(cold.firstRequestMs);
    targets.push({
      name: 'cold start ≤ 300 ms',
      pass: first.median <= 300,
      detail: `${cold.what}: median ${first.median.toFixed(0)} ms to the first request`,
    });
  } else targets.push({ name: 'cold start ≤ 300 ms', pass: undefined, detail: 'not measured' });
  return targets;
}

export function targetLine(t: Target): string {
  const verdict = t.pass === undefined ? 'N/A ' : t.pass ? 'PASS' : 'MISS';
  return `${verdict}  ${t.name}: ${t.detail}`;
}

export function renderResults(input: BenchInput, targets: Target[]): string {
  const { machine } = input;
  const out: string[] = [];
  out.push('# Benchmark results');
  out.push('');
  out.push(
    `Generated by \`npm run bench\` (bench/run.ts) on ${machine.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(0)} GB memory, load average ${machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the start (shared, noisy host); Node ${machine.node}.`,
  );
  out.push('');
  out.push(
    `Every run is against the simulator (src/simulator) with a random ${input.meanLatencyMs - 30}–${input.meanLatencyMs + 30} ms latency per request and Instantly's current published limit enforced (100/s, 6,000/min); ours uses the default budget of ${input.rate} requests/s and the default config. Figures are medians with the spread (min–max) in brackets; the number of runs is given per size. Requests are counted by the simulator (what reached the wire). Wall time is \`runChecks\` from start to report; the floor is max(requests ÷ ${input.rate}/s, longest dependent chain × ${input.meanLatencyMs} ms), from the request plan of docs/instantly-api.md computed on the generated workspace.`,
  );
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push('```');
  for (const t of targets) out.push(targetLine(t));
  out.push('```');
  out.push('');
  out.push('## Ours against the plan and the floor');
  out.push('');
  out.push(
    '| Size | Workspace (C / K active / A / D / W / failed events) | Runs | Requests | Plan | Req ÷ plan | Wall time | Floor (plan) | Floor (own requests) | Wall ÷ own floor | Peak RSS | 429s | Findings (error / warning / unknown) | Injected problems named |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of input.sizes) {
    const s = summarize(r, input);
    const z = r.sizes;
    out.push(
      `| ${r.size} | ${z.campaigns} / ${z.active} / ${z.accounts} / ${z.domains} / ${z.webhooks} / ${z.failedEvents} | ${r.ours.length} | ${fmtSpread(s.requests, String)} | ${r.plan.total} | ${ratio(s.requests.median, r.plan.total)} | ${fmtSpread(s.wall, s1)} | ${s1(r.floorMs)} | ${s1(s.ownFloor.median)} | ${ratio(s.wall.median, s.ownFloor.median)} | ${fmtSpread(s.rssMb, (n) => `${n.toFixed(0)} MB`)} | ${fmtSpread(s.r429, String)} | ${s.errors.median} / ${s.warnings.median} / ${s.unknowns.median} | ${s.found.median} of ${r.injected} |`,
    );
  }
  out.push('');
  out.push('## Side by side with the naive approach');
  out.push('');
  out.push(
    "The naive baseline (bench/naive.ts) is the common-errors guide written out: sequential, one `GET /campaigns/{id}` and one `POST /leads/list` per campaign, the campaign list paged (it must know every campaign to diagnose it), **one** page of accounts as the guide reads it, one vitals call, the webhook list and summary; 429s retried with the guide's backoff. It runs in the bench process against the same simulator right after ours. It sees at most 100 accounts, so it finds less as well as costing more.",
  );
  out.push('');
  out.push(
    '| Size | Naive runs | Naive requests | Naive wall time | Naive 429s | Ours ÷ naive, requests | Ours ÷ naive, wall time |',
  );
  out.push('|---|---|---|---|---|---|---|');
  for (const r of input.sizes) {
    const s = summarize(r);
    if (r.naive.length > 0) {
      out.push(
        `| ${r.size} | ${r.naive.length} | ${fmtSpread(s.naiveRequests, String)} | ${fmtSpread(s.naiveWall, s1)} | ${fmtSpread(s.naive429, String)} | ${ratio(s.requests.median, s.naiveRequests.median)} | ${ratio(s.wall.median, s.naiveWall.median)} |`,
      );
    } else if (r.naiveEstimate) {
      const e = r.naiveEstimate;
      out.push(
        `| ${r.size} | 0 (estimated: ${e.basis}) | ≈ ${e.requests} | ≈ ${s1(e.wallMs)} | — | ${ratio(s.requests.median, e.requests)} | ${ratio(s.wall.median, e.wallMs)} |`,
      );
    }
  }
  out.push('');
  out.push('## Requests per endpoint (median run) against the plan');
  out.push('');
  const sizes = input.sizes;
  out.push(`| Endpoint | ${sizes.map((r) => `${r.size} plan | ${r.size} ours`).join(' | ')} |`);
  out.push(`|---|${sizes.map(() => '---|---').join('|')}|`);
  const table = new Map<string, string[]>();
  sizes.forEach((r, i) => {
    for (const e of endpointBreakdown(r)) {
      const row = table.get(e.endpoint) ?? Array<string>(sizes.length * 2).fill('0');
      row[i * 2] = String(e.plan);
      row[i * 2 + 1] = e.ours > e.plan ? `**${e.ours}**` : String(e.ours);
      table.set(e.endpoint, row);
    }
  });
  for (const [endpoint, row] of table) out.push(`| \`${endpoint}\` | ${row.join(' | ')} |`);
  out.push('');
  out.push('## Where the time goes (median run)');
  out.push('');
  out.push(
    '| Size | auth | campaigns | accounts | webhooks | Client queue wait (sum over requests) |',
  );
  out.push('|---|---|---|---|---|---|');
  for (const r of sizes) {
    const suite = (name: string) =>
      s1(spread(r.ours.map((o) => o.suites.find((x) => x.name === name)?.durationMs ?? 0)).median);
    out.push(
      `| ${r.size} | ${suite('auth')} | ${suite('campaigns')} | ${suite('accounts')} | ${suite('webhooks')} | ${s1(spread(r.ours.map((o) => o.waitMs)).median)} |`,
    );
  }
  out.push('');
  out.push('## Cold start and bundle');
  out.push('');
  out.push('| Entry | Bundle | Spawn → first request | Spawn → exit |');
  out.push('|---|---|---|---|');
  for (const c of input.cold) {
    const first = spread(c.firstRequestMs);
    const exit = spread(c.exitMs);
    out.push(
      `| ${c.what} | ${(c.bundleBytes / 1024).toFixed(0)} KiB | ${first.n ? fmtSpread(first, (n) => `${n.toFixed(0)} ms`) : 'no request sent'} | ${fmtSpread(exit, (n) => `${n.toFixed(0)} ms`)} |`,
    );
  }
  const missed = input.sizes.filter((r) => r.missed.length > 0);
  if (missed.length > 0) {
    out.push('');
    out.push('## Injected problems no finding names');
    out.push('');
    for (const r of missed) out.push(`- ${r.size}: ${r.missed.map((m) => `\`${m}\``).join(', ')}`);
  }
  if (input.notes.length > 0) {
    out.push('');
    out.push('## Notes on this run');
    out.push('');
    for (const n of input.notes) out.push(`- ${n}`);
  }
  if (input.analysis) {
    out.push('');
    out.push(input.analysis.trim());
  }
  out.push('');
  return out.join('\n');
}
