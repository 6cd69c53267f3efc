import type { IssueConfig, NotifySettings } from '../config/schema.js';
import type { Report } from '../model/report.js';
import { notifyWorkspace } from '../notify/notify.js';
import type { SendOptions } from '../notify/send.js';
import { escapeInline } from '../report/escape.js';
import { plan, type Plan } from '../tracking/planner.js';

/**
 * Publishing's notification step (contract section 7), after tracking: each workspace whose
 * tracking plan has an event gets its messages. A failure is a warning in the log and a line in
 * the job summary, never a failed step.
 */

export interface NotifyRow {
  id: string;
  name: string;
  report: Report;
  issueUrl?: string | undefined;
  /** Absent when tracking did not plan (no token, no workspace, a failed read). */
  plan?: Plan | undefined;
}

export async function notifyRows(
  target: NotifySettings,
  rows: readonly NotifyRow[],
  agency: boolean,
  runUrl: string | undefined,
  warn: (message: string) => void,
  send: SendOptions = {},
): Promise<string[]> {
  const failures: string[] = [];
  for (const row of rows) {
    if (!row.plan) continue;
    const outcome = await notifyWorkspace(
      target,
      {
        plan: row.plan,
        report: row.report,
        workspace: { id: row.report.workspace?.id ?? row.id, name: row.name },
        issueUrl: row.issueUrl,
        runUrl,
      },
      send,
    );
    for (const failure of outcome.failures) {
      const line = agency ? `${row.name}: ${failure}` : failure;
      warn(line);
      failures.push(line);
    }
  }
  return failures;
}

/** The summary's note on notifications that failed (the receiver's answer is outside text). */
export function notifyFailureSection(failures: readonly string[]): string {
  if (failures.length === 0) return '';
  const lines = failures.map((f) => `- ${escapeInline(f)}`);
  return `\n\n### Notifications\n\n${lines.join('\n')}\n`;
}

/**
 * The CLI's notifications: it keeps no tracking state, so each run is planned as if no issue
 * existed and a run with errors reaching `failure_threshold` sends `regressed`.
 */
export async function notifyStateless(
  target: NotifySettings,
  rows: readonly Omit<NotifyRow, 'plan'>[],
  config: IssueConfig,
  warn: (message: string) => void,
  send: SendOptions = {},
): Promise<string[]> {
  const now = new Date();
  const planned = rows.map((row) => ({
    ...row,
    plan: plan(null, row.report, config, now, { hasOpenIssue: false, recentlyClosed: false }),
  }));
  return notifyRows(target, planned, rows.length > 1, undefined, warn, send);
}
