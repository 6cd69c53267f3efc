import { SUITE_NAMES, type SuiteName } from '../model/report.js';
import type { ConfigFile, NotifyFormat, RunSettings } from './schema.js';
import { withAuthFirst, type FailOn } from './values.js';

/** The defaults of contract sections 1 and 2, in one place. */
export const DEFAULTS = {
  baseUrl: 'https://api.instantly.ai',
  configPath: '.github/instantly-health.yml',
  // `deliverability` is opt-in: it needs the inbox_placement_* scopes (docs/instantly-api.md).
  checks: SUITE_NAMES.filter((s) => s !== 'deliverability'),
  rateLimit: 10,
  timeoutSeconds: 300,
  failOn: 'error',
} as const satisfies {
  baseUrl: string;
  configPath: string;
  checks: readonly SuiteName[];
  rateLimit: number;
  timeoutSeconds: number;
  failOn: FailOn;
};

/** What the action inputs or CLI flags set, already validated; unset fields take the defaults. */
export interface SettingsOverrides {
  apiKey: string;
  baseUrl?: string;
  workspaceId?: string;
  checks?: readonly SuiteName[];
  rateLimit?: number;
  timeoutSeconds?: number;
  failOn?: FailOn;
  campaignIds?: readonly string[];
  /** `heartbeat-url` / `--heartbeat-url`: over the file's `heartbeat.url`. */
  heartbeatUrl?: string;
  /** `notify-url` / `--notify-url` and the format, over the file's `notify`. */
  notifyUrl?: string;
  notifyFormat?: NotifyFormat;
}

/**
 * The one merge: inputs or flags over the config file over the defaults. Only `checks` exists
 * in both the file and the inputs; everything else comes from one of them.
 */
export function mergeSettings(
  overrides: SettingsOverrides,
  config: ConfigFile,
  configPath?: string,
): RunSettings {
  const settings: RunSettings = {
    apiKey: overrides.apiKey,
    baseUrl: overrides.baseUrl ?? DEFAULTS.baseUrl,
    checks: withAuthFirst(overrides.checks ?? config.checks ?? DEFAULTS.checks),
    rateLimit: overrides.rateLimit ?? DEFAULTS.rateLimit,
    timeoutSeconds: overrides.timeoutSeconds ?? DEFAULTS.timeoutSeconds,
    failOn: overrides.failOn ?? DEFAULTS.failOn,
    campaignIds: [...(overrides.campaignIds ?? [])],
    config,
  };
  if (overrides.workspaceId !== undefined) settings.workspaceId = overrides.workspaceId;
  if (configPath !== undefined) settings.configPath = configPath;
  const heartbeatUrl = overrides.heartbeatUrl ?? config.heartbeat.url;
  if (heartbeatUrl !== undefined) settings.heartbeatUrl = heartbeatUrl;
  const notifyUrl = overrides.notifyUrl ?? config.notify.url;
  if (notifyUrl !== '') {
    settings.notify = { url: notifyUrl, format: overrides.notifyFormat ?? config.notify.format };
  }
  return settings;
}
