import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as ActionsCore from '@actions/core';
import { CHECK_IDS } from './checks/catalog.js';
import { annotationOf, ConfigError } from './config/errors.js';
import { settingsFromActionInputs, type ActionSettings } from './config/inputs.js';
import { planAnnotations } from './report/annotations.js';
import { failedReport } from './report/failed.js';
import { renderJson } from './report/json.js';
import type { Report } from './report/model.js';
import { actionOutputs, type TrackingOutcome } from './report/outputs.js';
import { renderSummary } from './report/summary.js';
import { failsStep } from './report/verdict.js';
import { runHealthCheck } from './run-health.js';
import { actionInput, isDebug, logDebug, logInfo, maskSecret } from './runner-io.js';
import { runUrlFromEnv } from './tracking/body.js';
import { renderTrendSummary, type TrendPoint } from './tracking/trend.js';
import { recordRequestFromInput } from './record/action.js'; // record (issue 19)
import { finishRecording, recorderFor } from './record/command.js'; // record (issue 19)

const REPORT_FILE = 'instantly-health-report.json';

/**
 * @actions/core, loaded by run() once the checks are done (see src/runner-io.ts for why). Before
 * that line, use runner-io.ts: this is undefined until then.
 */
let core: typeof ActionsCore;

/**
 * The action: read and validate inputs once, run the engine, then write the JSON report, the
 * tracking issue, annotations, outputs and the job summary. It never throws: every failure,
 * bad input included, still ends with a report and a summary that say what happened.
 */
export async function run(): Promise<void> {
  const startedAt = new Date();
  const env = process.env;
  // Masked before anything else can print it; raw (untrimmed) so whitespace is reported, not hidden.
  const rawKey = actionInput('api-key', { trimWhitespace: false });
  for (const secret of new Set([rawKey, rawKey.trim()])) if (secret) maskSecret(secret);

  let settings: ActionSettings | undefined;
  let report: Report | undefined;
  let failure: unknown;
  try {
    settings = await settingsFromActionInputs(
      (name) => actionInput(name, { trimWhitespace: name !== 'api-key' }),
      {
        cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
        knownChecks: CHECK_IDS,
      },
    );
    // `workspaces` in the config: many sub-workspaces, one report and issue each. Imported only
    // then: agency/action.js loads @actions/core and octokit, which would delay the first request.
    if (settings.config.workspaces.length > 0) {
      const agency = await import('./agency/action.js');
      if (agency.isAgencyRun(settings)) {
        await agency.runAgencyAction(settings);
        return;
      }
    }
    const recorder = recorderFor(recordRequestFromInput(actionInput('record'), env.RUNNER_TEMP), [
      rawKey,
      settings.tracking.token,
    ]); // record (issue 19)
    report = await runHealthCheck(settings, {
      ...(recorder ? { dispatcher: recorder.dispatcher } : {}), // record (issue 19)
      onProgress: (suite, done, total) => {
        if (done === total) logInfo(`${suite}: ${done}/${total} checked`);
      },
      // Step debug logging (ACTIONS_STEP_DEBUG) shows each request and retry decision; the
      // client redacts these lines like its errors.
      ...(isDebug()
        ? {
            client: {
              debug: (line: string) => {
                logDebug(line);
              },
            },
          }
        : {}),
    });
    await finishRecording(recorder, report, settings, logInfo); // record (issue 19)
  } catch (err) {
    failure = err;
  }
  core = await import('@actions/core');
  report ??= reportForError(failure, startedAt);

  const reportPath = path.join(env.RUNNER_TEMP ?? tmpdir(), REPORT_FILE);
  await writeReport(reportPath, report);

  const tracking = settings ? await track(settings, report) : undefined;

  for (const annotation of planAnnotations(report)) {
    const log = annotation.level === 'error' ? core.error : core.warning;
    log(annotation.message, { title: annotation.title });
  }
  for (const [name, value] of Object.entries(actionOutputs(report, tracking, reportPath))) {
    core.setOutput(name, value);
  }
  await writeSummary(report, tracking);

  if (failsStep(report, settings?.failOn ?? 'error')) {
    core.setFailed(verdictLine(report));
  } else if (tracking?.failed) {
    core.setFailed(tracking.failed);
  }
}

function reportForError(err: unknown, startedAt: Date): Report {
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

async function writeReport(reportPath: string, report: Report): Promise<void> {
  try {
    await mkdir(path.dirname(reportPath), { recursive: true });
    await writeFile(reportPath, renderJson(report));
  } catch (err) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${String(err)}`);
  }
}

interface ActionTracking extends TrackingOutcome {
  /** Set when the tracking issue could not be written although create-issue asked for it. */
  failed?: string;
  trend?: TrendPoint[];
}

async function track(
  settings: ActionSettings,
  report: Report,
): Promise<ActionTracking | undefined> {
  const { tracking } = settings;
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!tracking.token || !owner || !repo) {
    if (tracking.create)
      core.warning('No GitHub token or repository: the tracking issue was skipped.');
    return undefined;
  }
  const workspaceName = report.workspace?.name ?? settings.workspaceId ?? 'workspace';
  const runUrl = runUrlFromEnv();
  // Loaded here, after the checks: octokit and its plugins take a third of the bundle's start-up,
  // which would otherwise delay the first Instantly request.
  const { trackHealth } = await import('./tracking/track.js');
  const result = await trackHealth({
    report,
    token: tracking.token,
    repo: { owner, repo },
    labels: tracking.labels,
    assignees: tracking.assignees,
    title: tracking.title ?? `Instantly health: ${workspaceName}`,
    config: tracking.config,
    ...(runUrl ? { runUrl } : {}),
    dryRun: !tracking.create,
  });
  for (const warning of result.warnings) core.warning(warning);
  const outcome: ActionTracking = { regressed: result.regressed };
  if (result.issueNumber !== undefined) outcome.issueNumber = result.issueNumber;
  if (result.issueUrl !== undefined) outcome.issueUrl = result.issueUrl;
  if (result.trend) outcome.trend = result.trend;
  if (result.error) {
    if (tracking.create) {
      core.error(result.error.message, { title: 'instantly-health: tracking issue' });
      outcome.failed = `The tracking issue could not be updated: ${result.error.message}`;
    } else {
      core.warning(`Could not read the tracking issue: ${result.error.message}`);
    }
  }
  return outcome;
}

async function writeSummary(report: Report, tracking: ActionTracking | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    const runUrl = runUrlFromEnv();
    const trendSection = renderTrendSummary(tracking?.trend ?? []);
    const markdown = renderSummary(report, {
      ...(tracking?.issueUrl ? { issueUrl: tracking.issueUrl } : {}),
      ...(runUrl ? { runUrl } : {}),
      ...(trendSection ? { extraSections: [trendSection] } : {}),
      ...(tracking?.failed ? { trackingError: tracking.failed } : {}),
    });
    await core.summary.addRaw(markdown, true).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${String(err)}`);
  }
}

function verdictLine(report: Report): string {
  if (report.status === 'failed') {
    return report.failure
      ? `${report.failure.message} ${report.failure.remediation}`
      : 'instantly-health could not check the workspace.';
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const others = report.findings.length - errors;
  return `Instantly workspace is ${report.status}: ${errors} error(s), ${others} warning or unknown finding(s). See the job summary.`;
}
