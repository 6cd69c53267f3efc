import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Agent } from 'undici';
import { ConfigError } from '../config/errors.js';
import { readConfigFile } from '../config/load-file.js';
import { ConfigFile, type RunSettings } from '../config/schema.js';
import type { FailOn } from '../config/values.js';
import { withAuthFirst } from '../config/values.js';
import type { Report, SuiteName } from '../model/report.js';
import { runHealthCheck, type HealthRunOptions } from '../run-health.js';
import { Exchange, FILES, Manifest } from './exchange.js';
import { RecordingDispatcher } from './recording-dispatcher.js';
import { ReplayDispatcher } from './replay-dispatcher.js';
import { writeRecording, type RecordedSettings } from './write-recording.js';

/** `--record DIR [--no-redact-emails]`, or the action's `record` input. */
export interface RecordRequest {
  dir: string;
  redactEmails: boolean;
}

export interface Recorder {
  dir: string;
  /** Give it to `runHealthCheck` (options.dispatcher): it wraps a real keep-alive Agent. */
  dispatcher: RecordingDispatcher;
  /** Writes the folder (redacted) and closes the real Agent. */
  finish(report: Report, settings: RunSettings): Promise<void>;
}

/**
 * Recording for one run. `secrets` are every credential the run holds (the API key, the GitHub
 * token): none of them reaches the folder in any form.
 */
export function startRecording(
  request: RecordRequest,
  secrets: readonly (string | undefined)[],
  inner = new Agent({ keepAliveTimeout: 10_000, connections: 4 }),
  source?: string,
): Recorder {
  const dispatcher = new RecordingDispatcher(inner);
  return {
    dir: request.dir,
    dispatcher,
    async finish(report, settings) {
      try {
        await writeRecording(request.dir, {
          exchanges: dispatcher.exchanges,
          report,
          settings,
          secrets: [settings.apiKey, ...secrets].filter((s): s is string => !!s),
          redactEmails: request.redactEmails,
          ...(source ? { source } : {}),
        });
      } finally {
        await inner.close();
      }
    },
  };
}

export interface Recording {
  dir: string;
  manifest: Manifest;
  exchanges: Exchange[];
  settings: RecordedSettings;
}

/** Reads and validates a recording folder; a missing or damaged one is a `ConfigError` (exit 2). */
export async function loadRecording(dir: string): Promise<Recording> {
  const read = async (name: string): Promise<unknown> => {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw problem(
        code === 'ENOENT' ? `has no ${name}` : `cannot read ${name} (${code ?? String(err)})`,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw problem(`${name} is not valid JSON`);
    }
  };
  const problem = (message: string) =>
    new ConfigError([
      {
        source: dir,
        message: `is not a recording: it ${message}`,
        hint: "Give the folder written by `check --record DIR` (or the action's record input).",
      },
    ]);
  const manifest = Manifest.safeParse(await read(FILES.manifest));
  if (!manifest.success) throw problem(`${FILES.manifest} is not one this version can read`);
  const exchanges = Exchange.array().safeParse(
    ((await read(FILES.exchanges)) as { exchanges?: unknown } | null)?.exchanges,
  );
  if (!exchanges.success) throw problem(`${FILES.exchanges} is damaged`);
  const raw = (await read(FILES.settings)) as Record<string, unknown> | null;
  const config = ConfigFile.safeParse(raw?.config ?? {});
  if (!raw || !config.success) throw problem(`${FILES.settings} is damaged`);
  const settings = { ...(raw as unknown as RecordedSettings), config: config.data };
  return { dir, manifest: manifest.data, exchanges: exchanges.data, settings };
}

/** What `replay` may change: which suites, the config file, the failure threshold. */
export interface ReplayOverrides {
  checks?: readonly SuiteName[];
  configPath?: string;
  failOn?: FailOn;
}

/** The recorded settings, with the replay's flags over them (a new config file replaces the old). */
export async function replaySettings(
  recording: Recording,
  overrides: ReplayOverrides,
  options: { cwd: string; knownChecks: readonly string[] },
): Promise<RunSettings> {
  const settings: RunSettings = { ...recording.settings, apiKey: 'replay' };
  if (overrides.configPath !== undefined) {
    const file = await readConfigFile(overrides.configPath, {
      cwd: options.cwd,
      required: true,
      knownChecks: options.knownChecks,
    });
    if (!file.ok) throw new ConfigError(file.problems);
    settings.config = file.config;
    settings.configPath = overrides.configPath;
    if (file.config.checks) settings.checks = withAuthFirst(file.config.checks);
  }
  if (overrides.checks) settings.checks = withAuthFirst(overrides.checks);
  if (overrides.failOn) settings.failOn = overrides.failOn;
  return settings;
}

const REPLAY_RATE = 10_000;

export interface ReplayResult {
  report: Report;
  /** Requests the checks made that the recording does not hold; non-empty fails the replay. */
  missing: readonly string[];
}

/** The engine against the recording: no network, the clock pinned to the recorded run's start. */
export async function replayRecording(
  recording: Recording,
  settings: RunSettings,
  options: Pick<HealthRunOptions, 'onProgress'> = {},
): Promise<ReplayResult> {
  const dispatcher = new ReplayDispatcher(recording.exchanges);
  const startedAt = new Date(recording.manifest.startedAt);
  // No real budget to spare: the recorded answers come as fast as the checks ask.
  const report = await runHealthCheck(
    { ...settings, rateLimit: REPLAY_RATE },
    {
      ...options,
      dispatcher,
      now: () => startedAt,
      // Backoff waits for nothing in a replay (the answers are already here); a recorded
      // Retry-After is still obeyed, since how long it asked for can decide the findings.
      client: { retry: { baseDelayMs: 0, maxDelayMs: 0 } },
    },
  );
  return { report, missing: dispatcher.missing };
}

/** Why a replay stopped: the requests the recording does not hold, named. */
export function missingMessage(dir: string, missing: readonly string[]): string {
  const shown = missing.slice(0, 5).map((m) => `  ${m}`);
  if (missing.length > 5) shown.push(`  … and ${missing.length - 5} more`);
  return (
    `the checks asked for ${missing.length === 1 ? 'a request' : `${missing.length} requests`} ` +
    `that the recording in ${dir} does not hold:\n${shown.join('\n')}\n` +
    'A check changed since the recording (or --checks/--config ask for more): record the run ' +
    'again with this version.'
  );
}
