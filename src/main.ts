import { CHECK_IDS } from './checks/catalog.js';
import { settingsFromActionInputs, type ActionSettings } from './config/inputs.js';
import type { GitHubClientOptions } from './tracking/github.js';
import type { RunOutcome } from './publish/publish.js';
import { actionInput, isDebug, logDebug, logInfo, maskSecret } from './publish/runner-io.js';
import {
  deadlineIn,
  isAgencyRun,
  runHealthCheck,
  runWorkspaces,
  type HealthRunOptions,
} from './run-health.js';
import { recordRequestFromInput } from './record/action.js';
import { finishRecording, recorderFor } from './record/command.js';

export interface ActionOptions {
  /** octokit settings for the tracking issues (tests turn write spacing off). */
  github?: GitHubClientOptions;
  /** The tracking phase's deadline (tests give a short one); see `PublishOptions`. */
  trackingDeadline?: AbortSignal;
  /** Stands in for SIGINT/SIGTERM in tests: aborting it cancels the run. */
  cancel?: AbortController;
}

/** After a cancel, the most the run may take to write what it knows before it exits anyway. */
const CANCEL_EXIT_MS = 8_000;

/**
 * SIGINT/SIGTERM (a cancelled workflow: GitHub sends SIGINT, then SIGTERM 7.5 s later) abort the
 * run instead of killing it: the checks stop as at a timeout, tracking stops, and the report,
 * outputs and a summary saying the run was cancelled are still written.
 */
function onSignals(cancel: AbortController): () => void {
  let fallback: NodeJS.Timeout | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (!cancel.signal.aborted) {
      cancel.abort(new DOMException(`cancelled (${signal})`, 'AbortError'));
    }
    // Should writing what is known itself hang, exit before the runner's final kill.
    fallback ??= setTimeout(() => process.exit(1), CANCEL_EXIT_MS).unref();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    clearTimeout(fallback);
  };
}

/**
 * The action: read and validate inputs once, run the engine for one workspace or many, then
 * publish (src/publish/publish.ts). It never throws: every failure, bad input included, still
 * ends with a report and a summary that say what happened.
 */
export async function run(options: ActionOptions = {}): Promise<void> {
  const startedAt = new Date();
  const env = process.env;
  const cancel = options.cancel ?? new AbortController();
  const stopListening = onSignals(cancel);
  // Masked before anything else can print it; raw (untrimmed) so whitespace is reported, not hidden.
  const rawKey = actionInput('api-key', { trimWhitespace: false });
  for (const secret of new Set([rawKey, rawKey.trim()])) if (secret) maskSecret(secret);
  // notify-url is a secret too: a webhook URL carries its token in the path (contract section 7).
  const notifyUrl = actionInput('notify-url').trim();
  if (notifyUrl) maskSecret(notifyUrl);

  let settings: ActionSettings | undefined;
  let outcome: RunOutcome | undefined;
  let failure: unknown;
  try {
    settings = await settingsFromActionInputs(
      (name) => actionInput(name, { trimWhitespace: name !== 'api-key' }),
      { cwd: env.GITHUB_WORKSPACE ?? process.cwd(), knownChecks: CHECK_IDS },
    );
    // A notify.url from the config file is masked like the input.
    if (settings.notify && settings.notify.url !== notifyUrl) maskSecret(settings.notify.url);
    // Step debug logging (ACTIONS_STEP_DEBUG) shows each request and retry decision, in every
    // mode; the client redacts these lines like its errors.
    // The GitHub token is masked in decoded API text too, like the key (the client masks its own key).
    if (settings.heartbeatUrl) maskSecret(settings.heartbeatUrl);
    const maskAlso = settings.tracking.token ? [settings.tracking.token] : [];
    const client: HealthRunOptions['client'] = isDebug()
      ? { debug: logDebug, maskAlso }
      : { maskAlso };
    // record (issue 19): one workspace's requests and answers, redacted, for replay or support.
    const recorder = isAgencyRun(settings)
      ? undefined
      : recorderFor(recordRequestFromInput(actionInput('record'), env.RUNNER_TEMP), [
          rawKey,
          settings.tracking.token,
        ]);
    const deadline = deadlineIn(settings.timeoutSeconds, undefined, cancel.signal);
    outcome = isAgencyRun(settings)
      ? {
          kind: 'agency',
          runs: await runWorkspaces(settings, settings.config.workspaces, {
            client,
            deadline,
            onProgress: (workspace, suite, done, total) => {
              if (done === total) logInfo(`${workspace} · ${suite}: ${done}/${total} checked`);
            },
          }),
        }
      : {
          kind: 'single',
          report: await runHealthCheck(settings, {
            client,
            deadline,
            ...(recorder ? { dispatcher: recorder.dispatcher } : {}),
            onProgress: (suite, done, total) => {
              if (done === total) logInfo(`${suite}: ${done}/${total} checked`);
            },
          }),
        };
    if (outcome.kind === 'single') {
      await finishRecording(recorder, outcome.report, settings, logInfo);
    }
  } catch (err) {
    failure = err;
  }
  // Loaded only now, after the checks (see src/publish/runner-io.ts for why).
  const core = await import('@actions/core');
  const { publish, reportForError } = await import('./publish/publish.js');
  outcome ??= { kind: 'single', report: reportForError(failure, startedAt, core) };
  await publish(outcome, {
    core,
    settings,
    github: options.github,
    startedAt,
    cancelled: cancel.signal,
    ...(options.trackingDeadline ? { trackingDeadline: options.trackingDeadline } : {}),
  });
  stopListening();
}
