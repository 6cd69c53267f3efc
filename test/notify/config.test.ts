import { describe, expect, it } from '@jest/globals';
import { settingsFromActionInputs } from '../../src/config/inputs.js';
import { ConfigError } from '../../src/config/errors.js';
import { ConfigFile } from '../../src/config/schema.js';
import { mergeSettings } from '../../src/config/settings.js';

const FILE = (yaml: string) => ({
  cwd: '/repo',
  knownChecks: [],
  readFile: () => Promise.resolve(yaml),
});
const inputs =
  (values: Record<string, string>) =>
  (name: string): string =>
    ({ 'api-key': 'k', 'github-token': 't', 'notify-format': 'auto', ...values })[name] ?? '';

describe('notify settings', () => {
  it('is off by default', () => {
    expect(mergeSettings({ apiKey: 'k' }, ConfigFile.parse({})).notify).toBeUndefined();
  });

  it('takes url and format from the file', () => {
    const config = ConfigFile.parse({
      notify: { url: 'https://hooks.slack.com/x', format: 'json' },
    });
    expect(mergeSettings({ apiKey: 'k' }, config).notify).toEqual({
      url: 'https://hooks.slack.com/x',
      format: 'json',
    });
  });

  it('rejects a plain-http URL in the file without echoing its path', () => {
    const result = ConfigFile.safeParse({ notify: { url: 'http://hooks.example.com/SECRET' } });
    expect(result.success).toBe(false);
    const text = JSON.stringify(result.error?.issues);
    expect(text).toContain('only loopback hosts');
    expect(text).not.toContain('SECRET');
  });

  it('the inputs win over the file; an `auto` input leaves the file its format', async () => {
    const yaml = 'notify: { url: "https://file.example/hook", format: teams }\n';
    const a = await settingsFromActionInputs(inputs({ config: 'c.yml' }), FILE(yaml));
    expect(a.notify).toEqual({ url: 'https://file.example/hook', format: 'teams' });
    const b = await settingsFromActionInputs(
      inputs({
        config: 'c.yml',
        'notify-url': 'https://input.example/h',
        'notify-format': 'discord',
      }),
      FILE(yaml),
    );
    expect(b.notify).toEqual({ url: 'https://input.example/h', format: 'discord' });
  });

  it('a bad input is a configuration error naming the input, not the URL', async () => {
    const err = await settingsFromActionInputs(
      inputs({ 'notify-url': 'http://chat.example/SECRET', 'notify-format': 'teems' }),
      FILE(''),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const text = (err as ConfigError).format();
    expect(text).toMatch(/input notify-url: uses http:\/\/ with chat\.example/);
    expect(text).toMatch(/input notify-format: expected one of .*teams/);
    expect(text).not.toContain('SECRET');
  });
});
