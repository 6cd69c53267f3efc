import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import type { ActionSettings } from '../config/inputs.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from '../report/annotations.js';
import { countFindings } from '../report/format.js';
import { failsStep } from '../report/verdict.js';
import { runUrlFromEnv } from '../tracking/body.js';
import type { GitHubClientOptions } from '../tracking/github.js';
import { trackHealth } from '../tracking/track.js';
import { aggregateOutputs, combinedReport } from './aggregate.js';
import { runWorkspaces, type WorkspaceRun, type WorkspacesRunOptions } from './run-workspaces.js';
import { renderAgencySummary, type AgencySummaryRow } from './summary.js';

/**
 * The action for `workspaces:` in the config: every listed sub-workspace in one run, one report
 * and one tracking issue each, then one overview. Like the single-workspace action it never
 * throws: a workspace that cannot be checked is a `failed` row, not a crashed step.
 */

export const COMBINED_REPORT_FILE = 'instantly-health-report.json';

/** `workspaces` in the config and no `workspace-id` input (which picks one workspace). */
export function isAgencyRun(settings: ActionSettings): boolean {
  return settings.config.workspaces.length > 0 && settings.workspaceId === undefined;
}

export interface AgencyActionOptions extends Pick<WorkspacesRunOptions, 'dispatcher' | 'budget'> {
  /** octokit settings for the tracking issues (tests turn write spacing off). */
  github?: GitHubClientOptions;
}

export async function runAgencyAction(
  settings: ActionSettings,
  options: AgencyActionOptions = {},
): Promise<void> {
  const { github, ...runOptions } = options;
  const runs = await runWorkspaces(settings, settings.config.workspaces, {
    onProgress: (workspace, suite, done, total) => {
      if (done === total) core.info(`${workspace} · ${suite}: ${done}/${total} checked`);
    },
    ...runOptions,
  });

  const rows: AgencySummaryRow[] = [];
  const trackingFailures: string[] = [];
  for (const run of runs) {
    const tracked = await track(settings, run, github);
    if (tracked.failed) trackingFailures.push(tracked.failed);
    rows.push({
      id: run.entry.id,
      name: run.name,
      report: run.report,
      regressed: tracked.regressed,
      ...(tracked.issueNumber === undefined ? {} : { issueNumber: tracked.issueNumber }),
      ...(tracked.issueUrl === undefined ? {} : { issueUrl: tracked.issueUrl }),
      ...(tracked.trend ? { trend: tracked.trend } : {}),
    });
  }

  const reportPath = path.join(process.env.RUNNER_TEMP ?? tmpdir(), COMBINED_REPORT_FILE);
  try {
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, JSON.stringify(combinedReport(rows), null, 2) + '\n');
  } catch (err) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${String(err)}`);
  }

  // GitHub shows 10 annotations per level and step: share them between the workspaces.
  const perWorkspace = Math.max(1, Math.floor(ANNOTATIONS_PER_LEVEL / Math.max(1, rows.length)));
  for (const row of rows) {
    for (const a of planAnnotations(row.report, { maxPerLevel: perWorkspace })) {
      const log = a.level === 'error' ? core.error : core.warning;
      log(a.message, { title: `${row.name}: ${a.title}` });
    }
  }
  for (const [name, value] of Object.entries(aggregateOutputs(rows, reportPath))) {
    core.setOutput(name, value);
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      const runUrl = runUrlFromEnv();
      await core.summary.addRaw(renderAgencySummary(rows, runUrl ? { runUrl } : {}), true).write();
    } catch (err) {
      core.warning(`Could not write the job summary: ${String(err)}`);
    }
  }

  const failing = rows.filter((r) => failsStep(r.report, settings.failOn));
  if (failing.length > 0) {
    const list = failing.map((r) => {
      const c = countFindings(r.report.findings);
      return r.report.status === 'failed'
        ? `${r.name} (could not check)`
        : `${r.name} (${r.report.status}: ${c.errors} error(s), ${c.warnings} warning(s))`;
    });
    core.setFailed(
      `${failing.length} of ${rows.length} Instantly workspaces fail the check: ${list.join('; ')}. See the job summary.`,
    );
  } else if (trackingFailures.length > 0) {
    core.setFailed(trackingFailures.join(' '));
  }
}

interface Tracked {
  regressed: boolean;
  issueNumber?: number;
  issueUrl?: string;
  trend?: AgencySummaryRow['trend'];
  failed?: string;
}

async function track(
  settings: ActionSettings,
  run: WorkspaceRun,
  github: GitHubClientOptions | undefined,
): Promise<Tracked> {
  const { tracking } = settings;
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!tracking.token || !owner || !repo) {
    if (tracking.create)
      core.warning(`${run.name}: no GitHub token or repository: the tracking issue was skipped.`);
    return { regressed: false };
  }
  const runUrl = runUrlFromEnv();
  // One issue per workspace, so its title must say which.
  const title = tracking.title
    ? `${tracking.title} (${run.name})`
    : `Instantly health: ${run.name}`;
  const result = await trackHealth({
    report: run.report,
    token: tracking.token,
    repo: { owner, repo },
    labels: tracking.labels,
    assignees: tracking.assignees,
    title: title.slice(0, 256),
    config: tracking.config,
    ...(runUrl ? { runUrl } : {}),
    dryRun: !tracking.create,
    ...(github ? { client: github } : {}),
  });
  for (const warning of result.warnings) core.warning(`${run.name}: ${warning}`);
  const out: Tracked = { regressed: result.regressed };
  if (result.issueNumber !== undefined) out.issueNumber = result.issueNumber;
  if (result.issueUrl !== undefined) out.issueUrl = result.issueUrl;
  if (result.trend) out.trend = result.trend;
  if (result.error) {
    if (tracking.create) {
      core.error(result.error.message, { title: `instantly-health: tracking issue (${run.name})` });
      out.failed = `The tracking issue of ${run.name} could not be updated: ${result.error.message}`;
    } else {
      core.warning(`${run.name}: could not read the tracking issue: ${result.error.message}`);
    }
  }
  return out;
}
