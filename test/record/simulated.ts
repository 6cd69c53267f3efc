import { Agent } from 'undici';
import { ConfigFile, type RunSettings } from '../../src/config/schema.js';
import { startRecording } from '../../src/record/run.js';
import type { Report } from '../../src/model/report.js';
import { exitCodeFor } from '../../src/report/verdict.js';
import { runHealthCheck } from '../../src/run-health.js';
import {
  startSimulator,
  type RunningSimulator,
  type ScenarioSpec,
} from '../../src/simulator/index.js';

/** The simulated "today" of every recorded scenario (dates in the data are relative to it). */
export const RECORDED_NOW = new Date('2026-11-30T12:00:00.000Z');
export const SEED = 7;

export interface RecordedRun {
  report: Report;
  exitCode: number;
  /** Raw exchanges before redaction (what the folder must not leak). */
  raw: readonly { response: unknown; path: string }[];
}

export function settingsFor(sim: RunningSimulator, baseUrl = sim.url): RunSettings {
  return {
    apiKey: sim.apiKey,
    baseUrl,
    checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
    rateLimit: 1000,
    timeoutSeconds: 60,
    failOn: 'error',
    campaignIds: [],
    config: ConfigFile.parse({}),
  };
}

/**
 * One live run against a running simulator with a recorder on the transport, written to `dir`.
 * `secrets` are the extra credentials (a GitHub token) the folder must not hold.
 */
export async function recordRun(
  settings: RunSettings,
  dir: string,
  options: { redactEmails: boolean; secrets?: string[]; source?: string },
): Promise<RecordedRun> {
  const recorder = startRecording(
    { dir, redactEmails: options.redactEmails },
    options.secrets ?? [],
    new Agent({ keepAliveTimeout: 1000 }),
    options.source,
  );
  const report = await runHealthCheck(settings, {
    dispatcher: recorder.dispatcher,
    now: () => RECORDED_NOW,
    client: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
  });
  await recorder.finish(report, settings);
  return {
    report,
    exitCode: exitCodeFor(report, settings.failOn),
    raw: recorder.dispatcher.exchanges,
  };
}

/** Records a named simulator scenario with a fixed seed and day, the simulator stopped after. */
export async function recordScenario(
  scenario: string | ScenarioSpec,
  dir: string,
  options: { redactEmails: boolean; source?: string },
): Promise<RecordedRun> {
  const sim = await startSimulator({ scenario, seed: SEED, now: RECORDED_NOW });
  try {
    return await recordRun(settingsFor(sim), dir, options);
  } finally {
    await sim.stop();
  }
}

export function fingerprints(report: Report): string[] {
  return report.findings.map((f) => f.fingerprint).sort();
}
