import type { ReplayCommand } from '../config/cli-args.js';
import type { RunSettings } from '../config/schema.js';
import type { Report } from '../model/report.js';
import { EXIT, exitCodeFor } from '../report/verdict.js';
import { TOOL_NAME } from '../version.js';
import {
  loadRecording,
  missingMessage,
  replayRecording,
  replaySettings,
  startRecording,
  type Recorder,
  type RecordRequest,
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

/**
 * A recorder when one is asked for (`--record DIR`, the `record` input). `secrets` are the
 * credentials besides the API key (the GitHub token) that must not reach the folder.
 */
export function recorderFor(
  record: RecordRequest | undefined,
  secrets: readonly (string | undefined)[] = [process.env.GITHUB_TOKEN, process.env.GH_TOKEN],
): Recorder | undefined {
  return record ? startRecording(record, secrets) : undefined;
}

/** Writes the recording after the report; a failure to write is said, never fatal to the run. */
export async function finishRecording(
  recorder: Recorder | undefined,
  report: Report,
  settings: RunSettings,
  say: (line: string) => void,
): Promise<void> {
  if (!recorder) return;
  try {
    await recorder.finish(report, settings);
    say(
      `Recording of ${recorder.dispatcher.exchanges.length} requests written to ${recorder.dir} ` +
        `(replay it with: ${TOOL_NAME} replay ${recorder.dir}).`,
    );
  } catch (err) {
    say(
      `Could not write the recording to ${recorder.dir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
