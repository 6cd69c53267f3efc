import type { Dispatcher } from 'undici';
import { runChecks } from './checks/engine.js';
import type { RunSettings } from './config/schema.js';
import { createInstantlyClient } from './instantly/client.js';
import type { Report, SuiteName } from './report/model.js';

export interface HealthRunOptions {
  onProgress?: (suite: SuiteName, done: number, total: number) => void;
  /** Tests and the benchmark may route requests elsewhere. */
  dispatcher?: Dispatcher;
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
    deadlineAt: Date.now() + timeoutMs,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  try {
    return await runChecks({
      api: client,
      settings,
      deadline,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } finally {
    await client.close();
  }
}
