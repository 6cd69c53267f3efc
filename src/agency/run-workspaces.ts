import type { Dispatcher } from 'undici';
import { runChecks } from '../checks/engine.js';
import type { RunSettings, WorkspaceEntry } from '../config/schema.js';
import {
  createInstantlyClient,
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_RATE_LIMIT,
  RateBudget,
} from '../instantly/client.js';
import { systemClock } from '../instantly/clock.js';
import { failedReport } from '../report/failed.js';
import type { Report, SuiteName } from '../report/model.js';
import { withRemediation } from '../run-health.js';

/**
 * Many sub-workspaces in one run, through one agency key (`x-as-workspace`). One deadline for
 * the whole run and one rate budget for every request: Instantly does not document whether
 * requests made as a sub-workspace count against the agency's limit or the sub-workspace's
 * (docs/instantly-api.md, "Auth and scopes"), so the safe reading is that they all share one. Workspaces run one after
 * another, each with its own client (its own header and statistics, so each report shows its
 * own cost) drawing on that budget.
 */

export interface WorkspaceRun {
  entry: WorkspaceEntry;
  /** The name to show: the config's, else the API's, else the id. */
  name: string;
  report: Report;
}

export interface WorkspacesRunOptions {
  onProgress?: (workspace: string, suite: SuiteName, done: number, total: number) => void;
  /** Tests route requests elsewhere. */
  dispatcher?: Dispatcher;
  /** The shared budget (tests inspect it); by default one at `settings.rateLimit`. */
  budget?: RateBudget;
}

export async function runWorkspaces(
  settings: RunSettings,
  workspaces: readonly WorkspaceEntry[],
  options: WorkspacesRunOptions = {},
): Promise<WorkspaceRun[]> {
  const timeoutMs = settings.timeoutSeconds * 1000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const deadlineAt = Date.now() + timeoutMs;
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
    const own: RunSettings = { ...settings, workspaceId: entry.id };
    let report: Report;
    const client = createInstantlyClient({
      apiKey: settings.apiKey,
      baseUrl: settings.baseUrl,
      workspaceId: entry.id,
      budget,
      signal: deadline,
      deadlineAt,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    try {
      const checked = await runChecks({
        api: client,
        settings: own,
        deadline,
        ...(options.onProgress
          ? {
              onProgress: (suite: SuiteName, done: number, total: number) =>
                options.onProgress?.(entry.name ?? entry.id, suite, done, total),
            }
          : {}),
      });
      report = await withRemediation(checked, client, own, deadline);
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
    } finally {
      await client.close();
    }
    runs.push({ entry, name: entry.name ?? report.workspace?.name ?? entry.id, report });
  }
  return runs;
}
