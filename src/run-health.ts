import type { Dispatcher } from 'undici';
import { runChecks, toStats } from './checks/engine.js';
import type { RunSettings } from './config/schema.js';
import { createInstantlyClient, type ClientOptions } from './instantly/client.js';
import { systemClock } from './instantly/clock.js';
import type { InstantlyApi } from './instantly/api.js';
import type { Report, SuiteName } from './report/model.js';
import { remediate } from './remediation/remediate.js';

export interface HealthRunOptions {
  onProgress?: (suite: SuiteName, done: number, total: number) => void;
  /** Tests and the benchmark may route requests elsewhere. */
  dispatcher?: Dispatcher;
  /**
   * Client tuning for tests and the benchmark (short retry waits, a seeded jitter, a short
   * per-request timeout); production runs use the client's defaults.
   */
  client?: Pick<
    ClientOptions,
    'retry' | 'random' | 'requestTimeoutMs' | 'maxConcurrency' | 'debug' | 'clock' | 'maskAlso'
  >;
  /** The engine's clock (the run's "now"); tests pin it to the simulator's day. */
  now?: () => Date;
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
  const timeoutMs = settings.timeoutSeconds * 1000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const client = createInstantlyClient({
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    workspaceId: settings.workspaceId,
    rateLimit: settings.rateLimit,
    signal: deadline,
    // In the client's clock: tests that skip waits on an injected clock skip them here too.
    deadlineAt: (options.client?.clock ?? systemClock).now() + timeoutMs,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    ...options.client,
  });
  try {
    const report = await runChecks({
      api: client,
      settings,
      deadline,
      ...(options.now ? { now: options.now } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // After the checks, never before: remediation acts only on what they found.
    return await withRemediation(report, client, settings, deadline);
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
