import type { Dispatcher } from 'undici';
import { runChecks, toStats } from './checks/engine.js';
import type { RunSettings, WorkspaceEntry } from './config/schema.js';
import {
  createInstantlyClient,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_RATE_LIMIT,
  RateBudget,
  type ClientOptions,
} from './instantly/client.js';
import type { InstantlyApi } from './instantly/api.js';
import { systemClock, type Clock } from './instantly/clock.js';
import { failedReport } from './report/failed.js';
import type { Report, SuiteName } from './model/report.js';
import { remediate } from './remediation/remediate.js';

export interface HealthRunOptions {
  onProgress?: (suite: SuiteName, done: number, total: number) => void;
  /** Tests and the benchmark may route requests elsewhere. */
  dispatcher?: Dispatcher;
  /**
   * Client tuning for tests and the benchmark (short retry waits, a seeded jitter, a short
   * per-request timeout) and the step-debug request log; production runs use the defaults.
   */
  client?: Pick<
    ClientOptions,
    'retry' | 'random' | 'requestTimeoutMs' | 'maxConcurrency' | 'debug' | 'clock' | 'maskAlso'
  >;
  /** The engine's clock (the run's "now"); tests pin it to the simulator's day. */
  now?: () => Date;
  /**
   * A rate budget shared with other runs (many workspaces through one agency key spend one rate
   * limit); by default the run's client makes its own at `settings.rateLimit`.
   */
  budget?: RateBudget;
  /** A deadline shared with other runs; by default one of `settings.timeoutSeconds` from now. */
  deadline?: RunDeadline;
}

/** When the run must end: the signal fires at `at` (epoch milliseconds). */
export interface RunDeadline {
  signal: AbortSignal;
  at: number;
}

/** `at` is read on the client's clock: tests that skip waits on an injected clock skip them here too. */
export function deadlineIn(
  timeoutSeconds: number,
  clock: Clock = systemClock,
  cancel?: AbortSignal,
): RunDeadline {
  const ms = timeoutSeconds * 1000;
  const timeout = AbortSignal.timeout(ms);
  // A cancelled run (SIGINT/SIGTERM) ends like a timeout: what is known becomes the report.
  return { signal: cancel ? AbortSignal.any([timeout, cancel]) : timeout, at: clock.now() + ms };
}

/**
 * One health run, shared by the action and the CLI: one deadline for the whole run, handed to
 * both the client (so in-flight requests and retry waits stop) and the engine (so unfinished
 * suites become `unknown` findings), and one client whose statistics go into the report.
 */
export async function runHealthCheck(
  settings: RunSettings,
  options: HealthRunOptions = {},
): Promise<Report> {
  const deadline =
    options.deadline ?? deadlineIn(settings.timeoutSeconds, options.client?.clock ?? systemClock);
  const client = createInstantlyClient({
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    workspaceId: settings.workspaceId,
    rateLimit: settings.rateLimit,
    signal: deadline.signal,
    deadlineAt: deadline.at,
    ...(options.budget ? { budget: options.budget } : {}),
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...options.client,
  });
  try {
    const report = await runChecks({
      api: client,
      settings,
      deadline: deadline.signal,
      ...(options.now ? { now: options.now } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // After the checks, never before: remediation acts only on what they found.
    return await withRemediation(report, client, settings, deadline.signal);
  } finally {
    await client.close();
  }
}

/** The report with its `remediation`, when the config asks for any. */
export async function withRemediation(
  report: Report,
  api: InstantlyApi,
  settings: RunSettings,
  signal?: AbortSignal,
): Promise<Report> {
  const remediation = await remediate({
    api,
    report,
    config: settings.config.remediate,
    ...(signal ? { signal } : {}),
  });
  // The stats then count remediation's requests too: they spend the same shared rate limit.
  return remediation ? { ...report, remediation, stats: toStats(api) } : report;
}

/**
 * An agency run: `workspaces` in the config and no `workspace-id` (which picks one workspace).
 * The one place this is decided, for the action and the CLI.
 */
export function isAgencyRun(settings: RunSettings): boolean {
  return settings.config.workspaces.length > 0 && settings.workspaceId === undefined;
}

export interface WorkspaceRun {
  entry: WorkspaceEntry;
  /** The name to show: the config's, else the API's, else the id. */
  name: string;
  report: Report;
}

export interface WorkspacesRunOptions extends Omit<HealthRunOptions, 'onProgress'> {
  onProgress?: (workspace: string, suite: SuiteName, done: number, total: number) => void;
}

/**
 * Many sub-workspaces in one run, through one agency key (`x-as-workspace`). One deadline for
 * the whole run and one rate budget for every request: Instantly does not document whether
 * requests made as a sub-workspace count against the agency's limit or the sub-workspace's
 * (docs/instantly-api.md), so the safe reading is that they all share one. Workspaces run one
 * after another, each through `runHealthCheck` with its own client (its own header and
 * statistics, so each report shows its own cost) drawing on that budget.
 */
export async function runWorkspaces(
  settings: RunSettings,
  workspaces: readonly WorkspaceEntry[],
  options: WorkspacesRunOptions = {},
): Promise<WorkspaceRun[]> {
  const { onProgress, ...shared } = options;
  const deadline = options.deadline ?? deadlineIn(settings.timeoutSeconds);
  const budget =
    options.budget ??
    new RateBudget({
      rate: settings.rateLimit || DEFAULT_RATE_LIMIT,
      maxConcurrency: DEFAULT_MAX_CONCURRENCY,
      clock: systemClock,
    });
  const runs: WorkspaceRun[] = [];
  for (const entry of workspaces) {
    const startedAt = new Date();
    const name = entry.name ?? entry.id;
    let report: Report;
    try {
      report = await runHealthCheck(
        { ...settings, workspaceId: entry.id },
        {
          ...shared,
          budget,
          deadline,
          ...(onProgress
            ? {
                onProgress: (suite, done, total) => {
                  onProgress(name, suite, done, total);
                },
              }
            : {}),
        },
      );
    } catch (err) {
      // One workspace's crash must not hide the others' results.
      report = failedReport({
        cause: 'internal',
        message: `instantly-health stopped unexpectedly on workspace ${entry.id}: ${err instanceof Error ? err.message : String(err)}`,
        remediation:
          'Re-run the workflow; if it happens again, open an issue on instantly-health with this message.',
        startedAt,
        finishedAt: new Date(),
      });
    }
    runs.push({ entry, name: entry.name ?? report.workspace?.name ?? entry.id, report });
  }
  return runs;
}
