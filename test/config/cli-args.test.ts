import { describe, expect, it } from '@jest/globals';
import {
  parseCliArgs,
  settingsFromCli,
  type CheckCommand,
  type CliCommand,
} from '../../src/config/cli-args.js';
import { ConfigError, UsageError, type ConfigProblem } from '../../src/config/errors.js';
import { ConfigFile } from '../../src/config/schema.js';

const KEY = 'ik_live_Zm9vYmFyYmF6cXV4';
const ENV = { INSTANTLY_API_KEY: KEY };
const KNOWN = ['campaign.status', 'campaign.paused'];

function parse(argv: string[], env: NodeJS.ProcessEnv = ENV): CliCommand {
  return parseCliArgs(argv, env);
}

function check(argv: string[]): CheckCommand {
  const command = parse(['check', ...argv]);
  if (command.command !== 'check') throw new Error(`expected check, got ${command.command}`);
  return command;
}

function failure(argv: string[], env: NodeJS.ProcessEnv = ENV): ConfigError {
  try {
    parse(argv, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected the command line to be rejected');
}

function onlyProblem(argv: string[], env: NodeJS.ProcessEnv = ENV): ConfigProblem {
  const { problems } = failure(argv, env);
  expect(problems).toHaveLength(1);
  return problems[0] as ConfigProblem;
}

describe('parseCliArgs: commands', () => {
  it.each([
    [[]],
    [['--help']],
    [['-h']],
    [['check', '--help']],
    [['demo', '--timeout', 'x', '-h']],
  ])('shows the help for %j', (argv) => {
    expect(parse(argv)).toEqual({ command: 'help' });
  });

  it('prints the version', () => {
    expect(parse(['--version'])).toEqual({ command: 'version' });
  });

  it('needs no key for help, version and demo', () => {
    expect(parse(['--help'], {})).toEqual({ command: 'help' });
    expect(parse(['demo'], {})).toEqual({ command: 'demo', format: 'text' });
  });

  it('runs check with the key from INSTANTLY_API_KEY and no flag', () => {
    expect(parse(['check'])).toEqual({
      command: 'check',
      apiKey: KEY,
      format: 'text',
      flags: { campaignIds: [] },
    });
  });

  it('rejects an unknown command with a suggestion, as a usage error', () => {
    const error = failure(['chek']);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.problems[0]?.message).toBe(`unknown command 'chek'; did you mean "check"?`);
  });

  it('rejects flags without a command', () => {
    expect(onlyProblem(['--checks', 'auth']).message).toBe('missing command');
  });
});

describe('parseCliArgs: check flags', () => {
  it('reads each flag', () => {
    expect(
      check([
        '--checks',
        'webhooks,campaigns',
        '--config',
        'ci/health.yml',
        '--base-url',
        'http://127.0.0.1:8787',
        '--workspace-id',
        'ws-1',
        '--format',
        'json',
        '--output',
        'report.json',
        '--rate-limit',
        '5',
        '--timeout=120',
        '--fail-on',
        'never',
      ]),
    ).toEqual({
      command: 'check',
      apiKey: KEY,
      format: 'json',
      output: 'report.json',
      flags: {
        checks: ['webhooks', 'campaigns'],
        configPath: 'ci/health.yml',
        baseUrl: 'http://127.0.0.1:8787',
        workspaceId: 'ws-1',
        rateLimit: 5,
        timeoutSeconds: 120,
        failOn: 'never',
        campaignIds: [],
      },
    });
  });

  it('repeats --campaign for each campaign of a launch gate', () => {
    expect(
      check(['--campaign', 'c-1', '--campaign=c-2', '--campaign', 'c-1']).flags.campaignIds,
    ).toEqual(['c-1', 'c-2']);
  });

  it('suggests the right flag for a misspelt one, as a usage error', () => {
    const error = failure(['check', '--campain', 'c-1']);
    expect(error).toBeInstanceOf(UsageError);
    // The misspelt flag's value is not reported again as a stray argument.
    expect(error.problems).toEqual([
      {
        source: '--campain',
        message: 'unknown option; did you mean "--campaign"?',
        hint: 'Run instantly-health --help for the options.',
      },
    ]);
    expect(error.format()).toBe(
      '--campain: unknown option; did you mean "--campaign"? Run instantly-health --help for the options.',
    );
  });

  it('refuses the key as a flag and says where it goes', () => {
    const problem = failure(['check', '--api-key', KEY]).problems[0];
    expect(problem?.message).toBe('the API key is never taken from a flag');
    expect(problem?.hint).toContain('INSTANTLY_API_KEY');
    expect(failure(['check', '--api-key', KEY]).format()).not.toContain(KEY);
  });

  it('reports a flag without its value', () => {
    expect(onlyProblem(['check', '--timeout'])).toMatchObject({
      source: '--timeout',
      message: 'needs a value',
      hint: 'Example: --timeout 300.',
    });
  });

  it('does not swallow the next flag as a missing value', () => {
    const error = failure(['check', '--checks', '--campaign', 'c-1']);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.problems[0]).toMatchObject({ source: '--checks', message: 'needs a value' });
  });

  it('rejects stray arguments, guessing what they were meant for', () => {
    expect(onlyProblem(['check', '0199c1d2-aaaa'])).toMatchObject({
      message: "unexpected argument '0199c1d2-aaaa'",
      hint: 'Give campaign ids with --campaign, once per id.',
    });
    expect(onlyProblem(['check', 'auth,webhooks']).hint).toBe(
      'To choose suites, use --checks auth,webhooks.',
    );
  });

  it.each([
    ['--format', 'html', `expected one of text, markdown, json, got 'html'`],
    [
      '--fail-on',
      'warn',
      `expected one of error, warning, never, got 'warn'; did you mean "warning"?`,
    ],
    ['--checks', 'auth,hooks', `unknown suite 'hooks'`],
    ['--rate-limit', '0', 'expected a number of requests per second above 0 and at most 100'],
    ['--timeout', '-5', 'expected a number of seconds above 0'],
    ['--base-url', 'http://api.instantly.ai', 'http:// is only allowed for loopback hosts'],
    ['--campaign', 'has space', 'expected a campaign id'],
    ['--workspace-id', 'a/b', 'expected a workspace id'],
  ])('rejects %s %s as a configuration error naming the flag', (flag, value, message) => {
    const error = failure(['check', flag, value]);
    expect(error).not.toBeInstanceOf(UsageError);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.source).toBe(flag);
    expect(error.problems[0]?.message).toContain(message);
  });

  it('is a configuration error when INSTANTLY_API_KEY is missing or empty', () => {
    for (const env of [{}, { INSTANTLY_API_KEY: '' }]) {
      const problem = onlyProblem(['check'], env);
      expect(problem).toMatchObject({ source: 'INSTANTLY_API_KEY', message: 'is not set' });
      expect(problem.hint).toMatch(/read -rs INSTANTLY_API_KEY/);
    }
  });

  it('rejects a key with whitespace without echoing it', () => {
    const error = failure(['check'], { INSTANTLY_API_KEY: `${KEY}\n` });
    expect(error.problems[0]?.message).toBe(
      'the key contains whitespace (a trailing newline from the secret?)',
    );
    expect(error.format()).not.toContain(KEY);
  });

  it('reports every problem of the command line at once', () => {
    const error = failure(['check', '--timout', '5', '--format', 'xml', '--fail-on', 'x'], {});
    expect(error).toBeInstanceOf(UsageError);
    expect(error.problems.map((p) => p.source)).toEqual([
      '--timout',
      '--format',
      '--fail-on',
      'INSTANTLY_API_KEY',
    ]);
  });
});

describe('parseCliArgs: demo', () => {
  it('takes --format and --output', () => {
    expect(parse(['demo', '--format', 'markdown', '--output', 'demo.md'], {})).toEqual({
      command: 'demo',
      format: 'markdown',
      output: 'demo.md',
    });
  });

  it('rejects the flags of check', () => {
    const problem = onlyProblem(['demo', '--timeout', '5'], {});
    expect(problem).toMatchObject({ source: '--timeout', message: 'is not an option of demo' });
  });
});

describe('settingsFromCli', () => {
  function files(map: Record<string, string>) {
    return (path: string) => {
      const text = map[path];
      return text === undefined
        ? Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }))
        : Promise.resolve(text);
    };
  }

  it('gives the defaults when no flag is set and there is no config file', async () => {
    expect(
      await settingsFromCli(check([]), { cwd: '/w', knownChecks: KNOWN, readFile: files({}) }),
    ).toEqual({
      apiKey: KEY,
      baseUrl: 'https://api.instantly.ai',
      checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
      rateLimit: 10,
      timeoutSeconds: 300,
      failOn: 'error',
      campaignIds: [],
      config: ConfigFile.parse({}),
    });
  });

  it('merges flags over the file over the defaults', async () => {
    const readFile = files({
      '/w/.github/instantly-health.yml': 'checks: [accounts]\naccounts: { scope: all }\n',
    });
    const fromFile = await settingsFromCli(check([]), { cwd: '/w', knownChecks: KNOWN, readFile });
    expect(fromFile.checks).toEqual(['auth', 'accounts']);
    expect(fromFile.config.accounts.scope).toBe('all');
    expect(fromFile.configPath).toBe('.github/instantly-health.yml');

    const flagged = await settingsFromCli(check(['--checks', 'webhooks', '--timeout', '30']), {
      cwd: '/w',
      knownChecks: KNOWN,
      readFile,
    });
    expect(flagged.checks).toEqual(['auth', 'webhooks']);
    expect(flagged.timeoutSeconds).toBe(30);
    expect(flagged.config.accounts.scope).toBe('all');
  });

  it('requires a file named with --config to exist', async () => {
    const error = await settingsFromCli(check(['--config', 'missing.yml']), {
      cwd: '/w',
      knownChecks: KNOWN,
      readFile: files({}),
    }).catch((err: unknown) => err);
    expect((error as ConfigError).problems[0]).toMatchObject({
      source: 'missing.yml',
      message: 'config file not found',
    });
  });

  it('reports config file problems with line and key', async () => {
    const error = await settingsFromCli(check([]), {
      cwd: '/w',
      knownChecks: KNOWN,
      readFile: files({
        '/w/.github/instantly-health.yml': 'severity:\n  campaign.stauts: error\n',
      }),
    }).catch((err: unknown) => err);
    expect((error as ConfigError).format()).toBe(
      `.github/instantly-health.yml:2:3: severity["campaign.stauts"]: unknown check id 'campaign.stauts'; did you mean "campaign.status"?`,
    );
  });

  it('refuses --campaign when the run leaves out the campaigns suite', async () => {
    const error = await settingsFromCli(check(['--campaign', 'c-1', '--checks', 'accounts']), {
      cwd: '/w',
      knownChecks: KNOWN,
      readFile: files({}),
    }).catch((err: unknown) => err);
    expect((error as ConfigError).problems[0]?.source).toBe('--campaign');
  });

  it('keeps the launch gate campaigns', async () => {
    const settings = await settingsFromCli(check(['--campaign', 'c-1', '--campaign', 'c-2']), {
      cwd: '/w',
      knownChecks: KNOWN,
      readFile: files({}),
    });
    expect(settings.campaignIds).toEqual(['c-1', 'c-2']);
  });
});

describe('parseCliArgs: --record and replay (contract section 8)', () => {
  it('records only when asked, with emails pseudonymised unless --no-redact-emails', () => {
    expect(check([]).record).toBeUndefined();
    expect(check(['--record', 'rec']).record).toEqual({ dir: 'rec', redactEmails: true });
    expect(check(['--record', 'rec', '--redact-emails']).record?.redactEmails).toBe(true);
    expect(check(['--record', 'rec', '--no-redact-emails']).record?.redactEmails).toBe(false);
  });

  it('rejects the email flags without --record, and an empty folder name', () => {
    const problem = onlyProblem(['check', '--no-redact-emails']);
    expect(problem.source).toBe('--no-redact-emails');
    expect(problem.message).toContain('only applies with --record DIR');
    expect(onlyProblem(['check', '--record=']).message).toBe('needs a folder name');
  });

  it('replay takes the folder and the output and check-selection flags, no key', () => {
    expect(
      parse(
        ['replay', 'rec', '--format', 'json', '--checks', 'campaigns', '--fail-on', 'warning'],
        {},
      ),
    ).toEqual({
      command: 'replay',
      dir: 'rec',
      format: 'json',
      checks: ['campaigns'],
      failOn: 'warning',
    });
  });

  it('replay without a folder, or with a flag of check, is a usage error', () => {
    const missing = failure(['replay'], {});
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.problems[0]?.message).toBe('needs the recording folder');
    const flag = failure(['replay', 'rec', '--base-url', 'https://x.example'], {});
    expect(flag).toBeInstanceOf(UsageError);
    expect(flag.problems[0]?.message).toBe('is not an option of replay');
  });
});
