/**
 * The fault matrix of issue 9: every suite × every fault, run through the real engine and the
 * real client against the simulator. Shared by the jest test (which asserts each cell) and
 * `scripts/fault-matrix.ts` (which prints the table of requests and times).
 */
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';
import type { Finding, Report, SuiteName } from '../../src/model/report.js';
import { FaultSet } from '../../src/simulator/faults.js';
import { renderSummary } from '../../src/report/summary.js';
import { runHealthCheck } from '../../src/run-health.js';
import { SkipClock } from './skip-clock.js';
import {
  startSimulator,
  type Fault,
  type InjectedProblem,
  type LoggedRequest,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator/index.js';

export const SIM_NOW = new Date('2026-11-30T12:00:00.000Z');
/**
 * The run's deadline in every cell: short, so a hang costs seconds; long enough that a storm of
 * 429s with Retry-After: 1 (a workspace-wide pause of about 5 s) still lets the other suites finish.
 */
export const TIMEOUT_SECONDS = 8;
/** What a run may take past its deadline: closing sockets, rendering. Not a timing threshold. */
export const GRACE_MS = 2_000;
/** The client's production policy except the waits: 5 retries (6 attempts) per request. */
export const MAX_ATTEMPTS = 6;
// 429s are retried by time (two minute windows in production); here a fraction of a second.
const RETRY = { baseDelayMs: 10, maxDelayMs: 40, rateLimitWindowMs: 300 };
/**
 * 429s are bounded by time, not count: within the window, one attempt per shortest wait (half
 * the base delay with random() = 0.5) at most, plus the first.
 */
export const MAX_RATE_LIMITED_ATTEMPTS =
  Math.ceil(RETRY.rateLimitWindowMs / (RETRY.baseDelayMs / 2)) + 1;

export const SUITES = ['auth', 'campaigns', 'accounts', 'webhooks'] as const satisfies SuiteName[];

/**
 * The endpoints each suite reads. A fault on them may change that suite and the suites that
 * read the same shared list (campaigns and accounts share `/campaigns` and `/accounts`); every
 * other suite must come out exactly as in the fault-free run.
 */
export const TARGETS: Record<(typeof SUITES)[number], { paths: string[]; mayAffect: SuiteName[] }> =
  {
    // auth is the gate: when it cannot run at all, nothing else runs and the report is `failed`.
    auth: { paths: ['/workspaces/current'], mayAffect: ['auth'] },
    campaigns: { paths: ['/campaigns/**'], mayAffect: ['campaigns', 'accounts'] },
    accounts: { paths: ['/accounts/**'], mayAffect: ['accounts', 'campaigns'] },
    webhooks: { paths: ['/webhooks/**', '/webhook-events/**'], mayAffect: ['webhooks'] },
  };

/**
 * `unknown`: the affected checks become `unknown` findings (at least one), and nothing else
 * changes. `tolerated`: the client reads past the fault (a retry succeeds, an unknown field is
 * ignored) and the whole report is the fault-free one. `no-false-finding`: whatever changed is
 * `unknown` (a missing field that some checks do not need). `undocumented`: an unknown enum
 * value becomes a warning naming it.
 */
export type Expectation = 'unknown' | 'tolerated' | 'no-false-finding' | 'undocumented';

export interface FaultCase {
  name: string;
  /** The faults on one target path, `times: 'always'` unless the case says otherwise. */
  faults: (path: string) => Fault[];
  /** Simulator options for the case (a workspace cooldown is the rate limiter's, not a fault). */
  simulator?: Partial<SimulatorOptions>;
  /** Before the run: used by the cooldown case to trip the limiter. */
  prepare?: (sim: RunningSimulator) => Promise<void>;
  expect: Expectation;
  /**
   * The fault pauses the whole client (a Retry-After past the deadline): any suite may end
   * with `unknown` findings for requests it could not send, never with other changes.
   */
  pausesWorkspace?: boolean;
  /** Whole-workspace faults (the cooldown) are one row, not one per suite. */
  workspaceWide?: boolean;
  /**
   * The run's deadline for this case, when not `TIMEOUT_SECONDS`: a hang can only end at the
   * deadline, which is real time (waits are skipped, a socket that never answers is not).
   */
  timeoutSeconds?: number;
}

type FaultWithoutPath = Fault extends infer F ? (F extends Fault ? Omit<F, 'path'> : never) : never;

const always = (fault: FaultWithoutPath) => (path: string) => [
  { ...fault, path, times: 'always' } as Fault,
];

export const FAULT_CASES: FaultCase[] = [
  {
    name: '429 storm, no Retry-After',
    faults: always({ kind: 'rate-limited' }),
    expect: 'unknown',
  },
  {
    name: '429 storm, Retry-After: 1',
    faults: always({ kind: 'rate-limited', retryAfter: 1 }),
    expect: 'unknown',
  },
  {
    name: '429 with Retry-After: 600 (cooldown announced)',
    faults: always({ kind: 'rate-limited', retryAfter: 600 }),
    expect: 'unknown',
    // Instantly's limit is per workspace: its Retry-After pauses every request of the run.
    pausesWorkspace: true,
  },
  {
    name: '5xx burst of 3, then recovers',
    faults: (path) => [{ kind: 'server-error', status: 503, path, times: 3 }],
    expect: 'tolerated',
  },
  {
    name: '5xx storm (502, always)',
    faults: always({ kind: 'server-error', status: 502 }),
    expect: 'unknown',
  },
  { name: 'connection reset (always)', faults: always({ kind: 'reset' }), expect: 'unknown' },
  {
    name: 'hang past the deadline',
    faults: always({ kind: 'hang' }),
    expect: 'unknown',
    timeoutSeconds: 3,
  },
  { name: 'malformed JSON', faults: always({ kind: 'malformed-json' }), expect: 'unknown' },
  { name: 'HTML 403 (CDN block)', faults: always({ kind: 'html-403' }), expect: 'unknown' },
  { name: '200 with {"error": ...}', faults: always({ kind: 'error-in-200' }), expect: 'unknown' },
  {
    name: 'drift: extra fields',
    faults: always({ kind: 'drift', drift: 'extra-field' }),
    expect: 'tolerated',
  },
  {
    name: 'drift: unknown enum value',
    faults: always({ kind: 'drift', drift: 'unknown-enum' }),
    expect: 'undocumented',
  },
  {
    name: 'drift: optional field missing',
    faults: always({ kind: 'drift', drift: 'missing-optional' }),
    expect: 'no-false-finding',
  },
  {
    name: 'workspace rate-limit cooldown (legacy limit, 10 s)',
    faults: () => [],
    simulator: { rateLimit: 'legacy', cooldownMs: 10_000, cooldownAfter: 10 },
    // Trip the limiter the way another tool on the same workspace would: 110 requests at once.
    prepare: async (sim) => {
      await Promise.all(
        Array.from({ length: 110 }, () =>
          fetch(`${sim.url}/api/v2/workspaces/current`, {
            headers: { authorization: `Bearer ${sim.apiKey}` },
          }).then((r) => r.arrayBuffer()),
        ),
      );
      sim.clearLog();
    },
    expect: 'unknown',
    workspaceWide: true,
  },
];

/** Requests that went to the cell's faulted endpoints. */
export function targetedRequests(result: CellResult): LoggedRequest[] {
  if (result.suite === 'workspace') return result.log;
  const set = new FaultSet(
    TARGETS[result.suite].paths.map((path) => ({ kind: 'hang', path, times: 'always' })),
  );
  return result.log.filter(
    (e) => set.take(e.method, e.path.replace(/^\/api\/v2/, '')) !== undefined,
  );
}

export interface CellResult {
  suite: (typeof SUITES)[number] | 'workspace';
  fault: string;
  report: Report;
  summary: string;
  log: LoggedRequest[];
  /** The problems the scenario injected (what a correct run finds). */
  injected: readonly InjectedProblem[];
  /** Requests per endpoint template the simulator saw. */
  requests: Record<string, number>;
  /** Wall time of the run, from before the engine starts to the report. */
  wallMs: number;
}

export function endpointOf(entry: Pick<LoggedRequest, 'method' | 'path'>): string {
  const path = entry.path
    .replace(/^\/api\/v2/, '')
    .replace(/^\/campaigns\/(?!analytics$)[^/]+/, '/campaigns/{id}');
  return `${entry.method} ${path}`;
}

function countByEndpoint(log: readonly LoggedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of log) {
    const key = endpointOf(entry);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** One run of the whole action engine against a fresh simulator with the given faults. */
export async function runCell(
  suite: (typeof SUITES)[number] | 'workspace',
  fault: FaultCase | undefined,
  /** The deadline when neither the fault nor `TIMEOUT_SECONDS` should set it (the reference run). */
  timeoutSeconds?: number,
): Promise<CellResult> {
  const paths = suite === 'workspace' ? [] : TARGETS[suite].paths;
  const faults = fault ? paths.flatMap((p) => fault.faults(p)) : [];
  const sim = await startSimulator({
    scenario: 'broken',
    seed: 7,
    now: SIM_NOW,
    faults,
    ...fault?.simulator,
  });
  try {
    await fault?.prepare?.(sim);
    const settings = mergeSettings(
      {
        apiKey: sim.keys.readOnly,
        baseUrl: sim.url,
        timeoutSeconds: fault?.timeoutSeconds ?? timeoutSeconds ?? TIMEOUT_SECONDS,
        rateLimit: 1000,
      },
      ConfigFile.parse({}),
    );
    // The simulator's day, moving at real speed: findings are stable, durations are real.
    const realStart = Date.now();
    const now = () => new Date(SIM_NOW.getTime() + (Date.now() - realStart));
    const report = await runHealthCheck(settings, {
      now,
      // Backoff, Retry-After pauses and pacing on an injected clock: no real waiting.
      client: { retry: RETRY, random: () => 0.5, clock: new SkipClock() },
    });
    const wallMs = Date.now() - realStart;
    const log = [...sim.log];
    return {
      suite,
      fault: fault?.name ?? 'none',
      report,
      summary: renderSummary(report),
      log,
      injected: sim.data.injected,
      requests: countByEndpoint(log),
      wallMs,
    };
  } finally {
    await sim.stop();
  }
}

/** Findings of the given suites, in a stable order, for comparing two runs. */
export function findingsOf(report: Report, suites: readonly SuiteName[]): Finding[] {
  return report.findings
    .filter((f) => suites.includes(f.suite))
    .sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}

export interface Cell {
  suite: (typeof SUITES)[number] | 'workspace';
  fault: FaultCase;
}

export function cells(): Cell[] {
  return FAULT_CASES.flatMap((fault): Cell[] =>
    fault.workspaceWide
      ? [{ suite: 'workspace', fault }]
      : SUITES.map((suite) => ({ suite, fault })),
  );
}
