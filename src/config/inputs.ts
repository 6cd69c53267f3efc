import { normalize } from 'node:path';
import { quote } from './describe.js';
import { Problems } from './errors.js';
import { readConfigFile, type ReadFile } from './load-file.js';
import type { IssueConfig, RunSettings } from './schema.js';
import { DEFAULTS, mergeSettings, type SettingsOverrides } from './settings.js';
import {
  checkApiKey,
  parseBaseUrl,
  parseBoolean,
  parseFailOn,
  parseHeartbeatUrl,
  parseId,
  parseNotifyFormat,
  parseNotifyUrl,
  parseRateLimit,
  parseSuites,
  parseTimeout,
} from './values.js';

/** The tracking issue's settings (contract sections 1 and 5), from the inputs and the file. */
export interface TrackingSettings {
  /** `false`: only report. The issue is still read, when the token allows, for `regressed`. */
  create: boolean;
  /** May be empty only when `create` is false. */
  token: string;
  /** Title of a new issue; undefined means `Instantly health: <workspace name>`. */
  title?: string;
  /** Never empty; the first label is the one the tracking issue is found by. */
  labels: [string, ...string[]];
  assignees: string[];
  /**
   * Thresholds from the config file's `issue` section (the same object as the top-level
   * `config.issue`), named like `TrackOptions.config` so the two line up.
   */
  config: IssueConfig;
}

export interface ActionSettings extends RunSettings {
  tracking: TrackingSettings;
}

export interface ActionInputOptions {
  /** The workspace checkout (GITHUB_WORKSPACE); relative config paths resolve against it. */
  cwd: string;
  /** Every check id of the catalogue, to validate `severity` and `ignore` in the file. */
  /** Check ids `severity` and `ignore` may name; default: the catalogue (src/model/checks.ts). */
  knownChecks?: readonly string[];
  readFile?: ReadFile;
}

/** `getInput` of @actions/core; empty string for an input that is not set. */
export type GetInput = (name: string) => string;

/** The action.yml default of `checks`, which getInput returns when the user set nothing. */
const CHECKS_INPUT_DEFAULT = DEFAULTS.checks.join(',');

/** GitHub's limits, checked here so a bad value fails before any request rather than at the end. */
const MAX_TITLE = 256;
const MAX_LABEL = 50;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/**
 * Reads and validates every action input (contract section 1) and the config file, and merges
 * them. All problems are collected and thrown together as one `ConfigError`, before any client
 * exists. The API key is never part of a message.
 */
export async function settingsFromActionInputs(
  getInput: GetInput,
  options: ActionInputOptions,
): Promise<ActionSettings> {
  const input = (name: string) => getInput(name).trim();
  const source = (name: string) => `input ${name}`;
  const problems = new Problems();

  // Not trimmed: whitespace in the key is a problem to report, not to hide.
  const apiKey = checkApiKey(getInput('api-key'), source('api-key'), problems, {
    message: 'is empty',
    hint: 'Pass the key from a secret: `api-key: ${{ secrets.INSTANTLY_API_KEY }}`. An empty value usually means the secret is not defined here, or is not given to workflows from forks.',
  });

  const overrides: Omit<SettingsOverrides, 'apiKey'> = {};
  const checksRaw = input('checks');
  // action.yml always supplies its default, so the default means "not set": the file decides.
  if (checksRaw.replace(/\s/g, '') !== CHECKS_INPUT_DEFAULT) {
    const checks = parseSuites(checksRaw, source('checks'), problems);
    if (checks !== undefined) overrides.checks = checks;
  }
  const optional = <T>(
    name: string,
    parse: (raw: string, src: string, p: Problems) => T | undefined,
  ) => {
    const raw = input(name);
    return raw === '' ? undefined : parse(raw, source(name), problems);
  };
  const baseUrl = optional('base-url', parseBaseUrl);
  if (baseUrl !== undefined) overrides.baseUrl = baseUrl;
  const workspaceId = optional('workspace-id', (raw, src, p) => parseId(raw, src, 'workspace', p));
  if (workspaceId !== undefined) overrides.workspaceId = workspaceId;
  const rateLimit = optional('rate-limit', parseRateLimit);
  if (rateLimit !== undefined) overrides.rateLimit = rateLimit;
  const timeout = optional('timeout', parseTimeout);
  if (timeout !== undefined) overrides.timeoutSeconds = timeout;
  const failOn = optional('fail-on', parseFailOn);
  if (failOn !== undefined) overrides.failOn = failOn;
  const heartbeatUrl = optional('heartbeat-url', parseHeartbeatUrl);
  if (heartbeatUrl !== undefined) overrides.heartbeatUrl = heartbeatUrl;
  const notifyUrl = optional('notify-url', parseNotifyUrl);
  if (notifyUrl !== undefined) overrides.notifyUrl = notifyUrl;
  // action.yml's default `auto` means "not set": the file's format decides then.
  const notifyFormat = optional('notify-format', parseNotifyFormat);
  if (notifyFormat !== undefined && notifyFormat !== 'auto') overrides.notifyFormat = notifyFormat;

  const create = optional('create-issue', parseBoolean) ?? true;
  const token = input('github-token');
  if (create && token === '') {
    problems.add({
      source: source('github-token'),
      message: 'is empty, but create-issue is true',
      hint: 'Leave github-token at its default (${{ github.token }}) and give the job `permissions: issues: write`, or set create-issue: false.',
    });
  }
  const title = input('issue-title');
  if (title.length > MAX_TITLE) {
    problems.add({
      source: source('issue-title'),
      message: `is ${title.length} characters long; GitHub allows at most ${MAX_TITLE}`,
    });
  }
  const labels = parseLabels(input('issue-labels'), problems);
  const assignees = parseAssignees(input('issue-assignees'), problems);

  const configRaw = input('config') || DEFAULTS.configPath;
  // Only the default path may be missing: a path the user named must exist.
  const required = normalize(configRaw) !== normalize(DEFAULTS.configPath);
  const file = await readConfigFile(configRaw, {
    cwd: options.cwd,
    required,
    knownChecks: options.knownChecks,
    confine: true,
    ...(options.readFile ? { readFile: options.readFile } : {}),
  });
  if (!file.ok) problems.addAll(file.problems);

  problems.throwIfAny();
  // Every validator above recorded a problem for each undefined it returned.
  if (apiKey === undefined || !file.ok || labels === undefined) {
    throw new Error('unreachable: validation returned no value and no problem');
  }
  const settings = mergeSettings(
    { apiKey, ...overrides },
    file.config,
    file.found ? configRaw : undefined,
  );
  const tracking: TrackingSettings = {
    create,
    token,
    labels,
    assignees,
    config: file.config.issue,
  };
  if (title !== '') tracking.title = title;
  return { ...settings, tracking };
}

function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Like every input, an empty value means the default: the lookup label cannot be absent. */
const DEFAULT_LABEL = 'instantly-health';

function parseLabels(raw: string, problems: Problems): [string, ...string[]] | undefined {
  const labels = [...new Set(splitList(raw))];
  const [first = DEFAULT_LABEL, ...rest] = labels;
  const tooLong = [first, ...rest].filter((label) => label.length > MAX_LABEL);
  for (const label of tooLong) {
    problems.add({
      source: 'input issue-labels',
      message: `label ${quote(label)} is longer than GitHub's ${MAX_LABEL} characters`,
    });
  }
  return tooLong.length === 0 ? [first, ...rest] : undefined;
}

function parseAssignees(raw: string, problems: Problems): string[] {
  const logins = splitList(raw).map((login) => login.replace(/^@/, ''));
  for (const login of logins) {
    if (!LOGIN.test(login)) {
      problems.add({
        source: 'input issue-assignees',
        message: `${quote(login)} is not a GitHub login`,
        hint: 'Give comma-separated logins, e.g. octocat, hubot.',
      });
    }
  }
  return [...new Set(logins.filter((login) => LOGIN.test(login)))];
}
