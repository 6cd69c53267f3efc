import { parseArgs } from 'node:util';
import { SUITE_NAMES, type SuiteName } from '../model/report.js';
import { quote } from './describe.js';
import { ConfigError, Problems, UsageError, type ConfigProblem } from './errors.js';
import { readConfigFile, type ReadFile } from './load-file.js';
import type { NotifyFormat, RunSettings } from './schema.js';
import { DEFAULTS, mergeSettings, type SettingsOverrides } from './settings.js';
import { didYouMean } from './suggest.js';
import {
  checkApiKey,
  parseBaseUrl,
  parseFailOn,
  parseHeartbeatUrl,
  parseId,
  parseNotifyFormat,
  parseNotifyUrl,
  parseRateLimit,
  parseSuites,
  parseTimeout,
  type FailOn,
} from './values.js';

export const OUTPUT_FORMATS = ['text', 'markdown', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const API_KEY_ENV = 'INSTANTLY_API_KEY';

/** Flags of `check` (contract section 2), validated; unset ones take the file's or the defaults. */
export interface CheckFlags {
  checks?: SuiteName[];
  /** Set when `--config` was given: then the file must exist. */
  configPath?: string;
  baseUrl?: string;
  campaignIds: string[];
  workspaceId?: string;
  rateLimit?: number;
  timeoutSeconds?: number;
  failOn?: FailOn;
  /** `--heartbeat-url`: pinged after the run (contract section 6). */
  heartbeatUrl?: string;
  /** `--notify-url`, `--notify-format` (contract section 7). */
  notifyUrl?: string;
  notifyFormat?: NotifyFormat;
}

export interface OutputOptions {
  format: OutputFormat;
  /** Write the report to this file instead of stdout. */
  output?: string;
}

export interface CheckCommand extends OutputOptions {
  command: 'check';
  apiKey: string;
  flags: CheckFlags;
  /** `--record DIR`: write a recording of the run (contract section 8); off unless asked. */
  record?: { dir: string; redactEmails: boolean };
}

/** `replay DIR`: the checks against a recording, no key, no network (contract section 8). */
export interface ReplayCommand extends OutputOptions {
  command: 'replay';
  dir: string;
  checks?: SuiteName[];
  configPath?: string;
  failOn?: FailOn;
}

export interface DemoCommand extends OutputOptions {
  command: 'demo';
}

export type CliCommand =
  { command: 'help' } | { command: 'version' } | CheckCommand | DemoCommand | ReplayCommand;

const COMMANDS = ['check', 'demo', 'replay'] as const;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  checks: { type: 'string' },
  config: { type: 'string' },
  'base-url': { type: 'string' },
  campaign: { type: 'string', multiple: true },
  'workspace-id': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  'rate-limit': { type: 'string' },
  timeout: { type: 'string' },
  'fail-on': { type: 'string' },
  'heartbeat-url': { type: 'string' },
  record: { type: 'string' },
  'redact-emails': { type: 'boolean' },
  'no-redact-emails': { type: 'boolean' },
  'notify-url': { type: 'string' },
  'notify-format': { type: 'string' },
} as const;
type OptionName = keyof typeof OPTIONS;

const DEMO_OPTIONS: readonly OptionName[] = ['help', 'version', 'format', 'output'];
const REPLAY_OPTIONS: readonly OptionName[] = [...DEMO_OPTIONS, 'config', 'checks', 'fail-on'];
const RECORD_OPTIONS: readonly OptionName[] = ['record', 'redact-emails', 'no-redact-emails'];
const FLAG_NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

/**
 * Parses the command line (contract section 2). Every problem is collected: an unknown command
 * or flag, or a missing value, is a `UsageError` (the CLI prints the usage after it); a bad value
 * or a missing `INSTANTLY_API_KEY` a `ConfigError`. Both exit 2, before any request.
 */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const usage = new Problems();
  const values = new Map<OptionName, string[]>();
  const positionals: string[] = [];
  let skipNext = -1;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (token.index !== skipNext) positionals.push(token.value);
      continue;
    }
    if (!isOption(token.name)) {
      usage.add(unknownFlag(token.rawName));
      // `--campain X`: X was meant as the unknown flag's value, not as an argument of its own.
      if (token.value === undefined) skipNext = token.index + 1;
      continue;
    }
    const spec = OPTIONS[token.name];
    if (spec.type === 'boolean') {
      values.set(token.name, ['true']);
      continue;
    }
    // Without strict mode parseArgs takes the next argument even when it is another flag.
    if (
      token.value === undefined ||
      (!token.inlineValue && token.value.startsWith('--') && token.value.length > 2)
    ) {
      usage.add({ source: token.rawName, message: 'needs a value', hint: usageOf(token.name) });
      continue;
    }
    values.set(token.name, [...(values.get(token.name) ?? []), token.value]);
  }

  if (values.has('help')) return { command: 'help' };
  if (values.has('version')) return { command: 'version' };
  if (argv.length === 0) return { command: 'help' };

  const [commandName, ...rest] = positionals;
  // `replay DIR`: the folder is the one argument a command takes.
  const dir = commandName === 'replay' ? rest[0] : undefined;
  const extra = commandName === 'replay' ? rest.slice(1) : rest;
  const command = COMMANDS.find((c) => c === commandName);
  if (commandName === undefined) {
    usage.add({ source: 'command line', message: 'missing command', hint: 'Use check or demo.' });
  } else if (command === undefined) {
    usage.add({
      source: 'command line',
      message: `unknown command ${quote(commandName)}${didYouMean(commandName, COMMANDS)}`,
      hint: 'The commands are check, demo and replay.',
    });
  }
  for (const arg of extra) {
    usage.add({
      source: 'command line',
      message: `unexpected argument ${quote(arg)}`,
      hint: arg.split(',').every((part) => SUITE_NAMES.some((suite) => suite === part.trim()))
        ? `To choose suites, use --checks ${arg}.`
        : 'Give campaign ids with --campaign, once per id.',
    });
  }
  if (command === 'replay') {
    if (dir === undefined) {
      usage.add({
        source: 'replay',
        message: 'needs the recording folder',
        hint: 'Example: replay ./instantly-recording (written by check --record DIR).',
      });
    }
    for (const name of values.keys()) {
      if (!REPLAY_OPTIONS.includes(name)) {
        usage.add({
          source: `--${name}`,
          message: 'is not an option of replay',
          hint: 'replay takes --format, --output, --config, --checks and --fail-on; the rest comes from the recording.',
        });
      }
    }
  }
  if (command === 'check' && !values.has('record')) {
    for (const name of RECORD_OPTIONS.filter((n) => values.has(n))) {
      usage.add({
        source: `--${name}`,
        message: 'only applies with --record DIR',
        hint: 'Example: check --record ./instantly-recording --no-redact-emails.',
      });
    }
  }
  if (command === 'demo') {
    for (const name of values.keys()) {
      if (!DEMO_OPTIONS.includes(name)) {
        usage.add({
          source: `--${name}`,
          message: 'is not an option of demo',
          hint: 'demo takes only --format and --output; it needs no key and no network.',
        });
      }
    }
  }

  const problems = new Problems();
  const last = (name: OptionName) => values.get(name)?.at(-1);
  const format = parseFormat(last('format'), problems);
  const output = last('output');
  if (output === '') problems.add({ source: '--output', message: 'needs a file name' });

  if (command === 'check') {
    const flags = parseCheckFlags(last, values.get('campaign') ?? [], problems);
    const apiKey = checkApiKey(env[API_KEY_ENV] ?? '', API_KEY_ENV, problems, {
      message: 'is not set',
      hint: `Export the key first: export ${API_KEY_ENV}=… (Instantly → Settings → Integrations → API keys). It is read only from the environment, never from a flag, so it stays out of shell history.`,
    });
    throwProblems(usage, problems);
    if (apiKey === undefined) throw new Error('unreachable: an invalid key is a problem');
    const record = recordOption(last('record'), values.has('no-redact-emails'), problems);
    problems.throwIfAny(ConfigError);
    return {
      command: 'check',
      apiKey,
      flags,
      format,
      ...(output ? { output } : {}),
      ...(record ? { record } : {}),
    };
  }
  if (command === 'replay') {
    const flags = parseCheckFlags(last, [], problems);
    throwProblems(usage, problems);
    return {
      command: 'replay',
      dir: dir ?? '',
      format,
      ...(output ? { output } : {}),
      ...(flags.checks ? { checks: flags.checks } : {}),
      ...(flags.configPath !== undefined ? { configPath: flags.configPath } : {}),
      ...(flags.failOn ? { failOn: flags.failOn } : {}),
    };
  }
  throwProblems(usage, problems);
  return { command: 'demo', format, ...(output ? { output } : {}) };
}

/** `--record DIR`: emails are pseudonymised unless `--no-redact-emails` is given. */
function recordOption(
  dir: string | undefined,
  keepEmails: boolean,
  problems: Problems,
): { dir: string; redactEmails: boolean } | undefined {
  if (dir === undefined) return undefined;
  if (dir.trim() === '') {
    problems.add({ source: '--record', message: 'needs a folder name' });
    return undefined;
  }
  return { dir, redactEmails: !keepEmails };
}

function isOption(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

function unknownFlag(rawName: string): ConfigProblem {
  if (/^--?(api-?key|key|token)$/i.test(rawName)) {
    return {
      source: rawName,
      message: 'the API key is never taken from a flag',
      hint: `Export it instead: export ${API_KEY_ENV}=… (so it stays out of shell history).`,
    };
  }
  return {
    source: rawName,
    message: `unknown option${didYouMean(rawName.startsWith('--') ? rawName : `--${rawName.replace(/^-+/, '')}`, FLAG_NAMES)}`,
    hint: 'Run instantly-health --help for the options.',
  };
}

function usageOf(name: OptionName): string {
  const examples: Partial<Record<OptionName, string>> = {
    checks: '--checks auth,campaigns',
    config: '--config .github/instantly-health.yml',
    'base-url': '--base-url https://api.instantly.ai',
    campaign: '--campaign <campaign id>',
    'workspace-id': '--workspace-id <sub-workspace id>',
    format: '--format text|markdown|json',
    output: '--output report.json',
    'rate-limit': '--rate-limit 10',
    timeout: '--timeout 300',
    'fail-on': '--fail-on error|warning|never',
    'heartbeat-url': '--heartbeat-url https://hc-ping.com/<uuid>',
    record: '--record ./instantly-recording',
    'notify-url': '--notify-url https://hooks.slack.com/services/…',
    'notify-format': '--notify-format auto|slack|teams|discord|json',
  };
  return `Example: ${examples[name] ?? `--${name}`}.`;
}

function parseFormat(raw: string | undefined, problems: Problems): OutputFormat {
  if (raw === undefined) return 'text';
  const format = OUTPUT_FORMATS.find((f) => f === raw.toLowerCase());
  if (format === undefined) {
    problems.add({
      source: '--format',
      message: `expected one of ${OUTPUT_FORMATS.join(', ')}, got ${quote(raw)}${didYouMean(raw, OUTPUT_FORMATS)}`,
    });
    return 'text';
  }
  return format;
}

function parseCheckFlags(
  last: (name: OptionName) => string | undefined,
  campaigns: readonly string[],
  problems: Problems,
): CheckFlags {
  const flags: CheckFlags = { campaignIds: [] };
  const each = <T>(
    name: OptionName,
    parse: (raw: string, source: string, p: Problems) => T | undefined,
    set: (value: T) => void,
  ) => {
    const raw = last(name)?.trim();
    if (raw === undefined) return;
    const value = parse(raw, `--${name}`, problems);
    if (value !== undefined) set(value);
  };
  each('checks', parseSuites, (v) => (flags.checks = v));
  each(
    'config',
    (raw, source, p) => {
      if (raw === '') p.add({ source, message: 'needs a file name' });
      return raw === '' ? undefined : raw;
    },
    (v) => (flags.configPath = v),
  );
  each('base-url', parseBaseUrl, (v) => (flags.baseUrl = v));
  each(
    'workspace-id',
    (raw, src, p) => parseId(raw, src, 'workspace', p),
    (v) => (flags.workspaceId = v),
  );
  each('rate-limit', parseRateLimit, (v) => (flags.rateLimit = v));
  each('timeout', parseTimeout, (v) => (flags.timeoutSeconds = v));
  each('fail-on', parseFailOn, (v) => (flags.failOn = v));
  each('heartbeat-url', parseHeartbeatUrl, (v) => (flags.heartbeatUrl = v));
  each('notify-url', parseNotifyUrl, (v) => (flags.notifyUrl = v));
  each('notify-format', parseNotifyFormat, (v) => (flags.notifyFormat = v));
  for (const raw of campaigns) {
    const id = parseId(raw.trim(), '--campaign', 'campaign', problems);
    if (id !== undefined && !flags.campaignIds.includes(id)) flags.campaignIds.push(id);
  }
  return flags;
}

function throwProblems(usage: Problems, values: Problems): void {
  if (!usage.empty) throw new UsageError([...usage.list, ...values.list]);
  values.throwIfAny(ConfigError);
}

export interface CliSettingsOptions {
  cwd: string;
  /** Check ids `severity` and `ignore` may name; default: the catalogue (src/model/checks.ts). */
  knownChecks?: readonly string[];
  readFile?: ReadFile;
}

/** Flags over the config file over the defaults; the file is read only now, after the flags passed. */
export async function settingsFromCli(
  command: CheckCommand,
  options: CliSettingsOptions,
): Promise<RunSettings> {
  const { flags } = command;
  const path = flags.configPath ?? DEFAULTS.configPath;
  const file = await readConfigFile(path, {
    cwd: options.cwd,
    required: flags.configPath !== undefined,
    knownChecks: options.knownChecks,
    ...(options.readFile ? { readFile: options.readFile } : {}),
  });
  if (!file.ok) throw new ConfigError(file.problems);

  const overrides: SettingsOverrides = { apiKey: command.apiKey, campaignIds: flags.campaignIds };
  if (flags.checks) overrides.checks = flags.checks;
  if (flags.baseUrl !== undefined) overrides.baseUrl = flags.baseUrl;
  if (flags.workspaceId !== undefined) overrides.workspaceId = flags.workspaceId;
  if (flags.rateLimit !== undefined) overrides.rateLimit = flags.rateLimit;
  if (flags.timeoutSeconds !== undefined) overrides.timeoutSeconds = flags.timeoutSeconds;
  if (flags.failOn !== undefined) overrides.failOn = flags.failOn;
  if (flags.heartbeatUrl !== undefined) overrides.heartbeatUrl = flags.heartbeatUrl;
  if (flags.notifyUrl !== undefined) overrides.notifyUrl = flags.notifyUrl;
  if (flags.notifyFormat !== undefined) overrides.notifyFormat = flags.notifyFormat;
  const settings = mergeSettings(overrides, file.config, file.found ? path : undefined);

  if (settings.campaignIds.length > 0 && !settings.checks.includes('campaigns')) {
    throw new ConfigError([
      {
        source: '--campaign',
        message: 'needs the campaigns suite, which this run leaves out',
        hint: 'Add campaigns to --checks (or to checks in the config file).',
      },
    ]);
  }
  return settings;
}
