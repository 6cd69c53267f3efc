import { countFindings } from '../report/format.js';
import type { Report, Status } from '../model/report.js';
import type { OutputName } from '../report/outputs.js';

/**
 * The action's outputs when several workspaces are checked in one run (pure):
 * - `status`: the worst workspace's (failed > unhealthy > degraded > healthy);
 * - `errors`, `warnings`: sums over the workspaces;
 * - `regressed`: true when any workspace regressed;
 * - `issue-number`, `issue-url`: the tracking issue of the first workspace (in config order)
 *   with the worst status that has one; the summary's overview table links every issue;
 * - `report-path`: the combined JSON file (see `combinedReport`).
 */

export interface WorkspaceOutcome {
  id: string;
  name: string;
  report: Report;
  regressed: boolean;
  issueNumber?: number;
  issueUrl?: string;
}

const STATUS_RANK: Record<Status, number> = { healthy: 0, degraded: 1, unhealthy: 2, failed: 3 };

export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>(
    (worst, s) => (STATUS_RANK[s] > STATUS_RANK[worst] ? s : worst),
    'healthy',
  );
}

export function aggregateOutputs(
  outcomes: readonly WorkspaceOutcome[],
  reportPath: string,
): Record<OutputName, string> {
  const status = worstStatus(outcomes.map((o) => o.report.status));
  let errors = 0;
  let warnings = 0;
  for (const o of outcomes) {
    const counts = countFindings(o.report.findings);
    errors += counts.errors;
    warnings += counts.warnings;
  }
  const withIssue = outcomes.filter((o) => o.issueUrl !== undefined);
  const pick =
    withIssue.find((o) => o.report.status === status) ??
    [...withIssue].sort((a, b) => STATUS_RANK[b.report.status] - STATUS_RANK[a.report.status])[0];
  return {
    status,
    errors: String(errors),
    warnings: String(warnings),
    regressed: outcomes.some((o) => o.regressed) ? 'true' : 'false',
    'issue-number': pick?.issueNumber === undefined ? '' : String(pick.issueNumber),
    'issue-url': pick?.issueUrl ?? '',
    'report-path': reportPath,
  };
}

/**
 * The file at `report-path` for a multi-workspace run: every workspace's full report (contract
 * section 4) with its tracking issue, under the aggregate status.
 */
export function combinedReport(outcomes: readonly WorkspaceOutcome[]) {
  return {
    schemaVersion: 1 as const,
    status: worstStatus(outcomes.map((o) => o.report.status)),
    workspaces: outcomes.map((o) => ({
      id: o.id,
      name: o.name,
      status: o.report.status,
      ...countFindings(o.report.findings),
      ...(o.issueNumber === undefined ? {} : { issueNumber: o.issueNumber }),
      ...(o.issueUrl === undefined ? {} : { issueUrl: o.issueUrl }),
      report: o.report,
    })),
  };
}
