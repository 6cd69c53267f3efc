import type { ReplayCommand } from '../config/cli-args.js';
import type { RunSettings } from '../config/schema.js';
import type { Report } from '../report/model.js';
import { EXIT, exitCodeFor } from '../report/verdict.js';
import { TOOL_NAME } from '../version.js';
import {
  loadRecording,
  missingMessage,
  replayRecording,
  replaySettings,
  startRecording,
  type Recorder,
} from './run.js';

export interface ReplayIo {
  cwd: string;
  knownChecks: readonly string[];
  emit(report: Report): Promise<void>;
  stderr(text: string): void;
}

/**
 * `replay DIR`: the checks against a recording, with the exit codes of `check`; a request the
 * recording does not hold is exit 3, named. A folder that is no recording throws `ConfigError`
 * (exit 2) before anything runs.
 */
export async function runReplayCommand(command: ReplayCommand, io: ReplayIo): Promise<number> {
  const recording = await loadRecording(command.dir);
  const settings = await replaySettings(
    recording,
    {
      ...(command.checks ? { checks: command.checks } : {}),
      ...(command.configPath !== undefined ? { configPath: command.configPath } : {}),
      ...(command.failOn ? { failOn: command.failOn } : {}),
    },
    { cwd: io.cwd, knownChecks: io.knownChecks },
  );
  const { report, missing } = await replayRecording(recording, settings);
  await io.emit(report);
  if (missing.length > 0) {
    io.stderr(`${TOOL_NAME}: ${missingMessage(command.dir, missing)}\n`);
    return EXIT.couldNotCheck;
  }
  return exitCodeFor(report, settings.failOn);
}

/** The CLI's `--record`: a recorder, or nothing when not asked for. */
export function recorderFor(
  record: { dir: string; redactEmails: boolean } | undefined,
): Recorder | undefined {
  return record ? startRecording(record, [process.env.GITHUB_TOKEN]) : undefined;
}

/** Writes the recording after the report; a failure to write is said, never fatal to the run. */
export async function finishRecording(
  recorder: Recorder | undefined,
  report: Report,
  settings: RunSettings,
  dir: string | undefined,
  warn: (text: string) => void,
): Promise<void> {
  if (!recorder) return;
  try {
    await recorder.finish(report, settings);
  } catch (err) {
    warn(
      `${TOOL_NAME}: could not write the recording to ${dir ?? 'its folder'}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
  }
}
