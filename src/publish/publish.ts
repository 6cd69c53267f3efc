import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as ActionsCore from '@actions/core';
import { annotationOf, ConfigError } from '../config/errors.js';
import type { ActionSettings } from '../config/inputs.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from '../report/annotations.js';
import { blindLine, blindSuites } from '../report/blind.js';
import { failedReport } from '../report/failed.js';
import { countFindings } from '../report/format.js';
import { renderJson } from '../report/json.js';
import type { Report } from '../model/report.js';
import { actionOutputs } from '../report/outputs.js';
import { renderSummary } from '../report/summary.js';
import { failsStep } from '../report/verdict.js';
import type { WorkspaceRun } from '../run-health.js';
import { runUrlFromEnv } from '../tracking/body.js';
import type { GitHubClientOptions } from '../tracking/github.js';
import { renderTrendSummary } from '../tracking/trend.js';
import { aggregateOutputs, combinedReport } from './aggregate.js';
import { heartbeatAfter, type HeartbeatOptions } from './heartbeat.js';
import { notifyFailureSection, notifyRows } from './notify-step.js';
import { renderAgencySummary, type AgencySummaryRow } from './overview.js';
import type { Plan } from '../tracking/planner.js';
import type { SendOptions } from '../notify/send.js';

/**
 * The action's publishing, one function for one workspace and for many: the JSON report file,
 * one tracking issue per workspace, annotations, outputs, the job summary and the step's
 * verdict. It never throws: what cannot be written is a warning, and the rest is still written.
 */

export const REPORT_FILE = 'instantly-health-report.json';

const CANCELLED =
  'The run was cancelled (SIGINT/SIGTERM): what was checked before is reported; unfinished checks are unknown and the tracking issue may not be updated.';

/** Time the tracking phase may take past the run's `timeout` (seconds). */
export const TRACKING_GRACE_SECONDS = 60;

/**
 * The report's file: unique per step (`GITHUB_ACTION` is the step's id, or a generated one such
 * as `__owner_repo_2` for a second unnamed use), so two steps in one job do not overwrite each
 * other's report.
 */
export function reportPathFor(env: NodeJS.ProcessEnv): string {
  const step = (env.GITHUB_ACTION ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 100);
  const name = step ? REPORT_FILE.replace(/\.json$/, `-${step}.json`) : REPORT_FILE;
  return path.join(env.RUNNER_TEMP ?? tmpdir(), name);
}

/** GitHub rejects issue titles longer than this (422), in every mode. */
export const ISSUE_TITLE_MAX = 256;

/** What publish needs of @actions/core (tests hand in a recording double). */
export type PublishCore = Pick<
  typeof ActionsCore,
  'error' | 'warning' | 'setOutput' | 'setFailed' | 'summary'
>;

/** One workspace's report, or an agency run's (`workspaces:` in the config). */
export type RunOutcome =
  { kind: 'single'; report: Report } | { kind: 'agency'; runs: WorkspaceRun[] };

export interface PublishOptions {
  core: PublishCore;
  /** Absent when the inputs could not be read: no tracking then. */
  settings?: ActionSettings | undefined;
  /** octokit settings for the tracking issues (tests turn write spacing off). */
  github?: GitHubClientOptions | undefined;
  env?: NodeJS.ProcessEnv;
  /**
   * The tracking phase's deadline: by default the run's `timeout` from `startedAt` plus
   * `TRACKING_GRACE_SECONDS`. Past it, requests to GitHub end and the run finishes.
   */
  trackingDeadline?: AbortSignal;
  /** When the run started (for the default tracking deadline). */
  startedAt?: Date;
  /** Heartbeat transport settings (tests use short timeouts). */
  heartbeat?: HeartbeatOptions;
  /** Aborted by SIGINT/SIGTERM: tracking stops, the summary says so and the step fails. */
  cancelled?: AbortSignal;
  /** The notification sender's waits and retries (tests shorten them). */
  notify?: SendOptions | undefined;
}

export async function publish(outcome: RunOutcome, options: PublishOptions): Promise<void> {
  const { core, settings, env = process.env } = options;
  const agency = outcome.kind === 'agency';
  const rows: Row[] = runsOf(outcome, settings).map((run) => ({
    id: run.entry.id,
    name: run.name,
    report: run.report,
    regressed: false,
  }));

  // Everything that needs no GitHub call comes first, so a run stopped during tracking (a
  // GitHub that never answers, the step's timeout-minutes, a cancel) still leaves the report,
  // the outputs and the summary. They are written again once tracking is known.
  const reportPath = reportPathFor(env);
  const written = await writeReport(outcome, rows, reportPath, core);
  annotate(rows, agency, core);
  const local: LocalFiles = {
    reportPath: written ? reportPath : undefined,
    summaryPath: await summaryPathFor(env, core),
    extra: '',
  };
  await writeLocal(rows, agency, local, options);

  const trackingFailures: string[] = [];
  if (settings) {
    const timeout =
      options.trackingDeadline ??
      AbortSignal.timeout(
        Math.max(
          0,
          (options.startedAt?.getTime() ?? Date.now()) +
            (settings.timeoutSeconds + TRACKING_GRACE_SECONDS) * 1000 -
            Date.now(),
        ),
      );
    const deadline = options.cancelled ? AbortSignal.any([timeout, options.cancelled]) : timeout;
    for (const [index, run] of runsOf(outcome, settings).entries()) {
      const tracked = await track(settings, run, agency, options, deadline);
      if (tracked.failed) trackingFailures.push(tracked.failed);
      const row = rows[index];
      if (row) Object.assign(row, tracked);
    }
    // Notifications (contract section 7): from each workspace's tracking plan, after tracking.
    if (settings.notify) {
      const failures = await notifyRows(
        settings.notify,
        rows,
        agency,
        runUrlFromEnv(env),
        core.warning,
        options.notify,
      );
      local.extra = notifyFailureSection(failures);
    }
    if (agency) await writeReport(outcome, rows, reportPath, core);
    await writeLocal(rows, agency, local, options);
  }

  const failing = rows.filter((r) => failsStep(r.report, settings?.failOn ?? 'error'));
  if (options.cancelled?.aborted) core.setFailed(CANCELLED);
  else if (failing.length > 0) core.setFailed(verdictLine(failing, rows.length, agency));
  else if (trackingFailures.length > 0) core.setFailed(trackingFailures.join(' '));

  const heartbeatUrl = settings?.heartbeatUrl;
  if (heartbeatUrl) {
    const reports = rows.map((r) => r.report);
    const warning = await heartbeatAfter(heartbeatUrl, reports, options.heartbeat);
    if (warning) core.warning(warning);
  }
}

/** The workspaces of this run, one for a single run. */
function runsOf(outcome: RunOutcome, settings: ActionSettings | undefined): WorkspaceRun[] {
  return outcome.kind === 'agency'
    ? outcome.runs
    : [
        {
          entry: { id: settings?.workspaceId ?? '' },
          name: outcome.report.workspace?.name ?? settings?.workspaceId ?? 'workspace',
          report: outcome.report,
        },
      ];
}

/** Writes the JSON report; false when it could not be written (then `report-path` stays empty). */
async function writeReport(
  outcome: RunOutcome,
  rows: Row[],
  reportPath: string,
  core: PublishCore,
): Promise<boolean> {
  try {
    const json =
      outcome.kind === 'agency'
        ? JSON.stringify(combinedReport(rows), null, 2) + '\n'
        : renderJson(outcome.report);
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, json);
    return true;
  } catch (err) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${String(err)}`);
    return false;
  }
}

function annotate(rows: Row[], agency: boolean, core: PublishCore): void {
  // GitHub shows 10 annotations per level and step: share them between the workspaces.
  const perWorkspace = Math.max(1, Math.floor(ANNOTATIONS_PER_LEVEL / Math.max(1, rows.length)));
  for (const row of rows) {
    for (const a of planAnnotations(row.report, { maxPerLevel: perWorkspace })) {
      const log = a.level === 'error' ? core.error : core.warning;
      log(a.message, { title: agency ? `${row.name}: ${a.title}` : a.title });
    }
  }
}

/** The step's own files: the report (undefined when unwritable), the summary file, extra summary text. */
interface LocalFiles {
  reportPath: string | undefined;
  /** Output `summary-path`: empty when its folder could not be made. */
  summaryPath: string;
  extra: string;
}

/**
 * Output `summary-path`: the job summary as a markdown file for later steps, in its own folder
 * under RUNNER_TEMP so two steps of one job never overwrite each other's. Empty when unwritable.
 */
async function summaryPathFor(env: NodeJS.ProcessEnv, core: PublishCore): Promise<string> {
  const temp = env.RUNNER_TEMP ?? tmpdir();
  try {
    await mkdir(temp, { recursive: true });
    return path.join(await mkdtemp(path.join(temp, 'instantly-health-summary-')), 'summary.md');
  } catch (err) {
    core.warning(`Could not make a folder for the summary file under ${temp}: ${String(err)}`);
    return '';
  }
}

/** Outputs and the job summary (overwritten: the second write replaces the first). */
async function writeLocal(
  rows: Row[],
  agency: boolean,
  { reportPath, summaryPath, extra }: LocalFiles,
  { core, env = process.env, cancelled }: PublishOptions,
): Promise<void> {
  const single = rows[0];
  const outputs =
    agency || !single
      ? aggregateOutputs(rows, reportPath ?? '')
      : actionOutputs(single.report, single, reportPath ?? '');
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);

  const note = cancelled?.aborted ? `> [!WARNING]\n> ${CANCELLED}\n\n` : '';
  const summary = note + summaryOf(rows, agency, runUrlFromEnv(env)) + extra;
  let summaryWritten = '';
  if (summaryPath) {
    try {
      await writeFile(summaryPath, summary);
      summaryWritten = summaryPath;
    } catch (err) {
      core.warning(`Could not write the summary file ${summaryPath}: ${String(err)}`);
    }
  }
  core.setOutput('summary-path', summaryWritten);

  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.emptyBuffer().addRaw(summary, true).write({ overwrite: true });
    } catch (err) {
      core.warning(`Could not write the job summary: ${String(err)}`);
    }
  }
}

type Row = AgencySummaryRow & Pick<Tracked, 'failed' | 'plan'>;

function summaryOf(rows: Row[], agency: boolean, runUrl: string | undefined): string {
  const row = rows[0];
  if (agency || !row) return renderAgencySummary(rows, runUrl ? { runUrl } : {});
  const trendSection = renderTrendSummary(row.trend ?? []);
  return renderSummary(row.report, {
    ...(row.issueUrl ? { issueUrl: row.issueUrl } : {}),
    ...(runUrl ? { runUrl } : {}),
    ...(trendSection ? { extraSections: [trendSection] } : {}),
    ...(row.failed ? { trackingError: row.failed } : {}),
  });
}

function verdictLine(failing: AgencySummaryRow[], total: number, agency: boolean): string {
  const [only] = failing;
  if (!agency && only) {
    const report = only.report;
    if (report.status === 'failed') {
      return report.failure
        ? `${report.failure.message} ${report.failure.remediation}`
        : 'instantly-health could not check the workspace.';
    }
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const others = report.findings.length - errors;
    const blind = blindSuites(report);
    // Section 6: a suite that checked nothing is why the step fails, said first.
    const why = blind.length > 0 ? `${blindLine(blind)} ` : '';
    return `${why}Instantly workspace is ${report.status}: ${errors} error(s), ${others} warning or unknown finding(s). See the job summary.`;
  }
  const list = failing.map((r) => {
    const c = countFindings(r.report.findings);
    const blind = blindSuites(r.report);
    return r.report.status === 'failed'
      ? `${r.name} (could not check)`
      : `${r.name} (${r.report.status}: ${c.errors} error(s), ${c.warnings} warning(s)${blind.length > 0 ? `; could not check ${blind.map((b) => b.suite).join(', ')}` : ''})`;
  });
  return `${failing.length} of ${total} Instantly workspaces fail the check: ${list.join('; ')}. See the job summary.`;
}

/**
 * The title of a workspace's tracking issue: `issue-title`, else one naming the workspace; in an
 * agency run each workspace has its own issue, so the title always names it. Capped at GitHub's
 * limit without splitting a surrogate pair.
 */
export function issueTitle(configured: string | undefined, name: string, agency: boolean): string {
  const title =
    configured === undefined
      ? `Instantly health: ${name}`
      : agency
        ? `${configured} (${name})`
        : configured;
  if (title.length <= ISSUE_TITLE_MAX) return title;
  const cut = title.slice(0, ISSUE_TITLE_MAX);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

interface Tracked {
  regressed: boolean;
  issueNumber?: number;
  issueUrl?: string;
  trend?: AgencySummaryRow['trend'];
  /** Set when the tracking issue could not be written although create-issue asked for it. */
  failed?: string;
  /** The tracking plan (its `blind` field says whether a blind streak started or ended). */
  plan?: Plan;
}

async function track(
  settings: ActionSettings,
  run: WorkspaceRun,
  agency: boolean,
  { core, github, env = process.env }: PublishOptions,
  deadline: AbortSignal,
): Promise<Tracked> {
  const { tracking } = settings;
  const who = agency ? `${run.name}: ` : '';
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!tracking.token || !owner || !repo) {
    if (tracking.create)
      core.warning(
        `${who}${agency ? 'no' : 'No'} GitHub token or repository: the tracking issue was skipped.`,
      );
    return { regressed: false };
  }
  const runUrl = runUrlFromEnv();
  // Loaded here, after the checks: octokit and its plugins take a third of the bundle's start-up,
  // which would otherwise delay the first Instantly request.
  const { trackHealth } = await import('../tracking/track.js');
  const result = await trackHealth({
    report: run.report,
    token: tracking.token,
    repo: { owner, repo },
    labels: tracking.labels,
    assignees: tracking.assignees,
    title: issueTitle(tracking.title, run.name, agency),
    config: tracking.config,
    ...(runUrl ? { runUrl } : {}),
    dryRun: !tracking.create,
    agency,
    // A run that cannot name its workspace (a revoked key) finds its issue by this id.
    ...(!agency && settings.workspaceId ? { workspaceId: settings.workspaceId } : {}),
    ...(agency && run.entry.id ? { workspaceId: run.entry.id } : {}),
    client: { ...github, signal: deadline },
  });
  for (const warning of result.warnings) core.warning(`${who}${warning}`);
  const out: Tracked = { regressed: result.regressed };
  if (result.issueNumber !== undefined) out.issueNumber = result.issueNumber;
  if (result.issueUrl !== undefined) out.issueUrl = result.issueUrl;
  if (result.trend) out.trend = result.trend;
  if (result.plan) out.plan = result.plan;
  if (result.error) {
    if (tracking.create) {
      const suffix = agency ? ` (${run.name})` : '';
      core.error(result.error.message, { title: `instantly-health: tracking issue${suffix}` });
      out.failed = `The tracking issue${agency ? ` of ${run.name}` : ''} could not be updated: ${result.error.message}`;
    } else {
      core.warning(
        `${who}${agency ? 'could' : 'Could'} not read the tracking issue: ${result.error.message}`,
      );
    }
  }
  return out;
}

/**
 * The report of a run that could not start: bad inputs or config (each problem also an
 * annotation at its line) or an unexpected error. The action still publishes it.
 */
export function reportForError(
  err: unknown,
  startedAt: Date,
  core: Pick<PublishCore, 'error'>,
): Report {
  if (err instanceof ConfigError) {
    for (const problem of err.problems) {
      const { message, properties } = annotationOf(problem);
      core.error(message, properties);
    }
    return failedReport({
      cause: 'config',
      message: `The action's inputs or config file are invalid:\n${err.format()}`,
      remediation: 'Fix the inputs or the config file as each line says, then re-run the workflow.',
      startedAt,
      finishedAt: new Date(),
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return failedReport({
    cause: 'internal',
    message: `instantly-health stopped unexpectedly: ${message}`,
    remediation:
      'Re-run the workflow; if it happens again, open an issue on instantly-health with this message.',
    startedAt,
    finishedAt: new Date(),
  });
}
