import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseCliArgs } from '../../src/config/cli-args.js';
import { ConfigError } from '../../src/config/errors.js';
import { settingsFromActionInputs } from '../../src/config/inputs.js';
import { parseConfigText } from '../../src/config/load-file.js';

/**
 * Bad input never crashes (issue 9): whatever a person writes, the config side answers with
 * settings or a ConfigError whose problems each print on one line, and never echoes the key.
 */

const KNOWN = ['campaign.status', 'account.connection'];

function expectReadable(error: ConfigError): void {
  expect(error.problems.length).toBeGreaterThan(0);
  expect(error.format().split('\n')).toHaveLength(error.problems.length);
}

describe('the config loader never crashes', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const result = parseConfigText(text, 'f.yml', KNOWN);
        if (!result.ok) expectReadable(new ConfigError(result.problems));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary YAML documents shaped like the config', () => {
    const leaf = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.constantFrom(
      'version',
      'checks',
      'campaigns',
      'accounts',
      'webhooks',
      'severity',
      'ignore',
      'issue',
      'bounce_rate',
      'warning',
      'error',
      'until',
      'check',
      'names',
      'include',
      'campaign.status',
      'x',
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
      ),
    }));
    fc.assert(
      fc.property(tree, (doc) => {
        const result = parseConfigText(stringify(doc), 'f.yml', KNOWN);
        if (!result.ok) {
          expectReadable(new ConfigError(result.problems));
          // Every problem inside a valid YAML document is placed on a line.
          for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the command line never crashes', () => {
  it('on arbitrary arguments', () => {
    const arg = fc.oneof(
      fc.constantFrom(
        'check',
        'demo',
        '--checks',
        '--timeout',
        '--campaign',
        '--format',
        '-h',
        '--',
        '-x',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 6 }), fc.option(fc.string()), (argv, key) => {
        const env = key === null ? {} : { INSTANTLY_API_KEY: key };
        try {
          parseCliArgs(argv, env);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
          expectReadable(err as ConfigError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the action inputs never crash and never echo the key', () => {
  const CANARY = 'CANARYkey0123456789abcdef';

  it('on arbitrary inputs', async () => {
    const names = [
      'checks',
      'base-url',
      'workspace-id',
      'fail-on',
      'rate-limit',
      'timeout',
      'create-issue',
      'issue-labels',
      'issue-assignees',
      'issue-title',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...names), fc.string({ maxLength: 30 })),
        fc.constantFrom('', ' ', '\n', '\t', ' \r\n'),
        fc.nat(CANARY.length),
        async (inputs, space, at) => {
          const key = `${CANARY.slice(0, at)}${space}${CANARY.slice(at)}`;
          const all: Record<string, string> = { 'github-token': 't', ...inputs, 'api-key': key };
          const outcome = await settingsFromActionInputs((name) => all[name] ?? '', {
            cwd: '/nowhere',
            knownChecks: KNOWN,
            readFile: () => Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' })),
          }).then(
            (settings) => settings,
            (err: unknown) => err,
          );
          if (outcome instanceof Error) {
            if (!(outcome instanceof ConfigError)) throw outcome;
            expectReadable(outcome);
            const text = `${outcome.message}\n${JSON.stringify(outcome)}`;
            // No 8-character piece of the key, on either side of the whitespace.
            for (let i = 0; i + 8 <= CANARY.length; i++) {
              expect(text).not.toContain(CANARY.slice(i, i + 8));
            }
          } else {
            expect(space).toBe('');
            expect(outcome).toMatchObject({ apiKey: CANARY });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
