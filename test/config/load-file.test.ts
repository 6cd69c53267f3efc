import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, type ConfigProblem } from '../../src/config/errors.js';
import { loadConfigFile, parseConfigText, readConfigFile } from '../../src/config/load-file.js';
import { ConfigFile } from '../../src/config/schema.js';

const FILE = '.github/instantly-health.yml';
const KNOWN = ['campaign.status', 'campaign.paused', 'account.warmup-score', 'account.connection'];

function problemsOf(text: string): ConfigProblem[] {
  const result = parseConfigText(text, FILE, KNOWN);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.problems;
}

function only(text: string): ConfigProblem {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0] as ConfigProblem;
}

function lines(text: string): string {
  return new ConfigError(problemsOf(text)).format();
}

describe('valid files', () => {
  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# nothing configured yet\n\n# version: 1\n'],
    ['a document marker only', '---\n'],
  ])('accepts %s and gives every default of the contract', (_, text) => {
    const result = parseConfigText(text, FILE, KNOWN);
    expect(result).toEqual({ ok: true, config: ConfigFile.parse({}) });
    if (!result.ok) return;
    expect(result.config.campaigns.bounce_rate).toEqual({
      warning: 0.03,
      error: 0.05,
      min_sent: 50,
      window_days: 7,
    });
    expect(result.config.accounts.scope).toBe('in_active_campaigns');
    expect(result.config.webhooks.send_test).toBe(false);
    expect(result.config.checks).toBeUndefined();
  });

  it('keeps the contract example working as written', () => {
    const text = `version: 1
checks: [auth, campaigns, accounts, webhooks]
campaigns:
  include: { status: [active], tags: [], names: [], ids: [] }
  exclude: { names: ["^Test "] }
  bounce_rate: { warning: 0.03, error: 0.05, min_sent: 50, window_days: 7 }
  min_remaining_leads: 1
  sending_status: true
accounts:
  scope: in_active_campaigns
  warmup_score: { warning: 80, error: 60 }
  dns: true
  warmup_analytics: true
  trend: { window_days: 7, inbox_drop: 0.15 }
  spam_rate: { warning: 0.05, error: 0.15 }
  bounce_rate: { warning: 0.03, error: 0.05, min_sent: 30, window_days: 7 }
  volume_near_cap: 0.9
webhooks:
  failure_rate: { warning: 0.05, error: 0.20, min_events: 20, window_days: 1 }
  require_events: []
  send_test: false
severity:
  campaign.paused: warning
ignore:
  - { check: account.warmup-score, resource: "old@example.com", until: 2027-01-31, reason: "retiring" }
issue:
  failure_threshold: 1
  success_threshold: 1
  close_on_recovery: true
`;
    const result = parseConfigText(text, FILE, KNOWN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // YAML 1.2: an unquoted date stays the user's own text.
    expect(result.config.ignore[0]?.until).toBe('2027-01-31');
    expect(result.config.severity).toEqual({ 'campaign.paused': 'warning' });
    expect(result.config.campaigns.exclude.names).toEqual(['^Test ']);
  });

  it('treats a section left with only commented-out keys as its defaults', () => {
    const result = parseConfigText('issue:\n  # failure_threshold: 3\naccounts:\n', FILE, KNOWN);
    expect(result.ok && result.config.issue).toEqual({
      failure_threshold: 1,
      success_threshold: 1,
      close_on_recovery: true,
      blind_threshold: 3,
    });
  });

  it('fills the defaults around the keys a section sets', () => {
    const result = parseConfigText('campaigns:\n  bounce_rate:\n    error: 0.1\n', FILE, KNOWN);
    expect(result.ok && result.config.campaigns.bounce_rate).toEqual({
      warning: 0.03,
      error: 0.1,
      min_sent: 50,
      window_days: 7,
    });
  });
});

describe('config errors name the file, the line, the column and the key', () => {
  it('reports a misspelt key with the nearest valid key at that level', () => {
    const text = 'version: 1\ncampaigns:\n  bounce_rate:\n    warning: 0.03\n    warnig: 0.04\n';
    expect(only(text)).toEqual({
      source: FILE,
      line: 5,
      column: 5,
      key: 'campaigns.bounce_rate.warnig',
      message: 'unknown key; did you mean "warning"?',
    });
    expect(lines(text)).toBe(
      `${FILE}:5:5: campaigns.bounce_rate.warnig: unknown key; did you mean "warning"?`,
    );
  });

  it('suggests across spelling styles and at the top level', () => {
    expect(only('campaign:\n  sending_status: true\n')).toMatchObject({
      line: 1,
      column: 1,
      key: 'campaign',
      message: 'unknown key; did you mean "campaigns"?',
    });
    expect(only('accounts:\n  warmup-score: { warning: 80 }\n').message).toBe(
      'unknown key; did you mean "warmup_score"?',
    );
  });

  it('lists the valid keys instead of guessing when no key is close', () => {
    const problem = only('webhooks:\n  colour: blue\n');
    expect(problem.message).toBe('unknown key');
    expect(problem.hint).toBe('Valid keys here: failure_rate, require_events, send_test.');
  });

  it('tells where the API key goes when someone puts it in the file, without echoing it', () => {
    const problem = only('api_key: sk_live_abc123\n');
    expect(problem.hint).toMatch(/never goes in the config file/);
    expect(lines('api_key: sk_live_abc123\n')).not.toContain('sk_live_abc123');
  });

  it('reports a wrong type with what was expected and what was found', () => {
    const problem = only('campaigns:\n  bounce_rate:\n    min_sent: five\n');
    expect(problem).toMatchObject({
      line: 3,
      column: 15,
      key: 'campaigns.bounce_rate.min_sent',
      message: "expected a number, got the string 'five'",
    });
  });

  it.each([
    ['a quoted number', 'campaigns:\n  min_remaining_leads: "3"\n', 'Remove the quotes: 3.'],
    ['a quoted boolean', 'webhooks:\n  send_test: "TRUE"\n', 'Remove the quotes: true.'],
    [
      'a list written as text',
      'checks: auth, campaigns\n',
      'Write a list, e.g. [auth, campaigns].',
    ],
  ])('gives the fix for %s', (_, text, hint) => {
    expect(only(text).hint).toBe(hint);
  });

  it('rejects a fractional count', () => {
    expect(only('webhooks:\n  failure_rate: { window_days: 1.5 }\n').message).toBe(
      'expected a whole number, got the number 1.5',
    );
  });

  it('reports an invalid regex in include and exclude names, with the reason', () => {
    const problems = problemsOf(
      'campaigns:\n  include: { names: ["^(Q4"] }\n  exclude:\n    names: ["ok", "[a-"]\n',
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        key: 'campaigns.include.names[0]',
        message: "invalid regular expression '^(Q4': Unterminated group",
      }),
      expect.objectContaining({
        line: 4,
        key: 'campaigns.exclude.names[1]',
        message: expect.stringMatching(/^invalid regular expression '\[a-'/) as unknown,
      }),
    ]);
  });

  it('refuses a regex that can backtrack catastrophically, saying why', () => {
    const problems = problemsOf('campaigns:\n  exclude:\n    names: ["^(a+)+$", "^Test "]\n');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        key: 'campaigns.exclude.names[0]',
        message: expect.stringMatching(
          /^regular expression '\^\(a\+\)\+\$' is refused because matching it could hang the run: a repeated group contains another repeat/,
        ) as unknown,
      }),
    ]);
  });

  it.each([
    ['not a date', 'next month'],
    ['a day that does not exist', '2027-02-30'],
    ['a month that does not exist', '2027-13-01'],
    ['a day-first date', '31/01/2027'],
    ['a date-time without a zone', '2027-01-31T10:00'],
    ['a date-time on a day that does not exist', '2027-02-30T10:00:00Z'],
  ])('reports a bad date in ignore.until (%s)', (_, date) => {
    const problem = only(`ignore:\n  - check: campaign.status\n    until: ${date}\n`);
    expect(problem).toMatchObject({ line: 3, column: 12, key: 'ignore[0].until' });
    expect(problem.message).toMatch(
      /^invalid date '.*': write the last day to silence as YYYY-MM-DD/,
    );
  });

  it('reports an ignore entry without an end date at the entry', () => {
    expect(only('ignore:\n  - check: campaign.status\n')).toMatchObject({
      line: 2,
      key: 'ignore[0].until',
      message: 'required key is missing: expected a date (YYYY-MM-DD)',
    });
  });

  it.each([
    [
      'a negative threshold',
      'campaigns:\n  bounce_rate: { warning: -0.01 }\n',
      'must be at least 0, got the number -0.01',
    ],
    [
      'a percentage for a fraction',
      'accounts:\n  spam_rate: { error: 15 }\n',
      'must be at most 1, got the number 15',
    ],
    [
      'a negative count',
      'campaigns:\n  min_remaining_leads: -1\n',
      'must be at least 0, got the number -1',
    ],
  ])('reports %s', (_, text, message) => {
    expect(only(text).message).toBe(message);
  });

  it('points a percentage at the fraction rule', () => {
    expect(only('accounts:\n  spam_rate: { error: 15 }\n').hint).toBe(
      'Thresholds are fractions: write 0.05 for 5 %.',
    );
  });

  it('reports inverted rate thresholds at the section', () => {
    expect(only('campaigns:\n  bounce_rate:\n    warning: 0.1\n    error: 0.05\n')).toMatchObject({
      line: 2,
      column: 3,
      key: 'campaigns.bounce_rate',
      message:
        'warning (0.1) is greater than error (0.05): the warning threshold must be the lower one, so it fires first',
    });
  });

  it('reports an inverted warmup score, where lower is worse', () => {
    expect(only('accounts:\n  warmup_score: { warning: 50, error: 70 }\n').message).toMatch(
      /^error \(70\) is greater than warning \(50\)/,
    );
  });

  it('reports an unknown check id in severity, with a suggestion', () => {
    expect(only('severity:\n  campaign.pausd: warning\n')).toEqual({
      source: FILE,
      line: 2,
      column: 3,
      key: 'severity["campaign.pausd"]',
      message: `unknown check id 'campaign.pausd'; did you mean "campaign.paused"?`,
    });
  });

  it('reports an unknown check id in ignore, with a suggestion', () => {
    expect(only('ignore:\n  - { check: account.warmup-scor, until: 2027-01-31 }\n')).toMatchObject({
      line: 2,
      column: 14,
      key: 'ignore[0].check',
      message: `unknown check id 'account.warmup-scor'; did you mean "account.warmup-score"?`,
    });
  });

  it('lists the checks of the same family when an unknown id is not close to any', () => {
    expect(only('severity:\n  account.dkim-thing: warning\n').hint).toBe(
      'Known account checks: account.warmup-score, account.connection.',
    );
  });

  it("accepts every id of the catalogue by default, the policy's own included", () => {
    expect(parseConfigText('severity:\n  config.ignore-expired: error\n', FILE).ok).toBe(true);
    expect(parseConfigText('severity:\n  campaign.stauts: error\n', FILE).ok).toBe(false);
  });

  it('rejects a severity that is not error or warning', () => {
    expect(only('severity:\n  campaign.status: unknown\n').message).toBe(
      "expected one of error, warning, got the string 'unknown'",
    );
  });

  it('reports an unknown suite in checks, with a suggestion', () => {
    expect(only('checks: [auth, campain]\n')).toMatchObject({
      line: 1,
      column: 16,
      key: 'checks[1]',
      message:
        'expected one of auth, campaigns, accounts, webhooks, deliverability, got the string \'campain\'; did you mean "campaigns"?',
    });
  });

  it('rejects another config version', () => {
    expect(only('version: 2\n')).toMatchObject({
      key: 'version',
      message: 'expected 1, got the number 2',
      hint: 'This release reads config version 1.',
    });
  });

  it('rejects a file that is not a mapping', () => {
    expect(only('- auth\n- campaigns\n').message).toBe(
      'expected a mapping (key: value), got a list',
    );
  });

  it('reports every problem, top to bottom, not only the first', () => {
    const text = `checks: [auth, campain]
campaigns:
  bounce_rate: { warnig: 0.03, min_sent: five }
severity:
  campaign.pausd: warning
ignore:
  - { check: campaign.status, until: 2027-02-30 }
`;
    expect(lines(text).split('\n')).toEqual([
      `${FILE}:1:16: checks[1]: expected one of auth, campaigns, accounts, webhooks, deliverability, got the string 'campain'; did you mean "campaigns"?`,
      `${FILE}:3:18: campaigns.bounce_rate.warnig: unknown key; did you mean "warning"?`,
      `${FILE}:3:42: campaigns.bounce_rate.min_sent: expected a number, got the string 'five'`,
      `${FILE}:5:3: severity["campaign.pausd"]: unknown check id 'campaign.pausd'; did you mean "campaign.paused"?`,
      `${FILE}:7:38: ignore[0].until: invalid date '2027-02-30': write the last day to silence as YYYY-MM-DD, e.g. 2027-01-31`,
    ]);
  });

  it('reports a __proto__ key as unknown instead of letting it reach the prototype', () => {
    expect(only('__proto__: { version: 2 }\n')).toMatchObject({
      key: '__proto__',
      message: 'unknown key',
    });
    expect(only('campaigns:\n  __proto__: { sending_status: 5 }\n').key).toBe(
      'campaigns.__proto__',
    );
  });

  it('keeps a hostile value on one line', () => {
    const text = 'campaigns:\n  min_remaining_leads: "a\\nb\\u0007c"\n';
    const formatted = lines(text);
    expect(formatted.split('\n')).toHaveLength(1);
    expect(formatted).toContain("'a\\nb\\u0007c'");
  });
});

describe('invalid YAML', () => {
  it('reports the line and column of the YAML error', () => {
    const problem = only('campaigns:\n  bounce_rate: { warning: 0.03\nwebhooks: {}\n');
    expect(problem.source).toBe(FILE);
    expect(problem.line).toBeGreaterThanOrEqual(2);
    expect(problem.message).toMatch(/^invalid YAML: /);
    expect(problem.message).not.toContain('\n');
  });

  it('reports a duplicate key at its second occurrence', () => {
    expect(only('version: 1\ncampaigns: {}\ncampaigns: {}\n')).toMatchObject({
      line: 3,
      column: 1,
      message: 'invalid YAML: Map keys must be unique',
    });
  });

  it('reports a tab used for indentation', () => {
    const problem = problemsOf('campaigns:\n\tsending_status: true\n')[0];
    expect(problem).toMatchObject({
      line: 2,
      message: expect.stringMatching(/^invalid YAML: /) as unknown,
    });
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    expect(only(bomb).message).toMatch(/^invalid YAML: /);
  });
});

describe('reading the file', () => {
  async function repo(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'ih-config-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  it('uses the defaults when the default file is missing', async () => {
    const cwd = await repo({});
    await expect(
      readConfigFile(FILE, { cwd, required: false, knownChecks: KNOWN }),
    ).resolves.toEqual({
      ok: true,
      config: ConfigFile.parse({}),
      found: false,
    });
  });

  it('is an error when a file the user named is missing', async () => {
    const cwd = await repo({});
    const error = await loadConfigFile('config/health.yml', {
      cwd,
      required: true,
      knownChecks: KNOWN,
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).format()).toMatch(
      /^config\/health\.yml: config file not found\. Check the path/,
    );
  });

  it('reads a file relative to the working directory and names it as the user wrote it', async () => {
    const cwd = await repo({ [FILE]: 'campaigns:\n  sending_status: no\n' });
    const result = await readConfigFile(FILE, { cwd, required: false, knownChecks: KNOWN });
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          source: FILE,
          line: 2,
          key: 'campaigns.sending_status',
          message: "expected true or false, got the string 'no'",
        }),
      ],
    });
  });

  it('reports a directory where the file should be, even at the default path', async () => {
    const cwd = await repo({ [`${FILE}/x`]: '' });
    const result = await readConfigFile(FILE, { cwd, required: false, knownChecks: KNOWN });
    expect(result).toEqual({
      ok: false,
      problems: [{ source: FILE, message: 'is a directory, not a config file' }],
    });
  });
});
