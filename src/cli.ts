#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { CHECK_IDS } from './checks/catalog.js';
import { parseCliArgs, settingsFromCli, type OutputOptions } from './config/cli-args.js';
import { ConfigError, UsageError } from './config/errors.js';
import { ConfigFile, type RunSettings } from './config/schema.js';
import { mergeSettings } from './config/settings.js';
import { progressFor } from './cli/progress.js';
import { renderJson } from './report/json.js';
import type { Report } from './report/model.js';
import { renderMarkdown } from './report/summary.js';
import { colorEnabled, renderText } from './report/text.js';
import { EXIT, exitCodeFor } from './report/verdict.js';
import { runHealthCheck } from './run-health.js';
import { combinedReport } from './agency/aggregate.js';
import { runWorkspaces } from './agency/run-workspaces.js';
import { renderAgencySummary } from './agency/summary.js';
import { escapeTerminal } from './report/escape.js';
import { startSimulator } from './simulator/index.js';
import { TOOL_NAME, VERSION } from './version.js';
import { finishRecording, recorderFor, runReplayCommand } from './record/command.js'; // record/replay (issue 19)
import type { Dispatcher } from 'undici'; // record/replay (issue 19)

const USAGE = `Usage:
  ${TOOL_NAME} check [--checks auth,campaigns] [--config FILE] [--base-url URL] [--campaign ID]...
                     [--workspace-id ID] [--format text|markdown|json] [--output FILE]
                     [--rate-limit N] [--timeout S] [--fail-on error|warning|never]
                     [--record DIR [--no-redact-emails]]
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

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv, process.env);
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
        settings = await settingsFromCli(command, { cwd: process.cwd(), knownChecks: CHECK_IDS });
      } catch (err) {
        return usageFailure(err);
      }
      if (settings.config.workspaces.length > 0 && settings.workspaceId === undefined) {
        if (command.record)
          process.stderr.write(
            `${TOOL_NAME}: --record records one workspace: give --workspace-id (nothing was recorded).\n`,
          ); // record (issue 19)
        return checkWorkspaces(settings, command);
      }
      const recorder = recorderFor(command.record); // record (issue 19)
      const report = await check(settings, recorder?.dispatcher); // record (issue 19): dispatcher
      await finishRecording(recorder, report, settings, (line) =>
        process.stderr.write(`${TOOL_NAME}: ${line}\n`),
      ); // record (issue 19)
      await emit(report, command);
      return exitCodeFor(report, settings.failOn);
    }
    case 'replay': // replay (issue 19): the logic lives in src/record/command.ts
      try {
        return await runReplayCommand(command, {
          cwd: process.cwd(),
          knownChecks: CHECK_IDS,
          emit: (report) => emit(report, command),
          stderr: (text) => process.stderr.write(text),
        });
      } catch (err) {
        return usageFailure(err);
      }
    case 'demo':
      return demo(command);
  }
}

async function check(settings: RunSettings, dispatcher?: Dispatcher): Promise<Report> {
  const progress = progressFor(process.stderr, process.env);
  try {
    return await runHealthCheck(settings, {
      ...(dispatcher ? { dispatcher } : {}), // record (issue 19)
      onProgress: (suite, done, total) => {
        progress.update(suite, done, total);
      },
    });
  } finally {
    progress.end();
  }
}

/** `workspaces` in the config: each sub-workspace in turn, one budget; the worst exit code. */
async function checkWorkspaces(settings: RunSettings, output: OutputOptions): Promise<number> {
  const progress = progressFor(process.stderr, process.env);
  let runs;
  try {
    runs = await runWorkspaces(settings, settings.config.workspaces, {
      onProgress: (_workspace, suite, done, total) => {
        progress.update(suite, done, total);
      },
    });
  } finally {
    progress.end();
  }
  const rows = runs.map((r) => ({
    id: r.entry.id,
    name: r.name,
    report: r.report,
    regressed: false,
  }));
  let text: string;
  if (output.format === 'json') text = JSON.stringify(combinedReport(rows), null, 2);
  else if (output.format === 'markdown') text = renderAgencySummary(rows);
  else {
    const target = output.output ? { isTTY: false } : process.stdout;
    text = rows
      .map(
        (r) =>
          `== ${escapeTerminal(r.name, { max: 120 })} (${escapeTerminal(r.id, { max: 64 })}) ==\n` +
          renderText(r.report, {
            color: colorEnabled(target, process.env),
            ...(process.stdout.columns ? { width: process.stdout.columns } : {}),
          }),
      )
      .join('\n');
  }
  if (!text.endsWith('\n')) text += '\n';
  if (output.output) await writeFile(output.output, text);
  else process.stdout.write(text);
  return Math.max(...rows.map((r) => exitCodeFor(r.report, settings.failOn)));
}

/** The real engine against the simulator's `demo` workspace on loopback. */
async function demo(output: OutputOptions): Promise<number> {
  const simulator = await startSimulator({ scenario: 'demo' });
  try {
    const settings = mergeSettings(
      { apiKey: simulator.apiKey, baseUrl: simulator.url },
      ConfigFile.parse({}),
    );
    const report = await check(settings);
    await emit(report, output);
    if (output.format === 'text' && !output.output) {
      process.stderr.write(
        `\nThis was a simulated workspace (${simulator.url}). To check yours, put the key in\n` +
          `the environment without typing it into a command (it would stay in shell history):\n` +
          `  read -rs INSTANTLY_API_KEY && export INSTANTLY_API_KEY\n` +
          `  ${TOOL_NAME} check        (from a clone: node bin/instantly-health.js check)\n`,
      );
    }
    // The demo's problems are staged: only a run that could not check is a failure.
    return report.status === 'failed' ? EXIT.couldNotCheck : EXIT.ok;
  } finally {
    await simulator.stop();
  }
}

async function emit(report: Report, output: OutputOptions): Promise<void> {
  let text: string;
  if (output.format === 'json') text = renderJson(report);
  else if (output.format === 'markdown') text = renderMarkdown(report);
  else {
    const target = output.output ? { isTTY: false } : process.stdout;
    text = renderText(report, {
      color: colorEnabled(target, process.env),
      ...(process.stdout.columns ? { width: process.stdout.columns } : {}),
    });
  }
  if (!text.endsWith('\n')) text += '\n';
  if (output.output) await writeFile(output.output, text);
  else process.stdout.write(text);
}

function usageFailure(err: unknown): number {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${TOOL_NAME}: ${err.format().split('\n').join(`\n${TOOL_NAME}: `)}\n`);
  if (err instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  return EXIT.usage;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `${TOOL_NAME}: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = EXIT.couldNotCheck;
  },
);
