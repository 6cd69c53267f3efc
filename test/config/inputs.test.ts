import { describe, expect, it } from '@jest/globals';
import { ConfigError, type ConfigProblem } from '../../src/config/errors.js';
import { settingsFromActionInputs, type ActionSettings } from '../../src/config/inputs.js';
import { ConfigFile } from '../../src/config/schema.js';

const KNOWN = ['campaign.status', 'campaign.paused', 'account.warmup-score'];
const KEY = 'ik_live_Zm9vYmFyYmF6cXV4';

/** What @actions/core's getInput returns with action.yml's defaults, plus the user's inputs. */
const ACTION_DEFAULTS: Record<string, string> = {
  checks: 'auth,campaigns,accounts,webhooks',
  config: '.github/instantly-health.yml',
  'base-url': 'https://api.instantly.ai',
  'workspace-id': '',
  'github-token': 'ghs_token',
  'create-issue': 'true',
  'issue-title': '',
  'issue-labels': 'instantly-health',
  'issue-assignees': '',
  'fail-on': 'error',
  'rate-limit': '10',
  timeout: '300',
};

interface Run {
  inputs?: Record<string, string>;
  files?: Record<string, string>;
}

function settings({ inputs = {}, files = {} }: Run = {}): Promise<ActionSettings> {
  const all: Record<string, string> = { ...ACTION_DEFAULTS, 'api-key': KEY, ...inputs };
  return settingsFromActionInputs((name) => all[name] ?? '', {
    cwd: '/repo',
    knownChecks: KNOWN,
    readFile: (path) => {
      const text = files[path];
      if (text !== undefined) return Promise.resolve(text);
      return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
    },
  });
}

async function problems(run: Run): Promise<ConfigProblem[]> {
  const error = await settings(run).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

async function onlyProblem(run: Run): Promise<ConfigProblem> {
  const list = await problems(run);
  expect(list).toHaveLength(1);
  return list[0] as ConfigProblem;
}

describe('settingsFromActionInputs: valid inputs', () => {
  it('gives the contract defaults when only the key is set and there is no config file', async () => {
    expect(await settings()).toEqual({
      apiKey: KEY,
      baseUrl: 'https://api.instantly.ai',
      checks: ['auth', 'campaigns', 'accounts', 'webhooks'],
      rateLimit: 10,
      timeoutSeconds: 300,
      failOn: 'error',
      campaignIds: [],
      config: ConfigFile.parse({}),
      tracking: {
        create: true,
        token: 'ghs_token',
        labels: ['instantly-health'],
        assignees: [],
        config: {
          failure_threshold: 1,
          success_threshold: 1,
          close_on_recovery: true,
          blind_threshold: 3,
        },
      },
    });
  });

  it('reads every input', async () => {
    const result = await settings({
      inputs: {
        checks: 'campaigns\nwebhooks',
        'base-url': 'https://eu.instantly.example/',
        'workspace-id': '0199c1d2-aaaa-bbbb',
        'fail-on': 'Warning',
        'rate-limit': '2.5',
        timeout: '60',
        'create-issue': 'FALSE',
        'github-token': '',
        'issue-title': 'Outbound health',
        'issue-labels': 'outbound, health ,outbound',
        'issue-assignees': '@octocat, hubot',
      },
    });
    expect(result).toMatchObject({
      checks: ['auth', 'campaigns', 'webhooks'],
      baseUrl: 'https://eu.instantly.example',
      workspaceId: '0199c1d2-aaaa-bbbb',
      failOn: 'warning',
      rateLimit: 2.5,
      timeoutSeconds: 60,
      tracking: {
        create: false,
        token: '',
        title: 'Outbound health',
        labels: ['outbound', 'health'],
        assignees: ['octocat', 'hubot'],
      },
    });
  });

  it('always runs auth, first', async () => {
    expect((await settings({ inputs: { checks: 'webhooks,auth,campaigns' } })).checks).toEqual([
      'auth',
      'campaigns',
      'webhooks',
    ]);
    expect((await settings({ inputs: { checks: 'accounts' } })).checks).toEqual([
      'auth',
      'accounts',
    ]);
  });

  it('lets the checks input override the file, and the file decide when the input is left at its default', async () => {
    const files = { '/repo/.github/instantly-health.yml': 'checks: [campaigns]\n' };
    expect((await settings({ files })).checks).toEqual(['auth', 'campaigns']);
    expect((await settings({ files, inputs: { checks: 'webhooks' } })).checks).toEqual([
      'auth',
      'webhooks',
    ]);
  });

  it('reads the config file at the given path, relative to the workspace', async () => {
    const result = await settings({
      inputs: { config: 'ci/health.yml' },
      files: { '/repo/ci/health.yml': 'accounts:\n  scope: all\n' },
    });
    expect(result.config.accounts.scope).toBe('all');
    expect(result.configPath).toBe('ci/health.yml');
  });

  it('passes the file issue thresholds to the tracking settings', async () => {
    const result = await settings({
      files: { '/repo/.github/instantly-health.yml': 'issue: { failure_threshold: 3 }\n' },
    });
    expect(result.tracking.config.failure_threshold).toBe(3);
  });

  it.each(['http://localhost:8787', 'http://127.0.0.1:9000/', 'http://[::1]:3000'])(
    'allows plain http to the loopback host %s (the simulator)',
    async (url) => {
      expect((await settings({ inputs: { 'base-url': url } })).baseUrl).toBe(
        url.replace(/\/$/, ''),
      );
    },
  );
});

describe('settingsFromActionInputs: each invalid input names the input and the fix', () => {
  it('an empty api-key', async () => {
    const problem = await onlyProblem({ inputs: { 'api-key': '' } });
    expect(problem.source).toBe('input api-key');
    expect(problem.message).toBe('is empty');
    expect(problem.hint).toContain('secrets.INSTANTLY_API_KEY');
  });

  it.each([
    ['a trailing newline', `${KEY}\n`],
    ['a space inside', `${KEY.slice(0, 8)} ${KEY.slice(8)}`],
  ])('an api-key with whitespace (%s), without echoing the key', async (_, key) => {
    const error = await settings({ inputs: { 'api-key': key } }).catch((err: unknown) => err);
    const problem = (error as ConfigError).problems[0];
    expect(problem).toMatchObject({
      source: 'input api-key',
      message: 'the key contains whitespace (a trailing newline from the secret?)',
    });
    expect((error as ConfigError).message).not.toContain(KEY.slice(0, 8));
    expect(JSON.stringify(error)).not.toContain(KEY.slice(8));
  });

  it('an api-key pasted with its "Bearer " prefix', async () => {
    expect((await onlyProblem({ inputs: { 'api-key': `Bearer ${KEY}` } })).message).toBe(
      'the key starts with "Bearer "',
    );
  });

  it('an api-key with characters a header cannot carry', async () => {
    expect((await onlyProblem({ inputs: { 'api-key': `${KEY}é` } })).message).toMatch(
      /cannot be sent in an HTTP header/,
    );
  });

  it('an unknown suite in checks, with a suggestion', async () => {
    expect(await onlyProblem({ inputs: { checks: 'auth, campains' } })).toEqual({
      source: 'input checks',
      message: `unknown suite 'campains'; did you mean "campaigns"?`,
      hint: 'The suites are auth, campaigns, accounts, webhooks, deliverability.',
    });
  });

  it.each([
    [
      'http://api.instantly.ai',
      /^http:\/\/ is only allowed for loopback hosts/,
      'Use https://api.instantly.ai.',
    ],
    [
      'https://api.instantly.ai/api/v2',
      /^expected only an origin/,
      'Use https://api.instantly.ai: requests go to <base-url>/api/v2/... by themselves.',
    ],
    ['https://api.instantly.ai/?x=1', /^expected only an origin/, undefined],
    ['api.instantly.ai', /^not a URL/, 'Give the API origin, e.g. https://api.instantly.ai.'],
    ['ftp://api.instantly.ai', /^expected an https:\/\/ URL/, undefined],
  ])('a base-url of %s', async (url, message, hint) => {
    const problem = await onlyProblem({ inputs: { 'base-url': url } });
    expect(problem.source).toBe('input base-url');
    expect(problem.message).toMatch(message);
    if (hint !== undefined) expect(problem.hint).toBe(hint);
  });

  it('a base-url wrong in scheme and path at once, with fixes that agree', async () => {
    const list = await problems({ inputs: { 'base-url': 'http://api.instantly.ai/api/v2' } });
    expect(list.map((p) => p.hint)).toEqual([
      'Use https://api.instantly.ai.',
      'Use https://api.instantly.ai: requests go to <base-url>/api/v2/... by themselves.',
    ]);
  });

  it('a base-url with credentials, without echoing them', async () => {
    const error = (await problems({ inputs: { 'base-url': 'https://me:s3cret@api.instantly.ai' } }))
      .map((p) => `${p.message} ${p.hint ?? ''}`)
      .join('\n');
    expect(error).toContain('user name or password');
    expect(error).not.toContain('s3cret');
  });

  it.each([
    ['rate-limit', '0'],
    ['rate-limit', '-1'],
    ['rate-limit', '101'],
    ['rate-limit', 'fast'],
    ['rate-limit', '0x10'],
    ['timeout', '0'],
    ['timeout', '5m'],
    ['timeout', '99999'],
  ])('%s: %s', async (name, value) => {
    const problem = await onlyProblem({ inputs: { [name]: value } });
    expect(problem.source).toBe(`input ${name}`);
    expect(problem.message).toContain(`got '${value}'`);
    expect(problem.hint).toBeDefined();
  });

  it('a fail-on that is not error, warning or never', async () => {
    expect(await onlyProblem({ inputs: { 'fail-on': 'errors' } })).toEqual({
      source: 'input fail-on',
      message: `expected one of error, warning, never, got 'errors'; did you mean "error"?`,
    });
  });

  it('a create-issue that is not true or false', async () => {
    expect(await onlyProblem({ inputs: { 'create-issue': 'yes' } })).toEqual({
      source: 'input create-issue',
      message: "expected true or false, got 'yes'",
    });
  });

  it('an empty github-token while create-issue is true', async () => {
    const problem = await onlyProblem({ inputs: { 'github-token': '' } });
    expect(problem.source).toBe('input github-token');
    expect(problem.hint).toMatch(/issues: write.*create-issue: false/);
  });

  it('issue-labels left empty: the default label, since the first label is how the issue is found', async () => {
    expect((await settings({ inputs: { 'issue-labels': ' , ' } })).tracking.labels).toEqual([
      'instantly-health',
    ]);
  });

  it('an issue label longer than GitHub allows', async () => {
    const problem = await onlyProblem({ inputs: { 'issue-labels': `ok, ${'x'.repeat(51)}` } });
    expect(problem.source).toBe('input issue-labels');
    expect(problem.message).toMatch(/longer than GitHub's 50 characters/);
  });

  it('an issue-assignees entry that is not a login', async () => {
    expect(
      (await onlyProblem({ inputs: { 'issue-assignees': 'octocat, not a login' } })).message,
    ).toBe("'not a login' is not a GitHub login");
  });

  it('a workspace-id that could inject into a header', async () => {
    const problem = await onlyProblem({ inputs: { 'workspace-id': 'abc\r\nx-evil: 1' } });
    expect(problem.source).toBe('input workspace-id');
    expect(problem.message).not.toContain('\n');
  });

  it('a config path the user gave that does not exist', async () => {
    expect(await onlyProblem({ inputs: { config: 'ci/health.yml' } })).toMatchObject({
      source: 'ci/health.yml',
      message: 'config file not found',
    });
  });

  it('an invalid config file, with line and key', async () => {
    expect(
      await onlyProblem({
        files: { '/repo/.github/instantly-health.yml': 'campaigns:\n  sending_statu: true\n' },
      }),
    ).toMatchObject({
      source: '.github/instantly-health.yml',
      line: 2,
      key: 'campaigns.sending_statu',
      message: 'unknown key; did you mean "sending_status"?',
    });
  });

  it('reports every bad input and the file problems together', async () => {
    const list = await problems({
      inputs: { 'api-key': '', 'rate-limit': '0', 'fail-on': 'sometimes' },
      files: { '/repo/.github/instantly-health.yml': 'version: 2\n' },
    });
    expect(list.map((p) => p.source)).toEqual([
      'input api-key',
      'input rate-limit',
      'input fail-on',
      '.github/instantly-health.yml',
    ]);
  });
});
