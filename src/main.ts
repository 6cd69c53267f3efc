import { CHECK_IDS } from './checks/catalog.js';
import { settingsFromActionInputs, type ActionSettings } from './config/inputs.js';
import type { GitHubClientOptions } from './tracking/github.js';
import type { RunOutcome } from './publish/publish.js';
import { actionInput, isDebug, logDebug, logInfo, maskSecret } from './publish/runner-io.js';
import { isAgencyRun, runHealthCheck, runWorkspaces, type HealthRunOptions } from './run-health.js';
import { recordRequestFromInput } from './record/action.js';
import { finishRecording, recorderFor } from './record/command.js';

export interface ActionOptions {
  /** octokit settings for the tracking issues (tests turn write spacing off). */
  github?: GitHubClientOptions;
}

/**
 * The action: read and validate inputs once, run the engine for one workspace or many, then
 * publish (src/publish/publish.ts). It never throws: every failure, bad input included, still
 * ends with a report and a summary that say what happened.
 */
export async function run(options: ActionOptions = {}): Promise<void> {
  const startedAt = new Date();
  const env = process.env;
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
    outcome = isAgencyRun(settings)
      ? {
          kind: 'agency',
          runs: await runWorkspaces(settings, settings.config.workspaces, {
            client,
            onProgress: (workspace, suite, done, total) => {
              if (done === total) logInfo(`${workspace} · ${suite}: ${done}/${total} checked`);
            },
          }),
        }
      : {
          kind: 'single',
          report: await runHealthCheck(settings, {
            client,
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
  await publish(outcome, { core, settings, github: options.github });
}
