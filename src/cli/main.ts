import type { Dispatcher } from 'undici';
import { CHECK_IDS } from '../checks/catalog.js';
import { parseCliArgs, settingsFromCli, type OutputOptions } from '../config/cli-args.js';
import { ConfigError, UsageError } from '../config/errors.js';
import { ConfigFile, type NotifySettings, type RunSettings } from '../config/schema.js';
import { mergeSettings } from '../config/settings.js';
import { progressFor } from './progress.js';
import type { RunOutcome } from '../publish/publish.js';
import { notifyStateless } from '../publish/notify-step.js';
import { emit } from '../publish/terminal.js';
import { EXIT, exitCodeFor } from '../report/verdict.js';
import { isAgencyRun, runHealthCheck, runWorkspaces } from '../run-health.js';
import { finishRecording, recorderFor, runReplayCommand } from '../record/command.js';
import { startSimulator } from '../simulator/index.js';
import { TOOL_NAME, VERSION } from '../version.js';

const USAGE = `Usage:
  ${TOOL_NAME} check [--checks auth,campaigns] [--config FILE] [--base-url URL] [--campaign ID]...
                     [--workspace-id ID] [--format text|markdown|json] [--output FILE]
                     [--rate-limit N] [--timeout S] [--fail-on error|warning|never]
                     [--heartbeat-url URL] [--record DIR [--no-redact-emails]]
                     [--notify-url URL [--notify-format auto|slack|teams|discord|json]]
  ${TOOL_NAME} replay DIR [--format text|markdown|json] [--output FILE] [--config FILE]
                     [--checks auth,campaigns] [--fail-on error|warning|never]
  ${TOOL_NAME} demo  [--format text|markdown|json] [--output FILE]
  ${TOOL_NAME} --help | --version

  check   checks the workspace of the key in INSTANTLY_API_KEY (never a flag: shell history)
  demo    runs the same checks against a built-in simulated workspace: no key, no network
  replay  runs the checks against a folder written by check --record DIR: no key, no network
          (--record removes the key and token, and pseudonymises emails unless --no-redact-emails)

Exit codes: 0 no finding at or above --fail-on (default error), 1 findings at or above it,
            2 usage or configuration error, 3 could not check (bad key, no plan, unreachable).
`;

export interface CliContext {
  /** Where INSTANTLY_API_KEY, NO_COLOR and the like come from. */
  env?: NodeJS.ProcessEnv;
  /** Relative paths (`--config`, `--output`) resolve from here. */
  cwd?: string;
}

/**
 * The CLI: parse, run, print; returns the exit code and never throws on bad input (exit 2 with
 * a message). src/cli.ts calls it; tests call it in-process.
 */
export async function main(argv: string[], context: CliContext = {}): Promise<number> {
  const env = context.env ?? process.env;
  let command;
  try {
    command = parseCliArgs(argv, env);
  } catch (err) {
    return usageFailure(err);
  }
  switch (command.command) {
    case 'help':
      process.stdout.write(USAGE);
      return EXIT.ok;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    case 'check': {
      let settings: RunSettings;
      try {
        settings = await settingsFromCli(command, {
          cwd: context.cwd ?? process.cwd(),
          knownChecks: CHECK_IDS,
        });
      } catch (err) {
        return usageFailure(err);
      }
      // record (issue 19): one workspace at a time; an agency run records nothing and says so.
      const agency = isAgencyRun(settings);
      if (agency && command.record)
        process.stderr.write(
          `${TOOL_NAME}: --record records one workspace: give --workspace-id (nothing was recorded).\n`,
        );
      const recorder = agency ? undefined : recorderFor(command.record);
      const outcome = await check(settings, env, recorder?.dispatcher);
      if (outcome.kind === 'single')
        await finishRecording(recorder, outcome.report, settings, (line) =>
          process.stderr.write(`${TOOL_NAME}: ${line}\n`),
        );
      await emit(outcome, command, process.stdout, env);
      if (settings.heartbeatUrl) {
        // Contract section 6: <url> after a run that saw everything, <url>/fail otherwise.
        const { heartbeatAfter } = await import('../publish/heartbeat.js');
        const reports =
          outcome.kind === 'single' ? [outcome.report] : outcome.runs.map((r) => r.report);
        const warning = await heartbeatAfter(settings.heartbeatUrl, reports);
        if (warning) process.stderr.write(`${TOOL_NAME}: ${warning}\n`);
      }
      // --notify-url (contract section 7): a failed notification is a warning, never the exit code.
      if (settings.notify) await notifyCli(outcome, settings.notify, settings.config.issue);
      return exitCode(outcome, settings.failOn);
    }
    case 'replay':
      try {
        return await runReplayCommand(command, {
          cwd: context.cwd ?? process.cwd(),
          knownChecks: CHECK_IDS,
          emit: (report) => emit({ kind: 'single', report }, command, process.stdout, env),
          stderr: (text) => process.stderr.write(text),
        });
      } catch (err) {
        return usageFailure(err);
      }
    case 'demo':
      return demo(command);
  }
}

/** One workspace, or each of the config's `workspaces` in turn through one budget. */
async function check(
  settings: RunSettings,
  env: NodeJS.ProcessEnv,
  dispatcher?: Dispatcher,
): Promise<RunOutcome> {
  const progress = progressFor(process.stderr, env);
  try {
    return isAgencyRun(settings)
      ? {
          kind: 'agency',
          runs: await runWorkspaces(settings, settings.config.workspaces, {
            onProgress: (_workspace, suite, done, total) => {
              progress.update(suite, done, total);
            },
          }),
        }
      : {
          kind: 'single',
          report: await runHealthCheck(settings, {
            ...(dispatcher ? { dispatcher } : {}),
            onProgress: (suite, done, total) => {
              progress.update(suite, done, total);
            },
          }),
        };
  } finally {
    progress.end();
  }
}

async function notifyCli(
  outcome: RunOutcome,
  target: NotifySettings,
  config: RunSettings['config']['issue'],
): Promise<void> {
  const rows =
    outcome.kind === 'single'
      ? [
          {
            id: outcome.report.workspace?.id ?? '',
            name: outcome.report.workspace?.name ?? 'workspace',
            report: outcome.report,
          },
        ]
      : outcome.runs.map((r) => ({ id: r.entry.id, name: r.name, report: r.report }));
  await notifyStateless(target, rows, config, (line) =>
    process.stderr.write(`${TOOL_NAME}: ${line}\n`),
  );
}

/** The worst exit code of the run's workspaces. */
function exitCode(outcome: RunOutcome, failOn: RunSettings['failOn']): number {
  const reports = outcome.kind === 'single' ? [outcome.report] : outcome.runs.map((r) => r.report);
  return Math.max(...reports.map((r) => exitCodeFor(r, failOn)));
}

/** The real engine against the simulator's `demo` workspace on loopback. */
async function demo(output: OutputOptions): Promise<number> {
  const simulator = await startSimulator({ scenario: 'demo' });
  try {
    const settings = mergeSettings(
      { apiKey: simulator.apiKey, baseUrl: simulator.url },
      ConfigFile.parse({}),
    );
    const outcome = await check(settings, process.env);
    await emit(outcome, output);
    if (output.format === 'text' && !output.output)
      process.stderr.write(DEMO_EPILOGUE(simulator.url));
    // The demo's problems are staged: only a run that could not check is a failure.
    return exitCode(outcome, 'never') === EXIT.couldNotCheck ? EXIT.couldNotCheck : EXIT.ok;
  } finally {
    await simulator.stop();
  }
}

const DEMO_EPILOGUE = (url: string) =>
  `\nThis was a simulated workspace (${url}). To check yours, put the key in\n` +
  `the environment without typing it into a command (it would stay in shell history):\n` +
  `  read -rs INSTANTLY_API_KEY && export INSTANTLY_API_KEY\n` +
  `  ${TOOL_NAME} check        (from a clone: node bin/instantly-health.js check)\n`;

function usageFailure(err: unknown): number {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${TOOL_NAME}: ${err.format().split('\n').join(`\n${TOOL_NAME}: `)}\n`);
  if (err instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  return EXIT.usage;
}
