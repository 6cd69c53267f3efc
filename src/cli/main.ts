import path from 'node:path';
import type { Dispatcher } from 'undici';
import { CHECK_IDS } from '../checks/catalog.js';
import { parseCliArgs, settingsFromCli, type OutputOptions } from '../config/cli-args.js';
import { ConfigError, UsageError } from '../config/errors.js';
import { ConfigFile, type RunSettings } from '../config/schema.js';
import { mergeSettings } from '../config/settings.js';
import { progressFor, silentProgress } from './progress.js';
import type { RunOutcome } from '../publish/publish.js';
import { emit, outputProblem, publishCliEffects, reportsOf } from '../publish/terminal.js';
import { forLaunchGate } from '../checks/launch-gate.js';
import { forSurface } from '../checks/hints.js';
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
                     [--quiet | --verbose] [--no-color]
  ${TOOL_NAME} replay DIR [--format text|markdown|json] [--output FILE] [--config FILE]
                     [--checks auth,campaigns] [--fail-on error|warning|never]
                     [--quiet] [--no-color]
  ${TOOL_NAME} demo  [--format text|markdown|json] [--output FILE] [--quiet | --verbose] [--no-color]
  ${TOOL_NAME} --help | --version

  check   checks the workspace of the key in INSTANTLY_API_KEY (never a flag: shell history)
  demo    runs the same checks against a built-in simulated workspace: no key, no network
  replay  runs the checks against a folder written by check --record DIR: no key, no network
          (--record removes the key and token, and pseudonymises emails unless --no-redact-emails)

  --campaign ID  launch gate: only these campaigns (drafts included), their senders and the
                 workspace checks that stop sending; exit 0 = ready to launch (no webhooks)
  --quiet, -q    only the verdict line and errors
  --verbose, -v  also the request log on stderr (redacted)
  --no-color     no colour, as NO_COLOR=1

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
  const cwd = context.cwd ?? process.cwd();
  let command;
  try {
    command = parseCliArgs(argv, env);
  } catch (err) {
    return usageFailure(err);
  }
  if ('output' in command && command.output !== undefined) {
    // Checked before the first request: a run must not end with nowhere to put its report.
    command = { ...command, output: path.resolve(cwd, command.output) };
    const problem = await outputProblem(command.output, cwd);
    if (problem !== undefined)
      return usageFailure(new ConfigError([{ source: '--output', message: problem }]));
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
        settings = forLaunchGate(await settingsFromCli(command, { cwd, knownChecks: CHECK_IDS }));
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
      const outcome = await check(settings, env, command, recorder?.dispatcher);
      if (outcome.kind === 'single') await finishRecording(recorder, outcome.report, settings, say);
      await emit(inCliWords(outcome), command, process.stdout, env);
      await publishCliEffects(outcome, settings, say);
      return exitCode(outcome, settings.failOn);
    }
    case 'replay':
      try {
        return await runReplayCommand(command, {
          cwd,
          knownChecks: CHECK_IDS,
          emit: (report) =>
            emit(inCliWords({ kind: 'single', report }), command, process.stdout, env),
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
  output: OutputOptions,
  dispatcher?: Dispatcher,
): Promise<RunOutcome> {
  // Live progress redraws a terminal line: off with --quiet and --verbose (whose log lines it
  // would overwrite), and with --no-color as with NO_COLOR (contract section 2).
  const progress =
    (output.verbosity ?? 'normal') === 'normal' && output.noColor !== true
      ? progressFor(process.stderr, env)
      : silentProgress;
  // --verbose: the client's request log (each request, its answer and every retry decision),
  // already redacted by the client, the same lines the action shows with step debug logging.
  const client =
    output.verbosity === 'verbose'
      ? {
          client: {
            debug: (line: string) => process.stderr.write(`${TOOL_NAME}: ${line}\n`),
          },
        }
      : {};
  try {
    return isAgencyRun(settings)
      ? {
          kind: 'agency',
          runs: await runWorkspaces(settings, settings.config.workspaces, {
            ...client,
            onProgress: (_workspace, suite, done, total) => {
              progress.update(suite, done, total);
            },
          }),
        }
      : {
          kind: 'single',
          report: await runHealthCheck(settings, {
            ...client,
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

/** The run's hints in the CLI's words: flags and environment variables, not inputs and secrets. */
function inCliWords(outcome: RunOutcome): RunOutcome {
  return outcome.kind === 'single'
    ? { kind: 'single', report: forSurface(outcome.report, 'cli') }
    : {
        ...outcome,
        runs: outcome.runs.map((r) => ({ ...r, report: forSurface(r.report, 'cli') })),
      };
}

/** The worst exit code of the run's workspaces. */
function exitCode(outcome: RunOutcome, failOn: RunSettings['failOn']): number {
  return Math.max(...reportsOf(outcome).map((r) => exitCodeFor(r, failOn)));
}

/** The real engine against the simulator's `demo` workspace on loopback. */
async function demo(output: OutputOptions): Promise<number> {
  const simulator = await startSimulator({ scenario: 'demo' });
  try {
    const settings = mergeSettings(
      { apiKey: simulator.apiKey, baseUrl: simulator.url },
      ConfigFile.parse({}),
    );
    const outcome = await check(settings, process.env, output);
    await emit(inCliWords(outcome), output);
    if (output.format === 'text' && !output.output && output.verbosity !== 'quiet')
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

/** A line on stderr, prefixed with the tool's name. */
function say(line: string): void {
  process.stderr.write(`${TOOL_NAME}: ${line}\n`);
}

function usageFailure(err: unknown): number {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${TOOL_NAME}: ${err.format().split('\n').join(`\n${TOOL_NAME}: `)}\n`);
  if (err instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  return EXIT.usage;
}
